"""Moving around: opening articles and paragraphs, following links, back and forward."""

from __future__ import annotations

from textual import on

from ...analysis.model import Anchor
from ..widgets.article_list import ArticleList
from ..widgets.article_view import ArticleView, Cursor
from ..widgets.links_panel import LinksPanel
from .base import ReadingScreen
from .history import History


class NavigationScreen(ReadingScreen):
    """Goes to places, remembers where it has been, and marks what the user reads."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.history = History()
        self.placed: Anchor | None = None
        """Where a partial result put the reader, until the user goes anywhere: the finished
        corpus may order its articles differently, and then opens at its own first one."""

    def follow_the_cursor(self) -> None:
        """Start keeping the links panel and position line with the text's cursor (once, on mount)."""
        self.watch(self.view, "cursor", self._follow_cursor, init=False)

    @property
    def here(self) -> Anchor | None:
        """The paragraph under the cursor, if an article is shown."""
        return Anchor(self.current_article, self.view.paragraph) if self.current_article is not None else None

    def go(self, target: Anchor, *, remember: bool = True, chosen: bool = True) -> None:
        """Show a paragraph of an article, remembering where we were (like a browser).

        `chosen` marks the article read: the user asked for it, it was not just put on screen.
        """
        if self.index is None or target.article not in self.index.articles:
            return
        if remember:
            self.history.visit(self.here, target)
        self.report_state_notices()  # saves happen off this thread: say here if one failed
        # The view first, so that the bound `current_article` finds the article already shown.
        self.view.open(target.article, target.paragraph, scroll="top" if target.paragraph == 0 else "center")
        self.current_article = target.article
        if chosen:
            self.placed = None
            self.history.seen(target)
            self.article_list.mark_read(target.article)
            self.state.set_setting(self.place_setting, target.article)

    @property
    def place_setting(self) -> str:
        """The setting under which the article last read in this set of folders is kept."""
        return f"place:{self.place_key}"

    def remembered_article(self) -> str | None:
        """The article the user last read here, to resume on restart, if it is still in the corpus."""
        article = self.state.setting(self.place_setting)
        return article if self.index is not None and article in self.index.articles else None

    def open_place(self, target: Anchor) -> None:
        """Go to `target` and put the keyboard in the text (what the palette and results lists do)."""
        self.go(target)
        self.view.focus()

    def resume(self, article_id: str) -> Anchor:
        """Where to open an article: the paragraph the user was last on (0 for a new one)."""
        article = self.index.articles.get(article_id) if self.index else None
        return Anchor(article_id, self.state.get(article).position if article is not None else 0)

    def recent_places(self) -> list[Anchor]:
        """The last place in each recently read article, newest first (for the palette)."""
        return self.history.recent()

    def action_back(self) -> None:
        target = self.history.back(self.here)
        if target is None:
            self.notify("Nothing to go back to.", markup=False, timeout=2)
            return
        self.go(target, remember=False)

    def action_forward(self) -> None:
        target = self.history.forward(self.here)
        if target is None:
            self.notify("Nothing to go forward to.", markup=False, timeout=2)
            return
        self.go(target, remember=False)

    def action_next_article(self) -> None:
        self._open_neighbour(+1)

    def action_previous_article(self) -> None:
        self._open_neighbour(-1)

    def _open_neighbour(self, step: int) -> None:
        target = self.article_list.neighbour(self.current_article, step)
        if target is not None and target != self.current_article:
            self.go(self.resume(target))

    def action_follow(self) -> None:
        best = self.links.strongest()
        if best is None:
            self.notify("No link from this paragraph.", markup=False, timeout=2)
            return
        self.go(best[0])

    @on(ArticleList.ArticleSelected)
    def _article_chosen(self, message: ArticleList.ArticleSelected) -> None:
        self.open_place(self.resume(message.article))

    @on(LinksPanel.LinkChosen)
    def _link_chosen(self, message: LinksPanel.LinkChosen) -> None:
        self.open_place(message.target)

    @on(LinksPanel.SharedWords)
    def _shared_words(self, message: LinksPanel.SharedWords) -> None:
        message.stop()
        self.view.show_shared(message.paragraph, message.spans)

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        message.stop()  # the app has nothing to do with it
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
            self.describe_position()
