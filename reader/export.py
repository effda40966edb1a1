"""The export contract: the same data the reader shows, as JSON or a Markdown report.

The JSON shape is version 1 of a public contract. It may grow new keys; it
must never rename or drop one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from .analysis.model import Article, Corpus, Entity, Link, Quote
from .terminal import UNSAFE

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


def _sections(corpus: Corpus) -> dict[str, Any]:
    """The export document's top-level values; lists are made one item at a time as they are written."""
    return {
        "version": FORMAT_VERSION,
        "articles": (_article(article) for article in corpus.articles),
        "entities": (
            {"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases), "articles": list(e.articles)}
            for e in corpus.entities
        ),
        "events": ({"id": e.id, "label": e.label, "date": e.date, "articles": list(e.articles)} for e in corpus.events),
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


_MARKUP = re.compile(r"([\\`*_\[\]<>#|]|~(?=~)|(?<=~)~)")
_LINE_START = re.compile(r"^(?:(\d{1,9})([.)])(?=\s|$)|([-+=])(?=[\s\-=]|$))")
"""What makes a line a list item, a rule or a heading underline (`#`, `>`, `*` and fences are escaped anywhere)."""


def _escape(text: str) -> str:
    """Text safe to drop into Markdown: no markup, no raw control characters (shown as escapes)."""
    if not text.isprintable():
        text = "".join(_visible(ch) for ch in text)
    return _MARKUP.sub(r"\\\1", text)


def _visible(char: str) -> str:
    code = ord(char)
    if (code in UNSAFE and char != "\t") or 0xD800 <= code < 0xE000:  # a lone surrogate cannot even be written
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def _line(text: str) -> str:
    """`_escape`, for text that starts a line: no list, rule, heading, fence or code block either."""
    text = _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", _escape(text))
    return f"&#{ord(text[0])};{text[1:]}" if text[:1].isspace() else text


def to_markdown(corpus: Corpus) -> str:
    """A readable report: events, then each article with its quotes, entities and links."""
    return "\n".join(markdown_lines(corpus))


def markdown_lines(corpus: Corpus) -> Iterator[str]:
    """The lines of the Markdown report, made one article at a time."""
    entities = {e.id: e for e in corpus.entities}
    by_article = {a.id: a for a in corpus.articles}
    yield from ["# Reader report", ""]
    if corpus.events:
        yield from ["## Events", ""]
        for event in corpus.events:
            titles = ", ".join(_escape(by_article[a].title) for a in event.articles if a in by_article)
            yield f"- **{_escape(event.label)}** ({_escape(event.date or 'date unknown')}): {titles}"
        yield ""
    for article in corpus.articles:
        yield from _article_lines(article, entities)
    if corpus.links:
        yield from ["## Links", ""]
        for link in corpus.links:
            yield (
                f"- {_escape(link.kind)} {link.score:.0f}: {_escape(link.source.article)} ¶{link.source.paragraph + 1} → "
                f"{_escape(link.target.article)} ¶{link.target.paragraph + 1} ({_escape(link.why)})"
            )
        yield ""
    if corpus.problems:
        yield from ["## Problems", ""]
        yield from (f"- {_escape(p.severity)}: {_escape(p.source)}: {_escape(p.message)}" for p in corpus.problems)
        yield ""


def _article_lines(article: Article, entities: dict[str, Entity]) -> Iterator[str]:
    yield from [f"## {_escape(article.title)}", ""]
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
    yield from [" · ".join(facts), ""]
    if article.subtitle:
        yield from [f"*{_escape(article.subtitle)}*", ""]
    for paragraph in article.paragraphs:
        yield from [_line(paragraph), ""]
    if article.quotes:
        yield from ["### Quotations", ""]
        for quote in article.quotes:
            speaker = entities[quote.speaker].name if quote.speaker in entities else "unattributed"
            yield f"- ({_escape(quote.kind)}) “{_escape(quote.text)}” — {_escape(speaker)}"
        yield ""
    names = sorted({(entities[m.entity].name, m.type) for m in article.entities if m.entity in entities})
    if names:
        yield from ["### Names", "", ", ".join(f"{_escape(n)} ({_escape(t)})" for n, t in names), ""]
    if article.removed:
        yield from ["### Removed by the cleaner", ""]
        yield from (f"- {_escape(r.reason)}: {_escape(r.text)}" for r in article.removed)
        yield ""
