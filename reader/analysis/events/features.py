"""What an article is about, as weighted terms: the input to event grouping.

Articles on the same kind of news share most of their vocabulary ("rehab",
"summit", "earthquake"); what sets one occurrence apart is who took part,
where, the figures and the exact phrases. So names, figures and word pairs
weigh more than single words, and rare terms more than common ones (TF-IDF).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from operator import itemgetter

from reader.analysis.model import Article
from reader.analysis.text.calendar import MONTHS, WEEKDAYS
from reader.analysis.text.normalise import STOPWORDS, content_words, figures, plain
from reader.analysis.text.sentences import begins_sentence

NAME_WEIGHT = 2.0
FIGURE_WEIGHT = 2.0
PAIR_WEIGHT = 1.0
WORD_WEIGHT = 1.0
LEAD_BOOST = 2
"""Extra counts for terms of the title and lead, which say what happened; later paragraphs drift to background."""
LEAD_PARAGRAPHS = 5
TOP_TERMS = 200
"""Each article keeps its heaviest terms only: cheap to compare, and the tail is noise."""

_CAPITALISED = re.compile(r"(?<![\w'])(?:[A-Z][\w'\-]*[a-z][\w'\-]*|[A-Z]{2,})(?:\s+(?:of\s+|de\s+|the\s+)?(?:[A-Z][\w'\-]*[a-z][\w'\-]*|[A-Z]{2,}))*")
_POSSESSIVE = re.compile(r"['’]s?$")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)
_MENTION_TYPES = frozenset({"PERSON", "ORG", "PLACE", "GPE", "LOC", "NORP", "FAC", "EVENT"})


def proxy_names(text: str) -> list[str]:
    """Capitalised word runs not at a sentence start: a stand-in for names when no recogniser ran."""
    found: list[str] = []
    text = plain(text)
    for m in _CAPITALISED.finditer(text):
        name = m.group(0)
        if begins_sentence(text, m.start()):
            # The first word of a sentence is capitalised anyway: keep the rest of the run only.
            parts = name.split(None, 1)
            if parts[0].lower() in STOPWORDS or len(parts) == 1:
                if len(parts) == 1:
                    continue
                name = parts[1]
        name = _POSSESSIVE.sub("", name.lower())
        if name not in STOPWORDS and name not in _CALENDAR:
            found.append(name)
    return found


def article_text(article: Article) -> list[str]:
    """The title (unless it repeats the first paragraph) and the paragraphs."""
    if article.title and (not article.paragraphs or article.title.strip() != article.paragraphs[0].strip()):
        return [article.title, *article.paragraphs]
    return list(article.paragraphs)


def raw_terms(article: Article) -> Counter[str]:
    """Term counts with their kind as a prefix: n: names, f: figures, b: word pairs, w: words."""
    return Counter(term_counts(term_input(article)))


TermInput = tuple[tuple[str, ...], tuple[str, ...] | None]
"""What counting reads of an article: its texts, and its entity ids (None without recognition)."""


def term_input(article: Article) -> TermInput:
    """The part of an article `term_counts` reads: little to send to a worker process."""
    names = tuple(m.entity for m in article.entities if m.type in _MENTION_TYPES) if article.entities else None
    return tuple(article_text(article)), names


def term_counts(job: TermInput) -> dict[str, int]:
    """`raw_terms` of an article, from its `term_input`."""
    texts, names = job
    counts: Counter[str] = Counter()
    if names is not None:
        counts.update("n:" + name for name in names)
    else:
        counts.update("n:" + name for text in texts for name in proxy_names(text))
    # The lead counts 1 + LEAD_BOOST times; joining each part once keeps the regex work per article.
    lead = "\n".join(texts[:LEAD_PARAGRAPHS])
    body = "\n".join(texts[LEAD_PARAGRAPHS:])
    counts.update(_text_terms(body))
    for term, k in Counter(_text_terms(lead)).items():
        counts[term] += k * (1 + LEAD_BOOST)
    return dict(counts)


def _text_terms(text: str) -> list[str]:
    found = [
        "f:" + f.key
        for f in figures(text)
        # "two", "3" and other small counts tell no events apart
        if not (f.key.startswith("num:") and float(f.key[4:]) < 10)
    ]
    # Weekdays and months say when, which dates.py weighs; as words they match any Friday.
    tokens = [t for t in content_words(text) if t not in _CALENDAR]
    found += ["w:" + t for t in tokens]
    found += [f"b:{a}_{b}" for a, b in itertools.pairwise(tokens)]
    return found


_weight = itemgetter(1)


def vectors(
    articles: Sequence[Article], counts: Sequence[Mapping[str, int]] | None = None
) -> tuple[list[dict[str, float]], dict[str, int], Sequence[Mapping[str, int]]]:
    """Unit-length TF-IDF vectors (top terms only, heaviest first), every term's document
    frequency, and the raw counts (`counts` is each article's `term_counts`, computed here unless given)."""
    if counts is None:
        counts = [term_counts(term_input(a)) for a in articles]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    kind_weight = {"n": NAME_WEIGHT, "f": FIGURE_WEIGHT, "b": PAIR_WEIGHT, "w": WORD_WEIGHT}
    # One logarithm per distinct term and per count, not per occurrence: this loop sees every term.
    idf = {term: math.log((n + 1) / k) * kind_weight[term[0]] for term, k in df.items() if k > 1 or n <= 2}
    damp = [0.0] + [1.0 + math.log(tf) for tf in range(1, 64)]
    shared = idf.keys()
    result: list[dict[str, float]] = []
    for c in counts:
        # Most terms occur in one article only; the set intersection drops them in C.
        top = [(term, (damp[tf] if (tf := c[term]) < 64 else 1.0 + math.log(tf)) * idf[term]) for term in c.keys() & shared]
        # Heaviest first, ties by term (labels read the head): two C-level sorts, the second stable.
        top.sort()
        top.sort(key=_weight, reverse=True)
        del top[TOP_TERMS:]
        norm = math.sqrt(sum([w * w for _, w in top])) or 1.0
        result.append({term: w / norm for term, w in top if w > 0})
    return result, dict(df), counts
