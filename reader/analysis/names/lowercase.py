"""Places written in lower case by writers who do not capitalise ("i live in kerala", "from san francisco").

Forum and review posts often drop capitals altogether, and capitals are how the
recogniser finds names. Only a paragraph that shows the habit (it opens in lower
case, or writes "i" for "I") is searched, and only for names that cannot be
common words there: countries, states and regions of five letters or more, and
towns of two words or more ("san francisco"). Edited copy never shows the habit,
so news pays two substring tests a paragraph.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .gazetteer import places, regions

_WORD = re.compile(r"(?<![\w'’@./-])[a-z]+(?![\w'’@/-])")
_NEXT_WORD = re.compile(r" ([a-z]+)(?![\w'’@/-])")


@cache
def _lower_places() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased single-word regions, and lower-cased places of two words."""
    single = frozenset(
        r.lower() for r in regions() if r.isalpha() and len(r) >= 5 and r.lower() not in lexicon.FUNCTION_WORDS
    )
    double = frozenset(p.lower() for p in places() if p.count(" ") == 1 and p.replace(" ", "").isalpha())
    return single, double


def lowercase_places(text: str) -> list[tuple[int, int]]:
    """Spans of places written in lower case in a paragraph that drops capitals (`recognise` asks only
    of a paragraph that opens in lower case or says " i ", a test it makes inline for speed)."""
    single, double = _lower_places()
    found: list[tuple[int, int]] = []
    skip_to = 0
    for m in _WORD.finditer(text):
        if m.start() < skip_to:
            continue
        nxt = _NEXT_WORD.match(text, m.end())
        if nxt and f"{m.group()} {nxt.group(1)}" in double:
            found.append((m.start(), nxt.end()))
            skip_to = nxt.end()
        elif m.group() in single:
            found.append((m.start(), m.end()))
    return found
