"""The hits of a search across articles as a list: article, paragraph, and the hit in its context."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen

from ..lookup import CorpusIndex
from ..sanitize import clip, literal
from ..widgets.line_list import LazyRows, LineList
from ..words import plural
from .search_hits import SearchHits

CONTEXT = 40
"""Characters of the paragraph shown before the hit."""


def snippet(paragraph: str, term: str, width: int = 110) -> tuple[str, int]:
    """The part of `paragraph` around the first hit of `term`, and where the hit starts in it."""
    start = paragraph.casefold().find(term.casefold())
    if start < 0:
        return clip(paragraph, width), -1
    begin = max(0, start - CONTEXT)
    prefix = "…" if begin else ""
    text = prefix + paragraph[begin : begin + width]
    return text, start - begin + len(prefix)


class SearchResultsScreen(ModalScreen[int | None]):
    """Every hit, two lines each; Enter opens one (its number is returned), Escape keeps the search for `n`/`N`.

    Made once and pushed again for each search: composing and styling a new
    screen cost more than listing the hits.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss_none", "Close", show=False, id="results.close"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search-results--hit", "search-results--meta"}

    def __init__(self) -> None:
        super().__init__()
        self.found = SearchHits()
        self.index: CorpusIndex | None = None

    def load(self, found: SearchHits, index: CorpusIndex | None) -> SearchResultsScreen:
        """Show these hits the next time the screen is pushed (one screen serves every search); returns self."""
        self.found, self.index = found, index
        return self

    def compose(self) -> ComposeResult:
        yield LineList(id="results")

    def on_screen_resume(self) -> None:
        results = self.query_one(LineList)
        hits = self.found.hits
        articles = {hit.article for hit in hits}
        results.border_title = f"“{clip(self.found.term, 30)}”: {plural(len(hits), 'hit')} in {plural(len(articles), 'article')}"
        results.border_subtitle = "Enter opens · Esc closes (n/N step through the hits)"
        # Rows are made as they scroll into view: 10,000 hits cost no more to show than 20.
        rows = LazyRows(len(hits), self._row, height=2)
        results.set_rows(rows, highlighted=max(0, self.found.current + 1) % max(1, len(rows)))
        results.focus()

    def _row(self, number: int) -> Text:
        hit = self.found.hits[number]
        article = self.index.articles.get(hit.article) if self.index else None
        meta = self.get_component_rich_style("search-results--meta", partial=True)
        if article is None:
            return Text("(article gone)", style=meta)
        line = literal(clip(article.title or article.source, 80), "bold")
        line.no_wrap, line.overflow = True, "ellipsis"
        line.append("  ")
        line.append_text(literal(" · ".join([*([clip(article.outlet, 40)] if article.outlet else []), f"¶ {hit.paragraph + 1}"]), meta))
        paragraphs = article.paragraphs
        text, at = snippet(paragraphs[hit.paragraph] if hit.paragraph < len(paragraphs) else "", self.found.term)
        context = literal(text)
        if at >= 0:
            context.stylize(self.get_component_rich_style("search-results--hit", partial=True), at, at + len(self.found.term))
        line.append("\n  ")
        line.append_text(context)
        return line

    @on(LineList.Selected)
    def _chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.dismiss(int(event.row_id) if event.row_id is not None else None)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
