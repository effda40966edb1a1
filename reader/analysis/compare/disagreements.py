"""Where the outlets of one event give different figures for the same quantity.

Two figures are taken to measure the same thing when they have the same unit,
count the same thing (`quantities.counts`: a death toll never meets an
injured count, and a count of nothing named is never compared) and stand in
sentences that share some meaningful words. Equal values written differently ("$1bn", "$1 billion") agree. A bound or range
that allows the other's exact figure ("at least 60" against 62) is a
difference in kind, not a contradiction.

Dates are a quantity of their own: the same occurrence dated differently
("on Tuesday, March 3" against "on March 4", or another year) is a
disagreement, the same day in another notation ("3 March 2015",
"March 3, 2015", "03/03/2015") is not. The digits of a date are never read as
a count.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from reader.analysis.compare.facts import Sentence
from reader.analysis.compare.quantities import Quantity, quantities
from reader.analysis.model import Claim, Disagreement
from reader.analysis.text.dates import MONTHS, WEEKDAYS
from reader.analysis.text.normalise import DIGIT

CONTEXT_WORDS = 2
"""Meaningful words two sentences must share for their figures to be taken as the same quantity."""
MAX_POSTING = 50
"""A word in more of one quantity's sentences than this is too common to pair them on."""
DATE_CONTEXT_WORDS = 3
"""Sentences name many days (when it happened, when talks resume): two dates are taken to be
the same occurrence's only when their sentences share more words than figures must."""
_DATE_KEY = ("date", "")
_CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS)
"""Words every dated sentence shares ("march", "tuesday"): not context."""

def _key(quantity: Quantity) -> tuple[str, str]:
    # Amounts of money are named too variously ("fund", "investment", "deal") to require the same noun.
    return (quantity.unit, quantity.counts if quantity.unit in ("num", "pct") else "")


def _measure(unit: str, counts: str) -> str:
    if unit == "date":
        return "date"
    if unit == "pct":
        return f"share of {counts}" if counts else "share"
    if unit == "num":
        return counts
    return f"amount in {unit.upper()}"


def _classify(claims: Sequence[Claim]) -> str | None:
    """"conflict", "kind" or None (the articles agree) for claims of one quantity.

    In one pass, not over pairs (an event of hundreds of articles has thousands
    of claims): two articles conflict when one's lowest allowed value lies
    above another's highest; otherwise any difference is one of kind.
    """
    lows: dict[str, float] = {}
    highs: dict[str, float] = {}
    for claim in claims:
        lows[claim.article] = max(lows.get(claim.article, claim.low), claim.low)
        highs[claim.article] = min(highs.get(claim.article, claim.high), claim.high)
    if len(lows) < 2:
        return None
    # The article with the highest lower bound against the lowest upper bound of any other.
    top = max(lows, key=lows.__getitem__)
    bottom = min(highs, key=highs.__getitem__)
    if top != bottom and lows[top] > highs[bottom]:
        return "conflict"
    second_low = max((v for a, v in lows.items() if a != top), default=-math.inf)
    second_high = min((v for a, v in highs.items() if a != bottom), default=math.inf)
    if lows[top] > second_high or second_low > highs[bottom]:
        return "conflict"
    return "kind" if len({(c.low, c.high) for c in claims}) > 1 else None


def _classify_dates(claims: Sequence[Claim], guessed: frozenset[Claim]) -> str | None:
    """"conflict" when two articles date the occurrence with no day in common, else None (they agree).

    An article may name several days in one cluster (it began on the 3rd, ended on the 5th):
    only articles whose days share none are at odds. A day whose year was `guessed` from the
    article's date ("scheduled for December 15") is the same day as that day and month in the
    year another article writes.
    """
    days: dict[str, set[tuple[int | None, int, int]]] = {}
    for claim in claims:
        day = date.fromordinal(int(claim.low))
        days.setdefault(claim.article, set()).add((None if claim in guessed else day.year, day.month, day.day))

    def common(a: set[tuple[int | None, int, int]], b: set[tuple[int | None, int, int]]) -> bool:
        return any(x[1:] == y[1:] and (x[0] is None or y[0] is None or x[0] == y[0]) for x in a for y in b)

    return "conflict" if any(not common(a, b) for a, b in combinations(days.values(), 2)) else None


def _clusters(items: list[tuple[Claim, frozenset[str]]], needed: int = CONTEXT_WORDS) -> list[list[Claim]]:
    """Claims of one key, joined when their sentences share context, across articles.

    Only claims that share a word are compared (an inverted index, common words
    left out), so the work grows with the claims, not with their pairs.
    """
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = {}
    for index, (_, words) in enumerate(items):
        for word in words:
            postings.setdefault(word, []).append(index)
    shared = Counter(
        pair for found in postings.values() if 1 < len(found) <= MAX_POSTING for pair in combinations(found, 2)
    )
    for (i, j), count in shared.items():
        if count >= needed and items[i][0].article != items[j][0].article:
            parent[root(i)] = root(j)
    groups: dict[int, list[Claim]] = {}
    for index, (claim, _) in enumerate(items):
        groups.setdefault(root(index), []).append(claim)
    return [g for g in groups.values() if len({c.article for c in g}) > 1]


def disagreements(sentences: Iterable[Sentence]) -> tuple[Disagreement, ...]:
    """The quantities the event's articles report with different figures, conflicts first."""
    by_key: dict[tuple[str, str], list[tuple[Claim, frozenset[str]]]] = {}
    guessed: set[Claim] = set()
    for sentence in sentences:
        if not DIGIT.search(sentence.text):
            continue
        text = sentence.text
        for day in sentence.days:
            # The day as a claim of its own; its digits blanked so that "March 3" is no count of 3.
            ordinal = float(day.day.toordinal())
            claim = Claim(sentence.article, sentence.paragraph, sentence.text, day.text, ordinal, ordinal)
            by_key.setdefault(_DATE_KEY, []).append((claim, sentence.words - _CALENDAR_WORDS))
            if not day.year_given:
                guessed.add(claim)
            text = text[: day.start] + " " * (day.end - day.start) + text[day.end :]
        for q in quantities(text):
            if q.unit == "num" and not q.counts:
                continue  # a count of nothing named ("ranked 3", "dropped to 12"): no telling what it measures
            claim = Claim(sentence.article, sentence.paragraph, sentence.text, q.text, q.low, q.high)
            by_key.setdefault(_key(q), []).append((claim, sentence.words))
    found_all: list[Disagreement] = []
    years_guessed = frozenset(guessed)
    for key, items in by_key.items():
        dated = key == _DATE_KEY
        for claims in _clusters(items, DATE_CONTEXT_WORDS if dated else CONTEXT_WORDS):
            kind = _classify_dates(claims, years_guessed) if dated else _classify(claims)
            if kind is not None:
                found_all.append(Disagreement(_measure(*key), kind, tuple(claims)))
    found_all.sort(key=lambda d: (d.kind != "conflict", d.measure))
    return tuple(found_all)
