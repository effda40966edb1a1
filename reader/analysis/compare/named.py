"""Who each outlet names: the people and organisations of an event, and which articles mention them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.analysis.model import Article, Entity, Named

KINDS = frozenset({"PERSON", "ORG"})
"""Places and dates are the setting, not who was given a voice or left out."""


def named(articles: Sequence[Article], entities: Mapping[str, Entity]) -> tuple[Named, ...]:
    """People and organisations the event's articles mention, most widely named first."""
    seen: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for article in articles:
        for mention in article.entities:
            entity = entities.get(mention.entity)
            kind = entity.type if entity else mention.type
            if kind not in KINDS:
                continue
            kinds[mention.entity] = kind
            owners = seen.setdefault(mention.entity, [])
            if not owners or owners[-1] != article.id:
                owners.append(article.id)
    result = []
    for entity_id, owners in seen.items():
        entity = entities.get(entity_id)
        name = entity.name if entity else entity_id
        result.append(Named(entity_id, name, kinds[entity_id], tuple(owners)))
    result.sort(key=lambda n: (-len(n.articles), n.name.casefold()))
    return tuple(result)
