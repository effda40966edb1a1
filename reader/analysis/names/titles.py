"""Titles of works in quotation marks: “Dance If You Dare”, "A Letter to Tomorrow", "The Salt of Rivers".

A song, a book or a film quoted in Title Case reads as capitalised runs, which
the function words inside it ("If", "to", "of") cut into pieces that look like
names ("Dance", "Tomorrow", "The Salt"). A quotation of three to ten words, every one
capitalised but the short function words, and holding at least one function word,
is such a title: it names no person, organisation or place (CoNLL's MISC, which
we do not emit). A quotation that fills one capitalised run ("“Belt and Road”")
is left to the run's own rules.
"""

from __future__ import annotations

import re

from . import lexicon

# Double quotation marks only: single ones are mostly apostrophes ("Xi's"), each a scan for nothing.
_QUOTED = re.compile(r"[\"“]([A-Z0-9][^\"“”]{4,80}?)[\"”]")
# The only words a title leaves in lower case: short articles, conjunctions and prepositions.
_TITLE_LOWER = frozenset("a an the and but or nor for so yet of in on at to by from with as vs into over up off out".split())
# Connectors that stay inside one capitalised run ("Belt and Road", "Bank of England"): no break.
_RUN_CONNECTORS = frozenset("of and the for de".split())


def _title_case(words: list[str]) -> bool:
    """Title Case with a break the recogniser would cut at: "Dance If You Dare", "A Letter to Tomorrow"."""
    breaks = 0
    for i, w in enumerate(words):
        bare = w.strip(",.:;!?()'’")
        if not bare:
            continue
        if bare[0].islower():
            if bare not in _TITLE_LOWER:
                return False  # "It was Ann Lee": a sentence, not a title
            breaks += bare not in _RUN_CONNECTORS
        elif i > 0 and bare.lower() in lexicon.FUNCTION_WORDS:
            breaks += 1  # a capitalised function word inside: "If", "You"
        elif not (bare[0].isupper() or bare[0].isdigit()):
            return False
    return breaks > 0


def quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted Title-Case titles in a paragraph."""
    spans = []
    for m in _QUOTED.finditer(text):
        words = m.group(1).split()
        if 3 <= len(words) <= 10 and _title_case(words):
            spans.append((m.start(1), m.end(1)))
    return spans
