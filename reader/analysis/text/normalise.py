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
        if currency:
            key = f"{currency}:{value:g}"
        elif whole and not scale and len(raw) == 4 and 1800 <= value <= 2100:
            key = f"year:{int(value)}"
        else:
            key = f"num:{value:g}"
        found.append((start, match.end(), Figure(text[start : match.end()].strip(), key)))
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
