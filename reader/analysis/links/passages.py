"""The sentences of an article that passage links compare, and the units links are scored on.

Quotations in comparable form live with the quote stage (`quotes.pieces`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.text.normalise import comparable
from reader.analysis.text.sentences import split
from reader.analysis.quotes.pieces import Piece




@dataclass(frozen=True, slots=True)
class Unit:
    """A quotation or sentence of one paragraph, with its comparable form."""

    article: int
    paragraph: int
    text: str
    norm: str
    kind: str
    """"quote" or "sentence"."""


def sentence_pieces(paragraphs: Sequence[str]) -> tuple[Piece, ...]:
    """Every sentence of an article's paragraphs."""
    return tuple(
        (index, sentence, comparable(sentence))
        for index, text in enumerate(paragraphs)
        for sentence in split(text)
    )


def units(pieces: tuple[Piece, ...], position: int, kind: str) -> list[Unit]:
    """The pieces of the article at `position` (in the articles being compared) as units."""
    return [Unit(position, paragraph, text, norm, kind) for paragraph, text, norm in pieces]
