"""Finding things: search across articles (`/`, a results list, `n`/`N`), find in the article (Ctrl+F),
and narrowing the list to an entity."""

from __future__ import annotations

from textual import on

from ...analysis.model import Anchor
from ..sanitize import clip, printable
from ..widgets.key_bar import KeyBar
from ..widgets.search_bar import SearchBar
from ..words import plural
from .loading import LoadingScreen
from .search_hits import SearchHits


class SearchingScreen(LoadingScreen):
    """Holds the current search and steps through its hits."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.found = SearchHits()
        """The last search (empty when none); `within` is set for a find in one article."""
        self.found_within: str | None = None
        """The article a find (Ctrl+F) is limited to; None for a search of every article."""

    async def search_bar(self) -> SearchBar:
        """The search input (made after the first frame: `PromptBar.made_in`)."""
        return await SearchBar.made_in(self, before=self.query_one(KeyBar), id="search")

    async def _ask(self, *, within_article: bool) -> None:
        bar = await self.search_bar()
        same_kind = (self.found_within is not None) == within_article
        bar.ask(self.found.term if same_kind else "", within_article=within_article)

    async def action_search(self) -> None:
        await self._ask(within_article=False)

    async def action_find(self) -> None:
        if self.current_article is None:
            self.notify("Open an article first.", markup=False, timeout=2)
            return
        await self._ask(within_article=True)

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        message.stop()
        bar = self.query_one(SearchBar)
        bar.display = False
        self.view.focus()
        term = message.value.strip()
        if bar.within_article:
            self.find_in_article(term)
        else:
            self.search_for(term)

    @on(SearchBar.Cancelled)
    def _search_cancelled(self) -> None:
        self.query_one(SearchBar).display = False
        self.view.focus()

    def search_for(self, term: str, *, show_results: bool = True) -> None:
        """Search every article for `term` and list the hits (Enter in the list opens one)."""
        if not self._start(term, self.index.search(term) if self.index and term else [], within=None):
            return
        if show_results:
            self._show_results()
        else:
            self._jump_hit(+1)

    def find_in_article(self, term: str) -> None:
        """Find `term` in the open article only and go to the first hit at or after the cursor."""
        article = self.current_article
        if article is None or self.index is None:
            return
        if self._start(term, self.index.search(term, within=article), within=article):
            self._jump_hit(+1)

    def _start(self, term: str, hits: list[Anchor], *, within: str | None) -> bool:
        """Make `hits` the current search; False (and a message) if there are none."""
        self.found, self.found_within = SearchHits(term, hits), within
        if term and not hits:
            where = "this article" if within else "any article"
            self.notify(f"No match for “{printable(clip(term, 40))}” in {where}.", markup=False, timeout=3)
            self.found = SearchHits()
        self.view.set_search(self.found.term)
        if self.found:
            assert self.index is not None
            self.found.start_after(self.here, self.index.position)
        self._show_status()
        return bool(self.found)

    def _result_chosen(self, chosen: int | None) -> None:
        if chosen is not None and self.found:
            self.found.current = chosen - 1
            self._jump_hit(+1)
            self.view.focus()

    def _jump_hit(self, step: int) -> None:
        target = self.found.step(step)
        self.go(target, remember=target.article != self.current_article)
        self._show_status()

    def _show_status(self) -> None:
        label = self.found.label()
        if label and self.found_within is not None:
            label = f"find {label}"
        self.status = printable(clip(label, 36))
        self.describe_position()

    def action_next(self) -> None:
        if self.found:
            self._jump_hit(+1)
        else:
            self.action_next_article()

    def action_previous_hit(self) -> None:
        if self.found:
            self._jump_hit(-1)

    def action_show_results(self) -> None:
        if not self.found or self.found_within is not None:
            self.notify("Search every article first (press /).", markup=False, timeout=2)
            return
        self._show_results()

    def _show_results(self) -> None:
        from .search_results import SearchResultsScreen

        # A new screen each time: Textual closes a dismissed screen, and one pushed again stays blank.
        self.app.push_screen(SearchResultsScreen().load(self.found, self.index), self._result_chosen)

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
        count = len(self.index.appearances(mention.entity))
        self.notify(f"Listing {plural(count, 'article')} that mention {printable(clip(name, 40))}.", markup=False, timeout=3)

    def action_clear(self) -> None:
        cleared = bool(self.found.term)
        if cleared:
            self.found, self.found_within = SearchHits(), None
            self.view.set_search("")
        cleared = self.article_list.clear_filters() or cleared
        if cleared:
            self._show_status()
