"""What may keep two groups of articles apart however alike their words: dates, participants, offices.

Kept apart from the clustering loop (`grouping.cluster`), which only asks
`GroupEvidence.apart` before a merge and `GroupEvidence.merge` after it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from reader.analysis.events.roles import different_holders

CORE_MIN = 3
CORE_SHARE = 0.8
"""A name in this share of a group's articles (of at least CORE_MIN) is a central participant."""
SAME_DAYS = 60
"""Event dates further apart than this mean different occurrences; closer ones may be follow-up reports."""

Span = tuple[date, date] | None


class GroupEvidence:
    """Per group: its date span, how many articles name each participant, the months its
    reports refer back to, and who holds which office in it."""

    def __init__(
        self,
        when: Sequence[date | None],
        names: Sequence[set[str]] | None,
        refers: Sequence[frozenset[tuple[int, int]]] | None,
        offices: Sequence[frozenset[tuple[str, str]]] | None,
    ) -> None:
        count = len(when)
        self.size = [1] * count
        self.span: dict[int, Span] = {i: (d, d) if d else None for i, d in enumerate(when)}
        self.seen: dict[int, Counter[str]] = {i: Counter(names[i]) if names else Counter() for i in range(count)}
        self.months = {i: refers[i] if refers else frozenset() for i in range(count)}
        self.held: dict[int, dict[str, set[str]]] = {i: _by_title(offices[i]) if offices else {} for i in range(count)}

    def apart(self, a: int, b: int) -> bool:
        """Whether groups `a` and `b` report different occurrences, whatever their similarity."""
        seen_a, seen_b = self.seen[a].keys(), self.seen[b].keys()
        if self._dates_apart(a, b):
            return True
        if self._core(a) - seen_b and self._core(b) - seen_a:
            return True  # each group has a central participant the other never names
        # "Interior Secretary A" here, "Interior Secretary B" there: two occurrences.
        return different_holders(self.held[a], self.held[b], seen_a, seen_b)

    def merge(self, a: int, b: int) -> None:
        """Group `b` joins group `a`."""
        self.size[a] += self.size[b]
        self.span[a] = _join_span(self.span[a], self.span.pop(b))
        self.seen[a].update(self.seen.pop(b))
        self.months[a] = self.months[a] | self.months.pop(b)
        for title, people in self.held.pop(b).items():
            self.held[a].setdefault(title, set()).update(people)

    def _dates_apart(self, a: int, b: int) -> bool:
        """Dates too far apart, unless one is a follow-up: it names a month the other's dates fall in,
        and the two share a participant."""
        if not _span_conflict(self.span[a], self.span[b]):
            return False
        follow_up = _names_month(self.months[a], self.span[b]) or _names_month(self.months[b], self.span[a])
        return not (follow_up and not self.seen[a].keys().isdisjoint(self.seen[b].keys()))

    def _core(self, g: int) -> set[str]:
        if self.size[g] < CORE_MIN:
            return set()
        return {n for n, k in self.seen[g].items() if k >= CORE_SHARE * self.size[g]}


def _span_conflict(x: Span, y: Span) -> bool:
    if x is None or y is None:
        return False
    return abs((max(x[1], y[1]) - min(x[0], y[0])).days) > SAME_DAYS


def _names_month(named: frozenset[tuple[int, int]], span: Span) -> bool:
    """Whether one of the (year, month) pairs falls within the span, give or take SAME_DAYS."""
    if span is None:
        return False
    low, high = span[0] - timedelta(days=SAME_DAYS), span[1] + timedelta(days=SAME_DAYS)
    return any(low <= date(y, m, 15) <= high for y, m in named)


def _join_span(x: Span, y: Span) -> Span:
    if x is None or y is None:
        return x or y
    return (min(x[0], y[0]), max(x[1], y[1]))


def _by_title(pairs: frozenset[tuple[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for title, person in pairs:
        found.setdefault(title, set()).add(person)
    return found
