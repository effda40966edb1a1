"""Sentences only one outlet reports: the blindspot at the level of facts, not stories.

A sentence's fact is taken as reported elsewhere in the event when its
paragraph is linked to another article's paragraph that shares most of its
meaningful words (a passage or quote link), when it carries a quotation
another article also carries (the ledger), or when it gives a telling figure
another article also gives. Everything else is single-source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reader.analysis.model import Article, LedgerEntry, Link, SingleSource
from reader.analysis.text.normalise import DIGIT, content_words, figures

MIN_WORDS = 5
"""Sentences with fewer meaningful words ("He agreed.") state too little to list."""
LINKED_SHARE = 0.5
"""Share of a sentence's meaningful words a linked paragraph must hold for the sentence to be the linked fact."""


def _telling(key: str) -> bool:
    """A figure worth matching on: not a year, not a count below ten."""
    unit, _, raw = key.partition(":")
    return unit != "year" and not (unit == "num" and float(raw) < 10)


def _figure_keys(text: str) -> set[str]:
    return {f.key for f in figures(text) if _telling(f.key)} if DIGIT.search(text) else set()


def single_source(
    articles: Sequence[Article],
    sentences: Mapping[str, Sequence[tuple[int, str]]],
    links: Sequence[Link],
    ledger: Sequence[LedgerEntry],
) -> tuple[SingleSource, ...]:
    """Every sentence of the event's `articles` (split as `sentences` gives them) no other article reports."""
    text = {(a.id, p): paragraph for a in articles for p, paragraph in enumerate(a.paragraphs)}
    partners: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for link in links:
        ends = (link.source.article, link.source.paragraph), (link.target.article, link.target.paragraph)
        if link.kind != "mention" and ends[0][0] != ends[1][0]:
            partners.setdefault(ends[0], []).append(ends[1])
            partners.setdefault(ends[1], []).append(ends[0])
    shared_quotes: dict[tuple[str, int], list[str]] = {}
    for entry in ledger:
        if len(entry.renderings) > 1:
            for r in entry.renderings:
                shared_quotes.setdefault((r.article, r.paragraph), []).append(r.text)
    figure_owners: dict[str, set[str]] = {}
    for article in articles:
        for key in _figure_keys(" ".join(article.paragraphs)):
            figure_owners.setdefault(key, set()).add(article.id)
    partner_words: dict[tuple[str, int], set[str]] = {}
    found = []
    for article in articles:
        for paragraph, sentence in sentences.get(article.id, ()):
            words = set(content_words(sentence))
            if len(words) < MIN_WORDS:
                continue
            if any(q in sentence for q in shared_quotes.get((article.id, paragraph), ())):
                continue
            if any(len(figure_owners.get(k, ())) > 1 for k in _figure_keys(sentence)):
                continue
            linked = False
            for end in partners.get((article.id, paragraph), ()):
                if end not in partner_words:
                    partner_words[end] = set(content_words(text.get(end, "")))
                if len(words & partner_words[end]) >= LINKED_SHARE * len(words):
                    linked = True
                    break
            if not linked:
                found.append(SingleSource(article.id, paragraph, sentence))
    return tuple(found)
