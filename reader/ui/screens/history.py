"""Where the reader has been: back and forward like a browser, and recent places for the palette.

Pure bookkeeping on `Anchor`s, so it is tested without a screen.
"""

from __future__ import annotations

from ...analysis.model import Anchor

LIMIT = 200
"""Places kept each way; older ones are dropped."""


class History:
    """Back and forward stacks of places, and the articles visited most recently."""

    def __init__(self, limit: int = LIMIT) -> None:
        self.limit = limit
        self._back: list[Anchor] = []
        self._forward: list[Anchor] = []
        self._recent: dict[str, Anchor] = {}
        """Article id -> the last place in it, oldest first (a dict keeps insertion order)."""

    def visit(self, here: Anchor | None, target: Anchor) -> None:
        """A jump from `here` to `target`: `here` goes on the back stack and forward is forgotten."""
        if here is not None and here != target:
            self._back = [*self._back[-(self.limit - 1) :], here]
            self._forward.clear()
        self.seen(target)

    def seen(self, place: Anchor) -> None:
        """Remember `place` as the latest place in its article (for the recent list)."""
        self._recent.pop(place.article, None)
        self._recent[place.article] = place
        if len(self._recent) > self.limit:
            self._recent.pop(next(iter(self._recent)))

    def back(self, here: Anchor | None) -> Anchor | None:
        """The place before the last jump (None if there is none); `here` becomes the way forward."""
        if not self._back:
            return None
        if here is not None:
            self._forward.append(here)
        return self._back.pop()

    def forward(self, here: Anchor | None) -> Anchor | None:
        """Undo the last `back` (None if there is nothing to redo)."""
        if not self._forward:
            return None
        if here is not None:
            self._back.append(here)
        return self._forward.pop()

    @property
    def can_go_back(self) -> bool:
        return bool(self._back)

    def recent(self, limit: int = 20) -> list[Anchor]:
        """The last place in each of the most recently visited articles, newest first."""
        return list(reversed(self._recent.values()))[:limit]
