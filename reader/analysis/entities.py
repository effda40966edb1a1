"""People, organisations and places: recognised per article, unified across the corpus.

The recogniser is our own, deterministic and explainable (capitalised-run
chunking, titles and roles, head words, world gazetteers); see the
`reader.analysis.names` package for how. This module is the stable surface the
pipeline and the other stages use.
"""

from __future__ import annotations

from .names.ids import entity_id, slug
from .names.recognise import recognise
from .names.roles import Role, country_of, is_role, parse_role, role_before
from .names.unify import unify

__all__ = [
    "Role",
    "country_of",
    "entity_id",
    "is_role",
    "parse_role",
    "recognise",
    "role_before",
    "slug",
    "unify",
]
