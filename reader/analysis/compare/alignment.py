"""Two articles of one event side by side: which paragraphs stand on the same row.

Linked paragraphs (a quote or passage link between the two articles) share a
row. Links can cross (one outlet tells the story in another order), so the
rows keep the longest chain of links that runs forward in both articles; the
paragraphs left over stand alone, each in its own article's order.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from reader.analysis.model import Link

Row = tuple[int | None, int | None]
"""(paragraph of the left article, paragraph of the right one); None where one side has nothing."""


def _linked_pairs(left: str, right: str, links: Sequence[Link]) -> list[tuple[int, int, float]]:
    pairs = []
    for link in links:
        if link.kind == "mention":
            continue
        ends = (link.source.article, link.target.article)
        if ends == (left, right):
            pairs.append((link.source.paragraph, link.target.paragraph, link.score))
        elif ends == (right, left):
            pairs.append((link.target.paragraph, link.source.paragraph, link.score))
    return pairs


def _forward_chain(pairs: list[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """The longest chain of pairs increasing in both paragraphs (patience sorting, O(n log n))."""
    # One pair per left paragraph, its best; equal lefts would otherwise chain on the right alone.
    best: dict[int, tuple[int, float]] = {}
    for a, b, score in pairs:
        if a not in best or score > best[a][1]:
            best[a] = (b, score)
    ordered = sorted((a, b) for a, (b, _) in best.items())
    tails: list[int] = []  # smallest right end of a chain of each length
    tail_at: list[int] = []  # index in `ordered` of that chain's last pair
    parent: list[int] = [-1] * len(ordered)
    for index, (_, b) in enumerate(ordered):
        length = bisect_left(tails, b)
        if length == len(tails):
            tails.append(b)
            tail_at.append(index)
        else:
            tails[length], tail_at[length] = b, index
        parent[index] = tail_at[length - 1] if length else -1
    chain = []
    index = tail_at[-1] if tail_at else -1
    while index != -1:
        chain.append(ordered[index])
        index = parent[index]
    return chain[::-1]


def align(left: str, left_count: int, right: str, right_count: int, links: Sequence[Link]) -> tuple[Row, ...]:
    """Rows for two articles (ids and paragraph counts), linked paragraphs on the same row."""
    rows: list[Row] = []
    a = b = 0
    for pa, pb in _forward_chain(_linked_pairs(left, right, links)):
        rows += [(p, None) for p in range(a, pa)]
        rows += [(None, p) for p in range(b, pb)]
        rows.append((pa, pb))
        a, b = pa + 1, pb + 1
    rows += [(p, None) for p in range(a, left_count)]
    rows += [(None, p) for p in range(b, right_count)]
    return tuple(rows)
