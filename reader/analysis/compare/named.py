"""Who each outlet names: the people and organisations of an event, and which articles mention them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from reader.analysis.model import Article, Entity, Named

KINDS = frozenset({"PERSON", "ORG"})
"""Places and dates are the setting, not who was given a voice or left out."""
PLACES = frozenset({"PLACE", "GPE", "LOC"})


def named(articles: Sequence[Article], entities: Mapping[str, Entity]) -> tuple[Named, ...]:
    """People and organisations the event's articles mention, most widely named first."""
    seen: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for article in articles:
        # Each entity once per article: an article names the same people many times.
        for entity_id, mention_type in {m.entity: m.type for m in article.entities}.items():
            entity = entities.get(entity_id)
            kind = entity.type if entity else mention_type
            if kind in KINDS:
                kinds[entity_id] = kind
                seen.setdefault(entity_id, []).append(article.id)
    result = []
    for entity_id, owners in seen.items():
        entity = entities.get(entity_id)
        name = entity.name if entity else entity_id
        result.append(Named(entity_id, name, kinds[entity_id], tuple(owners)))
    result.sort(key=lambda n: (-len(n.articles), n.name.casefold()))
    return tuple(result)


def main_place(articles: Sequence[Article], entities: Mapping[str, Entity]) -> str | None:
    """The place the articles mention most often, by every mention (the event's setting), or None."""
    counts = Counter(m.entity for article in articles for m in article.entities if m.type in PLACES)
    if not counts:
        return None
    entity_id = counts.most_common(1)[0][0]
    entity = entities.get(entity_id)
    return entity.name if entity else entity_id
