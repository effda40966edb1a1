"""The reading screen's keys for comparing coverage (#18): event page, side by side, event order, undo.

A mixin of `MainScreen`, kept apart so the reading screen stays about reading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...analysis.model import Anchor

if TYPE_CHECKING:
    from ..lookup import CorpusIndex
    from ..widgets.article_view import ArticleView


class CompareKeys:
    """Actions behind `v`, `c`, `[`, `]`, `O` and `u` on the reading screen."""

    index: CorpusIndex | None
    current_article: str | None
    newest_first: bool
    finished: bool

    if TYPE_CHECKING:
        view: ArticleView

        def go(self, target: Anchor, *, remember: bool = True, chosen: bool = True) -> None: ...
        def resume(self, article_id: str) -> Anchor: ...
        def show_index(self, index: CorpusIndex, *, final: bool = True) -> None: ...
        def notify(self, message: str, **kwargs: object) -> None: ...
        app: Any

    def action_event_page(self) -> None:
        from .event_page import EventPage

        event = self.index.event_of.get(self.current_article or "") if self.index else None
        if event is None or self.index is None:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        self.app.push_screen(EventPage(self.index, event.id), self._opened)

    def action_side_by_side(self) -> None:
        from .side_by_side import SideBySide

        if self.index is None or self.current_article is None:
            return
        screen = SideBySide.for_article(self.index, self.current_article, self.view.paragraph)
        if screen is None:
            self.notify("No other article reports this event.", markup=False, timeout=2)
            return
        self.app.push_screen(screen, self._opened)

    def _opened(self, target: Anchor | None) -> None:
        """Back from a comparison screen: open the paragraph chosen there, if any."""
        if target is not None:
            self.go(target)
            self.view.focus()

    def action_next_event(self) -> None:
        self._open_event(+1)

    def action_previous_event(self) -> None:
        self._open_event(-1)

    def _open_event(self, step: int) -> None:
        target = self.index.neighbour_event(self.current_article, step) if self.index else None
        if target is not None and target != self.current_article:
            self.go(self.resume(target))

    def action_toggle_order(self) -> None:
        self.newest_first = not self.newest_first
        if self.index is not None:
            self.show_index(self.index, final=self.finished)
        self.notify("Events newest first." if self.newest_first else "Events oldest first.", markup=False, timeout=2)

    def action_undo_correction(self) -> None:
        correct = getattr(self.app, "correct", None)
        if correct is None or not correct(None):
            self.notify("No correction to undo.", markup=False, timeout=2)
