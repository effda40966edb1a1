"""Text normalisation shared by event grouping and linking.

Outlets write the same thing differently: curly or straight quote marks,
"$1 billion", "$1bn" or "US$1 billion", "fields" or "field". Comparing
normalised forms lets fuzzy scores measure wording, not typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reader.analysis.text.calendar import MONTHS, WEEKDAYS

_QUOTE_MARKS = str.maketrans(
    {
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
    }
)

STOPWORDS = frozenset(
    """a about above after again against all almost also although am among an and another any are
    around as at be because been before being below between both but by can could did do does doing
    done down during each either else even ever every few for from further had has have having he her
    here hers herself him himself his how however i if in into is it its itself just least less like
    made make many may me might more most much must my myself near neither no nor not now of off often
    on once one only or other others our ours ourselves out over own per perhaps put quite rather
    said same say saying says see seen several shall she should since so some still such than that
    the their theirs them themselves then there these they this those though through thus to told
    too toward towards under until up upon us very via was we well were what when where whether which
    while who whom whose why will with within without would yet you your yours yourself mr mrs ms dr
    according told tells telling added adding asked including include includes new time two three
    first last year years week weeks day days month months today yesterday tomorrow""".split()
)

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
_CURRENCY_PREFIX = {
    "$": "usd", "us$": "usd", "usd": "usd", "a$": "aud", "c$": "cad", "hk$": "hkd", "s$": "sgd",
    "£": "gbp", "gbp": "gbp", "€": "eur", "eur": "eur", "¥": "cny", "rmb": "cny", "yuan": "cny",
    "₹": "inr", "rs": "inr", "₽": "rub", "rub": "rub", "chf": "chf",
}
_CURRENCY_SUFFIX = {
    "dollars": "usd", "dollar": "usd", "usd": "usd", "euros": "eur", "euro": "eur", "eur": "eur",
    "pounds": "gbp", "gbp": "gbp", "yuan": "cny", "renminbi": "cny", "rupees": "inr", "roubles": "rub",
    "rubles": "rub", "yen": "jpy", "francs": "chf",
}
# Anchored on the digits (fast to scan for); a currency sign before them is checked separately.
_NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[mkb])\b\.?)?"
    r"(?:\s(?P<suf>dollars?|euros?|pounds|yuan|renminbi|rupees|r[ou]bles|yen|francs|USD|EUR|GBP)\b)?",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"(?:(?:US|A|C|HK|S)?\$|£|€|¥|₹|₽|\b(?:USD|EUR|GBP|RMB|CHF|Rs)\.?\s?)$", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

_ID_NOUNS = frozenset(
    """flight model version number no route article section chapter room gate platform channel episode season
    phase category grade series vol volume resolution highway interstate terminal apartment district runway
    pier suite""".split()
)
"""Nouns that name a thing by a number ("flight 370", "Resolution 1441"): that number is a name, not a figure."""
_GLUED = re.compile(r"(?<![A-Za-z])(?:[A-Za-z]+|[A-Z][A-Za-z]{0,5}-)$")
"""Letters written onto a number: "Q10", "MH370", "F-35", "COVID-19"."""
_WORD_BEFORE = re.compile(r"(?:^|(?P<stop>[.!?:;\"'(]\s*)|\s)(?P<word>[A-Za-z][A-Za-z.]*)\s+$")
_LETTERS_AFTER = re.compile(r"[A-Za-z]+")
_UNITS = frozenset(
    """am pm st nd rd th s km kg mph kmh kph cm mm ml ft lb lbs oz sq mi hrs hr mins min secs yrs yr yo gb mb kb tb
    hz ghz mhz mw kw gw kwh mwh pc pct bn mn mln bln tn trn""".split()
)
"""Letters written onto a figure that say what it measures: with them it is still a figure."""
_NOT_NAMES = frozenset({"age", "aged", "spring", "summer", "fall", "autumn", "winter"})
"""Capitalised words a figure follows in title-case lines: "Dies Aged 91", "Fall 2009"."""
_DATE_OR_TIME = re.compile(r"[/:]\d")
_CAPITALISED_BEFORE = re.compile(r"(?P<word>[A-Z][A-Za-z]*)\s+$")
_NEXT_WORD = re.compile(r"\s+(?P<word>[A-Za-z]+)")


@lru_cache(maxsize=262_144)
def plain(text: str) -> str:
    """Unify quote marks, dashes and spaces so renderings compare by their words."""
    return text.translate(_QUOTE_MARKS)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written and its canonical key ("usd:1e+09", "num:40", "year:2022")."""

    text: str
    key: str


DIGIT = re.compile(r"\d")
"""Any digit: a cheap test before looking for figures."""


def figures(text: str) -> list[Figure]:
    """Every number in `text`, with money and scale words folded into one canonical key."""
    return [figure for _, _, figure in _scan(text)]


@lru_cache(maxsize=8192)
def figure_spans(text: str) -> tuple[tuple[int, int, Figure], ...]:
    """Every figure with its span in `plain(text)`, for readers of the words around it.

    Memoised: the comparison of an event reads a sentence's figures more than once.
    """
    return tuple(_scan(text))


def _scan(text: str) -> list[tuple[int, int, Figure]]:
    """Figures with their spans in `plain(text)`."""
    found: list[tuple[int, int, Figure]] = []
    if not DIGIT.search(text):
        return found
    text = plain(text)
    for match in _NUMBER.finditer(text):
        raw = match.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        start = match.start()
        prefix = _CURRENCY.search(text, max(0, start - 5), start)
        if prefix:
            start = prefix.start()
        scale = (match.group("scale") or "").lower()
        cur = prefix.group(0).strip().rstrip(".").lower() if prefix else ""
        suf = (match.group("suf") or "").lower()
        currency = _CURRENCY_PREFIX.get(cur) or _CURRENCY_SUFFIX.get(suf)
        # A lone "m"/"b"/"k" after a bare number is too often a unit ("5 m") to count as a scale.
        if scale in ("m", "b", "k") and not currency:
            scale = ""
        value *= _SCALES.get(scale, 1.0)
        whole = "." not in raw and "," not in match.group("num")
        named = None if currency or scale else _identifier(text, start, match, whole)
        end = match.end()
        if named is not None:
            start, end = named
            key = "id:" + re.sub(r"[^a-z0-9]", "", text[start:end].lower())
        elif currency:
            key = f"{currency}:{value:g}"
        elif whole and not scale and len(raw) == 4 and 1800 <= value <= 2100:
            key = f"year:{int(value)}"
        else:
            key = f"num:{value:g}"
        found.append((start, end, Figure(text[start:end].strip(), key)))
    return found


def _identifier(text: str, start: int, match: re.Match[str], whole: bool) -> tuple[int, int] | None:
    """The span of the name a number belongs to, or None when the number is a figure.

    A figure says how much, how many or when ("40 people", "$1bn", "12%",
    "March 3"); a number that is part of a name ("Q10", "F-35", "iPhone 6",
    "Flight 370", "Euro 2016") says which, and two articles that share it share
    no fact. The one rule for both: letters written onto the number, a noun that
    names things by number before it, or a capitalised name (not a month or a
    weekday, not opening a sentence, not in a title-case line) right before it.
    """
    glued = _GLUED.search(text, max(0, start - 12), start)
    end = match.end("num")
    after = _LETTERS_AFTER.match(text, end) if not match.group("scale") else None
    if after is not None and (after.group(0).lower() in _UNITS or (after.group(0).islower() and len(after.group(0)) < 3)):
        after = None  # "10km", "5th", "1990s", "7:07AM": a figure with its unit
    if glued is not None or after is not None:
        return (glued.start() if glued is not None else start, after.end() if after is not None else end)
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not whole or _DATE_OR_TIME.match(text, end):
        return None  # "PDT 6/6/2013", "EST 10:30": a date or a time goes on after the number
    word = before.group("word")
    lower = word.lower().rstrip(".")
    if lower in STOPWORDS or lower in MONTHS or lower in WEEKDAYS or lower in _NOT_NAMES:
        return None
    if lower in _ID_NOUNS:
        return before.start("word"), end
    if word[1:].lower() != word[1:] and not word.isupper():
        return before.start("word"), end  # "iPhone", "PlayStation": a product's name, never a word of prose
    if not word[0].isupper() or before.group("stop") is not None or before.start("word") == 0:
        return None
    previous = _CAPITALISED_BEFORE.search(text, max(0, before.start("word") - 40), before.start("word"))
    if previous is not None and previous.group("word").lower() not in STOPWORDS:
        return None  # "Quake in Iran Kills 10", "Dies Aged 91": a title-case line, where every word is capitalised
    following = _NEXT_WORD.match(text, match.end())
    after_word = following.group("word") if following is not None else ""
    if after_word[:1].isupper() or (after_word.endswith("s") and after_word.lower() not in STOPWORDS):
        # "Quake Kills 40 People": a title-case line; "Putin 3 times": a count of something.
        return None
    return before.start("word"), end


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A deliberately light stem: plurals only, so "fields" meets "field" but "news" stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-case word tokens of `text`, quote marks and dashes unified."""
    return _WORD.findall(plain(text).lower())


def content_words(text: str) -> list[str]:
    """Stemmed words that carry meaning: no stopwords, no bare numbers (figures carry those)."""
    cache = _CONTENT
    found = []
    for w in words(text):
        key = cache.get(w)
        if key is None:
            key = _content(w)
            if len(cache) < 500_000:  # bounded: a stream of odd tokens must not grow it forever
                cache[w] = key
        if key:
            found.append(key)
    return found


_CONTENT: dict[str, str] = {}
"""Each word's content form, memoised: a corpus repeats a few thousand words endlessly."""


def _content(word: str) -> str:
    if word in STOPWORDS or word in _SCALES or word[0].isdigit() or len(word) < 2:
        return ""
    return stem(word[:-2] if word.endswith("'s") else word)


def comparable(text: str) -> str:
    """A form of `text` for fuzzy scoring: plain marks, figures folded to keys, stemmed words."""
    flat = plain(text)
    spans = _scan(flat) if DIGIT.search(flat) else None
    if spans:
        pieces, last = [], 0
        for start, end, figure in spans:
            pieces += [flat[last:start], " ", figure_token(figure.key), " "]
            last = end
        pieces.append(flat[last:])
        flat = "".join(pieces)
    return " ".join(map(stem, _WORD.findall(flat.lower())))


def figure_token(key: str) -> str:
    """A figure key as one word token, so "$1bn" and "$1 billion" become the same word."""
    return key.replace(":", "").replace("+", "").replace(".", "p").replace("-", "m")


SHINGLE = 4
"""Word n-gram length used to find quotations two articles share."""


def shingles(norm: str, size: int = SHINGLE) -> set[str]:
    """Overlapping word n-grams: two renderings of one quotation share most of them."""
    tokens = norm.split()
    if len(tokens) < size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}
