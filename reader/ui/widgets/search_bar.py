"""The `/` and Ctrl+F prompt: search every article, or only the one open."""

from __future__ import annotations

from .prompt_bar import PromptBar

EVERYWHERE = "Search all articles…  (Enter: list the hits, Esc: leave)"
IN_ARTICLE = "Find in this article…  (Enter: find, Esc: leave)"


class SearchBar(PromptBar):
    """Docked under the panels while the user types a search; `within_article` says which kind."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=EVERYWHERE, id=id)
        self.within_article = False

    def ask(self, term: str, *, within_article: bool) -> None:
        """Show the prompt for one kind of search, holding `term`."""
        self.within_article = within_article
        self.placeholder = IN_ARTICLE if within_article else EVERYWHERE
        self.value = term
        self.take_keys()
