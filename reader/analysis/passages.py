"""The pieces of an article that links compare: quotations and sentences.

Quotations come from `Article.quotes` when the quote stage has run; otherwise
a plain scan for text inside paired double quote marks stands in, so linking
still works on articles from any source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Article, Quote
from .normalise import comparable
from .quotes_detect import detect

MIN_QUOTE_WORDS = 3
"""Shorter quotations ("historic", "no limits") are terms, too common to link on."""
SHINGLE = 4
"""Word n-gram length used to find quotations two articles share."""

_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"\u201d\u2019']?\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Unit:
    """A quotation or sentence of one paragraph, with its comparable form."""

    article: int
    paragraph: int
    text: str
    norm: str
    kind: str
    """"quote" or "sentence"."""


def scan_quotes(article: Article) -> list[Quote]:
    """Quotations of `article`: the quote stage's, or the detector's own when that stage has not run."""
    if article.quotes:
        return list(article.quotes)
    return list(detect(article.paragraphs))


Piece = tuple[int, str, str]
"""A quotation or sentence apart from its article: (paragraph, text, comparable form)."""


def quote_pieces(article: Article) -> tuple[Piece, ...]:
    """Spoken quotations long enough to be recognised in another outlet's copy."""
    return spoken_pieces(scan_quotes(article))


def spoken_pieces(quotes: Iterable[Quote]) -> tuple[Piece, ...]:
    """`quote_pieces` of an article with these quotations (detection's, or attribution's: same words)."""
    pieces = []
    for quote in quotes:
        if quote.kind == "term":
            continue
        norm = comparable(quote.text)
        if len(norm.split()) >= MIN_QUOTE_WORDS:
            pieces.append((quote.paragraph, quote.text, norm))
    return tuple(pieces)


def sentence_pieces(paragraphs: Sequence[str]) -> tuple[Piece, ...]:
    """Every sentence of an article's paragraphs."""
    return tuple(
        (index, sentence, comparable(sentence))
        for index, text in enumerate(paragraphs)
        for sentence in sentences(text)
    )


def units(pieces: tuple[Piece, ...], position: int, kind: str) -> list[Unit]:
    """The pieces of the article at `position` (in the articles being compared) as units."""
    return [Unit(position, paragraph, text, norm, kind) for paragraph, text, norm in pieces]


def sentences(text: str) -> list[str]:
    """A paragraph split into sentences at end punctuation followed by a capital."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def shingles(norm: str, size: int = SHINGLE) -> set[str]:
    """Overlapping word n-grams: two renderings of one quotation share most of them."""
    tokens = norm.split()
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
