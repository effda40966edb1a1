"""Quotations and who said them: the pipeline's quotation stage.

Detection (`quotes_detect`) needs only the cleaned paragraphs; attribution
(`quotes_attribute`) adds the article's entity mentions. Both are pure text
processing with no model, so the stage costs little next to recognition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from reader.run import pool as parallel
from reader.analysis.model import Article, Entity, Quote
from reader.analysis.quotes.pieces import Piece, spoken_pieces
from reader.analysis.quotes.attribute import attribute
from reader.analysis.quotes.detect import Found, Narration, detect, scan

__all__ = ["Scan", "detect", "find_quotes", "headline_quotes", "scans", "submit_scans"]

_WORDS = re.compile(r"\w+")


Scanned = tuple[tuple[Found, ...], Narration]
"""What `scan` found in one article: the quotations and the narration around them."""


@dataclass(frozen=True, slots=True)
class Scan:
    """What detection found in one article, for the stages after it."""

    scanned: Scanned
    """For `find_quotes`."""
    spoken: tuple[Piece, ...]
    """`passages.spoken_pieces` of its quotations: attribution keeps their words, so event
    grouping and linking compare these, normalised once, on a worker for a large corpus."""


def find_quotes(article: Article, entities: Mapping[str, Entity], scanned: Scanned | None = None) -> tuple[Quote, ...]:
    """Every quotation in the article, with its kind, cue and speaker (an entity id or None).

    `scanned` is the article's entry in `scans`, when detection already ran.
    """
    if scanned is None:
        narration: Narration = {}
        found = scan(article.paragraphs, narration)
    else:
        found, narration = scanned
    if not found:
        return ()
    return attribute(article.paragraphs, found, article.entities, entities, narration)


_ScanJob = tuple[list[tuple[Quote, int, int]], Narration, tuple[Piece, ...]]


def _scan_job(paragraphs: tuple[str, ...]) -> _ScanJob:
    """`scan` in a worker, returned as plain values the model codec carries."""
    narration: Narration = {}
    found = scan(paragraphs, narration)
    return [(f.quote, f.open_at, f.close_at) for f in found], narration, spoken_pieces(f.quote for f in found)


def submit_scans(articles: Sequence[Article], start_method: str | None = None) -> parallel.Pending[_ScanJob]:
    """Detection for every article, handed to worker processes now for a large corpus; `scans` collects it.

    Detection reads only the paragraphs, so it can run while the corpus's
    entities are being unified; attribution (`find_quotes`) then needs the
    unified entities.
    """
    return parallel.submit_all([a.paragraphs for a in articles], _scan_job, start_method=start_method)


def scans(scanning: parallel.Pending[_ScanJob]) -> list[Scan]:
    """What `submit_scans` handed over."""
    return [
        Scan((tuple(Found(q, opened, closed) for q, opened, closed in found), narration), spoken)
        for found, narration, spoken in scanning.result()
    ]


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
