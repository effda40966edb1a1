"""Figures with what they count: the raw material for telling whether outlets disagree.

The numbers themselves come from `normalise.figure_spans` (one number parser:
"$1bn", "$1 billion" and "US$1 billion" share a key). This module adds what
a comparison needs around a figure: spelled-out numbers before a scale word
("one billion dollars"), percentages ("60%" = "60 per cent"), qualifiers
("at least 60" allows 60 and more), ranges ("between 50 and 60"), and what is
counted: a death toll is not an injured count.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from reader.analysis.text.dates import CLOCK_TIMES
from reader.analysis.text.normalise import STOPWORDS, figure_spans, plain, stem

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "hundred": 100, "a hundred": 100, "a": 1,
}
# Only before a scale or percentage word: "one of the" stays prose, "one billion" is a figure.
_SPELLED = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + r")"
    r"(?=\s+(?:thousand|million|billion|trillion|per\s?cent|percent)\b)",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)
_LOWER = ("at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than")
_UPPER = ("at most", "up to", "fewer than", "less than", "under", "no more than")
_ABOUT = ("about", "around", "approximately", "roughly", "nearly", "almost", "some", "an estimated", "close to")
_RANGE_JOIN = re.compile(r"\s*(?:-|to|and)\s*$", re.IGNORECASE)
APPROXIMATE = 0.1
"""An "about" figure allows this share either side."""

CLASSES: dict[str, frozenset[str]] = {
    "killed": frozenset("killed kill killing dead death deaths died die fatalities fatality perished toll lives".split()),
    "injured": frozenset("injured injuring wounded wounding hurt injuries injury".split()),
    "missing": frozenset("missing unaccounted".split()),
    "arrested": frozenset("arrested detained arrests detentions held".split()),
    "displaced": frozenset("displaced evacuated homeless fled refugees".split()),
}
"""Counts that look alike but are different quantities: the words that say which one a figure is."""
_SKIP = frozenset("thousand million billion trillion per cent percent".split())


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure of a sentence: its values, its unit and what it counts."""

    text: str
    """As written, qualifier included ("at least 60", "$1bn")."""
    unit: str
    """"usd", "eur"... for money, "pct" for a share, "num" for a count."""
    low: float
    high: float
    counts: str
    """A class of count ("killed", "injured") or the word after the figure ("troops"), or ""."""


_SCALE_WORDS = ("thousand", "million", "billion", "trillion", "cent", "percent")


def _digitise(text: str) -> str:
    """Spelled-out numbers before a scale word as digits, for the one number parser to read."""
    lowered = text.lower()
    if not any(word in lowered for word in _SCALE_WORDS):
        return text  # the common case, without the long pattern
    return _SPELLED.sub(lambda m: str(_NUMBER_WORDS[m.group(1).lower()]), text)


_QUALIFIER = re.compile(
    r"(?<![a-z0-9])(" + "|".join(sorted(map(re.escape, (*_LOWER, *_UPPER, *_ABOUT)), key=len, reverse=True)) + r")\s*$"
)


def _bounds(before: str, value: float) -> tuple[float, float, str]:
    """The values a qualifier allows, and the qualifier as written."""
    match = _QUALIFIER.search(before.lower())
    if match is None:
        return value, value, ""
    word = match.group(1)
    if word in _LOWER:
        return value, math.inf, word
    if word in _UPPER:
        return -math.inf, value, word
    return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE), word


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _near(text: str, *, names: bool = True) -> list[str]:
    """Meaningful words of a short stretch around a figure, in order (no numbers, no stopwords);
    without `names`, no word written as a name ("Northfield", not "KOs")."""
    return [
        stem(lowered)
        for word in _WORD.findall(text)
        if (lowered := word.lower()) not in STOPWORDS and (names or not (word[0].isupper() and word[1:].islower()))
    ]


_CLAUSE_END = re.compile(r"[,;:()\[\]]|\.\s")
"""Where the stretch after a figure leaves its clause: "at 6, police said" counts no police."""


_CLASS_OF = {cue: name for name, cues in reversed(CLASSES.items()) for cue in cues}
"""Each cue's class (the first class naming it, as `CLASSES` is read in order)."""


def _counts(before: str, after: str) -> str:
    """What a figure counts: a casualty class near it, else the first common noun after it.

    A name after a figure labels it ("46 in Northfield region", "Northfield province-15"):
    two lists over the same regions would otherwise count "northfield" in both.
    """
    following = _near(after)[:4]
    # Nearest cue first: in "60 were killed and 200 injured" each figure takes the word after it.
    for word in following:
        if word in _CLASS_OF:
            return _CLASS_OF[word]
    for word in reversed(_near(before)[-3:]):  # read only when no word after says
        if word in _CLASS_OF:
            return _CLASS_OF[word]
    clause = after[: m.start()] if (m := _CLAUSE_END.search(after)) else after
    return next((w for w in _near(clause, names=False)[:4] if w not in _SKIP), "")


def _not_a_quantity(written: str) -> bool:
    """A code written with a leading zero ("0845 125 2222"), not an amount."""
    return written[0] == "0" and written[1:2].isdigit()


def quantities(sentence: str) -> list[Quantity]:
    """Every figure of `sentence` with its bounds, unit and what it counts (years, times of
    day, codes and scores such as "36-3" left out)."""
    text = CLOCK_TIMES.sub(lambda m: " " * len(m.group()), _digitise(plain(sentence)))  # a clock reading is no quantity
    found: list[Quantity] = []
    previous: tuple[int, float, int] | None = None  # end, value and index in `found` of the last figure
    for start, end, figure in figure_spans(text):
        unit, _, raw = figure.key.partition(":")
        if unit in ("year", "id"):  # a year or a name ("F-35") is no quantity
            previous = None
            continue
        value = float(raw)
        percent = _PERCENT.match(text, end)
        if percent and unit == "num":
            unit, end = "pct", percent.end()
        between = text[previous[0] : start] if previous else ""
        if previous and _RANGE_JOIN.fullmatch(between) and found[previous[2]].unit == unit:
            # "between 50 and 60", "50-60 people": one quantity with two ends.
            first = found[previous[2]]
            if value < first.low:  # "36-3", "45-1": a record or a score, not a range
                del found[previous[2]]
                previous = None
                continue
            found[previous[2]] = Quantity(
                text[text.rfind(first.text, 0, start) : end].strip(), unit, min(first.low, value),
                max(first.high, value), _counts(text[:start], text[end : end + 60]),
            )
            previous = None
            continue
        if _not_a_quantity(text[start:end].strip()):
            previous = None
            continue
        low, high, qualifier = _bounds(text[max(0, start - 20) : start], value)
        written = f"{qualifier} {text[start:end].strip()}" if qualifier else text[start:end].strip()
        counts = _counts(text[max(0, start - 40) : start], text[end : end + 60])
        found.append(Quantity(written, unit, low, high, counts))
        previous = (end, value, len(found) - 1)
    return found
