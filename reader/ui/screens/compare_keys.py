"""The reading screen's keys for comparing coverage (#18): event page, side by side, event order,
folding an event in the list, and correcting the grouping (merge, move, split out, rename, undo).

A mixin of `MainScreen`, kept apart so the reading screen stays about reading.
The event the keys act on is the one highlighted in the list when the list has
the keyboard, else the open article's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ...analysis.model import Anchor, Correction

if TYPE_CHECKING:
    from ..lookup import CorpusIndex
    from ..widgets.article_list import ArticleList
    from ..widgets.article_view import ArticleView


PAGE = "event-page"
"""The name the event page is installed under."""


class CompareKeys:
    """Actions behind `v`, `c`, `[`, `]`, `O`, `F`, `M`, `T`, `X`, `L` and `z` on the reading screen."""

    index: CorpusIndex | None
    current_article: str | None
    newest_first: bool
    finished: bool

    if TYPE_CHECKING:
        view: ArticleView
        article_list: ArticleList

        def go(self, target: Anchor, *, remember: bool = True, chosen: bool = True) -> None: ...
        def resume(self, article_id: str) -> Anchor: ...
        def show_index(self, index: CorpusIndex, *, final: bool = True) -> None: ...
        def notify(self, message: str, **kwargs: object) -> None: ...
        app: Any

    def _event_here(self) -> str | None:
        """The list's highlighted event when the list has the keyboard, else the open article's event."""
        if self.index is None:
            return None
        if self.article_list.entries.has_focus:
            listed = self.article_list.highlighted_event()
            if listed is not None:
                return listed
        found = self.index.event_of.get(self.current_article or "")
        return found.id if found is not None else None

    def action_event_page(self) -> None:
        self._open_event_page(self._event_here())

    def on_article_list_event_selected(self, message: ArticleList.EventSelected) -> None:
        """Enter (or a click) on an event's heading in the list opens its page."""
        self._open_event_page(message.event)

    def _open_event_page(self, event: str | None) -> None:
        from .event_page import EventPage

        if event is None or self.index is None or event not in self.index.events:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        # One page, made once and kept (installed): composing, styling and laying out a new
        # screen cost more than filling this one for another event.
        page = self.app.get_screen(PAGE) if self.app.is_screen_installed(PAGE) else None
        if not isinstance(page, EventPage):
            page = EventPage(self.index, event)
            self.app.install_screen(page, PAGE)
        page.open(self.index, event)
        self.app.push_screen(page, self._opened)

    def prepare_event_page(self) -> None:
        """Make and mount the event page while the reader is idle, so that its first open only fills it.

        Importing the page's modules, composing it and styling its widgets cost
        more than filling and painting it (about 30 ms of a first open of 60-85 ms
        on a 50-article event). Textual mounts a screen only when it is first
        shown and offers no public way to do it earlier; `_get_screen` is what
        `push_screen` calls to mount an installed screen (Textual is pinned).
        """
        from .event_page import EventPage

        if self.index is None or self.app.is_screen_installed(PAGE):
            return
        self.app.install_screen(EventPage(self.index), PAGE)
        self.app._get_screen(PAGE)

    def action_toggle_fold(self) -> None:
        event = self._event_here()
        if event is None:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        self.article_list.toggle_fold(event)

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

    # --- correcting the grouping: the list changes at once, the app stores the correction ---

    def _then(self, make: Callable[[str], Correction | None]) -> Callable[[str | None], None]:
        """What a dialog does when it closes: nothing if cancelled, else make the correction and apply it."""
        return lambda choice: None if choice is None else self._apply(make(choice))

    def _apply(self, correction: Correction | None) -> None:
        from . import correcting

        if correction is None:
            self.notify("Nothing changed.", markup=False, timeout=2)
            return
        if self.app.correct(correction):
            self.notify(correcting.saying(correction), markup=False, timeout=3)

    # The dialogs and the corrections are imported when first used: start-up never needs them.

    def action_merge_event(self) -> None:
        from . import correcting
        from .choose import Picker

        here = self._event_here()
        if here is None or self.index is None:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        index = self.index
        choices = correcting.event_choices(index, here)
        self.app.push_screen(Picker("Merge which event into this one?", choices), self._then(lambda other: correcting.merge(index, other, here)))

    def action_move_article(self) -> None:
        from . import correcting
        from .choose import Picker

        if self.index is None or self.current_article is None:
            return
        index, article = self.index, self.current_article
        home = index.event_of.get(article)
        choices = correcting.event_choices(index, home.id if home else None, new_event=True)
        self.app.push_screen(Picker("Move this article to which event?", choices), self._then(lambda other: correcting.move(index, article, other)))

    def action_split_article(self) -> None:
        from . import correcting

        if self.index is not None:
            self._apply(correcting.move(self.index, self.current_article, correcting.NEW_EVENT))

    def action_rename_event(self) -> None:
        from . import correcting
        from .choose import Rename

        here = self._event_here()
        event = self.index.events.get(here or "") if self.index is not None else None
        if event is None or self.index is None:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        index = self.index
        self.app.push_screen(Rename(event.label), self._then(lambda label: correcting.rename(index, here, label)))

    def action_undo_correction(self) -> None:
        correct = getattr(self.app, "correct", None)
        if correct is None or not correct(None):
            self.notify("No correction to undo.", markup=False, timeout=2)
        else:
            self.notify("Undone.", markup=False, timeout=2)
