"""People, organisations and places: recognised per article, unified across the corpus.

The recogniser is our own, deterministic and explainable (capitalised-run
chunking, titles and roles, head words, world gazetteers). `recognise` is the
per-article stage, `unify` the corpus stage that resolves mentions to entities.
"""

from __future__ import annotations

from reader.analysis.names.ids import entity_id, slug
from reader.analysis.names.recognise import recognise
from reader.analysis.names.roles import Role, country_of, is_role, parse_role, role_before
from reader.analysis.names.unify import unify

__all__ = ["Role", "country_of", "entity_id", "is_role", "parse_role", "recognise", "role_before", "slug", "unify"]
