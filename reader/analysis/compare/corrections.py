"""Applying the user's corrections of the event grouping to a corpus.

Corrections name events by their articles' content hashes, so they apply to
any analysis of the same files. Applying one re-links the events it touches
(links only ever join articles of one event) and recomputes their
comparisons; every other event is left exactly as the analysis made it.
Corrections whose articles are gone are skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from reader.analysis.compare import compare_event
from reader.analysis.events.labels import headline
from reader.analysis.links.linking import event_links
from reader.analysis.links.passages import sentence_pieces
from reader.analysis.model import Article, Corpus, Correction, Event
from reader.analysis.quotes.pieces import quote_pieces
from reader.analysis.text import dates

KINDS = ("merge", "move", "split", "rename")


def article_key(article: Article) -> str:
    """The key a correction names an article by: its content hash, or its id when it has none."""
    return article.content_hash or f"id:{article.id}"


@dataclass
class _Draft:
    id: str
    label: str
    date: str | None
    articles: list[str]
    origin: str


def _new_event(article: Article, key: str) -> _Draft:
    day = dates.event_date(article)[0]
    return _Draft(f"user-{key[-12:]}", headline(article), day.isoformat() if day else article.date, [article.id], "user")


def _apply_one(drafts: list[_Draft], correction: Correction, ids: dict[str, str], by_id: dict[str, Article]) -> None:
    article = ids.get(correction.article)
    if article is None:
        return
    home = next((d for d in drafts if article in d.articles), None)
    target_id = ids.get(correction.target) if correction.target else None
    target = next((d for d in drafts if target_id in d.articles), None) if target_id else None
    if home is None:
        return
    if correction.kind == "rename" and correction.label:
        home.label, home.origin = correction.label, "user"
    elif correction.kind == "merge" and target is not None and target is not home:
        target.articles = sorted(target.articles + home.articles)
        target.origin = "user"
        drafts.remove(home)
    elif correction.kind in ("move", "split") and target is not home:
        if correction.kind == "move" and target is None:
            return
        home.articles.remove(article)
        home.origin = "user"
        if not home.articles:
            drafts.remove(home)
        if target is not None and correction.kind == "move":
            target.articles = sorted([*target.articles, article])
            target.origin = "user"
        else:
            drafts.append(_new_event(by_id[article], correction.article))


def apply_corrections(corpus: Corpus, corrections: Sequence[Correction]) -> Corpus:
    """`corpus` with `corrections` applied in order: events regrouped, re-linked and compared again."""
    if not corrections:
        return corpus
    by_id = {a.id: a for a in corpus.articles}
    ids = {article_key(a): a.id for a in corpus.articles}
    drafts = [_Draft(e.id, e.label, e.date, list(e.articles), e.origin) for e in corpus.events]
    before = {e.id: e for e in corpus.events}
    for correction in corrections:
        _apply_one(drafts, correction, ids, by_id)
    events = tuple(Event(d.id, d.label, d.date, tuple(d.articles), d.origin) for d in drafts)
    changed = [e for e in events if before.get(e.id) != e]
    gone = {e.id for e in corpus.events} - {e.id for e in events}
    stale = gone | {e.id for e in changed}
    moved = {a for e in changed for a in e.articles}
    links = [
        link for link in corpus.links
        if link.kind == "mention" or not (link.event in stale or link.source.article in moved or link.target.article in moved)
    ]
    comparisons = {c.event: c for c in corpus.comparisons if c.event not in stale}
    table = {e.id: e for e in corpus.entities}
    for event in changed:
        members = [by_id[a] for a in event.articles if a in by_id]
        if len(members) < 2:
            continue
        pieces = [(quote_pieces(a), sentence_pieces(a.paragraphs)) for a in members]
        own = event_links((event.id, tuple(a.id for a in members), tuple(pieces)))
        links.extend(own)
        comparisons[event.id] = compare_event(event, members, table, own, pieces)
    ordered = tuple(comparisons[e.id] for e in events if e.id in comparisons)
    return replace(corpus, events=events, links=tuple(links), comparisons=ordered)
