"""The reading state as the UI sees it: the calls the screens and widgets make, and nothing else.

The reader is given a `reader.storage.state.ReadingState` to remember what
was read, where the user stopped, what they bookmarked and the choices they
made (sort order, last place) across runs; tests and screenshots get a
`MemoryState`, which follows the same rules but forgets everything on exit.
The UI only ever calls what this protocol lists: how articles are keyed and
stored stays the storage's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..analysis.model import Article
    from ..storage.state import ArticleState


class StateStore(Protocol):
    """What the UI asks of a reading state (`ReadingState` and `MemoryState` both answer)."""

    @property
    def notices(self) -> tuple[str, ...]: ...

    def get(self, article: Article) -> ArticleState: ...

    def read_ids(self, articles: Iterable[Article]) -> set[str]: ...

    def mark_read(self, article: Article, read: bool = True) -> None: ...

    def set_position(self, article: Article, paragraph: int) -> None: ...

    def toggle_bookmark(self, article: Article, paragraph: int) -> bool: ...

    def bookmarked(self, articles: Iterable[Article]) -> list[tuple[Article, int]]: ...

    def setting(self, name: str) -> str | None: ...

    def set_setting(self, name: str, value: str) -> None: ...
