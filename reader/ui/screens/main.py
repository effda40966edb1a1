"""The reading screen: article list, article text and links panel, plus search and history."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen

from ...analysis.model import Anchor, Corpus
from .. import commands
from ..lookup import CorpusIndex
from ..messages import AnalysisFailed, AnalysisFinished, AnalysisProgressed, ArticlesArrived
from ..sanitize import clip, content, printable
from ..widgets.article_list import ArticleList
from ..widgets.article_view import ArticleView, Cursor
from ..widgets.key_bar import KeyBar
from ..widgets.legend import Legend
from ..widgets.links_panel import LinksPanel
from ..widgets.problems import ProblemsList
from ..widgets.progress_line import ProgressLine
from ..widgets.search_bar import SearchBar
from .compare_keys import CompareKeys

if TYPE_CHECKING:
    from ..reading import StateStore

NARROW = 100
"""Below this many columns the links panel is hidden unless toggled with `s`."""

HISTORY_LIMIT = 200


class MainScreen(CompareKeys, Screen[None]):
    """Everything the reader does happens here; the app only loads the corpus."""

    # Providers are loaded when the palette first opens, not at start-up.
    COMMANDS = Screen.COMMANDS | {commands.articles, commands.entities, commands.events, commands.bookmarks}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next paragraph", show=False, id="paragraph.next", tooltip="Move the cursor one paragraph down"),
        Binding("k", "cursor_up", "Previous paragraph", show=False, id="paragraph.previous", tooltip="Move the cursor one paragraph up"),
        Binding("g", "first", "Top", show=False, id="paragraph.first", tooltip="Go to the top of the article"),
        Binding("G", "last", "Bottom", show=False, id="paragraph.last", tooltip="Go to the bottom of the article"),
        Binding("J", "next_article", "Next article", show=False, id="article.next", tooltip="Open the next article in the list"),
        Binding("K,p", "previous_article", "Previous article", show=False, id="article.previous", tooltip="Open the previous article in the list"),
        Binding("n", "next", "Next article / hit", show=False, id="article.next_or_hit", tooltip="Next search hit while searching, else the next article"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="search.previous", tooltip="Previous search hit"),
        Binding("m", "bookmark", "Bookmark", show=False, id="paragraph.bookmark", tooltip="Bookmark this paragraph, or remove its bookmark (Ctrl+P lists them)"),
        Binding("enter", "follow", "Follow", show=False, id="link.follow", tooltip="Follow the strongest link of this paragraph"),
        Binding("backspace,b", "back", "Back", id="link.back", tooltip="Go back to where you were before the last jump"),
        Binding("slash", "search", "Search", id="search.start", tooltip="Search the text of every article"),
        Binding("e", "next_entity", "Next entity", show=False, id="entity.next", tooltip="Put the cursor on the next named entity"),
        Binding("E", "filter_entity", "Filter by entity", show=False, id="entity.filter", tooltip="List only articles mentioning the entity under the cursor"),
        Binding("r", "toggle_removed", "Removed lines", show=False, id="view.removed", tooltip="Show or hide the lines cleaning removed"),
        Binding("s", "toggle_panel", "Side panel", show=False, id="view.panel", tooltip="Show or hide the links panel"),
        Binding("escape", "clear", "Clear", show=False, id="view.clear", tooltip="Clear the search and the list filters"),
        # Comparing coverage (#18): the event page, side by side, event order and moves, undoing a correction.
        Binding("v", "event_page", "Event page", id="event.page", tooltip="Compare this article's event across outlets"),
        Binding("c", "side_by_side", "Side by side", show=False, id="event.side_by_side", tooltip="This article beside another of its event"),
        Binding("right_square_bracket", "next_event", "Next event", show=False, id="event.next", tooltip="Open the first article of the next event"),
        Binding("left_square_bracket", "previous_event", "Previous event", show=False, id="event.previous", tooltip="Open the first article of the previous event"),
        Binding("O", "toggle_order", "Oldest first", show=False, id="event.order", tooltip="List events oldest first, or newest first again"),
        Binding("u", "undo_correction", "Undo correction", show=False, id="event.undo", tooltip="Undo the last correction of events"),
    ]

    current_article: reactive[str | None] = reactive(None, repaint=False)
    """Id of the article on screen; bound into the list and the text view."""
    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)

    def __init__(self, corpus: Corpus | None = None, state: StateStore | None = None) -> None:
        super().__init__()
        if state is None:
            from ..reading import MemoryState

            state = MemoryState()
        self.state: StateStore = state
        """Where read marks, positions and bookmarks are kept (shared with the list and the text)."""
        self.initial = corpus
        """A corpus to show at once (tests, screenshots) instead of waiting for analysis."""
        self.finished = False
        """True once the complete analysis is on screen (later partial results are stale)."""
        self.placed: Anchor | None = None
        """Where a partial result put the reader, until the user goes anywhere: the finished
        corpus may order its articles differently, and then opens at its own first one."""
        self.history: list[Anchor] = []
        self.hits: list[Anchor] = []
        self.hit = -1
        self.search_term = ""
        self._border_labels: tuple[str, str] = ("", "")
        self.panel_wanted: bool | None = None
        """The user's `s` choice; None follows the terminal width."""
        self._notices_shown = 0
        self.newest_first = True
        """Events newest first in the list (`o` switches)."""

    def compose(self) -> ComposeResult:
        yield ProgressLine(id="progress")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield ArticleList(self.state, id="list").data_bind(MainScreen.current_article, MainScreen.index)
            with Vertical(id="centre"):
                yield ArticleView(self.state, id="view").data_bind(MainScreen.current_article, MainScreen.index)
                yield Legend(id="legend")
            yield LinksPanel(id="links").data_bind(MainScreen.index)
        yield KeyBar(id="keys")

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def links(self) -> LinksPanel:
        return self.query_one(LinksPanel)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_mount(self) -> None:
        self.report_state_notices()
        self._layout_panels()
        self.watch(self.view, "cursor", self._follow_cursor, init=False)
        self.view.focus()
        if self.initial is not None:
            self.show_corpus(self.initial)

    def on_resize(self) -> None:
        self._layout_panels()

    def _layout_panels(self) -> None:
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        show_panel = (not narrow) if self.panel_wanted is None else self.panel_wanted
        self.set_class(not show_panel, "-no-panel")
        # On a narrow terminal the panel takes the list's place rather than squeezing the text.
        self.set_class(narrow and show_panel, "-panel-shown")

    # --- loading ---------------------------------------------------------

    def show_corpus(self, corpus: Corpus, *, final: bool = True) -> None:
        """Display an analysis, keeping the reader's place if the article still exists."""
        self.show_index(CorpusIndex(corpus, newest_first=self.newest_first), final=final)

    def show_index(self, index: CorpusIndex, *, final: bool = True) -> None:
        """`show_corpus` for a corpus whose lookups were built elsewhere (off this thread)."""
        corpus = index.corpus
        if index.newest_first != self.newest_first:
            index = CorpusIndex(corpus, newest_first=self.newest_first)
        paragraph = self.view.paragraph
        self.index = index
        untouched = self.placed is not None and self.placed == Anchor(self.current_article or "", paragraph)
        if self.current_article not in self.index.articles or (final and untouched and not self.history):
            first = self.index.neighbour(None, 0)
            if first is not None:
                # Shown, not chosen: it counts as read once the user reads on in it.
                self.go(self.resume(first), remember=False, chosen=False)
                self.placed = None if final else Anchor(first, self.view.paragraph)
            else:
                self.current_article = None
        elif paragraph:
            self.view.move_to(paragraph, scroll="center", by_user=False)
        if not final:
            return
        self.finished = True
        self.query_one("#progress").display = False
        if corpus.problems:
            # Mounted only when needed: fewer widgets make the first frame quicker.
            shown = self.query(ProblemsList)
            if shown:
                shown.first().show(corpus.problems)
            else:
                self.query_one("#left").mount(ProblemsList(corpus.problems, id="problems"))
        if not corpus.articles:
            self.notify("No articles found.", severity="warning", markup=False)
        errors = [p for p in corpus.problems]
        for problem in errors[:3]:
            self.notify(
                printable(clip(problem.message, 200)),
                title=printable(clip(problem.source, 60)),
                severity="error" if problem.severity == "error" else "warning",
                markup=False,
            )
        if len(errors) > 3:
            self.notify(f"…and {len(errors) - 3} more problems (see the list)", severity="warning", markup=False)

    @on(AnalysisProgressed)
    def _progressed(self, message: AnalysisProgressed) -> None:
        if self.finished:
            return
        progress = self.query_one(ProgressLine)
        progress.display = True
        progress.total, progress.done = message.total, message.done

    @on(ArticlesArrived)
    def _arrived(self, message: ArticlesArrived) -> None:
        if self.finished:
            return
        progress = self.query_one(ProgressLine)
        if not progress.total:
            # Text before any count: a saved analysis is being read back, not worked out.
            progress.waiting = "Loading links…"
        self.show_index(message.index, final=False)

    @on(AnalysisFinished)
    def _finished(self, message: AnalysisFinished) -> None:
        self.show_index(message.index)

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        self.query_one("#progress").display = False
        self.notify(printable(message.error), title="Analysis failed", severity="error", markup=False, timeout=30)

    # --- navigation ------------------------------------------------------

    def go(self, target: Anchor, *, remember: bool = True, chosen: bool = True) -> None:
        """Show a paragraph of an article, remembering where we were (like a browser).

        `chosen` marks the article read: the user asked for it, it was not just put on screen.
        """
        if self.index is None or target.article not in self.index.articles:
            return
        if remember and self.current_article is not None:
            here = Anchor(self.current_article, self.view.paragraph)
            if here != target:
                self.history = [*self.history[-HISTORY_LIMIT:], here]
        self.report_state_notices()  # saves happen off this thread: say here if one failed
        self.current_article = target.article
        self.view.move_to(target.paragraph, scroll="top" if target.paragraph == 0 else "center", by_user=False)
        if chosen:
            self.placed = None
            self.article_list.mark_read(target.article)

    def resume(self, article_id: str) -> Anchor:
        """Where to open an article: the paragraph the user was last on (0 for a new one)."""
        article = self.index.articles.get(article_id) if self.index else None
        return Anchor(article_id, self.state.get(article).position if article is not None else 0)

    def action_back(self) -> None:
        if not self.history:
            self.notify("Nothing to go back to.", markup=False, timeout=2)
            return
        self.go(self.history.pop(), remember=False)

    def action_cursor_down(self) -> None:
        self.view.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.view.action_cursor_up()

    def action_first(self) -> None:
        self.view.action_first()

    def action_last(self) -> None:
        self.view.action_last()

    def action_next_article(self) -> None:
        if self.index is not None:
            self._open_neighbour(+1)

    def action_previous_article(self) -> None:
        if self.index is not None:
            self._open_neighbour(-1)

    def _open_neighbour(self, step: int) -> None:
        assert self.index is not None
        target = self.index.neighbour(self.current_article, step)
        if target is not None and target != self.current_article:
            self.go(self.resume(target))

    def action_next(self) -> None:
        if self.hits:
            self._jump_hit(+1)
        else:
            self.action_next_article()

    def action_previous_hit(self) -> None:
        if self.hits:
            self._jump_hit(-1)

    def action_follow(self) -> None:
        if self.links.best is None:
            self.notify("No link from this paragraph.", markup=False, timeout=2)
            return
        self.go(self.links.best[0])

    @on(ArticleList.ArticleSelected)
    def _article_chosen(self, message: ArticleList.ArticleSelected) -> None:
        self.go(self.resume(message.article))
        self.view.focus()

    @on(LinksPanel.LinkChosen)
    def _link_chosen(self, message: LinksPanel.LinkChosen) -> None:
        self.go(message.target)
        self.view.focus()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        article = self.index.articles.get(message.article) if self.index else None
        if article is not None:
            # In memory at once; the store writes it to disk off this thread.
            self.state.set_position(article, message.paragraph)
            if message.by_user:
                self.placed = None
                self.article_list.mark_read(message.article)

    def _follow_cursor(self, cursor: Cursor | None) -> None:
        """Bring the links panel and the position line to the cursor, before the next frame.

        Called as the cursor moves rather than on a message, so the text, the
        panel and the position line change together in one frame.
        """
        if cursor is not None:
            self.links.show(*cursor)
            self._describe_position()

    def _describe_position(self) -> None:
        """Paragraph number under the text; article, search and mode on the text's border."""
        view = self.view
        article = view.article
        count = len(article.paragraphs) if article else 0
        position = f"¶ {view.paragraph + 1}/{count}" if count else ""
        if count and view.paragraph in view.bookmarked:
            position = f"★ {position}"
        if article is not None and self.index is not None:
            # The speaker of the quotation under the cursor, also visible when the panel is hidden.
            speakers = [
                self.index.entity_name(q.speaker) if q.speaker else "unattributed"
                for q in article.quotes
                if q.paragraph == view.paragraph and q.kind != "term"
            ]
            if speakers:
                position = f"“” {', '.join(dict.fromkeys(speakers))} · {position}"
        self.query_one(Legend).position = printable(position)
        title = article.outlet or PurePath(article.source).name if article else ""
        parts = []
        if self.search_term:
            parts.append(f"“{clip(self.search_term, 20)}” {self.hit + 1}/{len(self.hits)}")
        if view.show_removed:
            parts.append("showing removed lines")
        # Only touch the border when it changes: a new border title repaints the whole view.
        labels = (clip(title, 40), " · ".join(parts))
        if labels != self._border_labels:
            self._border_labels = labels
            view.border_title = content(labels[0]) if labels[0] else None
            view.border_subtitle = content(labels[1]) if labels[1] else None

    # --- entities, search, toggles ----------------------------------------

    def action_next_entity(self) -> None:
        if self.view.next_entity() is None:
            self.notify("No entities in this article.", markup=False, timeout=2)

    def action_filter_entity(self) -> None:
        mention = self.view.focus_entity
        if mention is None or self.index is None:
            self.notify("Put the cursor on an entity first (press e).", markup=False, timeout=3)
            return
        name = self.index.entity_name(mention.entity) or mention.text
        self.article_list.filter_entity(mention.entity, name)
        self.notify(f"Listing articles that mention {printable(clip(name, 40))}.", markup=False, timeout=3)

    async def action_search(self) -> None:
        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            bar = SearchBar(id="search")
            await self.mount(bar, before=self.query_one(KeyBar))
        bar.display = True
        bar.value = self.search_term
        bar.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        message.stop()
        bar = self.query_one(SearchBar)
        bar.display = False
        self.view.focus()
        term = message.value.strip()
        self.search_term = term
        self.hits = self.index.search(term) if self.index and term else []
        self.hit = -1
        self.view.set_search(term)
        if term and not self.hits:
            self.notify(f"No match for “{printable(clip(term, 40))}”.", markup=False, timeout=3)
            self.search_term = ""
            self.view.set_search("")
        elif self.hits:
            # Start from the first hit at or after the cursor, in list order.
            here = (self._position(self.current_article), self.view.paragraph)
            following = [n for n, h in enumerate(self.hits) if (self._position(h.article), h.paragraph) >= here]
            self.hit = (following[0] if following else 0) - 1
            self._jump_hit(+1)
        self._describe_position()

    def _position(self, article_id: str | None) -> int:
        return self.index.order.index(article_id) if self.index and article_id in self.index.order else -1

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.query_one(SearchBar).display = False
        self._layout_panels()
        self.view.focus()
        if self.initial is not None:
            self.show_corpus(self.initial)

    def _jump_hit(self, step: int) -> None:
        self.hit = (self.hit + step) % len(self.hits)
        target = self.hits[self.hit]
        self.go(target, remember=target.article != self.current_article)
        self._describe_position()

    def action_clear(self) -> None:
        cleared = False
        if self.search_term:
            self.search_term, self.hits, self.hit = "", [], -1
            self.view.set_search("")
            cleared = True
        cleared = self.article_list.clear_filters() or cleared
        if cleared:
            self._describe_position()

    def action_toggle_removed(self) -> None:
        shown = self.view.toggle_removed()
        article = self.view.article
        count = len(article.removed) if article else 0
        self.notify(
            f"Showing {count} removed line{'s' if count != 1 else ''}." if shown else "Hiding removed lines.",
            markup=False,
            timeout=2,
        )
        self._describe_position()

    def report_state_notices(self) -> None:
        """Show each new notice of the reading state once (a damaged file at start, a failed save later)."""
        notices = self.state.notices
        for notice in notices[self._notices_shown :]:
            self.notify(printable(notice), title="Reading state", severity="warning", markup=False, timeout=15)
        self._notices_shown = len(notices)

    def action_bookmark(self) -> None:
        self.report_state_notices()
        on = self.view.toggle_bookmark()
        if on is None:
            return
        if self.current_article is not None:
            self.article_list.mark_read(self.current_article)
        where = f"¶ {self.view.paragraph + 1}"
        self._describe_position()
        self.notify(f"Bookmarked {where}." if on else f"Removed the bookmark on {where}.", markup=False, timeout=2)

    def action_toggle_panel(self) -> None:
        self.panel_wanted = self.has_class("-no-panel")
        self._layout_panels()
