"""Finding things: search across articles (`/`, `n`, `N`) and narrowing the list to an entity."""

from __future__ import annotations

from textual import on

from ..sanitize import clip, printable
from ..widgets.key_bar import KeyBar
from ..widgets.search_bar import SearchBar
from .loading import LoadingScreen
from .search_hits import SearchHits


class SearchingScreen(LoadingScreen):
    """Holds the current search and steps through its hits."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.found = SearchHits()
        """The last search across articles (empty when none)."""

    async def action_search(self) -> None:
        bars = self.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            bar = SearchBar(id="search")
            await self.mount(bar, before=self.query_one(KeyBar))
        bar.display = True
        bar.value = self.found.term
        bar.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        message.stop()
        self.query_one(SearchBar).display = False
        self.view.focus()
        self.search_for(message.value.strip())

    def search_for(self, term: str) -> None:
        """Search every article for `term` and go to the first hit at or after the cursor."""
        hits = self.index.search(term) if self.index and term else []
        self.found = SearchHits(term, hits)
        if term and not hits:
            self.notify(f"No match for “{printable(clip(term, 40))}”.", markup=False, timeout=3)
            self.found = SearchHits()
        self.view.set_search(self.found.term)
        if self.found:
            index = self.index
            assert index is not None
            self.found.start_after(self.here, lambda article: index.order.index(article) if article in index.order else -1)
            self._jump_hit(+1)
        self._show_status()

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.query_one(SearchBar).display = False
        self.view.focus()

    def _jump_hit(self, step: int) -> None:
        target = self.found.step(step)
        self.go(target, remember=target.article != self.current_article)
        self._show_status()

    def _show_status(self) -> None:
        self.status = printable(clip(self.found.label(), 30))
        self.describe_position()

    def action_next(self) -> None:
        if self.found:
            self._jump_hit(+1)
        else:
            self.action_next_article()

    def action_previous_hit(self) -> None:
        if self.found:
            self._jump_hit(-1)

    def list_mentioning(self, entity_id: str) -> None:
        """Narrow the list to the articles that mention an entity."""
        if self.index is not None:
            self.article_list.filter_entity(entity_id, self.index.entity_name(entity_id))

    def action_filter_entity(self) -> None:
        mention = self.view.focus_entity
        if mention is None or self.index is None:
            self.notify("Put the cursor on an entity first (press e).", markup=False, timeout=3)
            return
        name = self.index.entity_name(mention.entity) or mention.text
        self.list_mentioning(mention.entity)
        self.notify(f"Listing articles that mention {printable(clip(name, 40))}.", markup=False, timeout=3)

    def action_clear(self) -> None:
        cleared = bool(self.found.term)
        if cleared:
            self.found = SearchHits()
            self.view.set_search("")
        cleared = self.article_list.clear_filters() or cleared
        if cleared:
            self._show_status()
