"""The export contract: the same data the reader shows, as JSON or a Markdown report.

The JSON shape is version 1 of a public contract. It may grow new keys; it
must never rename or drop one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .analysis.model import Article, Claim, Corpus, Event, EventComparison, Link, Quote, Rendering
from .report import report_lines

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
        "place": found.place,
    }


def _sections(corpus: Corpus) -> dict[str, Any]:
    """The export document's top-level values; lists are made one item at a time as they are written."""
    compared = {c.event: c for c in corpus.comparisons}
    return {
        "version": FORMAT_VERSION,
        "articles": (_article(article) for article in corpus.articles),
        "entities": (
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
            for e in corpus.entities
        ),
        "events": (_event(e, compared.get(e.id)) for e in corpus.events),
        "links": (_link(link) for link in corpus.links),
        "problems": ({"source": p.source, "message": p.message, "severity": p.severity} for p in corpus.problems),
    }


def to_dict(corpus: Corpus) -> dict[str, Any]:
    """The export document as plain JSON-ready values."""
    return {key: value if isinstance(value, int) else list(value) for key, value in _sections(corpus).items()}


# json.dumps escapes C0 controls; these are the other characters a terminal showing the file
# would act on (DEL, C1, bidirectional controls), and lone surrogates, which no UTF-8 holds.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SUSPECT = (b"\x7f", b"\xc2", b"\xed", *(chr(c).encode() for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
"""UTF-8 bytes that start one of those (or a harmless neighbour): searching for them is 300 times faster than the regex."""


def _json(value: object, indent: str) -> str:
    """`value` as json.dumps(indent=2) writes it `indent` deep, terminal controls escaped."""
    text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
    if not text.isascii() or "\x7f" in text:
        data = text.encode("utf-8", "surrogatepass")
        if any(suspect in data for suspect in _SUSPECT):  # only ever inside strings: json writes all else in ASCII
            text = _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


def json_pieces(corpus: Corpus) -> Iterator[str]:
    """The export document as JSON text, in pieces of one item each.

    Joined, the pieces are exactly `json.dumps(to_dict(corpus), ensure_ascii=False,
    indent=2)` for ordinary text, but no more than one article is ever held as
    text: an export of 10,000 articles is hundreds of megabytes.
    """
    sections = list(_sections(corpus).items())
    yield "{"
    for number, (key, value) in enumerate(sections):
        yield f"\n  {_json(key, '')}: "
        if isinstance(value, int):
            yield _json(value, "  ")
        else:
            opened = False
            for item in value:
                yield (",\n    " if opened else "[\n    ") + _json(item, "    ")
                opened = True
            yield "\n  ]" if opened else "[]"
        if number < len(sections) - 1:
            yield ","
    yield "\n}"


def to_json(corpus: Corpus) -> str:
    """The export document as JSON text (UTF-8 characters kept, control characters escaped)."""
    return "".join(json_pieces(corpus))


def write_json(corpus: Corpus, stream: BinaryIO) -> None:
    """Write the export document to `stream` as UTF-8 as it is made, then a newline."""
    _write(json_pieces(corpus), stream)


def write_markdown(corpus: Corpus, stream: BinaryIO) -> None:
    """Write the Markdown report to `stream` as it is made, then a newline."""
    _write(_interleave(markdown_lines(corpus)), stream)


def _interleave(lines: Iterable[str]) -> Iterator[str]:
    for number, line in enumerate(lines):
        yield ("\n" + line) if number else line


def _write(pieces: Iterable[str], stream: BinaryIO) -> None:
    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= 1 << 16:  # a few writes of 64 KB, not one per piece nor one of the whole
            stream.write("".join(batch).encode("utf-8"))
            batch, size = [], 0
    batch.append("\n")
    stream.write("".join(batch).encode("utf-8"))


def to_markdown(corpus: Corpus) -> str:
    """The coverage report (`reader.report`): per event, what each outlet carried and where they differ."""
    return "\n".join(markdown_lines(corpus))


def markdown_lines(corpus: Corpus) -> Iterator[str]:
    """The lines of the coverage report (`reader.report`)."""
    yield from report_lines(corpus)
