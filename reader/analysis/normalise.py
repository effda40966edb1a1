"""Text normalisation shared by event grouping and linking.

Outlets write the same thing differently: curly or straight quote marks,
"$1 billion", "$1bn" or "US$1 billion", "fields" or "field". Comparing
normalised forms lets fuzzy scores measure wording, not typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

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

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

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
_NUMBER = re.compile(
    r"(?P<cur>(?:US|A|C|HK|S)?\$|£|€|¥|₹|₽|\b(?:USD|EUR|GBP|RMB|CHF|Rs)\.?\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|mn|mln|bn|bln|trn|tn|[mkb])\b\.?)?"
    r"(?:\s(?P<suf>dollars?|euros?|pounds|yuan|renminbi|rupees|r[ou]bles|yen|francs|USD|EUR|GBP)\b)?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")


def plain(text: str) -> str:
    """Unify quote marks, dashes and spaces so renderings compare by their words."""
    return text.translate(_QUOTE_MARKS)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number as written and its canonical key ("usd:1e+09", "num:40", "year:2022")."""

    text: str
    key: str


_DIGIT = re.compile(r"\d")


def figures(text: str) -> list[Figure]:
    """Every number in `text`, with money and scale words folded into one canonical key."""
    found: list[Figure] = []
    if not _DIGIT.search(text):
        return found
    for match in _NUMBER.finditer(plain(text)):
        raw = match.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        scale = (match.group("scale") or "").lower()
        cur = (match.group("cur") or "").strip().rstrip(".").lower()
        suf = (match.group("suf") or "").lower()
        currency = _CURRENCY_PREFIX.get(cur) or _CURRENCY_SUFFIX.get(suf)
        # A lone "m"/"b"/"k" after a bare number is too often a unit ("5 m") to count as a scale.
        if scale in ("m", "b", "k") and not currency:
            scale = ""
        value *= _SCALES.get(scale, 1.0)
        whole = "." not in raw and "," not in match.group("num")
        if currency:
            key = f"{currency}:{value:g}"
        elif whole and not scale and len(raw) == 4 and 1800 <= value <= 2100:
            key = f"year:{int(value)}"
        else:
            key = f"num:{value:g}"
        found.append(Figure(match.group(0).strip(), key))
    return found


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
    found = []
    for w in words(text):
        key = _content(w)
        if key:
            found.append(key)
    return found


@lru_cache(maxsize=200_000)
def _content(word: str) -> str:
    if word in STOPWORDS or word in _SCALES or word[0].isdigit() or len(word) < 2:
        return ""
    return stem(word[:-2] if word.endswith("'s") else word)


def comparable(text: str) -> str:
    """A form of `text` for fuzzy scoring: plain marks, figures folded to keys, stemmed words."""
    folded = _NUMBER.sub(lambda m: " " + _token(m.group(0)) + " ", plain(text))
    return " ".join(stem(w) for w in _WORD.findall(folded.lower()))


def _token(text: str) -> str:
    """A figure as one word token, so "$1bn" and "$1 billion" become the same word."""
    found = figures(text)
    if not found:
        return text
    return found[0].key.replace(":", "").replace("+", "").replace(".", "p").replace("-", "m")
