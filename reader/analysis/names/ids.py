"""Entity ids: readable, stable slugs such as "person:xi-jinping".

Recognition already gives each mention the id its own article implies, so that
unification only rewrites the mentions whose meaning the corpus changes (a bare
surname, an acronym defined elsewhere) and leaves the rest untouched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPELLING = (("organization", "organisation"), ("center", "centre"), ("defense", "defence"))


def slug(name: str) -> str:
    """ "Shanghai Cooperation Organisation" -> "shanghai-cooperation-organisation"; US and UK spellings agree."""
    low = name.lower().replace(".", "").replace("'", "").replace("’", "")
    for us, uk in _SPELLING:
        low = low.replace(us, uk)
    if low.startswith("the "):
        low = low[4:]
    return _NON_ALNUM.sub("-", low).strip("-") or "x"


def canonical_name(name: str) -> str:
    """The usual name of a place or body that goes by several ("U.S." -> "United States")."""
    return lexicon.CANONICAL.get(name, name)


@lru_cache(maxsize=1 << 16)
def entity_id(kind: str, name: str) -> str:
    """The id of the entity of this type and name: "person:xi-jinping" (remembered: names repeat)."""
    return f"{kind.lower()}:{slug(canonical_name(name))}"
