"""The body of the event page: coverage, quotation ledger, single-source sentences, disagreements, names.

Each row is an option; a row that points at a paragraph opens it on Enter. A
ledger row shows a ✓ per article carrying the quotation; `h`/`l` (or the
arrows) choose the article whose rendering Enter opens. Everything shown
was precomputed by the analysis (`compare_events`), so building the page
reads the comparison and formats it, nothing more.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import PurePath
from typing import ClassVar

from rich.style import Style
from rich.text import Span, Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message

from ...analysis.model import Anchor, Article, Claim, EventComparison, LedgerEntry, Named, Rendering, SingleSource
from ..sanitize import clip, printable
from .sheet_lines import Prompt, SheetLines

MATRIX_COLUMNS = 40
"""Articles shown in a ✓ matrix; an event of more shows the first ones and says so."""
SECTION_ROWS = 200
"""Rows listed per section; the rest is counted (the export lists everything)."""


def outlet_of(article: Article) -> str:
    """The outlet, or the file's name when the article does not say (as the article list shows it)."""
    return article.outlet or PurePath(article.source).name


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row of the sheet: what Enter opens, and for a ledger row, its entry."""

    target: Anchor | None = None
    entry: LedgerEntry | None = None
    article: str | None = None
    """The article a coverage row stands for (what split and move act on)."""


class EventSheet(SheetLines):
    """The event page's rows; posts `AnchorChosen` when Enter opens a paragraph."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "event-sheet--section", "event-sheet--dim", "event-sheet--cut", "event-sheet--added",
        "event-sheet--check", "event-sheet--chosen", "event-sheet--conflict", "sheet-lines--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h,left", "column(-1)", "Previous outlet", show=False),
        Binding("l,right", "column(1)", "Next outlet", show=False),
    ]

    class AnchorChosen(Message):
        """Enter on a row that points at a paragraph."""

        def __init__(self, target: Anchor) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[SheetRow] = []
        self.members: list[Article] = []
        self.column = 0
        """Which article's ✓ a ledger row's Enter opens."""
        self._styles: dict[str, Style] = {}
        self._numbers: dict[str, int] = {}
        """Article id -> its number in the coverage list (1-based)."""

    def _style(self, name: str) -> Style:
        # Resolved once per `show`: asking the DOM for a style per cell made large pages slow to open.
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = self.get_component_rich_style(f"event-sheet--{name}", partial=True)
        return found

    # --- building -------------------------------------------------------------

    def show(self, members: Sequence[Article], comparison: EventComparison | None, names: dict[str, str]) -> None:
        """Fill the sheet for an event's articles (in event order) and their comparison."""
        self.members = list(members)
        self._numbers = {a.id: n for n, a in enumerate(self.members, start=1)}
        self.column = 0
        self._styles = {}
        prompts: list[Prompt] = []
        self.rows = []

        def add(prompt: Prompt, row: SheetRow | None = None) -> None:
            if isinstance(prompt, Text):
                prompt.no_wrap, prompt.overflow, prompt.end = True, "ellipsis", ""
            self.rows.append(row or SheetRow())
            prompts.append(prompt)

        self._coverage(add)
        found = comparison or EventComparison("")
        self._ledger(add, found, names)
        self._single(add, found)
        self._disagreements(add, found)
        self._named(add, found)
        self.set_rows(prompts, [row.target is not None for row in self.rows])

    def _section(self, add, title: str, count: int | None = None) -> None:  # type: ignore[no-untyped-def]
        if self.rows:
            add(Text(""))
        add(Text(title + (f" ({count})" if count is not None else ""), style=self._style("section")))

    def _outlet(self, article_id: str) -> str:
        number = self._numbers.get(article_id, 0)
        article = self.members[number - 1] if number else None
        return f"{number}. {printable(clip(outlet_of(article), 24))}" if article else article_id

    def _coverage(self, add) -> None:  # type: ignore[no-untyped-def]
        self._section(add, "Coverage", len(self.members))
        dated = sorted((a.date, a.id) for a in self.members if a.date)
        first = dated[0][1] if dated else None
        for number, article in enumerate(self.members, start=1):
            add(partial(self._coverage_line, number, article, article.id == first), SheetRow(Anchor(article.id, 0), article=article.id))

    def _coverage_line(self, number: int, article: Article, first: bool) -> Text:
        line = Text(f"{number:>2}. ", end="", no_wrap=True, overflow="ellipsis")
        line.append(printable(clip(outlet_of(article), 28)), style="bold")
        meta = [article.date or "undated", f"{len(article.paragraphs)} ¶", clip(article.byline or "", 30)]
        line.append("  " + printable(" · ".join(m for m in meta if m)), style=self._style("dim"))
        if first:
            line.append("  first report", style=self._style("check"))
        line.append("  " + printable(clip(article.title, 90)))
        return line

    def matrix(self, carried: set[str] | frozenset[str], chosen: int | None) -> Text:
        """A ✓ per article in `carried`, a dot for the others, the chosen column reversed."""
        check, dim = self._style("check"), self._style("dim")
        marks, spans = [], []
        for number, article in enumerate(self.members[:MATRIX_COLUMNS]):
            ticked = article.id in carried
            marks.append("✓ " if ticked else "· ")
            style = check if ticked else dim
            spans.append(Span(2 * number, 2 * number + 1, style + self._style("chosen") if number == chosen else style))
        return Text("".join(marks), end="", no_wrap=True, spans=spans)

    def _ledger_line(self, entry: LedgerEntry, names: dict[str, str], chosen: int | None) -> Text:
        line = self.matrix({r.article for r in entry.renderings}, chosen)
        line.no_wrap, line.overflow = True, "ellipsis"
        speaker = names.get(entry.speaker or "", "unattributed")
        line.append(f" {printable(clip(speaker, 30))}: ", style="bold")
        line.append(f"“{printable(clip(entry.fullest.text, 160))}”")
        return line

    def _ledger(self, add, found: EventComparison, names: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        self._section(add, "Quotations", len(found.ledger))
        self.names = names
        for entry in found.ledger[:SECTION_ROWS]:
            add(partial(self._ledger_line, entry, names, None), SheetRow(Anchor(entry.fullest.article, entry.fullest.paragraph), entry))
            for rendering in entry.renderings:
                if rendering.changed:
                    add(partial(self._diff_line, rendering), SheetRow(Anchor(rendering.article, rendering.paragraph)))
        self._more(add, len(found.ledger))

    def _diff_line(self, rendering: Rendering) -> Text:
        """One outlet's wording against the fullest: cut words struck through, changed ones underlined."""
        line = Text("      ", end="", no_wrap=True, overflow="ellipsis")
        line.append(self._outlet(rendering.article) + ": ", style=self._style("dim"))
        for run in rendering.diff:
            style = {"delete": self._style("cut"), "insert": self._style("added")}.get(run.op, Style())
            line.append(printable(run.text) + " ", style=style)
        return line

    def _named_line(self, item: Named) -> Text:
        line = self.matrix(set(item.articles), None)
        line.append(f" {printable(clip(item.name, 40))}", style="bold")
        line.append(f" {item.type.lower()}", style=self._style("dim"))
        return line

    def _more(self, add, count: int) -> None:  # type: ignore[no-untyped-def]
        if count > SECTION_ROWS:
            add(Text(f"   … and {count - SECTION_ROWS} more (reader export lists them all)", style=self._style("dim")))

    def _single(self, add, found: EventComparison) -> None:  # type: ignore[no-untyped-def]
        self._section(add, "Only one outlet reports", len(found.single_source))
        current = None
        for item in found.single_source[:SECTION_ROWS]:
            if item.article != current:
                current = item.article
                add(partial(self._outlet_line, item.article))
            add(partial(self._single_line, item), SheetRow(Anchor(item.article, item.paragraph)))
        self._more(add, len(found.single_source))

    def _outlet_line(self, article_id: str) -> Text:
        return Text(f"  {self._outlet(article_id)}", style="bold")

    def _single_line(self, item: SingleSource) -> Text:
        line = Text(f"    ¶{item.paragraph + 1} ", style=self._style("dim"), end="", no_wrap=True, overflow="ellipsis")
        line.append(printable(clip(item.sentence, 200)), style=Style())
        return line

    def _disagreements(self, add, found: EventComparison) -> None:  # type: ignore[no-untyped-def]
        self._section(add, "Outlets disagree", len(found.disagreements))
        if not found.disagreements:
            add(Text("  No figures differ between the outlets.", style=self._style("dim")))
        for item in found.disagreements[:SECTION_ROWS]:
            kind = "contradict each other" if item.kind == "conflict" else "differ in kind (a bound or range)"
            line = Text(f"  {printable(item.measure)}: ", style="bold", end="")
            line.append(kind, style=self._style("conflict") if item.kind == "conflict" else self._style("dim"))
            add(line)
            for claim in item.claims:
                add(partial(self._claim_line, claim), SheetRow(Anchor(claim.article, claim.paragraph)))

    def _claim_line(self, claim: Claim) -> Text:
        row = Text(f"    {self._outlet(claim.article)}: ", style=self._style("dim"), end="", no_wrap=True, overflow="ellipsis")
        row.append(printable(claim.figure), style="bold")
        row.append(" — " + printable(clip(claim.sentence, 160)))
        return row

    def _named(self, add, found: EventComparison) -> None:  # type: ignore[no-untyped-def]
        self._section(add, "Who is named", len(found.named))
        for item in found.named[:SECTION_ROWS]:
            add(partial(self._named_line, item))
        self._more(add, len(found.named))

    # --- keys -------------------------------------------------------------------

    def _refresh_ledger_row(self, index: int | None, chosen: int | None) -> None:
        if index is None or not 0 <= index < len(self.rows):
            return
        entry = self.rows[index].entry
        if entry is not None:
            self.replace_prompt(index, self._ledger_line(entry, self.names, chosen))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        super().watch_highlighted(old, new)
        self._refresh_ledger_row(old, None)
        self._refresh_ledger_row(new, self.column)

    def action_column(self, step: int) -> None:
        """Choose the outlet whose rendering Enter opens on a ledger row (only those carrying it)."""
        index = self.highlighted
        if index is None or self.rows[index].entry is None:
            return
        entry = self.rows[index].entry
        assert entry is not None
        carried = {r.article for r in entry.renderings}
        columns = [n for n, a in enumerate(self.members[:MATRIX_COLUMNS]) if a.id in carried]
        if not columns:
            return
        position = columns.index(self.column) if self.column in columns else -1
        self.column = columns[max(0, min(len(columns) - 1, position + step))]
        self._refresh_ledger_row(index, self.column)

    def target_of(self, index: int) -> Anchor | None:
        """What Enter opens on row `index`: a ledger row opens the chosen outlet's rendering."""
        row = self.rows[index]
        if row.entry is not None and 0 <= self.column < len(self.members):
            chosen = self.members[self.column].id
            rendering = next((r for r in row.entry.renderings if r.article == chosen), None)
            if rendering is not None:
                return Anchor(rendering.article, rendering.paragraph)
        return row.target

    @on(SheetLines.Chosen)
    def _selected(self, message: SheetLines.Chosen) -> None:
        message.stop()
        target = self.target_of(message.index)
        if target is not None:
            self.post_message(self.AnchorChosen(target))
