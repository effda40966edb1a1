"""What an article says about itself: headline, standfirst, byline, date, outlet.

Copied pages put these on short lines above the body. Each test here looks at
the form of one line (a headline has no full stop, a byline is a short run of
capitalised name words, a dateline is mostly a date) so it holds for any site.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.analysis.text import sentences
from reader.analysis.text.dates import dateline_date, numeric_date, parse_date
from reader.analysis.text.words import FUNCTION_WORDS

__all__ = ["dateline_date", "parse_date"]  # read by the cleaner with the other line tests

_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+|de|van|von|da|al|bin)$")
_NOT_NAME_WORDS = FUNCTION_WORDS | {"amid", "says", "said"}
"""Words that tell a line is a sentence, not a run of author names."""
_ROLE_LINE = re.compile(
    r"^(?:[A-Z][\w'’-]*\s+){0,4}(?:editor|correspondent|reporter|writer|columnist|staff|chief|producer|analyst"
    r"|contributor|journalist|bureau|desk)(?:\s+[\w'’-]+){0,3}$",
    re.I,
)
_BY = re.compile(r"^\s*(?:by|words\s+by|written\s+by)\s+(?P<names>.+?)\s*$", re.I)
_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{1,40}\((?P<agency>[A-Z][A-Za-z.]{1,20})\)\s*[-–—]")


def is_headline(text: str) -> bool:
    """A headline: one short statement without a closing full stop or a sentence break inside."""
    words = text.split()
    if not 2 <= len(words) <= 25 or text.rstrip().endswith((".", ",", ";", ":")):
        return False
    # An ellipsis in a headline ("Checks Out Of Rehab... To Check Into…") joins, it does not end.
    return all(text[:start].rstrip().endswith(("...", "…")) for start in sentences.starts(text)[1:])


_DATE_PREFIX = re.compile(r"(?P<stamp>\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\s*[-–—|:]\s*(?=\S)")


def dated_headline(line: str) -> tuple[str, str] | None:
    """The date and the headline of a first line that opens with its date
    ("27/09/2013-Ferry service to resume in May"), if it is one."""
    match = _DATE_PREFIX.match(line.strip())
    if match is None or (date := numeric_date(match.group("stamp"))) is None:
        return None
    rest = line.strip()[match.end() :]
    return (date, rest) if is_headline(rest) else None


def is_standfirst(text: str) -> bool:
    """A standfirst under a headline: a longer line that, like a headline, has no final full stop."""
    return len(text.split()) >= 6 and not text.rstrip().endswith((".", ",", ";", ":")) and len(text) <= 400


def byline_names(line: str) -> str | None:
    """The author names of a byline line ("By Jane Doe and Ali Khan", or just "Jane Doe")."""
    match = _BY.match(line)
    candidate = match.group("names") if match else line.strip()
    parts = [part.strip() for part in re.split(r",|\band\b|&", candidate) if part.strip()]
    if not parts or len(parts) > 4:
        return None
    for part in parts:
        words = part.split()
        if not (2 <= len(words) <= 4) and not (match and len(words) == 1):
            return None
        if any(word.lower() in _NOT_NAME_WORDS or not _NAME_WORD.match(word) for word in words):
            return None
    return candidate.strip()


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says: who wrote the article, and maybe for whom and when."""

    names: str
    outlet: str | None = None
    date: str | None = None


_BYLINE_SEPARATOR = re.compile(r"\s*[·|•]\s*|\s+[—–-]\s+")
_OUTLET_WORD = re.compile(r"^(?:[A-Z][\w&.'’-]*|&|of|the|and|de|du|la|le|el)$")


def _outlet(part: str, comma: bool) -> bool:
    """A publication's name: a few capitalised words ("The Daily Post", "CNN", "Associated Press").

    After a comma ("By Jane Doe, Reuters") a two-name byline looks the same,
    so there the name must be one word or read like a medium ("… Press", "The …").
    """
    words = part.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper() or part.endswith("."):
        return False
    if not all(_OUTLET_WORD.match(word) for word in words):
        return False
    return not comma or len(words) == 1 or words[0] == "The" or _MEDIA_WORD.search(part) is not None


def _trailing_date(head: str) -> tuple[str, str | None]:
    """ "By Jane Doe, March 3, 2015" → ("By Jane Doe", "2015-03-03"): a date after the last names."""
    pieces = head.split(",")
    for count in (1, 2):
        if len(pieces) > count and (date := dateline_date(",".join(pieces[-count:]).strip())):
            return ",".join(pieces[:-count]).strip(), date
    return head, None


def byline(line: str) -> Byline | None:
    """A byline line and what it holds: "By NAME, OUTLET · DATE", "By NAME and NAME", "By NAME | OUTLET".

    The outlet and the date are optional, separated by a comma, "·", "|", "•"
    or a dash; a line with anything else beside the names is not a byline.
    """
    if len(line.split()) > 16:
        return None
    parts = [part for part in _BYLINE_SEPARATOR.split(line.strip()) if part]
    if not parts:
        return None  # only separators ("•", "·"): a rule or a list mark, no names
    head, *rest = parts
    outlet = date = None
    for part in rest:
        if date is None and (found := dateline_date(part)):
            date = found
        elif outlet is None and date is None and _outlet(part, comma=False):
            outlet = part
        else:
            return None
    if date is None:
        head, date = _trailing_date(head)
    names = None
    if outlet is None and _BY.match(head) and "," in head:
        people, _, last = head.rpartition(",")
        if _outlet(last.strip(), comma=True) and (names := byline_names(people)) is not None:
            outlet = last.strip()
    names = names or byline_names(head)
    return Byline(names, outlet, date) if names else None


def is_role_line(line: str) -> bool:
    """A job title printed under a byline ("Asia Editor", "Staff reporter")."""
    return len(line.split()) <= 6 and _ROLE_LINE.match(line.strip()) is not None


def agency_outlet(first_paragraph: str) -> str | None:
    """The agency of a wire dateline ("BEIJING (Reuters) - ...")."""
    match = _AGENCY_DATELINE.match(first_paragraph)
    return match.group("agency") if match else None


_TOLD = re.compile(r"\btold\s+(?P<outlet>(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})")

_MEDIA_WORD = re.compile(
    r"\b(?:news|times|post|journal|herald|guardian|telegraph|independent|tribune|gazette|daily|weekly|radio"
    r"|television|tv|press|agency|magazine|observer|mail|chronicle|reuters|bloomberg|bbc|cnn|npr|afp|ap)\b",
    re.I,
)


def interview_outlet(paragraphs: Iterable[str]) -> str | None:
    """The outlet interviewees keep talking to ("…, told The Daily Post"): the article's own.

    Sources quoted by another outlet are named once or so; the reporting
    outlet is the one named again and again, so at least two are needed.
    """
    counts: Counter[str] = Counter()
    for text in paragraphs:
        for match in _TOLD.finditer(text):
            name = match.group("outlet").rstrip(".,")
            if name.lower().startswith("the ") or _MEDIA_WORD.search(name):
                counts["The" + name[3:] if name.startswith("the ") else name] += 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 2 else None


def domain_outlet(urls: Iterable[str]) -> str | None:
    """The site most of an article's own links point to: copied pages link to their own site."""
    hosts: Counter[str] = Counter()
    for url in urls:
        host = urlsplit(url.strip().strip("<>") if "://" in url else "http://" + url.strip()).hostname or ""
        host = host.removeprefix("www.")
        if host:
            hosts[host] += 1
    if not hosts:
        return None
    host, count = hosts.most_common(1)[0]
    return host if count >= 2 else None


def lead_title(paragraphs: Iterable[str], limit: int = 90) -> str:
    """A display title from the lead: its first sentence, cut at a word if long."""
    for paragraph in paragraphs:
        text = paragraph.strip()
        if not text:
            continue
        sentence = sentences.split(text)[0]
        if len(sentence) <= limit:
            return sentence
        cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:")
        return cut + "…"
    return "(untitled)"
