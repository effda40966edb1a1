"""Roles and nationalities: "the Russian leader", "China's president", "Foreign Minister".

Quote attribution meets speakers named only by role ("the Chinese leader
said"); these helpers turn such a phrase into a country and a role, which can
then be matched against the titles and places that `recognise` found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon

_ROLE_LOWER = frozenset(w.lower() for w in lexicon.ROLE_WORDS | lexicon.HONORIFICS) | lexicon.ROLE_NOUNS
_HEAD_LOWER = frozenset(w.lower() for w in lexicon.PERSON_ROLES) | lexicon.ROLE_NOUNS
_PHRASE = re.compile(
    r"(?:\b(?:the|a|an)\s+)?(?:(?P<country>[A-Z][\w.]*(?:\s[A-Z]\w*)?)(?:['’]s)?\s+)?"
    r"(?P<role>(?:[\w-]+\s+){0,2}[\w-]+)\s*$"
)


@dataclass(frozen=True, slots=True)
class Role:
    """A role phrase taken apart: country "Russia", role "leader"."""

    country: str | None
    role: str


def is_role(word: str) -> bool:
    """Is this word (any case) a title or role: "President", "minister", "Mr", "spokesman"?"""
    return word.rstrip(".").lower() in _ROLE_LOWER


def country_of(word: str) -> str | None:
    """The country a demonym or country word names: "Russian" -> "Russia", "U.S." -> "United States"."""
    if word in lexicon.DEMONYMS:
        return lexicon.DEMONYMS[word]
    return lexicon.CANONICAL.get(word, word if word[:1].isupper() else None)


def parse_role(phrase: str) -> Role | None:
    """ "the Russian leader" -> Role("Russia", "leader"); "China's President" -> Role("China", "President").

    None when the phrase does not end in a role word.
    """
    m = _PHRASE.search(phrase.strip())
    if not m:
        return None
    words = m.group("role").split()
    # Keep only the trailing run of role words ("foreign minister", not "said foreign minister").
    run: list[str] = []
    for word in reversed(words):
        if not is_role(word):
            break
        run.insert(0, word)
    if not run or run[-1].rstrip(".").lower() not in _HEAD_LOWER:
        return None
    country_word = m.group("country")
    lead = words[: len(words) - len(run)]
    if lead and (lead[-1] in lexicon.DEMONYMS or lead[-1] in lexicon.CANONICAL):
        country_word = lead[-1]
    elif not country_word and run[0] in lexicon.DEMONYMS:
        country_word = run.pop(0)
    if country_word and is_role(country_word.split()[-1]):
        country_word = None
    country = country_of(country_word) if country_word else None
    return Role(country, " ".join(run))


def role_before(text: str, end: int) -> Role | None:
    """The role phrase ending at `end` in `text`, e.g. just before a verb of saying."""
    return parse_role(text[max(0, end - 60) : end])
