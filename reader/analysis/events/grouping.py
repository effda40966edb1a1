"""Grouping articles that report the same real-world occurrence.

Two articles join when their distinctive terms (names, figures, word pairs,
rare words) agree and their dates do not contradict each other. Only pairs
that share a rare term are ever compared (an inverted index), and groups grow
by average linkage over that sparse graph, so the work grows with the number
of related pairs, not with the square of the corpus.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import chain, combinations

from reader.analysis.events.evidence import GroupEvidence
from reader.analysis.events.features import vectors
from reader.analysis.events.labels import label
from reader.analysis.events.roles import office_holders
from reader.analysis.model import Article, Entity, Event
from reader.analysis.quotes.pieces import Piece, quote_pieces
from reader.analysis.text import dates
from reader.analysis.text.normalise import shingles

JOIN_THRESHOLD = 0.14
"""Average similarity two groups need to merge; below it they stay separate events."""
MAX_POSTING = 60
"""A term shared by more articles than this (or the corpus size's square root) is too common to
propose pairs; it still counts in the similarity of pairs proposed otherwise."""
NAMED = 3
NAME_MISS = 0.1
"""Two articles naming at least NAMED participants each, none in common, keep this share of their score."""
BLOCK_TERMS = 30
"""Names (entity ids, or capitalised runs) per article that propose candidate pairs."""
BLOCK_WORDS = 0
"""Extra heaviest words per well-named article used for blocking (all BLOCK_TERMS when it names few)."""
BLOCK_KINDS = "n"
QUOTE_BONUS = 0.1
"""Added to the score of two articles that carry the same quotation (SHARED_SHINGLES word 4-grams)."""
SHARED_SHINGLES = 2
DISJOINT_FACTOR = 0.85
"""Score kept by two articles that each quote at length (QUOTED_COUNT quotes of QUOTED_WORDS words)
but share no quotation."""
QUOTED_WORDS = 6
QUOTED_COUNT = 2
COHESION = 0.3
"""A group only takes in what is at least this fraction as similar as its own members are to each other."""


def similarities(
    articles: Sequence[Article], vecs: Sequence[dict[str, float]]
) -> dict[tuple[int, int], float]:
    """Cosine similarity of the pairs that share a blocking term: a name, a figure or one of
    each article's heaviest words that few articles use. Other pairs are taken as unrelated."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vec in enumerate(vecs):
        for term in _blocking_terms(vec):
            postings[term].append(index)
    cap = max(MAX_POSTING, int(len(articles) ** 0.5))
    pairs = list(_co_occurring(postings.values(), cap))
    names = [frozenset(t for t in vec if t[0] == "n") for vec in vecs]
    keys = [frozenset(vec) for vec in vecs]
    sims: dict[tuple[int, int], float] = {}
    for i, j in pairs:
        a, b = vecs[i], vecs[j]
        value = sum([a[t] * b[t] for t in keys[i] & keys[j]])
        if len(names[i]) >= NAMED and len(names[j]) >= NAMED and names[i].isdisjoint(names[j]):
            # Same story told about other people: a different occurrence of the same kind.
            value *= NAME_MISS
        if value > 0:
            sims[(i, j)] = value
    return sims


def _co_occurring(postings: Iterable[list[int]], cap: int) -> Counter[tuple[int, int]]:
    """How many postings each pair of items shares, counting only postings of at most `cap` items.

    All pairs go to one `Counter.update`, which counts in C.
    """
    return Counter(chain.from_iterable(combinations(h, 2) for h in postings if 1 < len(h) <= cap))


def _blocking_terms(vec: dict[str, float]) -> list[str]:
    """The heaviest names, and the heaviest other terms for an article with few names."""
    ranked = list(vec)  # `features.vectors` lists terms heaviest first
    names = [t for t in ranked if t[0] in BLOCK_KINDS][:BLOCK_TERMS]
    extra = ranked[:BLOCK_WORDS] if len(names) >= NAMED else ranked[:BLOCK_TERMS]
    return list(dict.fromkeys(names + extra))


def quote_evidence(
    articles: Sequence[Article], spoken: Sequence[tuple[Piece, ...]] | None = None
) -> tuple[dict[tuple[int, int], int], list[bool]]:
    """How many quotation shingles each pair of articles shares, and which articles quote at length.

    `spoken` is each article's `passages.quote_pieces`, when the caller has them already.
    """
    index: dict[str, list[int]] = defaultdict(list)
    quoted: list[bool] = []
    for position, article in enumerate(articles):
        norms = [norm for _, _, norm in (spoken[position] if spoken is not None else quote_pieces(article))]
        quoted.append(sum(1 for norm in norms if len(norm.split()) >= QUOTED_WORDS) >= QUOTED_COUNT)
        for shingle in set().union(*(shingles(norm) for norm in norms)) if norms else ():
            index[shingle].append(position)
    return _co_occurring(index.values(), max(MAX_POSTING, len(articles) // 20)), quoted


def adjust(
    sims: dict[tuple[int, int], float], shared: dict[tuple[int, int], int], quoted: Sequence[bool]
) -> dict[tuple[int, int], float]:
    """Shared quotations are strong evidence of one occurrence; two quote-heavy reports that
    share none most likely record different occasions."""
    result = dict(sims)
    for pair, count in shared.items():
        if count >= SHARED_SHINGLES:
            result[pair] = result.get(pair, 0.0) + QUOTE_BONUS
    for (i, j), value in sims.items():
        if quoted[i] and quoted[j] and shared.get((i, j), 0) < SHARED_SHINGLES:
            result[(i, j)] = value * DISJOINT_FACTOR
    return result


def cluster(
    count: int,
    sims: dict[tuple[int, int], float],
    when: Sequence[date | None],
    names: Sequence[set[str]] | None = None,
    refers: Sequence[frozenset[tuple[int, int]]] | None = None,
    offices: Sequence[frozenset[tuple[str, str]]] | None = None,
) -> list[list[int]]:
    """Average-linkage groups over a sparse similarity graph; missing pairs count as 0.

    Groups whose known dates are too far apart do not merge, however similar
    their words: two meetings of the same leaders read alike. The exception is
    a follow-up report: one group names a month (`refers`, from
    `dates.referred_months`) the other's dates fall in, and they share a
    participant. Nor do groups merge whose central participants, or the
    holders of one office (`offices`), differ (`evidence.GroupEvidence`).
    """
    evidence = GroupEvidence(when, names, refers, offices)
    size = evidence.size
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    links: dict[int, dict[int, float]] = defaultdict(dict)
    inner: dict[int, float] = dict.fromkeys(range(count), 0.0)
    for (i, j), s in sims.items():
        links[i][j] = s
        links[j][i] = s
    heap = [(-s, i, j) for (i, j), s in sims.items() if s >= JOIN_THRESHOLD]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        current = links[a].get(b, 0.0) / (size[a] * size[b])
        if abs(current + neg) > 1e-12:
            continue  # stale entry: the groups changed since it was pushed
        if -neg < COHESION * max(_cohesion(inner[a], size[a]), _cohesion(inner[b], size[b])):
            continue  # far looser than the groups are inside: a neighbouring occurrence, not this one
        if evidence.apart(a, b):
            continue
        inner[a] += inner.pop(b) + links[a].get(b, 0.0)
        # Merge b into a, summing the pair totals so averages stay exact.
        members[a].extend(members.pop(b))
        evidence.merge(a, b)
        for c, total in links.pop(b).items():
            del links[c][b]
            if c != a:
                links[a][c] = links[a].get(c, 0.0) + total
                links[c][a] = links[a][c]
        links[a].pop(b, None)
        for c, total in links[a].items():
            average = total / (size[a] * size[c])
            if average >= JOIN_THRESHOLD:
                heapq.heappush(heap, (-average, min(a, c), max(a, c)))
    return [sorted(group) for group in members.values()]


def _cohesion(total: float, size: int) -> float:
    """Mean similarity inside a group (0 for a single article)."""
    return total / (size * (size - 1) / 2) if size > 1 else 0.0


def group_events(
    articles: Sequence[Article],
    entities: Sequence[Entity],
    counts: Sequence[Mapping[str, int]] | None = None,
    spoken: Sequence[tuple[Piece, ...]] | None = None,
) -> tuple[Event, ...]:
    """Every article in exactly one event, ids ordered by event date then first article id.

    `counts` is each article's `features.term_counts` and `spoken` its
    `pieces.quote_pieces`, when the caller has them already (else worked out here).
    """
    if not articles:
        return ()
    when = [dates.event_date(a)[0] for a in articles]
    refers = [dates.referred_months(a, day) for a, day in zip(articles, when, strict=True)]
    shared, quoted = quote_evidence(articles, spoken)
    vecs, _, counts = vectors(articles, counts)
    sims = adjust(similarities(articles, vecs), shared, quoted)
    names = [{t for t in c if t[0] == "n"} for c in counts]
    offices = [office_holders(a) for a in articles]
    groups = cluster(len(articles), sims, when, names, refers, offices)
    drafts = []
    for group in groups:
        known = sorted(d for d in (when[i] for i in group) if d is not None)
        # The earliest report is closest to the occurrence; later ones drift to follow-ups.
        day = known[0] if known else None
        ids = sorted(articles[i].id for i in group)
        drafts.append((day, ids, [articles[i] for i in group], [vecs[i] for i in group]))
    drafts.sort(key=lambda d: (d[0] is None, d[0] or date.min, d[1][0]))
    return tuple(
        Event(
            id=f"event-{n}",
            label=label(members, terms),
            date=day.isoformat() if day else None,
            articles=tuple(ids),
        )
        for n, (day, ids, members, terms) in enumerate(drafts, start=1)
    )
