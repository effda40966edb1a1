"""Capitals that stress words rather than name things: "it is NOT a country", "GREAT Service".

Web copy (reviews, forums, e-mail) sets words in capitals for emphasis, and an
all-caps word otherwise reads as an acronym, hence an organisation. Inside a line
that is not itself in capitals, a run of capitals is emphasis when one of its
words is a function word ("YOU", "AND") or a word the same article writes in lower
case ("LOVE" ... "we love it"). Acronyms pass: "NATO" is never written "nato".
"""

from __future__ import annotations

import re

from . import lexicon

# Praise and exclamations, which web copy sets in capitals ("a GOOD place", "WOW!"); no acronym spells one.
_STRESSED = lexicon.NOT_NAME_OPENERS | frozenset("Wow Yay Omg Lol Huge Love Always Alway Never Ever Really Sure".split())
# A word's last letter stretched for stress: "VERYYYY", "SOOO" (not "PPP" or "III", a letter alone).
_STRETCHED = re.compile(r"(?<=[A-Z])([A-Z])\1\1+$")

# Acronyms spelt like English function words that still name a body.
_ACRONYMS_LIKE_WORDS = lexicon.PLACE_ACRONYMS | frozenset(["WHO"])


def written_lower(word: str, joined: str) -> bool:
    """Does the article (`joined`, spaces around it) use this word in lower case?"""
    low = word.lower()
    if low not in joined:
        return False  # the common case, one search
    return f" {low} " in joined or f" {low}," in joined or f" {low}." in joined or f" {low}!" in joined


def shouted(surface: str, paragraph: str, joined: str) -> bool:
    """Is this all-caps run emphasis in a mixed-case line, not a name?"""
    if not surface.isupper() or paragraph.isupper() or surface in _ACRONYMS_LIKE_WORDS:
        return False
    words = [w.strip(".,&") for w in surface.split()]
    return any(
        w.lower() in lexicon.FUNCTION_WORDS
        or w.title() in _STRESSED
        or _STRETCHED.search(w) is not None
        or (len(w) > 2 and written_lower(w, joined))
        for w in words
    )
