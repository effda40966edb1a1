"""Links between paragraphs: the same quotation, the same fact, a reference to another event.

Quote and passage links only join articles of the same event, so a similar
sentence about a different occasion can never be offered as the same fact.
Inside an event, only pieces that share a word n-gram or several rare words
are scored (an inverted index), which keeps linking near-linear in corpus size.
Each unordered pair of paragraphs is linked once, from the article listed
first in the event to the later one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import chain, combinations
from collections.abc import Sequence

from rapidfuzz import fuzz

from .mentions import find_mentions
from .model import Anchor, Article, Entity, Event, Link
from .normalise import STOPWORDS, figure_token, figures
from .passages import Unit, quote_units, sentence_units, shingles
from .worddiff import word_diff

QUOTE_SCORE = 85.0
"""Whole-quotation similarity (0-100) above which two renderings are the same words."""
PARTIAL_SCORE = 95.0
"""A short quotation must appear almost verbatim inside the longer one."""
PARTIAL_MIN_WORDS = 4
PASSAGE_WORDS = 6
"""Shared meaningful words two sentences need to state the same fact without a shared figure."""
FIGURE_WORDS = 3
"""Shared meaningful words that, with the same figure, make the same fact."""
PASSAGE_OVERLAP = 0.5
MAX_POSTING = 50
"""A word in more sentences of one event than this is too common to propose pairs."""


def _pairs_by_index(units: Sequence[Unit], keys: Sequence[set[str]], need: int) -> dict[tuple[int, int], int]:
    """Pairs of units from different articles sharing at least `need` keys, with the count shared."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, unit_keys in enumerate(keys):
        for key in unit_keys:
            index[key].append(position)
    # All pairs counted in one C-level update; pairs inside one article are dropped after.
    shared = Counter(chain.from_iterable(combinations(h, 2) for h in index.values() if 1 < len(h) <= MAX_POSTING))
    source = [u.article for u in units]
    return {pair: count for pair, count in shared.items() if count >= need and source[pair[0]] != source[pair[1]]}


def quote_score(a: str, b: str) -> tuple[float, str]:
    """How alike two normalised quotations are, and whether one is part of the other."""
    whole = fuzz.ratio(a, b)
    if whole >= QUOTE_SCORE:
        return whole, "same quotation"
    shorter = min(len(a.split()), len(b.split()))
    if shorter >= PARTIAL_MIN_WORDS:
        part = fuzz.partial_ratio(a, b)
        if part >= PARTIAL_SCORE:
            return part, "part of the same quotation"
    return max(whole, 0.0), ""


def _ordered(x: Unit, y: Unit, rank: dict[int, int]) -> tuple[Unit, Unit]:
    return (x, y) if (rank[x.article], x.paragraph) <= (rank[y.article], y.paragraph) else (y, x)


def _quote_links(units: list[Unit], articles: Sequence[Article], rank: dict[int, int], event: str) -> list[Link]:
    keys = [shingles(u.norm, 3) for u in units]
    found: list[Link] = []
    for (i, j), _ in sorted(_pairs_by_index(units, keys, 1).items()):
        score, what = quote_score(units[i].norm, units[j].norm)
        if not what:
            continue
        src, dst = _ordered(units[i], units[j], rank)
        found.append(
            Link(
                kind="quote",
                score=round(score, 1),
                source=Anchor(articles[src.article].id, src.paragraph),
                target=Anchor(articles[dst.article].id, dst.paragraph),
                why=f"{what}, {score:.0f}",
                diff=word_diff(src.text, dst.text),
                event=event,
            )
        )
    return found


_FIGURE_PREFIXES = ("usd", "eur", "gbp", "cny", "inr", "rub", "aud", "cad", "hkd", "sgd", "jpy", "chf", "num", "year")


def _telling(token: str) -> bool:
    """A figure token worth matching on: not a year, not a count below ten ("num3", "num9p5")."""
    if token.startswith("year"):
        return False
    return not (token.startswith("num") and (len(token) == 4 or token[4] == "p"))


def _fact_keys(unit: Unit) -> tuple[set[str], set[str]]:
    """Meaningful words and telling figures of a sentence.

    Read from the comparable form, where `comparable` already folded each figure to one token.
    """
    tokens = set(unit.norm.split())
    numeric = {t for t in tokens if t[-1].isdigit() and t.startswith(_FIGURE_PREFIXES)}
    words = {t for t in tokens if len(t) > 2 and not t[0].isdigit()} - STOPWORDS - numeric
    return words, {t for t in numeric if _telling(t)}


def _figure_text(unit: Unit, token: str) -> str:
    """The figure as this sentence wrote it ("$1bn"), for the explanation."""
    return next((f.text for f in figures(unit.text) if figure_token(f.key) == token), token)


def _passage_links(
    units: list[Unit], articles: Sequence[Article], rank: dict[int, int], event: str, taken: set[tuple[Anchor, Anchor]]
) -> list[Link]:
    keyed = [_fact_keys(u) for u in units]
    # A link needs three shared words and a figure, or six words: four shared keys at least.
    keys = [w | figs for w, figs in keyed]
    best: dict[tuple[Anchor, Anchor], Link] = {}
    for (i, j), _ in sorted(_pairs_by_index(units, keys, FIGURE_WORDS + 1).items()):
        (wi, fi), (wj, fj) = keyed[i], keyed[j]
        words = wi & wj
        figs = fi & fj
        overlap = len(words) / max(1, min(len(wi), len(wj)))
        if overlap < PASSAGE_OVERLAP * 0.8 or (len(words) < PASSAGE_WORDS and not figs):
            continue  # cheap tests first: most candidate pairs share a few common words only
        similarity = fuzz.token_set_ratio(units[i].norm, units[j].norm)
        if figs and len(words) >= FIGURE_WORDS:
            key = sorted(figs)[0]
            why = f"same figure {_figure_text(units[i], key)} and {len(words)} shared words"
        elif len(words) >= PASSAGE_WORDS and overlap >= PASSAGE_OVERLAP and similarity >= 60:
            why = f"same fact in other words: {len(words)} shared words, {similarity:.0f}"
        else:
            continue
        src, dst = _ordered(units[i], units[j], rank)
        ends = (Anchor(articles[src.article].id, src.paragraph), Anchor(articles[dst.article].id, dst.paragraph))
        if ends in taken:
            continue
        link = Link("passage", round(float(similarity), 1), ends[0], ends[1], why=why, event=event)
        if ends not in best or best[ends].score < link.score:
            best[ends] = link
    return list(best.values())


def find_links(articles: Sequence[Article], events: Sequence[Event], entities: Sequence[Entity]) -> tuple[Link, ...]:
    """Quote and passage links inside each event, then mention links between events."""
    position = {a.id: i for i, a in enumerate(articles)}
    found: list[Link] = []
    for event in events:
        members = [position[a] for a in event.articles if a in position]
        if len(members) < 2:
            continue
        rank = {p: r for r, p in enumerate(members)}
        quotes = [u for p in members for u in quote_units(articles[p], p)]
        quote_links = _quote_links(quotes, articles, rank, event.id)
        taken = {(link.source, link.target) for link in quote_links}
        sentences = [u for p in members for u in sentence_units(articles[p], p)]
        found.extend(quote_links)
        found.extend(_passage_links(sentences, articles, rank, event.id, taken))
    found.extend(find_mentions(articles, events))
    found.sort(key=lambda l: (position.get(l.source.article, 0), l.source.paragraph, l.kind, position.get(l.target.article, 0), l.target.paragraph))
    return tuple(found)
