"""The `l` prompt over the article list: each keystroke narrows the list."""

from __future__ import annotations

from .prompt_bar import PromptBar


class FilterBar(PromptBar):
    """Filter words; the list narrows as they are typed, Enter keeps them, Escape restores the filter before."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="filter: words of title, outlet, event", id=id)
