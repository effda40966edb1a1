"""The quotation ledger: every distinct quotation of an event, grouped across outlets.

Two renderings are one quotation when the linking stage joined their
paragraphs with a quote link and their words score as the same quotation
(`linking.quote_score`, the rule the links themselves use). Each group names
its fullest rendering and diffs every other outlet's wording against it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.links.linking import quote_score
from reader.analysis.model import Article, LedgerEntry, Link, Rendering
from reader.analysis.quotes.pieces import MIN_QUOTE_WORDS, Piece
from reader.analysis.text.normalise import comparable
from reader.analysis.text.worddiff import word_diff


@dataclass(frozen=True, slots=True)
class _Said:
    """One spoken quotation of an event's article, with its comparable form."""

    article: str
    paragraph: int
    text: str
    norm: str
    speaker: str | None


def _spoken(articles: Sequence[Article], spoken: Sequence[Sequence[Piece]] | None) -> list[_Said]:
    said = []
    for number, article in enumerate(articles):
        # The comparable forms event grouping and linking made of the same words (`quotes.spoken_pieces`).
        known = {(p[0], p[1]): p[2] for p in spoken[number]} if spoken is not None else {}
        for quote in article.quotes:
            if quote.kind == "term":
                continue
            norm = known.get((quote.paragraph, quote.text)) or comparable(quote.text)
            if len(norm.split()) >= MIN_QUOTE_WORDS:
                said.append(_Said(article.id, quote.paragraph, quote.text, norm, quote.speaker))
    return said


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _groups(said: Sequence[_Said], links: Sequence[Link]) -> list[list[int]]:
    """Renderings joined through quote links whose words are the same quotation."""
    where: dict[tuple[str, int], list[int]] = {}
    for index, item in enumerate(said):
        where.setdefault((item.article, item.paragraph), []).append(index)
    parent = list(range(len(said)))
    for link in links:
        if link.kind != "quote":
            continue
        left = where.get((link.source.article, link.source.paragraph), ())
        right = where.get((link.target.article, link.target.paragraph), ())
        for i in left:
            for j in right:
                if said[i].article != said[j].article and quote_score(said[i].norm, said[j].norm)[1]:
                    parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[int]] = {}
    for index in range(len(said)):
        groups.setdefault(_root(parent, index), []).append(index)
    return list(groups.values())


def _entry(said: Sequence[_Said], members: list[int]) -> LedgerEntry:
    # One rendering per article: the longest, should an article repeat the quotation.
    best: dict[str, int] = {}
    for index in members:
        item = said[index]
        if item.article not in best or len(item.text) > len(said[best[item.article]].text):
            best[item.article] = index
    # `said` lists the event's articles in event order, so indices keep that order.
    chosen = [said[index] for index in sorted(best.values())]
    fullest = max(chosen, key=lambda s: (len(s.norm.split()), len(s.text)))
    speakers = Counter(s.speaker for s in chosen if s.speaker)
    diffs = [() if s is fullest else word_diff(fullest.text, s.text) for s in chosen]
    renderings = tuple(
        Rendering(s.article, s.paragraph, s.text, diff, any(run.op != "equal" for run in diff))
        for s, diff in zip(chosen, diffs, strict=True)
    )
    return LedgerEntry(
        speaker=speakers.most_common(1)[0][0] if speakers else None,
        fullest=Rendering(fullest.article, fullest.paragraph, fullest.text),
        renderings=renderings,
    )


def ledger(
    articles: Sequence[Article], links: Sequence[Link], spoken: Sequence[Sequence[Piece]] | None = None
) -> tuple[LedgerEntry, ...]:
    """The event's quotations, those most outlets carry first, then in the order they appear.

    `articles` are the event's articles in event order; `links` its quote links;
    `spoken` each article's `quotes.spoken_pieces`, when worked out already.
    """
    said = _spoken(articles, spoken)
    entries = [_entry(said, sorted(group)) for group in _groups(said, links)]
    order = {a.id: n for n, a in enumerate(articles)}
    entries.sort(key=lambda e: (-len(e.renderings), order[e.renderings[0].article], e.renderings[0].paragraph))
    return tuple(entries)
