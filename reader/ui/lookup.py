"""Read-only lookups over a `Corpus`, built once so every key press is a dict access.

The analysis already decided everything (entities, quotes, events, links);
this module only indexes those results the ways the screens ask for them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace

from ..analysis.model import Anchor, Article, Corpus, DiffRun, Entity, Event, EventComparison, Link

_FLIP = {"insert": "delete", "delete": "insert"}


def reverse_link(link: Link) -> Link:
    """The same link seen from its target: ends swapped, inserts and deletes swapped."""
    diff = tuple(DiffRun(_FLIP.get(run.op, run.op), run.text) for run in link.diff)
    return replace(link, source=link.target, target=link.source, diff=diff)


@dataclass(frozen=True, slots=True)
class Group:
    """A block of the article list: one event's articles, or the articles of no event."""

    event: Event | None
    articles: tuple[Article, ...]


class CorpusIndex:
    """Lookups the reader needs: articles in list order, links by paragraph, entities by id."""

    def __init__(self, corpus: Corpus, *, newest_first: bool = True) -> None:
        self.corpus = corpus
        self.newest_first = newest_first
        """Events in the list newest first (the default) or oldest first; undated ones last either way."""
        self.comparisons: dict[str, EventComparison] = {c.event: c for c in corpus.comparisons}
        self.articles: dict[str, Article] = {a.id: a for a in corpus.articles}
        self.entities: dict[str, Entity] = {e.id: e for e in corpus.entities}
        self.events: dict[str, Event] = {e.id: e for e in corpus.events}
        self.event_of: dict[str, Event] = {}
        for event in corpus.events:
            for article_id in event.articles:
                self.event_of.setdefault(article_id, event)
        self.groups: tuple[Group, ...] = self._group()
        self.order: tuple[str, ...] = tuple(a.id for g in self.groups for a in g.articles)
        self._position = {article_id: n for n, article_id in enumerate(self.order)}
        # Links are stored once by the analysis; the reader shows them from both ends.
        # Only the ends are filed here: a link is turned round when its paragraph is shown,
        # because doing it for every link up front costs a second on a large archive.
        # Keyed by (article, paragraph) tuples: hashing an `Anchor` runs Python code, a tuple's does not.
        self._ends: dict[tuple[str, int], list[tuple[Link, bool]]] = defaultdict(list)
        """Paragraph -> (link, seen from its target?), in the analysis's order."""
        self.mentions_in: dict[str, list[Link]] = defaultdict(list)
        for link in corpus.links:
            source, target = link.source, link.target
            self._ends[source.article, source.paragraph].append((link, False))
            if link.kind == "mention":
                self.mentions_in[source.article].append(link)
            else:
                self._ends[target.article, target.paragraph].append((link, True))
        self._links: dict[Anchor, tuple[Link, ...]] = {}
        self._appearances: dict[str, dict[str, int]] = {}
        self._joined: tuple[str, list[int], list[tuple[int, int]]] | None = None

    def links_at(self, here: Anchor) -> tuple[Link, ...]:
        """Every link with an end in this paragraph, seen from it: strongest first, mentions last."""
        found = self._links.get(here)
        if found is None:
            ends = self._ends.get((here.article, here.paragraph), ())
            both = [reverse_link(link) if turned else link for link, turned in ends]
            both.sort(key=lambda link: (link.kind == "mention", -link.score))
            found = self._links[here] = tuple(both)
        return found

    def appearances(self, entity_id: str) -> dict[str, int]:
        """Where an entity is mentioned: article id -> first paragraph, in list order (worked out on first ask)."""
        found = self._appearances.get(entity_id)
        if found is None:
            entity = self.entities.get(entity_id)
            # The entity table names its articles; a corpus built without it is searched whole.
            candidates = entity.articles if entity is not None and entity.articles else self.order
            position = self._position
            found = {}
            for article_id in sorted((a for a in set(candidates) if a in position), key=position.__getitem__):
                first = next((m.paragraph for m in self.articles[article_id].entities if m.entity == entity_id), None)
                if first is not None:
                    found[article_id] = first
            self._appearances[entity_id] = found
        return found

    def _group(self) -> tuple[Group, ...]:
        """Articles of one event together (events by date, newest first unless asked otherwise), then the rest."""
        by_date = sorted(self.corpus.events, key=lambda e: (e.date or "9999", e.label.casefold()))
        if self.newest_first:
            dated = [e for e in by_date if e.date]
            by_date = sorted(dated, key=lambda e: e.date or "", reverse=True) + [e for e in by_date if not e.date]
        groups: list[Group] = []
        placed: set[str] = set()
        for event in by_date:
            members = [self.articles[i] for i in event.articles if i in self.articles and i not in placed]
            members.sort(key=lambda a: (a.date or "9999", a.title.casefold()))
            placed.update(a.id for a in members)
            if members:
                groups.append(Group(event, tuple(members)))
        rest = [a for a in self.corpus.articles if a.id not in placed]
        if rest:
            groups.append(Group(None, tuple(rest)))
        return tuple(groups)

    def neighbour(self, article_id: str | None, step: int) -> str | None:
        """The article `step` places away in list order (clamped), or the first one."""
        if not self.order:
            return None
        if article_id not in self._position:
            return self.order[0]
        position = self._position[article_id] + step
        return self.order[max(0, min(len(self.order) - 1, position))]

    def neighbour_event(self, article_id: str | None, step: int) -> str | None:
        """The first article of the event `step` groups away from this article's, in list order (clamped)."""
        if not self.groups:
            return None
        here = next((n for n, g in enumerate(self.groups) if any(a.id == article_id for a in g.articles)), None)
        if here is None:
            return self.groups[0].articles[0].id
        return self.groups[max(0, min(len(self.groups) - 1, here + step))].articles[0].id

    def position(self, article_id: str) -> int:
        """Place of an article in list order (-1 if it is not in the corpus)."""
        return self._position.get(article_id, -1)

    def entity_name(self, entity_id: str | None) -> str:
        """A display name for an entity id (the id itself if the table lacks it)."""
        if entity_id is None:
            return ""
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def prepare_search(self) -> CorpusIndex:
        """Build what `search` reads, ahead of the first search (on a worker thread); returns self."""
        self._text()
        return self

    def search(self, query: str, within: str | None = None) -> list[Anchor]:
        """Every paragraph containing `query` (case-insensitive), in list order; only article `within` if given."""
        if not query:
            return []
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        if within is not None:
            paragraphs = self.articles[within].paragraphs if within in self.articles else ()
            return [Anchor(within, number) for number, text in enumerate(paragraphs) if pattern.search(text)]
        text, starts, owners = self._text()
        order = self.order
        hits: list[Anchor] = []
        last = -1
        for match in pattern.finditer(text):
            where = bisect_right(starts, match.start()) - 1
            if where != last:  # one hit per paragraph, however often the term occurs in it
                article, paragraph = owners[where]
                hits.append(Anchor(order[article], paragraph))
                last = where
        return hits

    def _text(self) -> tuple[str, list[int], list[tuple[int, int]]]:
        """Every paragraph in list order as one string, where each starts, and whose it is (made on the first search).

        One regular-expression pass over the whole corpus is several times quicker
        than a test per paragraph; paragraphs are joined by a line break, which a
        search term (one line typed in the prompt) cannot span. The app calls this
        on its worker thread once a corpus is analysed, so the first search is quick too.
        """
        if self._joined is None:
            parts: list[str] = []
            starts: list[int] = []
            owners: list[tuple[int, int]] = []
            offset = 0
            for position, article_id in enumerate(self.order):
                for number, paragraph in enumerate(self.articles[article_id].paragraphs):
                    starts.append(offset)
                    owners.append((position, number))
                    parts.append(paragraph)
                    offset += len(paragraph) + 1
            self._joined = ("\n".join(parts), starts, owners)
        return self._joined
