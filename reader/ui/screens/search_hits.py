"""A search across articles as a list of places, stepped through with `n` and `N`.

Pure bookkeeping, tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable

from ...analysis.model import Anchor
from ..words import plural


class SearchHits:
    """The term searched for, every paragraph holding it, and which hit is current."""

    def __init__(self, term: str = "", hits: list[Anchor] | None = None) -> None:
        self.term = term
        self.hits: list[Anchor] = hits or []
        self.current = -1
        """Index of the hit last shown (-1: none yet)."""

    def __bool__(self) -> bool:
        return bool(self.hits)

    def start_after(self, here: Anchor | None, order: Callable[[str], int]) -> None:
        """Make the next `step(+1)` land on the first hit at or after `here`, in list order."""
        if here is None:
            self.current = -1
            return
        key = (order(here.article), here.paragraph)
        following = [n for n, hit in enumerate(self.hits) if (order(hit.article), hit.paragraph) >= key]
        self.current = (following[0] if following else 0) - 1

    def step(self, by: int) -> Anchor:
        """The hit `by` places on, wrapping round; it becomes the current one."""
        self.current = (self.current + by) % len(self.hits)
        return self.hits[self.current]

    def label(self) -> str:
        """"“term” 2/14" for the border."""
        if not self.hits:
            return ""
        if self.current < 0:
            return f"“{self.term}” {plural(len(self.hits), 'hit')}"
        return f"“{self.term}” {self.current + 1}/{len(self.hits)}"
