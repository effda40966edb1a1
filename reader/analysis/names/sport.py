"""Teams named after their towns, recognised from the score lines that name them.

"Riverton 2 Lakeside 1" and "Riverton City 2-0 Lakeside" are results: the names
in them are clubs, organisations, whatever the gazetteer says about the town.
Countries are left alone (a national side is still written as its country).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.calendar import MONTHS

_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}"
# Two sides and their goals: "A 2 B 1", "A 2, B 1", "A 2-1 B", "A 2 (Lee 34) B 0".
_SCORE = re.compile(
    rf"(?<![\w'’])({_NAME}) (\d{{1,2}})(?:\s*[-–:]\s*(\d{{1,2}}) ({_NAME})(?![\w'’])"
    rf"|[,;]? (?:\([^)]{{0,60}}\) )?({_NAME}) (\d{{1,2}})(?![\d.,:]?\d))"
)
# Words that make an article a sports report, where "Name Surname (Riverton)" gives the player's club.
_SPORTS_WORDS = re.compile(
    r"\b(?:scored|scorer|goals?|match|derby|league|coach|striker|midfielder|defender|goalkeeper|club|"
    r"fixture|tournament|championship|innings|wickets?|touchdowns?|quarterback|penalty|relegat\w+|promoted)\b",
    re.IGNORECASE,
)
# What every score line holds, cheap to look for first: a word, goals, then the other side or a scorer
# ("Riverton 2 Lakeside"). It runs over every article, so it opens with the first digit and looks back
# for the word: the engine skips from digit to digit, where opening with "[A-Za-z] " stopped it at
# every letter (half the instructions of the search).
_HINT = re.compile(r"\d(?<=[A-Za-z] \d)\d?(?:\s*[-–:]\s*\d{1,2})?[,;]? [A-Z(]")
# The same for ASCII text (most articles), where "[0-9]" is "\d" and the engine tests it faster.
_HINT_ASCII = re.compile(r"[0-9](?<=[A-Za-z] [0-9])\d?(?:\s*[-–:]\s*\d{1,2})?[,;]? [A-Z(]")


def _hinted(text: str) -> bool:
    """Might `text` hold a score line? (One search; `str.isascii` is a flag, free to read.)"""
    return (_HINT_ASCII if text.isascii() else _HINT).search(text) is not None


def team_names(paragraphs: Sequence[str], whole: str | None = None) -> frozenset[str]:
    """Every name that stands as a side in a score line of the article.

    `whole` is the article's paragraphs joined, when the caller has it: one search rules
    out most articles."""
    teams: set[str] = set()
    if not _hinted(whole if whole is not None else "\n".join(paragraphs)):
        return frozenset()  # most articles: one search, no score line
    for text in paragraphs:
        if not _hinted(text):
            continue
        for m in _SCORE.finditer(text):
            sides = (m.group(1), m.group(4) or m.group(5))
            # "June 5 Lee 3 ...": a date is no side.
            if not any(side.split()[-1].lower().rstrip(".") in MONTHS for side in sides):
                teams.update(sides)
    return frozenset(teams)


def sports_report(whole: str) -> bool:
    """Does the article's text speak of matches, goals, clubs and the like?"""
    return _SPORTS_WORDS.search(whole) is not None
