"""A readable name for an event: who, what, where and when, as far as known."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date

from .model import Article, Entity
from .normalise import content_words

_PEOPLE = frozenset({"PERSON", "PER"})
_PLACES = frozenset({"PLACE", "GPE", "LOC", "FAC"})


def _top(counts: Counter[str], limit: int) -> list[str]:
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _participants(
    members: Sequence[Article], terms: Sequence[Counter[str]], by_id: Mapping[str, Entity]
) -> tuple[list[str], list[str]]:
    """The most mentioned people and places; plain capitalised names when no recogniser ran."""
    people: Counter[str] = Counter()
    places: Counter[str] = Counter()
    for article in members:
        for mention in article.entities:
            entity = by_id.get(mention.entity)
            name = entity.name if entity else mention.text
            kind = entity.type if entity else mention.type
            if kind in _PEOPLE:
                people[name] += 1
            elif kind in _PLACES:
                places[name] += 1
    if not people and not places:
        # Without a recogniser, the multi-word capitalised names most articles of the event use.
        for counts in terms:
            people.update(t[2:].title() for t in counts if t.startswith("n:") and " " in t)
    return _top(people, 2), _top(places, 1)


def _topic(terms: Sequence[Counter[str]], df: Mapping[str, int], total: int, exclude: set[str]) -> list[str]:
    """The words this event's articles share that the rest of the corpus rarely uses."""
    spread: Counter[str] = Counter()
    for counts in terms:
        spread.update(t[2:] for t in counts if t.startswith("w:"))
    scored = {
        word: count * math.log((total + 1) / df.get("w:" + word, 1))
        for word, count in spread.items()
        if word not in exclude and len(word) > 2
    }
    return _top(Counter(scored), 3)


def label(
    members: Sequence[Article],
    terms: Sequence[Counter[str]],
    by_id: Mapping[str, Entity],
    day: date | None,
    df: Mapping[str, int],
    total: int,
) -> str:
    """ "Ann Lee, Bo Chan · merger, shares, vote · Paris · 8 June 2018" with unknown parts left out."""
    people, places = _participants(members, terms, by_id)
    exclude = {w for name in (*people, *places) for w in content_words(name)}
    parts = [", ".join(people), ", ".join(_topic(terms, df, total, exclude)), ", ".join(places)]
    if day is not None:
        parts.append(f"{day.day} {day.strftime('%B %Y')}")
    text = " · ".join(p for p in parts if p)
    return text or (members[0].title if members else "")
