"""The reading state as the UI sees it, and an in-memory one for when nothing should persist.

The reader is given a `reader.storage.state.ReadingState` to remember what
was read, where the user stopped and what they bookmarked across runs. Tests
and screenshots give none and get `MemoryState`, which answers the same calls
but forgets everything on exit, so every run starts from the same screen.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Protocol

from ..analysis.model import Article
from ..storage.state import ArticleState, state_key


class StateStore(Protocol):
    """What the UI asks of a reading state (`ReadingState` and `MemoryState` both answer)."""

    @property
    def notices(self) -> tuple[str, ...]: ...

    def get(self, article: Article | str) -> ArticleState: ...

    def get_many(self, articles: Iterable[Article | str]) -> dict[str, ArticleState]: ...

    def mark_read(self, article: Article | str, read: bool = True) -> None: ...

    def set_position(self, article: Article | str, paragraph: int) -> None: ...

    def toggle_bookmark(self, article: Article | str, paragraph: int) -> bool: ...

    def bookmarks(self) -> list[tuple[str, int]]: ...


class MemoryState:
    """Read marks, positions and bookmarks for one run only."""

    notices: tuple[str, ...] = ()
    persistent = False

    def __init__(self) -> None:
        self._flags: dict[str, tuple[bool, int]] = {}
        self._marks: dict[tuple[str, int], int] = {}
        """Bookmark → order it was made in, so `bookmarks()` lists oldest first like the store."""
        self._counter = itertools.count()

    def get(self, article: Article | str) -> ArticleState:
        key = state_key(article)
        read, position = self._flags.get(key, (False, 0))
        return ArticleState(read, position, tuple(sorted(p for k, p in self._marks if k == key)))

    def get_many(self, articles: Iterable[Article | str]) -> dict[str, ArticleState]:
        """States by key of the articles with something stored, like `ReadingState.get_many`."""
        keys = {state_key(a) for a in articles}
        stored = (keys & self._flags.keys()) | {k for k, _ in self._marks if k in keys}
        return {key: self.get(key) for key in stored}

    def mark_read(self, article: Article | str, read: bool = True) -> None:
        key = state_key(article)
        self._flags[key] = (bool(read), self._flags.get(key, (False, 0))[1])

    def set_position(self, article: Article | str, paragraph: int) -> None:
        key = state_key(article)
        self._flags[key] = (self._flags.get(key, (False, 0))[0], max(0, int(paragraph)))

    def toggle_bookmark(self, article: Article | str, paragraph: int) -> bool:
        mark = (state_key(article), int(paragraph))
        if mark in self._marks:
            del self._marks[mark]
            return False
        self._marks[mark] = next(self._counter)
        return True

    def bookmarks(self) -> list[tuple[str, int]]:
        return sorted(self._marks, key=self._marks.__getitem__)
