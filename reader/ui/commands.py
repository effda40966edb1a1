"""Lazy loaders for the command palette providers (see `palette`), so start-up skips importing them."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.command import Provider


def articles() -> type[Provider]:
    from .palette import ArticlesProvider

    return ArticlesProvider


def entities() -> type[Provider]:
    from .palette import EntitiesProvider

    return EntitiesProvider


def events() -> type[Provider]:
    from .palette import EventsProvider

    return EventsProvider


def bookmarks() -> type[Provider]:
    from .palette import BookmarksProvider

    return BookmarksProvider


def recent() -> type[Provider]:
    from .palette import RecentProvider

    return RecentProvider
