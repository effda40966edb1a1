"""The export contract: the same data the reader shows, as JSON or a Markdown report.

The JSON shape is version 1 of a public contract. It may grow new keys; it
must never rename or drop one.
"""

from __future__ import annotations

import json
from typing import Any

from .analysis.model import Article, Corpus, Link, Quote

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
        # Added after version 1 was published (new keys only): where a web article came from.
        "url": article.url,
        "feed": article.feed,
        "fetched": article.fetched,
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


def to_dict(corpus: Corpus) -> dict[str, Any]:
    """The export document as plain JSON-ready values."""
    return {
        "version": FORMAT_VERSION,
        "articles": [_article(article) for article in corpus.articles],
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
            for e in corpus.entities
        ],
        "events": [
            {"id": e.id, "label": e.label, "date": e.date, "articles": list(e.articles)} for e in corpus.events
        ],
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
    """A readable report: events, then each article with its quotes, entities and links."""
    entities = {e.id: e for e in corpus.entities}
    by_article = {a.id: a for a in corpus.articles}
    lines: list[str] = ["# Reader report", ""]
    if corpus.events:
        lines += ["## Events", ""]
        for event in corpus.events:
            titles = ", ".join(_escape(by_article[a].title) for a in event.articles if a in by_article)
            lines.append(f"- **{_escape(event.label)}** ({event.date or 'date unknown'}): {titles}")
        lines.append("")
    for article in corpus.articles:
        lines += [f"## {_escape(article.title)}", ""]
        facts = [
            f"{label}: {_escape(value)}"
            for label, value in (
                ("Outlet", article.outlet),
                ("By", article.byline),
                ("Date", article.date),
                ("Source", article.source),
                ("URL", article.url),  # only web articles have these, so a folder's report is unchanged
                ("Feed", article.feed),
                ("Fetched", article.fetched),
            )
            if value
        ]
        lines += [" · ".join(facts), ""]
        if article.subtitle:
            lines += [f"*{_escape(article.subtitle)}*", ""]
        for paragraph in article.paragraphs:
            lines += [_escape(paragraph), ""]
        if article.quotes:
            lines += ["### Quotations", ""]
            for quote in article.quotes:
                speaker = entities[quote.speaker].name if quote.speaker in entities else "unattributed"
                lines.append(f"- ({quote.kind}) “{_escape(quote.text)}” — {_escape(speaker)}")
            lines.append("")
        names = sorted({(entities[m.entity].name, m.type) for m in article.entities if m.entity in entities})
        if names:
            lines += ["### Names", "", ", ".join(f"{_escape(n)} ({t})" for n, t in names), ""]
        if article.removed:
            lines += ["### Removed by the cleaner", ""]
            lines += [f"- {_escape(r.reason)}: {_escape(r.text)}" for r in article.removed]
            lines.append("")
    if corpus.links:
        lines += ["## Links", ""]
        for link in corpus.links:
            lines.append(
                f"- {link.kind} {link.score:.0f}: {link.source.article} ¶{link.source.paragraph + 1} → "
                f"{link.target.article} ¶{link.target.paragraph + 1} ({_escape(link.why)})"
            )
        lines.append("")
    if corpus.problems:
        lines += ["## Problems", ""]
        lines += [f"- {p.severity}: {_escape(p.source)}: {_escape(p.message)}" for p in corpus.problems]
        lines.append("")
    return "\n".join(lines)
