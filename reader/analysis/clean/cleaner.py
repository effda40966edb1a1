"""From a copied web page to clean paragraphs, keeping everything it removed.

The steps, each a general rule for web-copied news rather than for any one site:
1. drop lines that are page furniture (`boilerplate.junk_reason`);
2. reflow hard-wrapped lines into paragraphs;
3. rejoin a paragraph that junk cut in two (it ends mid-sentence, the next
   piece starts in lower case);
4. lift the headline, standfirst, byline and date off the top;
5. drop repeated paragraphs (a photo caption printed twice, once with its credit).
Every removed line is kept verbatim with its reason, so the reader can show it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.analysis.clean import boilerplate, metadata
from reader.analysis.model import Article, Code, Document, Removed, Shape

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’»)\]]*$|[\"”’»]$")
_CREDITS_LINE = re.compile(r"^\(?\s*(?:reporting|writing|editing|additional\s+reporting|compiled)\s+by\b", re.I)
_WRAP_MIN_LINES = 4
_PROSE = frozenset({"line", "paragraph"})
"""Block kinds whose paragraphs a cut can split (lists, tables and headings are whole)."""


@dataclass(slots=True)
class _Para:
    """A paragraph being built: its text, the index of its first line, and its block kind."""

    text: str
    first: int
    kind: str
    lines: list[int] = field(default_factory=list)


def normalise(text: str) -> str:
    """One space between words and none at the ends; other characters are kept as they are."""
    return _SPACES.sub(" ", text).strip()


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when lines are whole paragraphs.

    Wrapped text has many lines ending near one width; pages whose paragraphs
    are single lines have lengths all over the place and mostly far longer.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < _WRAP_MIN_LINES:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    if width > 120:
        return None
    near = sum(1 for length in lengths if length >= 0.75 * width)
    return width if near >= 0.5 * len(lengths) else None


def _paragraphs(document: Document, texts: list[str], keep: list[bool]) -> list[_Para]:
    """Group kept lines into paragraphs, joining hard-wrapped lines."""
    width = wrap_width([t for t, k, b in zip(texts, keep, document.blocks, strict=True) if k and b.kind == "line"])
    paras: list[_Para] = []
    previous: int | None = None  # index of the last kept line, if it is adjacent
    for index, (text, kept, block) in enumerate(zip(texts, keep, document.blocks, strict=True)):
        if not kept:
            previous = None
            continue
        if (
            width is not None
            and block.kind == "line"
            and previous == index - 1
            and paras
            and len(texts[previous]) + 1 + len(text.split(" ", 1)[0]) > width - 2
        ):
            paras[-1].text += " " + text
            paras[-1].lines.append(index)
        else:
            paras.append(_Para(text, index, block.kind, [index]))
        previous = index
    return paras


def _rejoin(paras: list[_Para]) -> list[_Para]:
    """Merge a paragraph that stops mid-sentence with a following one that starts in lower case."""
    merged: list[_Para] = []
    for para in paras:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind in _PROSE
            and para.kind in _PROSE
            and not _ENDS_SENTENCE.search(last.text)
            and para.text[:1].islower()
        ):
            last.text += " " + para.text
            last.lines.extend(para.lines)
        else:
            merged.append(para)
    return merged


@dataclass(slots=True)
class _Head:
    title: str | None = None
    subtitle: str | None = None
    byline: str | None = None
    date: str | None = None
    outlet: str | None = None
    taken: list[tuple[_Para, str]] = field(default_factory=list)


def _key(para: _Para) -> str:
    """What makes two paragraphs the same: their words, without a photo credit."""
    return boilerplate.strip_credit(para.text).casefold()


def _head(paras: list[_Para]) -> _Head:
    """Lift metadata off the paragraphs above the body; stops at the first body paragraph."""
    head = _Head()
    repeated = {key for key, count in Counter(_key(para) for para in paras).items() if count > 1}
    position = 0
    if paras and (date := metadata.dateline_date(paras[0].text)):
        # A date stamp on the first line ("Mar 03, 2015") is the date; the headline may follow it.
        head.date = date
        head.taken.append((paras[0], "moved to metadata: date"))
        position = 1
    elif len(paras) > 1 and (dated := metadata.dated_headline(paras[0].text)):
        # The date glued to the headline ("27/09/2013-Ferry service to resume …"): both, apart.
        head.date, head.title = dated
        head.taken.append((paras[0], "moved to metadata: date and title"))
        position = 1
    lead = paras[position] if len(paras) > position + 1 and head.title is None else None  # a sole paragraph is the body
    if lead is not None and (lead.kind == "heading" or (lead.kind == "line" and metadata.is_headline(lead.text))):
        head.title = lead.text
        head.taken.append((lead, "moved to metadata: title"))
        position += 1
    for para in paras[position : position + 6]:
        text = para.text
        if head.byline is None and para.kind in _PROSE and (found := metadata.byline(text)):
            # Checked before the date: "Jane Doe · 3 March 2015" is a byline that carries the date.
            head.byline, head.outlet = found.names, found.outlet
            head.date = head.date or found.date
            head.taken.append((para, "moved to metadata: byline"))
        elif head.date is None and (date := metadata.dateline_date(text)):
            head.date = date
            head.taken.append((para, "moved to metadata: date"))
        elif head.byline is not None and head.taken[-1][1].endswith("byline") and metadata.is_role_line(text):
            head.byline += ", " + text
            head.taken.append((para, "moved to metadata: byline"))
        elif (
            head.title is not None
            and head.subtitle is None
            and head.taken[-1][1].endswith("title")
            and metadata.is_standfirst(text.rstrip("\"'”’"))
            and _key(para) not in repeated  # a photo caption, printed again with its credit
        ):
            head.subtitle = text
            head.taken.append((para, "moved to metadata: standfirst"))
        else:
            break
    return head


def _drop_repeats(paras: list[_Para]) -> tuple[list[_Para], list[tuple[_Para, str]]]:
    """Keep the first of paragraphs that say the same thing, ignoring a photo credit."""
    seen: set[str] = set()
    kept: list[_Para] = []
    dropped: list[tuple[_Para, str]] = []
    for para in paras:
        key = _key(para)
        if key in seen:
            reason = "repeated photo caption" if boilerplate.has_credit(para.text) else "repeated paragraph"
            dropped.append((para, reason))
        else:
            seen.add(key)
            kept.append(para)
    return kept, dropped


def clean(document: Document) -> Article:
    """The cleaned article: paragraphs, metadata and every removed line with its reason."""
    raw = [block.text for block in document.blocks]
    texts = [normalise(text) for text in raw]
    removed: list[tuple[int, str, str]] = []  # (line index, verbatim text, reason)
    keep: list[bool] = []
    for index, text in enumerate(texts):
        if document.blocks[index].kind == "code":
            keep.append(False)  # kept aside, verbatim (`_code`)
            continue
        reason = boilerplate.junk_reason(text) if text else None
        if reason is None and text and _CREDITS_LINE.match(text):
            reason = "reporting and editing credits"
        if reason:
            removed.append((index, raw[index], reason))
        keep.append(bool(text) and reason is None)

    paras = _rejoin(_paragraphs(document, texts, keep))
    head = _head(paras)
    taken = {id(para) for para, _ in head.taken}
    body, repeats = _drop_repeats([para for para in paras if id(para) not in taken])
    for para, reason in [*head.taken, *repeats]:
        removed.extend((line, raw[line], reason) for line in para.lines)
    removed.sort(key=lambda item: item[0])

    starts = [para.first for para in body]
    paragraphs = tuple(para.text for para in body)
    # Metadata an extractor read from the page's markup is the publisher's own word: it wins over guesses.
    outlet = document.site or head.outlet or (metadata.agency_outlet(paragraphs[0]) if paragraphs else None)
    if outlet is None:
        outlet = metadata.interview_outlet(paragraphs)
    if outlet is None:
        outlet = metadata.domain_outlet(text for _, text, reason in removed if reason == "bare URL")
    return Article(
        id=document.id,
        source=document.source,
        title=document.title or head.title or metadata.lead_title(paragraphs),
        paragraphs=paragraphs,
        subtitle=head.subtitle,
        byline=document.author or head.byline,
        date=document.date or head.date,
        outlet=outlet,
        removed=tuple(
            Removed(text, reason, sum(1 for start in starts if start < line)) for line, text, reason in removed
        ),
        content_hash=document.content_hash,
        url=document.url,
        feed=document.feed,
        fetched=document.fetched,
        shapes=_shapes(document, body),
        code=_code(document, starts),
    )


def _shapes(document: Document, body: list[_Para]) -> tuple[Shape, ...]:
    """The paragraphs that are headings, list items or table rows, for the view to lay out."""
    shapes = []
    for number, para in enumerate(body):
        if para.kind not in _PROSE:
            block = document.blocks[para.first]
            shapes.append(Shape(number, para.kind, block.depth, block.marker))
    return tuple(shapes)


def _code(document: Document, starts: list[int]) -> tuple[Code, ...]:
    """Code blocks as written, each placed before the first paragraph that followed it."""
    return tuple(
        Code(block.text, sum(1 for start in starts if start < line), block.marker)
        for line, block in enumerate(document.blocks)
        if block.kind == "code"
    )
