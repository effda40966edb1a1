"""Mention links: a paragraph that refers back to another event in the corpus.

"Since the two forged their “no-limits” partnership in 2022" points at the
article that reported that partnership. A paragraph qualifies when it names a
time that is not its own event's ("in 2022", "February 2022") and shares with
one other event a distinctive phrase: a quoted term, a name or a word pair
that few events use. The time must agree with that event's date when it has
one; an undated event needs a quoted term or two distinctive pairs, since
there is then nothing else to check the reference against.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reader.analysis.text.dates import TimeRef, time_refs
from reader.analysis.model import Anchor, Article, Event, Link
from reader.analysis.text.normalise import STOPWORDS, plain
from reader.analysis.quotes.pieces import scan_quotes

MAX_TERM_WORDS = 4
"""Quoted terms longer than this are quotations, not the name of a thing."""
_SPLIT = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
RARE_EVENTS = 0.02
"""A term counts as distinctive when at most this share of events (and at least two) use it."""


def _tokens(text: str) -> list[str]:
    """Lower-case words with hyphens split, so "no-limits" reads as "no limits"."""
    return _SPLIT.findall(plain(text).lower())


def _phrase(text: str) -> str:
    return " ".join(_tokens(text))


def _grams(tokens: list[str], size: int) -> set[str]:
    return set(map(" ".join, zip(*(tokens[i:] for i in range(size)))))


def _terms(text: str) -> set[str]:
    """Word pairs of a paragraph with no stopword in them ("vladimir putin", "gas pipeline"):
    names and phrases, the evidence a reference carries."""
    return {
        gram
        for gram in _grams(_tokens(text), 2)
        if not any(w in STOPWORDS or w[0].isdigit() or len(w) < 3 for w in gram.split())
    }


def _quoted_terms(article: Article) -> dict[int, list[str]]:
    """Short quoted phrases ("no limits") by paragraph, which often name a past event.

    Read once per article: without the quote stage, `scan_quotes` runs detection over it.
    """
    found: dict[int, list[str]] = defaultdict(list)
    for quote in scan_quotes(article):
        phrase = _phrase(quote.text)
        if 2 <= len(phrase.split()) <= MAX_TERM_WORDS:
            found[quote.paragraph].append(phrase)
    return found


def _compatible(ref: TimeRef, day: date) -> bool:
    return ref.year == day.year and (ref.month is None or ref.month == day.month)


@dataclass(frozen=True, slots=True)
class Clues:
    """What mention linking reads of a corpus before its events are known (`gather`).

    Finding the times, phrases and who holds them is most of the work and
    needs no events, so a large corpus gathers them on a worker process
    while this one groups the events.
    """

    refs: tuple[tuple[TimeRef, ...], ...]
    """Each article's references to a time, in the articles' order."""
    asked: dict[tuple[int, int], tuple[frozenset[str], tuple[str, ...]]]
    """For each paragraph that names a time, keyed (article, paragraph): its word pairs and quoted terms."""
    holders: dict[str, list[int]]
    """Each of those pairs and terms: the articles whose text holds it."""


def gather(articles: Sequence[Article]) -> Clues:
    """The event-free part of mention linking, for `find_mentions`."""
    refs = tuple(tuple(time_refs(article.paragraphs)) for article in articles)
    asked: dict[tuple[int, int], tuple[frozenset[str], tuple[str, ...]]] = {}
    for index, (article, found) in enumerate(zip(articles, refs, strict=True)):
        if not found:
            continue
        quoted = _quoted_terms(article)
        for p in dict.fromkeys(ref.paragraph for ref in found):
            asked[(index, p)] = (frozenset(_terms(article.paragraphs[p])), tuple(quoted.get(p, ())))
    wanted = {term for terms, quoted in asked.values() for term in (*terms, *quoted)}
    return Clues(refs, asked, _holders(articles, wanted))


def find_mentions(articles: Sequence[Article], events: Sequence[Event], clues: Clues | None = None) -> list[Link]:
    """One link per referring paragraph, to the event it refers to, when the evidence is clear.

    `clues` is `gather(articles)`, worked out here when not given.
    """
    if len(events) < 2:
        return []
    if clues is None:
        clues = gather(articles)
    event_of: dict[str, int] = {a: n for n, e in enumerate(events) for a in e.articles}
    when = [date.fromisoformat(e.date) if e.date else None for e in events]
    candidates, floor = _candidates(articles, clues, event_of, when)
    if not candidates:
        return []
    evidence = _Evidence(articles, clues, event_of, len(events))
    by_id = {a.id: a for a in articles}
    links: list[Link] = []
    for index, p, refs in candidates:
        article = articles[index]
        score, said, strong = evidence.weigh(index, p, event_of.get(article.id))
        choice = _choose(score, said, strong, refs, when, floor)
        if choice is None:
            continue
        n, ref = choice
        target = by_id[events[n].articles[0]]
        cue = ", ".join(dict.fromkeys(said[n][:3]))
        links.append(
            Link(
                kind="mention",
                score=round(min(100.0, 20.0 * score[n]), 1),
                source=Anchor(article.id, p),
                target=Anchor(target.id, _best_paragraph(target, said[n])),
                why=f"refers to an earlier event: {cue} ({ref.text})",
                event=events[n].id,
            )
        )
    return links


Candidate = tuple[int, int, list[TimeRef]]
"""(article index, paragraph, the times it names that are not its own event's)."""


def _candidates(
    articles: Sequence[Article], clues: Clues, event_of: dict[str, int], when: Sequence[date | None]
) -> tuple[list[Candidate], dict[int, int]]:
    """Paragraphs that name a time not their own event's (the only candidates), and for each
    event the latest year its reports name: an undated event happened no earlier."""
    candidates: list[Candidate] = []
    floor: dict[int, int] = {}
    for index, (article, found) in enumerate(zip(articles, clues.refs, strict=True)):
        own = when[event_of[article.id]] if article.id in event_of else None
        refs_by_paragraph: dict[int, list[TimeRef]] = defaultdict(list)
        for ref in found:
            if article.id in event_of:
                n = event_of[article.id]
                floor[n] = max(floor.get(n, ref.year), ref.year)
            if own is None or not _compatible(ref, own):
                refs_by_paragraph[ref.paragraph].append(ref)
        candidates.extend((index, p, refs) for p, refs in refs_by_paragraph.items())
    return candidates, floor


class _Evidence:
    """How strongly a paragraph's phrases point at each other event: rarer shared phrases weigh more."""

    def __init__(self, articles: Sequence[Article], clues: Clues, event_of: dict[str, int], events: int) -> None:
        self.articles, self.clues, self.event_of, self.events = articles, clues, event_of, events
        self.rare = max(2, int(RARE_EVENTS * events))
        self._users: dict[str, set[int]] = {}

    def holders(self, term: str) -> set[int]:
        """The events whose articles hold `term`."""
        users = self._users.get(term)
        if users is None:
            held = (self.event_of.get(self.articles[i].id) for i in self.clues.holders.get(term, ()))
            users = self._users[term] = {n for n in held if n is not None}
        return users

    def weigh(
        self, index: int, paragraph: int, own_event: int | None
    ) -> tuple[dict[int, float], dict[int, list[str]], dict[int, int]]:
        """Per other event: the score, the shared phrases (quoted terms first), the quoted terms shared."""
        terms, quoted = self.clues.asked[(index, paragraph)]
        score: dict[int, float] = defaultdict(float)
        evidence: dict[int, list[str]] = defaultdict(list)
        strong: dict[int, int] = defaultdict(int)
        for term in sorted(terms):  # a fixed order: the same corpus gives the same links and wording
            users = self.holders(term)
            if 1 < len(users) <= self.rare or (len(users) == 1 and own_event not in users):
                for n in users - {own_event}:
                    score[n] += math.log((self.events + 1) / len(users))
                    evidence[n].append(term)
        for phrase in quoted:
            users = self.holders(phrase)
            if 0 < len(users - {own_event}) and len(users) <= self.rare:
                for n in users - {own_event}:
                    score[n] += 2 * math.log((self.events + 1) / len(users))
                    strong[n] += 1
                    evidence[n].insert(0, f"“{phrase}”")
        return score, evidence, strong


def _choose(
    score: dict[int, float],
    evidence: dict[int, list[str]],
    strong: dict[int, int],
    refs: list[TimeRef],
    when: Sequence[date | None],
    floor: dict[int, int],
) -> tuple[int, TimeRef] | None:
    """The best-scored event whose date fits one of the paragraph's times, with that time."""
    for n in sorted(score, key=lambda n: (-score[n], n)):
        day = when[n]
        if day is not None:
            matching = [r for r in refs if _compatible(r, day)]
            if matching and (strong[n] or len(evidence[n]) >= 1):
                return n, matching[0]
        else:
            # Undated: the reference must not predate what the event's own reports mention.
            possible = [r for r in refs if r.year >= floor.get(n, r.year)]
            if possible and (strong[n] or len(evidence[n]) >= 2):
                return n, possible[0]
    return None


def _holders(articles: Sequence[Article], wanted: set[str]) -> dict[str, list[int]]:
    """For each wanted word n-gram, the articles that contain it (quoted or not)."""
    found: dict[str, list[int]] = defaultdict(list)
    # Compared as tuples of words: no string to build per n-gram of every article.
    by_words = {tuple(w.split(" ")): w for w in wanted}
    sizes = sorted({len(words) for words in by_words})
    for index, article in enumerate(articles):
        tokens = _tokens("\n".join(article.paragraphs))
        for size in sizes:
            for gram in set(zip(*(tokens[i:] for i in range(size)))) & by_words.keys():
                found[by_words[gram]].append(index)
    return dict(found)  # a plain dict: the codec carries it back from a worker


def _best_paragraph(article: Article, evidence: list[str]) -> int:
    """The paragraph of the target article that holds the most of the shared evidence."""
    keys = [_phrase(e.strip("“”")) for e in evidence]
    best, best_hits = 0, 0
    for index, text in enumerate(article.paragraphs):
        flat = _phrase(text)
        hits = sum(1 for k in keys if k and k in flat)
        if hits > best_hits:
            best, best_hits = index, hits
    return best
