"""Closed lists of English words every stage shares: function words and abbreviations.

Each list lives here once, so a fix to it reaches every stage that reads it.
Stages that need more (names adds the capitalised words that are never names
on their own) extend these lists rather than keep copies.
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset(
    "a an the and or but nor for to of in on at by with from as than that which who whom whose "
    "is are was were be been being has have had do does did will would shall should can could may "
    "might must not no so if then when while where because since though although after before "
    "until unless into onto over under about between among against during without within through "
    "he she it they we i you his her its their our my your this these those there here".split()
)
"""Articles, pronouns, prepositions, conjunctions and auxiliaries, lower-case."""

ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Messrs Dr Prof St Sen Rep Gov Gen Col Lt Lieut Sgt Cpl Pvt Capt Cmdr Adm Maj Rev Hon Pres Supt "
    "Insp Det Const Dist Atty Asst Assoc Dep Sec Jr Sr Inc Co Corp Ltd Bros No Vol Fig Mt Ft Dept Est Approx "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U a.m p.m vs etc approx".split()
)
"""Words written with a full stop that ends no sentence ("Mr. Putin", "the U.S. President"), as written.

Compared as written, so a sentence that ends "…said no." still ends there."""


def is_abbreviation(word: str) -> bool:
    """`word` (without its full stop) is an abbreviation, an initial ("J" of "J. Smith") or
    dotted initials ("L.A", "D.C")."""
    if word in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return True
    return len(word) >= 3 and word[1::2] == "." * (len(word) // 2) and word[::2].isalpha()
