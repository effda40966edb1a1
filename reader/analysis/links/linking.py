"""Links between paragraphs: the same quotation, the same fact, a reference to another event.

Quote and passage links only join articles of the same event, so a similar
sentence about a different occasion can never be offered as the same fact.
Inside an event, only pieces that share a word n-gram or several rare words
are scored (an inverted index), which keeps linking near-linear in corpus size.
Each unordered pair of paragraphs is linked once, from the article listed
first in the event to the later one. Events are linked independently of each
other (`event_links`, one `EventJob` each), and what linking reads of each
article (its sentences and quotations in comparable form, `Pieces`) does not
depend on the events, so a runner may work those out before the events are
known and link the events on several cores; `find_links` does it all in turn.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain, combinations

from rapidfuzz import fuzz

from reader.analysis.links.mentions import Clues, find_mentions
from reader.analysis.links.passages import Unit, different_names, named_slots, sentence_pieces, units
from reader.analysis.model import Anchor, Article, Event, Link
from reader.analysis.quotes.pieces import Piece, quote_pieces
from reader.analysis.text.normalise import DIGIT, STOPWORDS, Figure, figure_token, figures, shingles
from reader.analysis.text.worddiff import word_diff

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


def _ordered(x: Unit, y: Unit) -> tuple[Unit, Unit]:
    """The pair in event order (units number articles by their place in the event)."""
    return (x, y) if (x.article, x.paragraph) <= (y.article, y.paragraph) else (y, x)


def _quote_links(units: list[Unit], ids: Sequence[str], event: str) -> list[Link]:
    keys = [shingles(u.norm, 3) for u in units]
    found: list[Link] = []
    for (i, j), _ in sorted(_pairs_by_index(units, keys, 1).items()):
        score, what = quote_score(units[i].norm, units[j].norm)
        if not what:
            continue
        src, dst = _ordered(units[i], units[j])
        found.append(
            Link(
                kind="quote",
                score=round(score, 1),
                source=Anchor(ids[src.article], src.paragraph),
                target=Anchor(ids[dst.article], dst.paragraph),
                why=f"{what}, {score:.0f}",
                diff=word_diff(src.text, dst.text),
                event=event,
            )
        )
    return found


_FIGURE_PREFIXES = ("usd", "eur", "gbp", "cny", "inr", "rub", "aud", "cad", "hkd", "sgd", "jpy", "chf", "num", "year")


def _telling(token: str) -> bool:
    """A figure token worth matching on: not a year, not a count below ten ("num3", "num9p5").

    Numbers that are names ("Q10", "F-35", "Flight 370") are not figures at all:
    `normalise.figures` keys them "id:", and their tokens count as words.
    """
    if token.startswith("year"):
        return False
    return not (token.startswith("num") and (len(token) == 4 or token[4] == "p"))


def _fact_keys(unit: Unit) -> tuple[set[str], set[str]]:
    """Meaningful words and telling figures of a sentence.

    Read from the comparable form, where `comparable` already folded each figure to one token.
    """
    tokens = set(unit.norm.split()) - STOPWORDS
    if unit.norm.isascii() and not DIGIT.search(unit.norm):
        # Most sentences hold no digit (for ASCII, `\d` is exactly `isdigit`): no figure to look for per word.
        return {t for t in tokens if len(t) > 2}, set()
    numeric = {t for t in tokens if t[-1].isdigit() and t.startswith(_FIGURE_PREFIXES)}
    words = {t for t in tokens if len(t) > 2 and not t[0].isdigit()} - numeric
    return words, {t for t in numeric if _telling(t)}


def _figure_text(found: Sequence[Figure], token: str) -> str:
    """The figure as a sentence wrote it ("$1bn"), for the explanation; `found` is its `figures`."""
    return next((f.text for f in found if figure_token(f.key) == token), token)


Ends = tuple[str, int, str, int]
"""A linked pair of paragraphs, (article, paragraph) of each: cheaper to hash than two `Anchor`s."""


def _passage_links(units: list[Unit], ids: Sequence[str], event: str, taken: set[Ends]) -> list[Link]:
    keyed = [_fact_keys(u) for u in units]
    # A link needs three shared words and a figure, or six words: four shared keys at least.
    keys = [w | figs for w, figs in keyed]
    best: dict[Ends, Link] = {}
    slots: dict[int, dict[str, frozenset[str]]] = {}

    def slots_of(k: int) -> dict[str, frozenset[str]]:
        """The names after content words of unit `k`, read once however many pairs it is in."""
        found = slots.get(k)
        if found is None:
            found = slots[k] = named_slots(units[k].text)
        return found

    written: dict[int, list[Figure]] = {}
    """The figures of each sentence whose wording a link has needed: one scan per sentence."""
    for (i, j), _ in sorted(_pairs_by_index(units, keys, FIGURE_WORDS + 1).items()):
        (wi, fi), (wj, fj) = keyed[i], keyed[j]
        words = wi & wj
        figs = fi & fj
        overlap = len(words) / max(1, min(len(wi), len(wj)))
        if overlap < PASSAGE_OVERLAP * 0.8 or (len(words) < PASSAGE_WORDS and not figs):
            continue  # cheap tests first: most candidate pairs share a few common words only
        similarity = fuzz.token_set_ratio(units[i].norm, units[j].norm)
        by_figure = bool(figs) and len(words) >= FIGURE_WORDS
        if not by_figure and not (len(words) >= PASSAGE_WORDS and overlap >= PASSAGE_OVERLAP and similarity >= 60):
            continue
        if different_names(slots_of(i), slots_of(j)):
            continue  # the same kind of fact about someone else
        src, dst = _ordered(units[i], units[j])
        ends = (ids[src.article], src.paragraph, ids[dst.article], dst.paragraph)
        score = round(float(similarity), 1)
        if ends in taken or (ends in best and best[ends].score >= score):
            continue  # the paragraphs are linked already, as well or better: no need to word why
        if by_figure:
            found = written.get(i)
            if found is None:
                found = written[i] = figures(units[i].text)
            why = f"same figure {_figure_text(found, sorted(figs)[0])} and {len(words)} shared words"
        else:
            why = f"same fact in other words: {len(words)} shared words, {similarity:.0f}"
        best[ends] = Link("passage", score, Anchor(ends[0], ends[1]), Anchor(ends[2], ends[3]), why=why, event=event)
    return list(best.values())


Pieces = tuple[tuple[Piece, ...], tuple[Piece, ...]]
"""An article's quotations and sentences with their comparable forms (`quote_pieces`,
`sentence_pieces`): what linking reads of it, worked out once per article."""

EventJob = tuple[str, tuple[str, ...], tuple[Pieces, ...]]
"""One event's linking work: its id, its articles' ids and their pieces, in event order."""


def event_links(job: EventJob) -> list[Link]:
    """Quote and passage links between the articles of one event."""
    event, ids, pieces = job
    quotes = [u for p, (quoted, _) in enumerate(pieces) for u in units(quoted, p, "quote")]
    quote_links = _quote_links(quotes, ids, event)
    taken = {(link.source.article, link.source.paragraph, link.target.article, link.target.paragraph) for link in quote_links}
    sentences = [u for p, (_, said) in enumerate(pieces) for u in units(said, p, "sentence")]
    return quote_links + _passage_links(sentences, ids, event, taken)


def event_jobs(articles: Sequence[Article], events: Sequence[Event], pieces: Sequence[Pieces]) -> list[EventJob]:
    """The linking work of every event with two articles or more (`pieces` in the articles' order)."""
    position = {a.id: i for i, a in enumerate(articles)}
    jobs = []
    for event in events:
        members = [position[a] for a in event.articles if a in position]
        if len(members) >= 2:
            jobs.append((event.id, tuple(articles[i].id for i in members), tuple(pieces[i] for i in members)))
    return jobs


def slim(article: Article) -> Article:
    """What mention linking reads of an article (text and quotations): less to send to a worker."""
    return replace(article, entities=(), removed=(), headline_quotes=())


def in_order(articles: Sequence[Article], per_event: Sequence[Sequence[Link]], mentions: Sequence[Link]) -> tuple[Link, ...]:
    """Every link, ordered by its source paragraph in the corpus, then kind and target."""
    position = {a.id: i for i, a in enumerate(articles)}
    found = [*chain.from_iterable(per_event), *mentions]
    found.sort(key=lambda link: (position.get(link.source.article, 0), link.source.paragraph, link.kind, position.get(link.target.article, 0), link.target.paragraph))
    return tuple(found)


def find_links(
    articles: Sequence[Article],
    events: Sequence[Event],
    *,
    pieces: Sequence[Pieces] | None = None,
    clues: Clues | None = None,
) -> tuple[Link, ...]:
    """Quote and passage links inside each event, then mention links between events.

    `pieces` (each article's `Pieces`) and `clues` (`mentions.gather(articles)`)
    are worked out here unless the caller has them already.
    """
    if pieces is None:
        pieces = [(quote_pieces(a), sentence_pieces(a.paragraphs)) for a in articles]
    per_event = [event_links(job) for job in event_jobs(articles, events, pieces)]
    return in_order(articles, per_event, find_mentions(articles, events, clues))
