"""Quotations and who said them: the pipeline's quotation stage.

Detection (`detect`) needs only the cleaned paragraphs; attribution
(`attribute`) adds the article's entity mentions. Both are pure text
processing with no model, so the stage costs little next to recognition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from reader.analysis.model import Article, Entity, Quote
from reader.analysis.quotes.pieces import Piece, spoken_pieces
from reader.analysis.quotes.attribute import attribute
from reader.analysis.quotes.detect import Found, Narration, detect, scan

__all__ = ["Scan", "Scanned", "detect", "find_quotes", "headline_quotes", "scan_article"]

_WORDS = re.compile(r"\w+")


Scanned = tuple[tuple[Found, ...], Narration]
"""What `scan` found in one article: the quotations and the narration around them."""


@dataclass(frozen=True, slots=True)
class Scan:
    """What detection found in one article, for the stages after it."""

    scanned: Scanned
    """For `find_quotes`."""
    spoken: tuple[Piece, ...]
    """`pieces.spoken_pieces` of its quotations: attribution keeps their words, so event
    grouping and linking compare these, normalised once with detection."""


def find_quotes(article: Article, entities: Mapping[str, Entity], scanned: Scanned | None = None) -> tuple[Quote, ...]:
    """Every quotation in the article, with its kind, cue and speaker (an entity id or None).

    `scanned` is `scan_article(article.paragraphs).scanned`, when detection already ran.
    """
    if scanned is None:
        narration: Narration = {}
        found = scan(article.paragraphs, narration)
    else:
        found, narration = scanned
    if not found:
        return ()
    return attribute(article.paragraphs, found, article.entities, entities, narration)


def scan_article(paragraphs: tuple[str, ...]) -> Scan:
    """Detection for one article: reads only the paragraphs, so it can run before entities are unified."""
    narration: Narration = {}
    found = scan(paragraphs, narration)
    return Scan((found, narration), spoken_pieces(f.quote for f in found))


def _words(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


def headline_quotes(article: Article) -> tuple[Quote, ...]:
    """Quotations in the headline (`paragraph` 0) and the standfirst (1).

    Headlines carry no cue of their own, so a headline quotation takes the
    speaker of the body quotation that holds the same words ("his 'best, most
    intimate friend'" ↔ “He is my best, most intimate friend.”); otherwise
    it stays unattributed rather than guessed.
    """
    lines = (article.title, article.subtitle or "")
    found = [q for q in detect(lines) if q.paragraph < len(lines)]
    if not found:
        return ()
    body = [(q, _words(q.text)) for q in article.quotes if q.speaker is not None]
    attributed: list[Quote] = []
    for quote in found:
        words = _words(quote.text)
        match = next(
            (q for q, text in body if words and len(words.split()) >= 2 and (words in text or text in words)), None
        )
        if match is not None:
            quote = replace(quote, speaker=match.speaker, cue=f"as quoted in paragraph {match.paragraph + 1}")
        attributed.append(quote)
    return tuple(attributed)
