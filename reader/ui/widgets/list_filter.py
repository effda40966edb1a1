"""The article list's filters: words typed in their own input (`l`), and one entity (`E`).

Apart from the list's rows and read marks: the filters only decide which
articles pass, and keep the words for the next run in the same folders.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.containers import Vertical
from textual.widgets import Static

from ...analysis.model import Article
from ..lookup import CorpusIndex
from ..sanitize import clip, literal
from .filter_bar import FilterBar
from .line_list import LineList
from .list_rows import heading_event

if TYPE_CHECKING:
    from ..reading import StateStore


class FilteredList(Vertical):
    """A list of articles narrowed by the filters; the list itself says how to fill it (`rebuild`)."""

    state: StateStore
    memory: str
    index: CorpusIndex | None
    text_filter: str
    entity_filter: tuple[str, str] | None
    _haystacks: dict[str, str]
    _filter_before: str

    def rebuild(self) -> None:
        """Fill the list again with the articles that pass (the list's own)."""
        raise NotImplementedError

    @property
    def entries(self) -> LineList:
        """The list of headings and articles (what has focus when the list does)."""
        return self.query_one("#articles", LineList)

    async def _filter_bar(self) -> FilterBar:
        """The filter input (made after the first frame: `PromptBar.made_in`)."""
        return await FilterBar.made_in(self, before=self.entries, id="filter")

    async def open_filter(self) -> None:
        """Show the filter input with the current filter, and put the keyboard in it."""
        bar = await self._filter_bar()
        self._filter_before = self.text_filter
        bar.value = self.text_filter
        self.query_one("#filter-line").display = False
        bar.take_keys()

    def _close_filter(self) -> None:
        self.query_one(FilterBar).display = False
        self.query_one("#filter-line").display = True
        self._show_filter()
        self.entries.focus()

    @on(FilterBar.Changed)
    def _filter_typed(self, event: FilterBar.Changed) -> None:
        event.stop()
        if event.input.display:
            self.type_filter(event.value)

    @on(FilterBar.Submitted)
    def _filter_kept(self, event: FilterBar.Submitted) -> None:
        event.stop()
        self._close_filter()

    @on(FilterBar.Cancelled)
    def _filter_left(self, event: FilterBar.Cancelled) -> None:
        event.stop()
        self.type_filter(self._filter_before)
        self._close_filter()

    def filter_entity(self, entity_id: str, name: str) -> None:
        """Show only the articles that mention the entity."""
        self.entity_filter = (entity_id, name)
        self._show_filter()
        self.rebuild()

    def clear_filters(self) -> bool:
        """Drop the text and entity filters; True if there was one."""
        had = bool(self.text_filter) or self.entity_filter is not None
        self.text_filter = ""
        self.state.set_setting(f"filter:{self.memory}", "")
        self.entity_filter = None
        self._show_filter()
        self.rebuild()
        return had

    def type_filter(self, text: str) -> None:
        """Set the text filter (what typing in the filter input does); it is kept for the next run."""
        self.text_filter = text
        self.state.set_setting(f"filter:{self.memory}", text)
        self._show_filter()
        self.rebuild()
        entries = self.entries
        here = entries.rows[entries.highlighted].id if entries.highlighted is not None else None
        if here is None or heading_event(here) is not None:  # the first article: Enter after filtering opens one
            entries.highlighted = next((n for n, row in enumerate(entries.rows) if heading_event(row.id) is None and row.id), None)

    def _matching(self, articles: Sequence[Article], label: str, words: list[str]) -> list[Article]:
        """The articles that pass the entity filter and hold every word of the text filter."""
        if self.entity_filter is not None and self.index is not None:
            mentioning = self.index.appearances(self.entity_filter[0])
            articles = [a for a in articles if a.id in mentioning]
        haystacks = self._haystacks
        for article in articles:
            if article.id not in haystacks:
                haystacks[article.id] = " ".join(
                    (article.title, article.outlet or "", label, article.source, article.feed or "")  # feed: filter by subscription
                ).casefold()
        for word in words:
            articles = [a for a in articles if word in haystacks[a.id]]
        return list(articles)

    def _show_filter(self) -> None:
        line = Text(end="", no_wrap=True, overflow="ellipsis")
        if self.entity_filter is not None:
            line.append("mentioning ", style="dim")
            line.append_text(literal(clip(self.entity_filter[1], 40), "bold"))
            line.append("  ")
        if self.text_filter:
            line.append("filter: ", style="dim")
            line.append_text(literal(self.text_filter, "bold"))
        elif self.entity_filter is None:
            line.append("l filter · S sort · H hide read", style="dim italic")
        for shown in self.query("#filter-line").results(Static):
            shown.update(line)
