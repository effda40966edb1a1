"""Quotations in comparable form: what event grouping and linking compare across outlets.

Quotations come from `Article.quotes` when the quote stage has run; otherwise
the detector's own scan stands in, so grouping and linking still work on
articles that were not attributed.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.analysis.model import Article, Quote
from reader.analysis.quotes.detect import detect
from reader.analysis.text.normalise import comparable

MIN_QUOTE_WORDS = 3
"""Shorter quotations ("historic", "no limits") are terms, too common to link on."""

Piece = tuple[int, str, str]
"""A quotation or sentence apart from its article: (paragraph, text, comparable form)."""


def scan_quotes(article: Article) -> list[Quote]:
    """Quotations of `article`: the quote stage's, or the detector's own when that stage has not run."""
    if article.quotes:
        return list(article.quotes)
    return list(detect(article.paragraphs))


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
