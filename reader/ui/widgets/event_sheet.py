"""The body of the event page: coverage, quotation ledger, single-source sentences, disagreements, names.

Each row is an option; a row that points at a paragraph opens it on Enter. A
ledger row shows a ✓ per article carrying the quotation; `h`/`l` (or the
arrows) choose the article whose rendering Enter opens. Everything shown
was precomputed by the analysis (`compare_events`), so building the page
reads the comparison and formats it, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import PurePath
from typing import ClassVar

from rich.style import Style
from rich.text import Span, Text
from textual import on
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message

from ...analysis.model import Anchor, Article, Claim, EventComparison, LedgerEntry, Named, Rendering, SingleSource
from ..sanitize import clip, printable
from .sheet_lines import Prompt, SheetLines

MATRIX_COLUMNS = 40
"""Articles shown in a ✓ matrix; an event of more shows the first ones and says so."""
SECTION_ROWS = 200
"""Rows listed per section; the rest is counted (the export lists everything)."""
FIRST_ROWS = 120
"""Rows made before the page's first frame: more than a terminal shows."""


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


Rows = Iterator[tuple[Prompt, SheetRow | None]]
"""A section's rows: what each shows, and what it opens (None: a row that opens nothing)."""


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
        self.names: dict[str, str] = {}
        self._rest: Iterator[tuple[Prompt, SheetRow]] | None = None
        """The rows not made yet (`finish_rows`)."""

    def _style(self, name: str) -> Style:
        # Resolved once per `show`: asking the DOM for a style per cell made large pages slow to open.
        found = self._styles.get(name)
        if found is None:
            found = self._styles[name] = self.get_component_rich_style(f"event-sheet--{name}", partial=True)
        return found

    # --- building -------------------------------------------------------------

    def show(self, members: Sequence[Article], comparison: EventComparison | None, names: dict[str, str]) -> None:
        """Fill the sheet for an event's articles (in event order) and their comparison.

        The first `FIRST_ROWS` rows are made now, the rest on the frame after
        (`finish_rows`): a 50-article event has some 900 rows, and making them
        all was a sixth of the page's open.
        """
        self.members = list(members)
        self._numbers = {a.id: n for n, a in enumerate(self.members, start=1)}
        self.column = 0
        self._styles = {}
        self.names = names
        made = self._made(comparison or EventComparison(""), names)
        first = list(islice(made, FIRST_ROWS))
        self.rows = [row for _, row in first]
        self.set_rows([prompt for prompt, _ in first], [row.target is not None for row in self.rows])
        self._rest = made
        self.call_after_refresh(self.finish_rows)

    def finish_rows(self) -> None:
        """Make the rows below the first screenful, if not made yet (the cursor stays where it is)."""
        rest, self._rest = self._rest, None
        if rest is None:
            return
        more = list(rest)
        self.rows += [row for _, row in more]
        self.prompts += [prompt for prompt, _ in more]
        self.enabled += [row.target is not None for _, row in more]
        self.virtual_size = Size(self.size.width, len(self.prompts))
        self.refresh()

    def _made(self, found: EventComparison, names: dict[str, str]) -> Iterator[tuple[Prompt, SheetRow]]:
        """Every row, section by section, made as it is asked for."""
        for section in (self._coverage(), self._ledger(found, names), self._single(found), self._disagreements(found), self._named(found)):
            for prompt, row in section:
                if isinstance(prompt, Text):
                    prompt.no_wrap, prompt.overflow, prompt.end = True, "ellipsis", ""
                yield prompt, row or SheetRow()

    def _section(self, title: str, count: int | None = None) -> Rows:
        if title != "Coverage":  # a blank row between sections
            yield Text(""), None
        yield Text(title + (f" ({count})" if count is not None else ""), style=self._style("section")), None

    def _outlet(self, article_id: str) -> str:
        number = self._numbers.get(article_id, 0)
        article = self.members[number - 1] if number else None
        return f"{number}. {printable(clip(outlet_of(article), 24))}" if article else article_id

    def _coverage(self) -> Rows:
        yield from self._section("Coverage", len(self.members))
        dated = sorted((a.date, a.id) for a in self.members if a.date)
        first = dated[0][1] if dated else None
        for number, article in enumerate(self.members, start=1):
            yield partial(self._coverage_line, number, article, article.id == first), SheetRow(Anchor(article.id, 0), article=article.id)

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

    def _ledger(self, found: EventComparison, names: dict[str, str]) -> Rows:
        yield from self._section("Quotations", len(found.ledger))
        for entry in found.ledger[:SECTION_ROWS]:
            yield partial(self._ledger_line, entry, names, None), SheetRow(Anchor(entry.fullest.article, entry.fullest.paragraph), entry)
            for rendering in entry.renderings:
                if rendering.changed:
                    yield partial(self._diff_line, rendering), SheetRow(Anchor(rendering.article, rendering.paragraph))
        yield from self._more(len(found.ledger))

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

    def _more(self, count: int) -> Rows:
        if count > SECTION_ROWS:
            yield Text(f"   … and {count - SECTION_ROWS} more (reader export lists them all)", style=self._style("dim")), None

    def _single(self, found: EventComparison) -> Rows:
        yield from self._section("Only one outlet reports", len(found.single_source))
        current = None
        for item in found.single_source[:SECTION_ROWS]:
            if item.article != current:
                current = item.article
                yield partial(self._outlet_line, item.article), None
            yield partial(self._single_line, item), SheetRow(Anchor(item.article, item.paragraph))
        yield from self._more(len(found.single_source))

    def _outlet_line(self, article_id: str) -> Text:
        return Text(f"  {self._outlet(article_id)}", style="bold")

    def _single_line(self, item: SingleSource) -> Text:
        line = Text(f"    ¶{item.paragraph + 1} ", style=self._style("dim"), end="", no_wrap=True, overflow="ellipsis")
        line.append(printable(clip(item.sentence, 200)), style=Style())
        return line

    def _disagreements(self, found: EventComparison) -> Rows:
        yield from self._section("Outlets disagree", len(found.disagreements))
        if not found.disagreements:
            yield Text("  No figures differ between the outlets.", style=self._style("dim")), None
        for item in found.disagreements[:SECTION_ROWS]:
            kind = "contradict each other" if item.kind == "conflict" else "differ in kind (a bound or range)"
            line = Text(f"  {printable(item.measure)}: ", style="bold", end="")
            line.append(kind, style=self._style("conflict") if item.kind == "conflict" else self._style("dim"))
            yield line, None
            for claim in item.claims:
                yield partial(self._claim_line, claim), SheetRow(Anchor(claim.article, claim.paragraph))

    def _claim_line(self, claim: Claim) -> Text:
        row = Text(f"    {self._outlet(claim.article)}: ", style=self._style("dim"), end="", no_wrap=True, overflow="ellipsis")
        row.append(printable(claim.figure), style="bold")
        row.append(" — " + printable(clip(claim.sentence, 160)))
        return row

    def _named(self, found: EventComparison) -> Rows:
        yield from self._section("Who is named", len(found.named))
        for item in found.named[:SECTION_ROWS]:
            yield partial(self._named_line, item), None
        yield from self._more(len(found.named))

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

    def action_move(self, step: int) -> None:
        self.finish_rows()  # a key pressed before the rest was made still reaches it
        super().action_move(step)

    def action_page(self, step: int) -> None:
        self.finish_rows()
        super().action_page(step)

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
