"""Quotations and who said them: the pipeline's quotation stage.

Detection (`quotes_detect`) needs only the cleaned paragraphs; attribution
(`quotes_attribute`) adds the article's entity mentions. Both are pure text
processing with no model, so the stage costs little next to recognition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .model import Article, Entity, Quote
from .quotes_attribute import attribute
from .quotes_detect import Narration, detect, scan

__all__ = ["detect", "find_quotes", "headline_quotes"]

_WORDS = re.compile(r"\w+")


def find_quotes(article: Article, entities: Mapping[str, Entity]) -> tuple[Quote, ...]:
    """Every quotation in the article, with its kind, cue and speaker (an entity id or None)."""
    narration: Narration = {}
    found = scan(article.paragraphs, narration)
    if not found:
        return ()
    return attribute(article.paragraphs, found, article.entities, entities, narration)


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
