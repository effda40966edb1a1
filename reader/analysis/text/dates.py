"""Dates in article text: datelines, explicit dates, years and "on Friday".

Telling one meeting from another often comes down to when it happened, and
articles say so in many ways: a dateline, "on Friday" relative to it, "in
February 2022". Only the cleaned paragraphs and the article's own stated date
are read here, never removed lines or URLs, which carry dates of other pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from reader.analysis.model import Article
from reader.analysis.text.calendar import MONTHS, WEEKDAYS
from reader.analysis.text.normalise import plain

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:18|19|20)\d\d)"
_FULL_DATES = (
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of|,)?\s+{_YEAR}\b", re.I)
_YEAR_REF = re.compile(rf"\b(?P<cue>in|since|of|during|from|early|late|mid|and)[\s-]+{_YEAR}\b(?!\s*[-–]\s*\d)", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<last>last|this|on|early|late)\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE_DAY = re.compile(r"\b(?P<word>yesterday|today|tonight|this morning|this afternoon)\b", re.I)
_ANY_YEAR = re.compile(r"(?:18|19|20)\d\d")
LEAD_PARAGRAPHS = 3
"""Event-date evidence is taken from the lead, where news says when the news happened."""
RECENT_DAYS = 60
"""How long before an article's own date its lead may still date the occurrence it reports: an
older date there is background (the affair an obituary recalls, the crime a verdict ends)."""
BACK_REFERENCE_PARAGRAPHS = 6
"""Paragraphs searched for the month of an earlier occurrence a report refers back to: a little
more than the lead, since wire copy puts a headline and a dateline line before it."""


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A point in time a paragraph names; month/day are None when not given."""

    paragraph: int
    start: int
    end: int
    text: str
    year: int
    month: int | None = None
    day: int | None = None


def _month_number(text: str) -> int | None:
    return int(text) if text.isdigit() else MONTHS.get(text.lower().rstrip("."))


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def time_refs(paragraphs: tuple[str, ...] | list[str]) -> list[TimeRef]:
    """Every full date, month-and-year and year reference ("in 2023") in the paragraphs."""
    refs: list[TimeRef] = []
    for index, raw in enumerate(paragraphs):
        if not _ANY_YEAR.search(raw):
            continue  # every form below names a year; most paragraphs have none
        text = plain(raw)
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int, taken: list[tuple[int, int]] = taken) -> bool:
            return all(end <= s or start >= e for s, e in taken)

        for pattern in _FULL_DATES:
            for m in pattern.finditer(text):
                month = _month_number(m.group("month"))
                day = int(m.group("day"))
                if month and free(m.start(), m.end()) and _valid(int(m.group("year")), month, day):
                    taken.append((m.start(), m.end()))
                    refs.append(TimeRef(index, m.start(), m.end(), m.group(0), int(m.group("year")), month, day))
        for m in _MONTH_YEAR.finditer(text):
            # "may 2020" is a month only when written as a name: "May", not the verb "may".
            if m.group("month") == "may" or not free(m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            refs.append(TimeRef(index, m.start(), m.end(), m.group(0), int(m.group("year")), _month_number(m.group("month"))))
        for m in _YEAR_REF.finditer(text):
            start = m.start("year")
            if free(start, m.end()):
                taken.append((start, m.end()))
                refs.append(TimeRef(index, start, m.end(), m.group("year"), int(m.group("year"))))
    refs.sort(key=lambda r: (r.paragraph, r.start))
    return refs


def dateline(paragraphs: tuple[str, ...] | list[str]) -> date | None:
    """A date stamp among the first paragraphs: a short line that is mostly a date."""
    for text in paragraphs[:LEAD_PARAGRAPHS + 1]:
        if len(text.split()) > 12:
            continue
        for pattern in _FULL_DATES:
            m = pattern.search(plain(text))
            if m and (month := _month_number(m.group("month"))):
                found = _valid(int(m.group("year")), month, int(m.group("day")))
                if found:
                    return found
    return None


def stated_date(article: Article) -> date | None:
    """The article's own date: the cleaner's `Article.date`, else a dateline left in the text."""
    if article.date:
        try:
            return date.fromisoformat(article.date[:10])
        except ValueError:
            pass
    return dateline(article.paragraphs)


def _resolve_weekday(base: date, weekday: str, cue: str) -> date:
    """The last `weekday` on or before `base` (a week earlier for "last Friday")."""
    back = (base.weekday() - WEEKDAYS.index(weekday.lower())) % 7
    if cue == "last" and back == 0:
        back = 7
    return base - timedelta(days=back)


def event_date(article: Article) -> tuple[date | None, str | None]:
    """When the reported occurrence happened, and the words that said so.

    A full date in the lead wins; else "on Friday"/"yesterday" resolved against
    the stated date; else the stated date itself (news reports what just happened).
    """
    base = stated_date(article)
    lead = article.paragraphs[:LEAD_PARAGRAPHS]
    for ref in time_refs(lead):
        if ref.day is not None and len(lead[ref.paragraph].split()) > 12:
            found = date(ref.year, ref.month or 1, ref.day)
            if base is None or (base - found).days <= RECENT_DAYS:
                return found, ref.text
    if base is None:
        return None, None
    for text in lead:
        if len(text.split()) <= 12:
            continue  # a dateline's own weekday says nothing about the event
        m = _WEEKDAY.search(text)
        if m and m.group("weekday")[0].isupper():
            return _resolve_weekday(base, m.group("weekday"), (m.group("last") or "").lower()), m.group(0)
        r = _RELATIVE_DAY.search(text)
        if r:
            return (base - timedelta(days=1) if r.group("word").lower() == "yesterday" else base), r.group(0)
    return base, None


def referred_months(article: Article, when: date | None) -> frozenset[tuple[int, int]]:
    """(year, month) of earlier occurrences the lead refers back to: "convicted … of a murder in
    June, 2005" in a report of 2007. A follow-up report belongs with the occurrence it names, not
    with whatever else happened on its own date."""
    if when is None:
        return frozenset()
    return frozenset(
        (ref.year, ref.month)
        for ref in time_refs(article.paragraphs[:BACK_REFERENCE_PARAGRAPHS])
        if ref.month is not None and (when - date(ref.year, ref.month, 1)).days > RECENT_DAYS
    )


# Calendar days named in a sentence, in any notation, for telling whether two outlets date
# one occurrence alike: "3 March 2015" = "March 3, 2015" = "2015-03-03" = "03/03/2015".
_WEEKDAY_BEFORE = r"(?:(?:" + "|".join(WEEKDAYS) + r"),?\s+)?"
_NUMERIC = re.compile(r"\b(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
_NO_YEAR = (
    re.compile(rf"\b{_WEEKDAY_BEFORE}{_MONTH}\s+{_DAY}\b(?![,/]?\s*\d)", re.I),
    re.compile(rf"\b{_WEEKDAY_BEFORE}{_DAY}(?:\s+of)?\s+{_MONTH}\b(?!,?\s*\d)", re.I),
)


_MONTH_START = "(?:" + "|".join(sorted({name[:3] for name in MONTHS})) + ")"
_DAY_HINT = re.compile(
    rf"{_MONTH_START}[a-z]*\.?\s+\d|\d(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_START}|\d/\d|\d-\d\d-\d"
)
"""One search of the lower-cased text that every form `days_named` reads matches (a month beside a
number, a numeric date): most sentences with figures name no day, and this is a quarter of the cost
of trying each form on them."""


def may_name_a_day(text: str) -> bool:
    """False when `text` surely names no calendar day (`days_named` would find none); cheap."""
    return _DAY_HINT.search(text.lower()) is not None


@dataclass(frozen=True, slots=True)
class DayRef:
    """A calendar day a sentence names, where it stands and as written."""

    start: int
    end: int
    text: str
    day: date
    year_given: bool = True
    """False for a day and month whose year was taken from the article's date (a guess)."""


def _numeric_day(first: int, second: int, year: int) -> date | None:
    """`first/second/year` when only one reading is a date, or both read alike ("03/03/2015")."""
    readings = {d for d in (_valid(year, first, second), _valid(year, second, first)) if d is not None}
    return readings.pop() if len(readings) == 1 else None


def numeric_date(text: str) -> str | None:
    """An ISO date for "27/09/2013" or "2013-09-27" when only one reading is a date (else None)."""
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)", text.strip()):
        day = _numeric_day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return day.isoformat() if day is not None else None
    return parse_date(text) if re.fullmatch(r"(?:19|20)\d\d-\d\d-\d\d", text.strip()) else None


def _in_year_of(base: date, month: int, day: int) -> date | None:
    """A day without a year, in the year of `base`; a day well after `base` is taken from the year before."""
    found = _valid(base.year, month, day)
    if found is not None and found > base + timedelta(days=31):
        found = _valid(base.year - 1, month, day)
    return found


def days_named(text: str, base: date | None = None) -> list[DayRef]:
    """Every calendar day `text` names, in order: full dates in any notation, unambiguous numeric
    dates, and, when the article's own date `base` is known, a day and month without a year.

    A month of "may" in lower case is the verb, and ambiguous numeric dates ("03/04/2015":
    March or April?) are left out rather than guessed.
    """
    if not may_name_a_day(text):
        return []  # the common case: figures, but no month name and no numeric date
    text = plain(text)
    found: list[DayRef] = []

    def add(start: int, end: int, day: date | None, year_given: bool = True) -> None:
        if day is not None and all(end <= r.start or start >= r.end for r in found):
            found.append(DayRef(start, end, text[start:end], day, year_given))

    for pattern in (*_FULL_DATES, _NUMERIC):
        for m in pattern.finditer(text):
            year = int(m.group("year"))
            if pattern is _NUMERIC:
                add(m.start(), m.end(), _numeric_day(int(m.group("first")), int(m.group("second")), year))
            elif (month := _month_number(m.group("month"))) and m.group("month") != "may":
                add(m.start(), m.end(), _valid(year, month, int(m.group("day"))))
    if base is not None:
        for pattern in _NO_YEAR:
            for m in pattern.finditer(text):
                if m.group("month") != "may" and (month := _month_number(m.group("month"))):
                    add(m.start(), m.end(), _in_year_of(base, month, int(m.group("day"))), year_given=False)
    found.sort(key=lambda r: r.start)
    return found


# Date stamps of web pages ("Friday 08 June 2018 16:29 BST"): the cleaner lifts them off the top.
_STAMP_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_STAMPS = (
    re.compile(_STAMP_WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(_STAMP_WEEKDAY + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    # "03/3/2015", as US sites stamp their posts: month first.
    re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d\d)\b"),
)
_TIME = re.compile(r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?\b", re.I)
"""The time on a date stamp ("16:29 BST"): always with minutes, perhaps a zone."""
CLOCK_TIMES = re.compile(
    r"\b\d{1,2}(?:[:.]\s?\d{2})?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}:\d{2}\b|\b\d{4}\s+(?:hours|GMT|UTC)\b",
    re.IGNORECASE,
)
"""Times of day in running text ("9:40 p.m.", "6 pm", "09:10", "0440 GMT"), where an hour may
stand alone; kept apart from `_TIME`, which only has to strip a stamp's time off its line."""
_DATE_WORDS = re.compile(r"\b(?:published|updated|posted|last|modified|on|at|am|pm|gmt|utc|bst|edt|est|cet)\b", re.I)


def parse_date(text: str) -> str | None:
    """The first full calendar date in `text` as YYYY-MM-DD, if any."""
    for pattern in _STAMPS:
        for match in pattern.finditer(text):
            month = match.group("month")
            number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            day, year = int(match.group("day")), int(match.group("year"))
            if 1 <= number <= 12 and 1 <= day <= 31:
                return f"{year:04d}-{number:02d}-{day:02d}"
    return None


def dateline_date(line: str) -> str | None:
    """The date of a line that is only a date stamp ("Friday 08 June 2018 16:29 BST")."""
    if len(line) > 160 or len(line.split()) > 12:
        return None
    date = parse_date(line)
    if date is None:
        return None
    rest = line
    for pattern in _STAMPS:
        rest = pattern.sub(" ", rest)
    rest = _DATE_WORDS.sub(" ", _TIME.sub(" ", rest))
    return date if len(re.findall(r"[A-Za-z]{2,}", rest)) <= 2 else None
