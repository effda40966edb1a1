"""A readable name for an event: who, what, where and when, as far as known."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import islice
from datetime import date

from reader.analysis.model import Article, Entity
from reader.analysis.text.normalise import content_words

TOPIC_TERMS = 60
_PEOPLE = frozenset({"PERSON", "PER"})
_PLACES = frozenset({"PLACE", "GPE", "LOC", "FAC"})


def _top(counts: Counter[str], limit: int) -> list[str]:
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def _participants(
    members: Sequence[Article], terms: Sequence[Mapping[str, float]], by_id: Mapping[str, Entity]
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


def _topic(vectors: Sequence[Mapping[str, float]], exclude: set[str]) -> list[str]:
    """The words that weigh most (TF-IDF) across the event's articles: what it was about."""
    weight: dict[str, float] = {}
    for vec in vectors:
        # Vectors hold their heaviest terms first; the head is enough to name the topic.
        for term, value in islice(vec.items(), TOPIC_TERMS):
            if term.startswith("w:"):
                weight[term[2:]] = weight.get(term[2:], 0.0) + value
    ranked = sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    return [word for word, _ in ranked if word not in exclude and len(word) > 2][:3]


def label(
    members: Sequence[Article],
    terms: Sequence[Mapping[str, float]],
    by_id: Mapping[str, Entity],
    day: date | None,
) -> str:
    """ "8 June 2018 · merger, shares, vote · Ann Lee, Bo Chan · Paris" with unknown parts left out.

    When and what come first: events of one story share their people and
    places, and a label cut short in a narrow list must still tell them apart.
    """
    people, places = _participants(members, terms, by_id)
    # Names are already in the label, and words of every name would crowd out the topic.
    exclude = {w for name in (*people, *places) for w in content_words(name)}
    when = f"{day.day} {day.strftime('%B %Y')}" if day is not None else ""
    parts = [when, ", ".join(_topic(terms, exclude)), ", ".join(people), ", ".join(places)]
    text = " · ".join(p for p in parts if p)
    return text or (members[0].title if members else "")
