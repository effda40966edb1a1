"""Finding quotations in cleaned paragraphs and telling speech from scare quotes.

Long because pairing the marks, continuing quotations across paragraphs and telling speech from terms share one per-paragraph scan state; the kinds could move to their own module next.

One precompiled regex finds every candidate mark in a paragraph; a small state
machine pairs them. Context, not glyph, decides whether a mark opens or
closes, because real copy mixes straight and curly marks ("text” is common)
and uses the same glyph for apostrophes ("Putin’s"). Single marks only count
when they pair up inside one paragraph; double marks may stay open across a
paragraph break, as long quotations do.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.model import Quote
from reader.analysis.quotes.lexicon import NAMING, SPEECH_VERB
from reader.analysis.quotes.title_case import is_title_case, lower_cues, lower_opening_cues
from reader.analysis.text.sentences import bounds as sentence_bounds
from reader.analysis.text.sentences import starts as sentence_starts
from reader.analysis.text.words import FUNCTION_WORDS

# Single marks between two word characters are apostrophes (Russia's, Putin’s) and never match.
_MARK = re.compile(r"(?:``|''|[\"“”„‟«»‘’‚‛'`])(?<!\w[‘’‚‛'`](?=\w))")
_ANY_MARK = re.compile(r"[\"“”„‟«»‘’‚‛'`]")
_SINGLE_CHARS = frozenset("‘’‚‛'`")
_DOUBLE = frozenset({'"', "“", "”", "„", "‟", "«", "»", "``", "''"})
_OPEN_GLYPH = frozenset({"“", "„", "‟", "«", "``", "‘", "‚", "‛", "`"})
_CLOSE_GLYPH = frozenset({"”", "»", "’"})
_MARK_CHARS = "\"“”„‟«»‘’‚‛'`"
_BEFORE_OPEN = "([{—–-/" + _MARK_CHARS
_AFTER_CLOSE = ".,;:!?)]}—–-/…" + _MARK_CHARS
_END_PUNCT = ".!?…"
_WORD = re.compile(r"[\w’'-]+")
_HAS_WORD = re.compile(r"[^\W_]")
_EMBEDDED_POST = re.compile(r"[—–-]\s*[^()\n]{1,80}\(@\w{1,15}\)\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}")
"""The signature an embedded tweet leaves in article text: "— Name (@handle) July 5, 2016"."""


@dataclass(frozen=True, slots=True)
class Found:
    """A detected quotation with where its marks stood, which attribution needs."""

    quote: Quote
    open_at: int
    """Offset of the opening mark, or -1 for a continued part that has none."""
    close_at: int
    """Offset just after the closing mark, or the paragraph length if the part runs to its end."""


@dataclass(slots=True)
class _Open:
    family: str
    start: int
    end: int
    ident: int


@dataclass(frozen=True, slots=True)
class _Pair:
    open_start: int
    open_end: int
    close_start: int
    close_end: int
    ident: int
    enclosers: tuple[int, ...]


@dataclass(slots=True)
class _Scan:
    pairs: list[_Pair]
    unclosed: list[_Open]
    virtual_closed: _Pair | None


_VIRTUAL = -1


def _scan(text: str, virtual: bool = False, marks: list[re.Match[str]] | None = None) -> _Scan:
    """Pair the marks of one paragraph; `virtual` starts with a quote already open at offset 0.

    Long because it is one pass of a small state machine over the marks, clearest in one place.

    `marks` are the paragraph's `_MARK` matches when the caller already has them.
    """
    stack: list[_Open] = [_Open("d", 0, 0, _VIRTUAL)] if virtual else []
    pairs: list[_Pair] = []
    virtual_closed: _Pair | None = None
    length = len(text)
    counter = 0
    if marks is None:
        marks = list(_MARK.finditer(text))
    for position, match in enumerate(marks):
        glyph = match.group()
        start, end = match.span()
        prev = text[start - 1] if start else ""
        nxt = text[end] if end < length else ""
        family = "d" if glyph in _DOUBLE else "s"
        if family == "s" and prev.isalnum() and nxt.isalnum():
            continue  # an apostrophe: Russia's, Putin’s, don't
        before_ok = not prev or prev.isspace() or prev in _BEFORE_OPEN
        after_ok = not nxt or nxt.isspace() or nxt in _AFTER_CLOSE
        can_open = before_ok and bool(nxt) and not nxt.isspace()
        can_close = bool(prev) and not prev.isspace() and after_ok
        has_open = bool(stack) and (stack[-1].family == family or any(o.family == family for o in stack))
        if can_open == can_close:
            # Both or neither context fits (mid-word, or spaced out): the glyph decides,
            # and a neutral straight mark closes whatever is open.
            if glyph in _OPEN_GLYPH:
                opening = True
            elif glyph in _CLOSE_GLYPH:
                opening = False
            else:
                opening = not has_open
            if family == "s" and not (can_open or can_close):
                continue
        else:
            opening = can_open
            if opening and glyph == '"' and has_open and text[:start].rstrip()[-1:] in (",", ".", "?", "!"):
                opening = False  # badly spaced closing mark: in, "DiLeo said
        if family == "s" and opening and nxt.isdigit():
            continue  # '90s
        if opening:
            counter += 1
            stack.append(_Open(family, start, end, counter))
            continue
        # Closing: the nearest open mark of the same family; singles must be on top,
        # otherwise the mark is a trailing apostrophe ("the countries' leaders").
        if not has_open or (family == "s" and stack[-1].family != "s"):
            continue
        index = len(stack) - 1
        while stack[index].family != family:
            index -= 1
        plural_possessive = family == "s" and prev in "sS" and text[end + 1 : end + 2].islower()
        if plural_possessive and _closes_later(text, marks, position):
            continue  # "'The workers' rights matter,' she said": not the closing mark
        opened = stack[index]
        del stack[index:]
        pair = _Pair(opened.start, opened.end, start, end, opened.ident, tuple(o.ident for o in stack))
        if opened.ident == _VIRTUAL:
            virtual_closed = pair
        elif family == "d" or end - opened.end > 2:
            pairs.append(pair)
    unclosed = [o for o in stack if o.family == "d" and o.ident != _VIRTUAL]
    return _Scan(pairs, unclosed, virtual_closed)


def _closes_later(text: str, marks: list[re.Match[str]], position: int) -> bool:
    """Whether a later single mark in the paragraph could close a quotation instead."""
    for match in marks[position + 1 :]:
        if match.group() in _DOUBLE:
            continue
        start, end = match.span()
        nxt = text[end] if end < len(text) else ""
        if start and not text[start - 1].isspace() and (not nxt or nxt.isspace() or nxt in _AFTER_CLOSE):
            return True
    return False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _starts_with_opener(text: str) -> bool:
    stripped = text.lstrip()
    if not stripped:
        return False
    match = _MARK.match(stripped)
    if match is None or match.group() not in _DOUBLE:
        return False
    return len(stripped) > match.end() and not stripped[match.end()].isspace()


_Part = tuple[int, int, int, int, bool]
"""(open_at, start, end, close_at, continued) of one top-level quotation part."""


@dataclass(slots=True)
class _Pending:
    """An opening mark left open at the end of a paragraph, and what nests inside it."""

    paragraph: int
    opened: _Open
    continued: bool
    nested: list[_Part]
    between: list[int] = field(default_factory=list)
    """Following paragraphs without any double mark, which may be more of the same quotation."""


_MAX_BETWEEN = 12


def _has_double(marks: list[re.Match[str]]) -> bool:
    return any(m.group() in _DOUBLE for m in marks)


def _flush(pending: _Pending, paragraphs: Sequence[str], parts: dict[int, list[_Part]], continues: bool) -> None:
    """Settle an open quotation: it runs to its paragraph's end if it continues or opened the paragraph."""
    text = paragraphs[pending.paragraph]
    before = text[: pending.opened.start].rstrip()
    last_words = " ".join(before.split()[-3:])
    introduced = before.endswith(":") or SPEECH_VERB.search(last_words) is not None
    if continues or not before or introduced or pending.continued:
        start, end = _trimmed(text, pending.opened.end, len(text))
        if end > start:
            parts[pending.paragraph].append((pending.opened.start, start, end, len(text), pending.continued))
    else:
        parts[pending.paragraph].extend(pending.nested)  # a stray mark: what it held stands alone
    parts[pending.paragraph].sort()
    for number in pending.between:
        if continues:
            start, end = _trimmed(paragraphs[number], 0, len(paragraphs[number]))
            if end > start:
                parts[number].append((-1, start, end, len(paragraphs[number]), True))
        else:
            parts[number].extend(_own_parts(paragraphs[number], _scan(paragraphs[number]), False, False)[0])


def _own_parts(text: str, scan: _Scan, via_opener: bool, via_virtual: bool) -> tuple[list[_Part], _Pending | None]:
    """The top-level parts of one paragraph, and the quotation it leaves open (paragraph number unset)."""
    outer = scan.unclosed[0] if scan.unclosed else None
    closed = {p.ident for p in scan.pairs}
    found: list[_Part] = []
    nested: list[_Part] = []
    if via_virtual and scan.virtual_closed is not None:
        start, end = _trimmed(text, 0, scan.virtual_closed.close_start)
        if end > start:
            found.append((-1, start, end, scan.virtual_closed.close_end, True))
    for pair in scan.pairs:
        if any(e in closed for e in pair.enclosers):
            continue  # nested inside another quotation: part of its text
        start, end = _trimmed(text, pair.open_end, pair.close_start)
        if end <= start:
            continue
        part = (pair.open_start, start, end, pair.close_end, False)
        (nested if outer is not None and outer.ident in pair.enclosers else found).append(part)
    first_open = min([p[0] for p in found if p[0] >= 0] + ([outer.start] if outer else []), default=-1)
    outer_continued = False
    if via_opener and first_open >= 0 and not text[:first_open].strip():
        if outer is not None and outer.start == first_open:
            outer_continued = True
        else:
            found = [(*p[:4], True) if p[0] == first_open else p for p in found]
    pending = _Pending(-1, outer, outer_continued, nested) if outer is not None else None
    return sorted(found), pending


def _marked(paragraphs: Sequence[str]) -> set[int]:
    """Which paragraphs hold a possible quote mark: one regex pass over the whole article."""
    joined = "\n".join(paragraphs)
    found: set[int] = set()
    ends: list[int] = []
    offset = 0
    for text in paragraphs:
        offset += len(text) + 1
        ends.append(offset)
    index = 0
    for match in _ANY_MARK.finditer(joined):
        at = match.start()
        if match.group() in _SINGLE_CHARS and 0 < at < len(joined) - 1:
            if joined[at - 1].isalnum() and joined[at + 1].isalnum():
                continue  # an apostrophe
        while ends[index] <= at:
            index += 1
        found.add(index)
    # An embedded post is the poster's text, not the article's: marks inside it quote nobody here.
    return {i for i in found if "(@" not in paragraphs[i] or not _EMBEDDED_POST.search(paragraphs[i])}


def _first_double_may_close(text: str, marks: list[re.Match[str]]) -> bool:
    """Whether the paragraph's first double mark has a word before it (a closing mark can)."""
    for match in marks:
        if match.group() in _DOUBLE:
            return match.start() > 0 and not text[match.start() - 1].isspace()
    return False


def _follows_speech(paragraphs: Sequence[str], parts: dict[int, list[_Part]], number: int) -> bool:
    """Whether the previous paragraph quoted someone or introduced a quotation with a colon."""
    return number > 0 and (number - 1 in parts or paragraphs[number - 1].rstrip().endswith(":"))


def _paragraph_parts(paragraphs: Sequence[str]) -> dict[int, list[_Part]]:
    """Per paragraph, the top-level quotation parts, following quotations across paragraph breaks.

    Only paragraphs with a mark, and those a quotation left open runs into, are visited.
    """
    parts: dict[int, list[_Part]] = defaultdict(list)
    pending: _Pending | None = None
    marked = sorted(_marked(paragraphs))
    next_marked = 0
    number = -1
    while True:
        number += 1
        if pending is None:
            while next_marked < len(marked) and marked[next_marked] < number:
                next_marked += 1
            if next_marked == len(marked):
                break
            number = marked[next_marked]
        if number >= len(paragraphs):
            break
        text = paragraphs[number]
        marks = list(_MARK.finditer(text))
        scan: _Scan | None = None
        via_opener = via_virtual = False
        if pending is not None:
            if not _has_double(marks) and len(pending.between) < _MAX_BETWEEN and text.strip():
                pending.between.append(number)  # decided once a later paragraph closes it, or not
                continue
            # A continuation either reopens with a mark (the usual style) or just goes on
            # until a closing mark (text that a page's junk had split mid-sentence).
            via_opener = _starts_with_opener(text)
            if not via_opener:
                trial = _scan(text, True, marks)
                if trial.virtual_closed is not None:
                    scan, via_virtual = trial, True
            _flush(pending, paragraphs, parts, via_opener or via_virtual)
            pending = None
        lost_opener = False
        if scan is None and _first_double_may_close(text, marks) and _follows_speech(paragraphs, parts, number):
            # A closing mark with no opening one, right after speech: the opening mark was
            # lost ("She is beloved everywhere.”), so the quotation starts the paragraph.
            trial = _scan(text, True, marks)
            closing = trial.virtual_closed
            if closing is not None and closing.close_start and not text[closing.close_start - 1].isspace():
                scan, via_virtual, lost_opener = trial, True, True
        if scan is None:
            scan = _scan(text, False, marks)
        found, pending = _own_parts(text, scan, via_opener, via_virtual)
        if lost_opener and found and found[0][0] == -1:
            found[0] = (*found[0][:4], False)
        if found:
            parts[number].extend(found)
        if pending is not None:
            pending.paragraph = number
    if pending is not None:
        _flush(pending, paragraphs, parts, False)
    return {n: p for n, p in parts.items() if p}


def mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The paragraph with quoted words blanked, so cue and sentence searches see only the narration.

    A final full stop inside a quotation is kept: it still ends the sentence.
    """
    if not spans:
        return text
    pieces: list[str] = []
    last = 0
    for start, end in spans:
        keep = end - 1 if text[end - 1] in _END_PUNCT else end
        pieces.append(text[last:start])
        pieces.append("X" * (keep - start))
        last = keep
    pieces.append(text[last:])
    return "".join(pieces)


def _cue_follows(right: str) -> bool:
    """Whether a verb of saying comes within a few words after the closing mark."""
    return any(SPEECH_VERB.fullmatch(word.strip(",.;:")) for word in right.split()[:5])


def _kind(text: str, masked: str, starts: list[int], part: _Part, headline: bool = False) -> str:
    """direct speech, a partial quotation inside reported speech, or a term (scare quotes, names).

    `headline`: the line is in Title Case, so capitals in the quotation say nothing of a name.
    """
    open_at, start, end, close_at, _ = part
    inner = text[start:end]
    count = len(inner.split())
    if open_at < 0 or count == 0:
        return "direct"
    s0, s1 = sentence_bounds(starts, len(masked), open_at)
    left = masked[s0:open_at].rstrip()
    right = masked[close_at:s1]
    sentence = masked[s0:s1]
    ends_punct = inner[-1] in ".,!?…;:"
    left_words = left.split()
    # Speech reported straight after its cue, without "that": A witness told the paper "The cops …".
    after_cue = bool(left_words) and (
        SPEECH_VERB.fullmatch(left_words[-1].strip(",:")) is not None
        or (left_words[-1].lower() != "that" and SPEECH_VERB.search(" ".join(left_words[-5:])) is not None)
    )
    starts_clause = not left or left[-1] == ":" or (
        left[-1] in ",—–" and SPEECH_VERB.search(left[-40:]) is not None
    ) or (after_cue and inner[0].isupper() and count >= 3)
    if NAMING.search(left, max(0, len(left) - 40)):
        return "term" if count <= 16 else "partial"  # a title: the book “The Big Show: …”
    following = _WORD.match(right[1:]) if right[:1].isspace() else None
    if (
        following
        and count <= 4
        and not ends_punct
        and re.split("['’]", following.group().lower())[0] not in FUNCTION_WORDS
        and not (len(following.group()) > 5 and following.group().endswith(("ing", "ed")))
        and not _cue_follows(right)
    ):
        return "term"  # used as a modifier: the “no-limits” partnership
    words = _WORD.findall(inner) if count <= 12 else []
    title_case = not headline and bool(words) and count <= (12 if not ends_punct else 6) and words[0][0].isupper() and all(
        w[0].isupper() or w.lower() in FUNCTION_WORDS or not w[0].isalpha() for w in words
    )
    if ends_punct and left[-1:] in (",", ":") and SPEECH_VERB.fullmatch(left_words[-1].strip(",:")):
        return "direct"  # Lee said, “Never.”: speech, however short, right after its cue
    if title_case and (not starts_clause or (count <= 4 and not _cue_follows(right))):
        return "term"  # a name: the “Medal of Friendship”, “Twilight” director
    if starts_clause:
        return "direct"
    if count >= 5 or SPEECH_VERB.search(sentence):
        return "partial"
    return "term"


Narration = dict[int, tuple[str, list[int]]]
"""Per paragraph with quotations: its masked text and sentence starts, reused by attribution."""


def scan(paragraphs: Sequence[str], narration: Narration | None = None) -> tuple[Found, ...]:
    """Every quotation in the paragraphs with its kind and mark positions; speakers are left empty.

    `narration`, if given, receives each quoted paragraph's masked text and sentence starts.
    """
    parts = _paragraph_parts(paragraphs)
    found: list[Found] = []
    group_kind: str | None = None
    for number in sorted(parts):
        text = paragraphs[number]
        own = parts[number]
        if number - 1 not in parts:
            group_kind = None
        masked = mask(text, [(p[1], p[2]) for p in own])
        headline = is_title_case(masked)
        if headline:
            masked = lower_cues(masked)  # "Lee Says …": a cue, as in prose
        starts = sentence_starts(masked)
        masked = lower_opening_cues(masked, starts)  # "Said Lee, …": a cue, as in prose
        if narration is not None:
            narration[number] = (masked, starts)
        following = parts.get(number + 1, [])
        for index, part in enumerate(own):
            if not _HAS_WORD.search(text, part[1], part[2]):
                continue  # marks around nothing but marks or punctuation
            if part[0] > 0 and text[part[0] - 1] == "=":
                continue  # a markup attribute left in the text: author="@handle"
            if part[4] and group_kind is not None:
                kind = group_kind
            else:
                kind = _kind(text, masked, starts, part, headline)
                if kind == "term" and index == len(own) - 1 and following and following[0][4]:
                    kind = "direct"  # runs on into the next paragraph: speech, not a term
            group_kind = kind
            quote = Quote(number, part[1], part[2], text[part[1] : part[2]], kind=kind, continued=part[4])
            found.append(Found(quote, part[0], part[3]))
    return tuple(found)


def detect(paragraphs: Sequence[str]) -> tuple[Quote, ...]:
    """The quotations in cleaned paragraphs, without speakers: usable before entities exist."""
    return tuple(f.quote for f in scan(paragraphs))
