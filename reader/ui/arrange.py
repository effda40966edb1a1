"""How the article list is ordered: by event (date or size), by article date, or by outlet.

Pure: it reads a `CorpusIndex` and returns sections, each a heading and its
articles, so each order is tested without a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..analysis.model import Article, Event
from .lookup import CorpusIndex

SORTS = ("event", "size", "date", "outlet")
"""The orders `S` cycles through, the default first."""

SORT_NAMES = {"event": "events by date", "size": "largest events first", "date": "newest articles first", "outlet": "by outlet"}


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of the list and the articles under it."""

    label: str
    date: str | None
    articles: tuple[Article, ...]
    event: Event | None = None


def arrange(index: CorpusIndex, sort: str) -> tuple[Section, ...]:
    """The list's sections in the order `sort` names (an unknown name means the default)."""
    if sort == "date":
        return _by_key(index, lambda a: a.date or "", "Undated", newest_first=True)
    if sort == "outlet":
        return _by_key(index, lambda a: a.outlet or "", "No outlet", newest_first=False)
    sections = [
        Section(group.event.label if group.event else "Not grouped", group.event.date if group.event else None, group.articles, group.event)
        for group in index.groups
    ]
    if sort == "size":
        # Largest first; the articles of no event stay at the end whatever their number.
        sections.sort(key=lambda s: (s.event is None, -len(s.articles)))
    return tuple(sections)


def _by_key(index: CorpusIndex, key: Callable[[Article], str], missing: str, *, newest_first: bool) -> tuple[Section, ...]:
    """Sections of the articles sharing `key`, articles without one last."""
    buckets: dict[str, list[Article]] = {}
    for article_id in index.order:
        article = index.articles[article_id]
        buckets.setdefault(key(article), []).append(article)
    names = sorted((name for name in buckets if name), key=str.casefold, reverse=newest_first)
    if "" in buckets:
        names.append("")
    sections = []
    for name in names:
        articles = sorted(buckets[name], key=lambda a: (a.title or a.source).casefold())
        sections.append(Section(name or missing, None, tuple(articles)))
    return tuple(sections)
