"""Read-only lookups over a `Corpus`, built once so every key press is a dict access.

The analysis already decided everything (entities, quotes, events, links);
this module only indexes those results the ways the screens ask for them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from ..analysis.model import Anchor, Article, Corpus, DiffRun, Entity, Event, Link

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

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
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
        self._folds: dict[str, tuple[str, tuple[str, ...]]] = {}

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
        """Articles of one event together (events by date), then the rest."""
        by_date = sorted(self.corpus.events, key=lambda e: (e.date or "9999", e.label.casefold()))
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

    def entity_name(self, entity_id: str | None) -> str:
        """A display name for an entity id (the id itself if the table lacks it)."""
        if entity_id is None:
            return ""
        entity = self.entities.get(entity_id)
        return entity.name if entity is not None else entity_id

    def search(self, query: str, within: str | None = None) -> list[Anchor]:
        """Every paragraph containing `query` (case-insensitive), in list order; only article `within` if given."""
        needle = query.casefold()
        if not needle:
            return []
        hits: list[Anchor] = []
        for article_id in (within,) if within is not None else self.order:
            whole, paragraphs = self._folded(article_id)
            if needle not in whole:
                continue  # one test per article: most articles hold no hit
            hits.extend(Anchor(article_id, number) for number, text in enumerate(paragraphs) if needle in text)
        return hits

    def _folded(self, article_id: str) -> tuple[str, tuple[str, ...]]:
        """An article's paragraphs case-folded, whole and one by one (worked out on the first search)."""
        found = self._folds.get(article_id)
        if found is None:
            paragraphs = tuple(p.casefold() for p in self.articles[article_id].paragraphs) if article_id in self.articles else ()
            found = self._folds[article_id] = ("\n".join(paragraphs), paragraphs)
        return found
