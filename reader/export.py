"""The export contract: the same data the reader shows, as JSON or a Markdown report.

The JSON shape is version 1 of a public contract. It may grow new keys; it
must never rename or drop one.
"""

from __future__ import annotations

import json
import math
from typing import Any

from .analysis.model import Article, Claim, Corpus, Event, EventComparison, Link, Quote, Rendering

FORMAT_VERSION = 1


def _article(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "subtitle": article.subtitle,
        "byline": article.byline,
        "date": article.date,
        "outlet": article.outlet,
        "paragraphs": list(article.paragraphs),
        "removed": [{"text": r.text, "reason": r.reason, "before": r.before} for r in article.removed],
        "entities": [
            {
                "paragraph": m.paragraph,
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "type": m.type,
                "entity": m.entity,
                "title": m.title,
            }
            for m in article.entities
        ],
        "quotes": [_quote(q) for q in article.quotes],
        "headline_quotes": [_quote(q) for q in article.headline_quotes],
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "speaker": quote.speaker,
        "kind": quote.kind,
        "cue": quote.cue,
        "continued": quote.continued,
    }


def _link(link: Link) -> dict[str, Any]:
    return {
        "kind": link.kind,
        "score": round(link.score, 1),
        "from": {"article": link.source.article, "paragraph": link.source.paragraph},
        "to": {"article": link.target.article, "paragraph": link.target.paragraph},
        "why": link.why,
        "diff": [{"op": run.op, "text": run.text} for run in link.diff],
        "event": link.event,
    }


def _rendering(rendering: Rendering) -> dict[str, Any]:
    return {
        "article": rendering.article,
        "paragraph": rendering.paragraph,
        "text": rendering.text,
        "diff": [{"op": run.op, "text": run.text} for run in rendering.diff],
    }


def _bound(value: float) -> float | None:
    """A claim's bound; an open end ("at least 60" has no upper one) is null, JSON having no infinity."""
    return None if math.isinf(value) else value


def _claim(claim: Claim) -> dict[str, Any]:
    return {
        "article": claim.article,
        "paragraph": claim.paragraph,
        "sentence": claim.sentence,
        "figure": claim.figure,
        "low": _bound(claim.low),
        "high": _bound(claim.high),
    }


def _event(event: Event, comparison: EventComparison | None) -> dict[str, Any]:
    found = comparison or EventComparison(event.id)
    return {
        "id": event.id,
        "label": event.label,
        "date": event.date,
        "articles": list(event.articles),
        "origin": event.origin,
        "ledger": [
            {
                "speaker": entry.speaker,
                "text": entry.fullest.text,
                "fullest": {"article": entry.fullest.article, "paragraph": entry.fullest.paragraph},
                "renderings": [_rendering(r) for r in entry.renderings],
            }
            for entry in found.ledger
        ],
        "single_source": [
            {"article": s.article, "paragraph": s.paragraph, "sentence": s.sentence} for s in found.single_source
        ],
        "disagreements": [
            {"measure": d.measure, "kind": d.kind, "claims": [_claim(c) for c in d.claims]} for d in found.disagreements
        ],
        "named": [
            {"entity": n.entity, "name": n.name, "type": n.type, "articles": list(n.articles)} for n in found.named
        ],
    }


def to_dict(corpus: Corpus) -> dict[str, Any]:
    """The export document as plain JSON-ready values."""
    compared = {c.event: c for c in corpus.comparisons}
    return {
        "version": FORMAT_VERSION,
        "articles": [_article(article) for article in corpus.articles],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
            for e in corpus.entities
        ],
        "events": [_event(e, compared.get(e.id)) for e in corpus.events],
        "links": [_link(link) for link in corpus.links],
        "problems": [{"source": p.source, "message": p.message, "severity": p.severity} for p in corpus.problems],
    }


def to_json(corpus: Corpus) -> str:
    """The export document as JSON text (UTF-8 characters kept, control characters escaped)."""
    return json.dumps(to_dict(corpus), ensure_ascii=False, indent=2)


def _escape(text: str) -> str:
    """Text safe to drop into Markdown: no markup, no raw control characters."""
    text = "".join(ch if ch >= " " or ch == "\t" else f"\\x{ord(ch):02x}" for ch in text)
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def to_markdown(corpus: Corpus) -> str:
    """The coverage report (`reader.report`): per event, what each outlet carried and where they differ."""
    from .report import coverage_report  # here, not at the top: the report uses this module's escaping

    return coverage_report(corpus)
