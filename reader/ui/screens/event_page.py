"""The event page (`v`): what every outlet reported of one event, and where they differ.

Header (label, date and place, outlets and articles, span of coverage), then
the sheet (`EventSheet`): coverage, quotation ledger, what only one outlet
reports, where the figures disagree, who is named. Enter opens the row's
paragraph in the reader. The user corrects the grouping here: rename the
event, merge another into it, move or split out the article under the cursor,
undo the last correction; the app stores each one and shows the corrected list.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ...analysis.model import Anchor, Article, Correction, Event
from ..lookup import CorpusIndex
from ..sanitize import clip, literal, printable
from ..stylesheets import COMPARE_CSS
from ..widgets.event_sheet import EventSheet
from ..widgets.key_bar import KeyBar
from . import correcting
from .choose import Picker, Rename


class EventPage(Screen[Anchor | None]):
    """One event's coverage compared across outlets; dismissed with the paragraph to open, or None."""

    CSS_PATH = COMPARE_CSS  # read with the app's own at start (`stylesheets`)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace,b,v", "close", "Back", id="event.close", tooltip="Back to the reader"),
        Binding("c", "side_by_side", "Side by side", id="event.side", tooltip="The article under the cursor beside another of the event"),
        Binding("R,L", "rename", "Rename", id="event.rename", tooltip="Give the event a name of your own"),
        Binding("M", "merge", "Merge", id="event.merge", tooltip="Merge another event into this one"),
        Binding("T", "move", "Move article", show=False, id="event.move", tooltip="Move the article under the cursor to another event or a new one"),
        Binding("X", "split", "Split out", show=False, id="event.split", tooltip="Give the article under the cursor an event of its own"),
        Binding("z", "undo", "Undo", id="event.undo", tooltip="Undo the last correction of events"),
    ]

    def __init__(self, index: CorpusIndex, event: str = "") -> None:
        """No `event`: a page made ahead of use (`CompareKeys.prepare_event_page`), filled by `open`."""
        super().__init__()
        self.index = index
        self.event_id = event

    @property
    def event(self) -> Event | None:
        return self.index.events.get(self.event_id)

    def compose(self) -> ComposeResult:
        yield Static(id="event-header")
        yield EventSheet(id="sheet")
        yield KeyBar(id="event-keys")

    def on_mount(self) -> None:
        if self.event_id:
            self.show(self.index, self.event_id)
        self.query_one(EventSheet).focus()

    def open(self, index: CorpusIndex, event: str) -> None:
        """Fill the page for `event` before it is pushed again (the page is made once and kept)."""
        self.index, self.event_id = index, event
        if self.is_mounted:
            self.show(index, event)
            self.query_one(EventSheet).focus()

    def show(self, index: CorpusIndex, event: str) -> None:
        """Show `event` of `index` (again, after a correction changed the corpus)."""
        self.index, self.event_id = index, event
        found = self.event
        if found is None:
            return
        # The first report first, follow-ups in time order, undated articles last.
        members = sorted((index.articles[a] for a in found.articles if a in index.articles), key=lambda a: (a.date is None, a.date or "", a.id))
        self.query_one("#event-header", Static).update(self._header(found, members))
        comparison = index.comparisons.get(event)
        # Only the speakers' names: a dict of every entity of a large archive took longer than the page.
        speakers = {e.speaker for e in comparison.ledger if e.speaker} if comparison is not None else set()
        self.query_one(EventSheet).show(members, comparison, {s: index.entity_name(s) for s in speakers})

    def _header(self, event: Event, members: list[Article]) -> Text:
        comparison = self.index.comparisons.get(event.id)
        # The analysis names the place of an event of two articles or more; one article is quickly read here.
        if comparison is not None:
            place = comparison.place
        else:
            from ...analysis.compare.named import main_place

            place = main_place(members, self.index.entities)
        outlets = {a.outlet or a.source for a in members}
        dated = sorted(a.date for a in members if a.date)
        facts = [
            event.date or "date unknown",
            place or "",
            f"{len(outlets)} outlet{'s' * (len(outlets) != 1)}, {len(members)} article{'s' * (len(members) != 1)}",
            f"coverage {dated[0]} → {dated[-1]}" if dated else "",
            "grouped by you" if event.origin == "user" else "",
        ]
        header = literal(clip(event.label, 200), "bold")
        header.append("\n")
        header.append(printable(" · ".join(f for f in facts if f)), style="dim")
        return header

    # --- opening ---------------------------------------------------------------

    @on(EventSheet.AnchorChosen)
    def _chosen(self, message: EventSheet.AnchorChosen) -> None:
        self.dismiss(message.target)

    def action_close(self) -> None:
        self.dismiss(None)

    def _article_under_cursor(self) -> str | None:
        sheet = self.query_one(EventSheet)
        if sheet.highlighted is None:
            return None
        row = sheet.rows[sheet.highlighted]
        if row.article is not None:
            return row.article
        target = sheet.target_of(sheet.highlighted)
        return target.article if target is not None else None

    def action_side_by_side(self) -> None:
        from .side_by_side import SideBySide

        article = self._article_under_cursor() or (self.event.articles[0] if self.event else None)
        screen = SideBySide.for_article(self.index, article) if article else None
        if screen is None:
            self.notify("This event has one article only.", markup=False, timeout=3)
            return

        def back(target: Anchor | None) -> None:
            if target is not None:
                self.dismiss(target)

        self.app.push_screen(screen, back)

    # --- corrections -------------------------------------------------------------

    def _correct(self, correction: Correction | None) -> None:
        app: Any = self.app  # the reader app (its `correct` and `main`); not imported: it imports this screen
        keep = self._article_under_cursor() or (self.event.articles[0] if self.event else None)
        if not app.correct(correction):
            self.notify("Nothing to undo." if correction is None else "Nothing changed.", markup=False, timeout=2)
            return
        index = app.main.index
        if index is None:
            return
        # The page follows the event by an article that stays in it (a moved or split-out one leaves).
        leaving = correction.article if correction is not None and correction.kind in ("move", "split") else None
        stay = [a for a in (self.event.articles if self.event else ()) if leaving is None or self._key(a) != leaving]
        event = index.event_of.get(stay[0] if stay else keep or "")
        if event is None:
            self.dismiss(None)
            return
        self.show(index, event.id)
        self.notify(correcting.saying(correction), markup=False, timeout=3)

    def _key(self, article: str) -> str:
        return correcting.article_key(self.index.articles[article])

    def action_rename(self) -> None:
        event = self.event
        if event is None:
            return

        def renamed(label: str | None) -> None:
            correction = correcting.rename(self.index, self.event_id, label)
            if correction is not None:
                self._correct(correction)

        self.app.push_screen(Rename(event.label), renamed)

    def action_merge(self) -> None:
        def chosen(other: str | None) -> None:
            correction = correcting.merge(self.index, other, self.event_id)
            if correction is not None:
                self._correct(correction)

        self.app.push_screen(Picker("Merge which event into this one?", correcting.event_choices(self.index, self.event_id)), chosen)

    def action_move(self) -> None:
        article = self._article_under_cursor()
        if article is None:
            return

        def chosen(other: str | None) -> None:
            correction = correcting.move(self.index, article, other)
            if correction is not None:
                self._correct(correction)

        choices = correcting.event_choices(self.index, self.event_id, new_event=True)
        self.app.push_screen(Picker("Move the article to which event?", choices), chosen)

    def action_split(self) -> None:
        correction = correcting.move(self.index, self._article_under_cursor(), correcting.NEW_EVENT)
        if correction is not None:
            self._correct(correction)

    def action_undo(self) -> None:
        self._correct(None)
