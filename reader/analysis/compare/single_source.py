"""Sentences only one outlet reports: the blindspot at the level of facts, not stories.

A sentence's fact is taken as reported elsewhere in the event when another
article has a sentence of the same meaningful words, when its paragraph is
linked to another article's paragraph that shares most of its meaningful
words (a passage or quote link), when it carries a quotation another article
also carries (the ledger), or when it gives a telling figure another article
also gives. Everything else is single-source.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.compare.facts import Sentence, meaningful
from reader.analysis.model import Article, LedgerEntry, Link, SingleSource

MIN_WORDS = 5
"""Sentences with fewer meaningful words ("He agreed.") state too little to list."""
LINKED_SHARE = 0.5
"""Share of a sentence's meaningful words a linked paragraph must hold for the sentence to be the linked fact."""


def single_source(
    articles: Sequence[Article],
    sentences: Sequence[Sentence],
    links: Sequence[Link],
    ledger: Sequence[LedgerEntry],
) -> tuple[SingleSource, ...]:
    """Every sentence of the event's `articles` (`facts.read_sentences`) that no other article reports."""
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
    for sentence in sentences:
        for key in sentence.figures:
            figure_owners.setdefault(key, set()).add(sentence.article)
    # Wire copy repeats background sentences word for word, often too short for a passage link.
    said_by: dict[frozenset[str], set[str]] = {}
    for sentence in sentences:
        said_by.setdefault(sentence.words, set()).add(sentence.article)
    partner_words: dict[tuple[str, int], frozenset[str]] = {}
    found = []
    for sentence in sentences:
        words, here = sentence.words, (sentence.article, sentence.paragraph)
        if len(words) < MIN_WORDS or len(said_by[words]) > 1:
            continue
        if any(q in sentence.text for q in shared_quotes.get(here, ())):
            continue
        if any(len(figure_owners[k]) > 1 for k in sentence.figures):
            continue
        linked = False
        for end in partners.get(here, ()):
            if end not in partner_words:
                partner_words[end] = meaningful(text.get(end, ""))
            if len(words & partner_words[end]) >= LINKED_SHARE * len(words):
                linked = True
                break
        if not linked:
            found.append(SingleSource(sentence.article, sentence.paragraph, sentence.text))
    return tuple(found)
