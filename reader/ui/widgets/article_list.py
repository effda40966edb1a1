"""The left panel: every article under its event (or date, or outlet), with unread marks and counts.

Letters are commands here as everywhere: the filter is typed in its own
input (`l`), never by typing into the list.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from ...analysis.model import Article
from ..arrange import SORT_NAMES, SORTS, Section, arrange
from ..folds import folded_events, keep_fold
from ..lookup import CorpusIndex
from ..words import plural
from .line_list import LineList, Row
from .list_filter import FilteredList
from .list_rows import HEADING, article_ids, article_text, heading_event, heading_text, step_from

if TYPE_CHECKING:
    from ..reading import StateStore

class ArticleList(FilteredList):
    """Articles in sections with unread counts; `l` filters, `H` hides read ones, `S` changes the order."""

    HELP = """
## Article list

`l` opens the filter: type words from the title, outlet, feed or heading, Enter
keeps the filter and Escape leaves it as it was; Escape in the list clears
it (and any entity filter from `E`). `j`/`k` move, Enter or a click opens an
article, and on an event's heading opens the event page. `F` folds the
current event's articles under its heading (`▸`, with the count) or unfolds
them; `j`/`k` pass over folded articles. `●` marks an unread article;
headings count the unread ones.
"""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--event",
        "article-list--meta",
        "article-list--unread",
        "article-list--read",
    }

    current_article: reactive[str | None] = reactive(None, repaint=False)
    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)

    class ArticleSelected(Message):
        """The user chose an article in the list."""

        def __init__(self, article_list: ArticleList, article: str) -> None:
            super().__init__()
            self.article_list = article_list
            self.article = article

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class EventSelected(Message):
        """The user chose an event's heading in the list (Enter or a click)."""

        def __init__(self, article_list: ArticleList, event: str) -> None:
            super().__init__()
            self.article_list = article_list
            self.event = event

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, state: StateStore, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.state = state
        """Where read marks and the list's choices (order, hiding read) live, so they outlast the run."""
        self.text_filter = ""
        self.entity_filter: tuple[str, str] | None = None
        """(entity id, display name) when `E` narrowed the list."""
        self.sort = state.setting("list.sort") or SORTS[0]
        self.hide_read = state.setting("list.hide_read") == "yes"
        self._read: set[str] = set()
        """Ids of the read articles of this index, asked of the state once per index."""
        self._sections: tuple[Section, ...] = ()
        # Per index, kept across rebuilds so a filter keystroke does not remake 10,000 entries.
        self._entries: dict[str, Row] = {}
        self._haystacks: dict[str, str] = {}
        self._filter_before = ""
        self.memory = ""
        """Names the folders shown, so each set of folders reopens with its own filter (set by the screen)."""
        self._styles: tuple[str, ...] = ()
        self.folded: set[str] = set()
        """Ids of the events whose articles are folded under their heading (`F`)."""

    def compose(self) -> ComposeResult:
        yield Static(id="filter-line")
        yield LineList(id="articles")

    def on_mount(self) -> None:
        self.border_title = "Articles"
        self.text_filter = self.state.setting(f"filter:{self.memory}") or ""
        self._show_filter()
        self.call_after_refresh(self._filter_bar)

    def watch_index(self, index: CorpusIndex | None) -> None:
        self._entries.clear()
        self._haystacks.clear()
        self._read = self.state.read_ids(index.articles.values()) if index is not None else set()
        self.folded = folded_events(self.state, index) if index is not None else set()  # kept across runs
        self._arrange()

    def watch_current_article(self, article_id: str | None) -> None:
        if article_id is not None:
            self._highlight(article_id)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if not self.is_mounted or self.index is None:
            return
        # Focus moving in or out also lands here; only a theme change alters the prompts.
        styles = tuple(str(self.get_component_rich_style(name, partial=True)) for name in sorted(self.COMPONENT_CLASSES))
        if styles != self._styles:
            self._styles = styles
            self._entries.clear()  # their prompts carry the old styles
            self.call_later(self.rebuild)

    # --- read marks ---------------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        return article_id in self._read

    @property
    def unread(self) -> int:
        """Unread articles in the whole corpus."""
        return len(self.index.articles) - len(self._read) if self.index is not None else 0

    def mark_read(self, article_id: str) -> None:
        """Record that the user read the article (opening it does this) and drop its unread dot."""
        if article_id not in self._read:
            self.set_read([article_id], True)

    def set_read(self, article_ids: Iterable[str], read: bool) -> int:
        """Mark articles read or unread; returns how many changed."""
        if self.index is None:
            return 0
        changed = 0
        for article_id in article_ids:
            article = self.index.articles.get(article_id)
            if article is None or (article_id in self._read) == read:
                continue
            self.state.mark_read(article, read)
            (self._read.add if read else self._read.discard)(article_id)
            self._entries.pop(article_id, None)
            changed += 1
        if changed:
            # Counts in the headings change too; hidden read articles stay until the next rebuild
            # only if one is open, so the article being read never vanishes under the cursor.
            self.rebuild()
        return changed

    def toggle_hide_read(self) -> bool:
        """Hide or show read articles (the one open stays listed); returns whether they are hidden."""
        self.hide_read = not self.hide_read
        self.state.set_setting("list.hide_read", "yes" if self.hide_read else "no")
        self.rebuild()
        return self.hide_read

    def next_unread(self, after: str | None) -> str | None:
        """The first unread article listed after `after`, wrapping round (None: all read)."""
        listed = article_ids(self.entries.rows)
        start = listed.index(after) + 1 if after in listed else 0
        for article_id in listed[start:] + listed[:start]:
            if article_id not in self._read and article_id != after:
                return article_id
        return None

    # --- order and filters ----------------------------------------------------

    def cycle_sort(self) -> str:
        """Switch to the next order and remember it; returns its description."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)] if self.sort in SORTS else SORTS[0]
        self.state.set_setting("list.sort", self.sort)
        self._arrange()
        return SORT_NAMES[self.sort]

    def toggle_fold(self, event_id: str) -> bool:
        """Fold the event's articles under its heading, or unfold them; returns whether it is folded now."""
        folded = event_id not in self.folded
        (self.folded.add if folded else self.folded.discard)(event_id)
        if self.index is not None:
            keep_fold(self.state, self.index, event_id, folded)
        self.rebuild()
        if folded:
            self._highlight_heading(event_id)
        return folded

    def highlighted_event(self) -> str | None:
        """The event of the highlighted row: its heading's, or the highlighted article's."""
        entries = self.entries
        if entries.highlighted is None or self.index is None:
            return None
        row_id = entries.rows[entries.highlighted].id
        event = heading_event(row_id)
        if event is not None:
            return event
        found = self.index.event_of.get(row_id or "")
        return found.id if found is not None else None

    def _arrange(self) -> None:
        self._sections = arrange(self.index, self.sort) if self.index is not None else ()
        self.rebuild()

    # --- the rows ---------------------------------------------------------------

    def rebuild(self) -> None:
        """Fill the list from the sections, applying the filters and the hiding of read articles."""
        if not self.is_mounted:
            return
        rows: list[Row] = []
        shown = 0
        made, read = self._entries, self._read
        words = self.text_filter.casefold().split()
        filtered = bool(words) or self.entity_filter is not None
        for section in self._sections:
            members = self._matching(section.articles, section.label, words) if filtered else list(section.articles)
            if self.hide_read:
                members = [a for a in members if a.id not in read or a.id == self.current_article]
            if not members:
                continue
            unread = sum(1 for a in members if a.id not in read)
            event = section.event
            folded = event is not None and event.id in self.folded
            # Prompts are built as they scroll into view: 10,000 articles cost no more to draw than 20.
            # An event's heading can be chosen (its page opens); other headings are labels only.
            heading = partial(self._heading, section, len(members), unread, folded=folded)
            rows.append(Row(heading, id=HEADING + event.id, height=1) if event is not None else Row(heading, enabled=False, height=1))
            if folded:
                shown += len(members)
                continue
            for article in members:
                entry = made.get(article.id)
                if entry is None:
                    entry = made[article.id] = Row(partial(self._prompt, article, read=article.id in read), id=article.id, height=2)
                rows.append(entry)
            shown += len(members)
        entries = self.entries
        was = entries.rows[entries.highlighted].id if entries.highlighted is not None else None
        entries.set_rows(rows)
        for keep in (was, self.current_article):
            if keep is not None and keep in entries:
                self._highlight(keep)
                break
        else:
            if self.current_article is not None:
                self._highlight(self.current_article)  # folded: its event's heading
        self._count(shown)

    def _count(self, shown: int) -> None:
        total = len(self.index.order) if self.index else 0
        count = f"{shown:,}/{total:,}" if shown != total else f"{total:,}"
        self.border_subtitle = f"{plural(self.unread, 'unread', 'unread')} · {count}" if total else "0"

    def _highlight(self, article_id: str) -> None:
        """Highlight the article's row, or its event's heading when the event is folded."""
        index = self.entries.index_of(article_id)
        if index is not None:
            self.entries.highlighted = index
            return
        event = self.index.event_of.get(article_id) if self.index is not None else None
        if event is not None and event.id in self.folded:
            self._highlight_heading(event.id)

    def _highlight_heading(self, event_id: str) -> None:
        index = self.entries.index_of(HEADING + event_id)
        if index is not None:
            self.entries.highlighted = index

    def neighbour(self, article_id: str | None, step: int) -> str | None:
        """The article `step` places away in the list as shown, folded ones passed over (`list_rows.step_from`)."""
        at = self.entries.index_of(article_id) if article_id is not None else None
        event = self.index.event_of.get(article_id or "") if self.index is not None and at is None else None
        heading = self.entries.index_of(HEADING + event.id) if event is not None else None
        return step_from(self.entries.rows, at, heading, step)

    def _heading(self, section: Section, count: int, unread: int, *, folded: bool = False) -> Text:
        style = partial(self.get_component_rich_style, partial=True)
        return heading_text(section, count, unread, folded=folded, event_style=style("article-list--event"), meta_style=style("article-list--meta"))

    def _prompt(self, article: Article, *, read: bool) -> Text:
        style = partial(self.get_component_rich_style, partial=True)
        return article_text(article, read=read, meta_style=style("article-list--meta"), unread_style=style("article-list--unread"))

    @on(LineList.Selected, "#articles")
    def _chosen(self, event: LineList.Selected) -> None:
        event.stop()
        chosen = heading_event(event.row_id)
        if chosen is not None:
            self.post_message(self.EventSelected(self, chosen))
        elif event.row_id is not None:
            self.post_message(self.ArticleSelected(self, event.row_id))
