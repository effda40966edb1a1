"""Where the outlets of one event give different figures for the same quantity.

Two figures are taken to measure the same thing when they have the same unit,
count the same thing (`quantities.counts`: a death toll never meets an
injured count) and stand in sentences that share some meaningful words. Equal
values written differently ("$1bn", "$1 billion") agree. A bound or range
that allows the other's exact figure ("at least 60" against 62) is a
difference in kind, not a contradiction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from reader.analysis.compare.facts import Sentence
from reader.analysis.compare.quantities import Quantity, quantities
from reader.analysis.model import Claim, Disagreement
from reader.analysis.text.normalise import DIGIT

CONTEXT_WORDS = 2
"""Meaningful words two sentences must share for their figures to be taken as the same quantity."""

def _key(quantity: Quantity) -> tuple[str, str]:
    # Amounts of money are named too variously ("fund", "investment", "deal") to require the same noun.
    return (quantity.unit, quantity.counts if quantity.unit in ("num", "pct") else "")


def _measure(unit: str, counts: str) -> str:
    if unit == "pct":
        return f"share of {counts}" if counts else "share"
    if unit == "num":
        return counts or "count"
    return f"amount in {unit.upper()}"


def _compatible(a: Claim, b: Claim) -> bool:
    return a.low <= b.high and b.low <= a.high


def _classify(claims: Sequence[Claim]) -> str | None:
    """"conflict", "kind" or None (the articles agree) for claims of one quantity."""
    verdict = None
    for a, b in combinations(claims, 2):
        if a.article == b.article or (a.low, a.high) == (b.low, b.high):
            continue
        if not _compatible(a, b):
            return "conflict"
        verdict = "kind"
    return verdict


def _clusters(items: list[tuple[Claim, frozenset[str]]]) -> list[list[Claim]]:
    """Claims of one key, joined when their sentences share context, across articles."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(items)), 2):
        (a, words_a), (b, words_b) = items[i], items[j]
        if a.article != b.article and len(words_a & words_b) >= CONTEXT_WORDS:
            parent[root(i)] = root(j)
    groups: dict[int, list[Claim]] = {}
    for index, (claim, _) in enumerate(items):
        groups.setdefault(root(index), []).append(claim)
    return [g for g in groups.values() if len({c.article for c in g}) > 1]


def disagreements(sentences: Iterable[Sentence]) -> tuple[Disagreement, ...]:
    """The quantities the event's articles report with different figures, conflicts first."""
    by_key: dict[tuple[str, str], list[tuple[Claim, frozenset[str]]]] = {}
    for sentence in sentences:
        if not DIGIT.search(sentence.text):
            continue
        for q in quantities(sentence.text):
            claim = Claim(sentence.article, sentence.paragraph, sentence.text, q.text, q.low, q.high)
            by_key.setdefault(_key(q), []).append((claim, sentence.words))
    found_all: list[Disagreement] = []
    for (unit, counts), items in by_key.items():
        for claims in _clusters(items):
            kind = _classify(claims)
            if kind is not None:
                found_all.append(Disagreement(_measure(unit, counts), kind, tuple(claims)))
    found_all.sort(key=lambda d: (d.kind != "conflict", d.measure))
    return tuple(found_all)
