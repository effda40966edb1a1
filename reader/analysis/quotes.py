"""Quotations and who said them: the pipeline's quotation stage.

Detection (`quotes_detect`) needs only the cleaned paragraphs; attribution
(`quotes_attribute`) adds the article's entity mentions. Both are pure text
processing with no model, so the stage costs little next to recognition.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import Article, Entity, Quote
from .quotes_attribute import attribute
from .quotes_detect import Narration, detect, scan

__all__ = ["detect", "find_quotes"]


def find_quotes(article: Article, entities: Mapping[str, Entity]) -> tuple[Quote, ...]:
    """Every quotation in the article, with its kind, cue and speaker (an entity id or None)."""
    narration: Narration = {}
    found = scan(article.paragraphs, narration)
    if not found:
        return ()
    return attribute(article.paragraphs, found, article.entities, entities, narration)
