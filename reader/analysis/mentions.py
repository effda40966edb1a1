"""Mention links: a paragraph that refers back to another event in the corpus."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Article, Event, Link


def find_mentions(articles: Sequence[Article], events: Sequence[Event]) -> list[Link]:
    return []
