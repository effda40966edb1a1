"""Unifying the article-level ids of `recognise` into corpus-wide entities.

Every decision is made from counts over the whole corpus and ties are broken
alphabetically, so the ids do not depend on the order the articles come in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from itertools import chain
from operator import attrgetter

from ..model import UNTYPED, Article, Entity, EntityMention
from . import lexicon
from .gazetteer import regions
from .ids import canonical_name, entity_id

__all__ = ["unify"]

# Words that open or close a "person" run without being anyone's name ("Senate Majority ...").
_NOT_NAME_TOKENS = lexicon.HONORIFICS | lexicon.ROLE_WORDS | lexicon.ORG_HEADS | lexicon.SINGLE_WORD_ORGS
# What a decision reads of a mention. A corpus names each thing many times: counting the distinct
# ones first (in C, with `Counter` over `attrgetter`) leaves a third of the mentions to loop over.
_MENTION = attrgetter("entity", "text", "type", "title")
_ALIAS = attrgetter("entity", "text")
Mentions = Counter[tuple[str, str, str, str | None]]


class _Tally(Counter[str]):
    """A `Counter` made in C: a corpus makes thousands of these small ones, one per name, and
    `Counter.__init__` (Python) cost more than the counting."""

    __init__ = dict.__init__


def _person_core(name: str) -> tuple[str, str]:
    """First and last word of a person's name, initials ignored: "Donald J. Trump" -> (Donald, Trump)."""
    parts = [p for p in name.split() if not (len(p) <= 2 and p.endswith("."))] or name.split()
    return parts[0], parts[-1]


class _Resolver:
    """Maps (type, article-level name) to the (type, name) the corpus settles on."""

    def __init__(self, mentions: Mentions, local_name: dict[str, str]) -> None:
        """`mentions` counts the corpus's mentions by (id, text, type, title)."""
        # Acronyms defined in some article: "SCO" -> "Shanghai Cooperation Organisation".
        self.acronyms: dict[str, Counter[str]] = defaultdict(_Tally)
        self.full_people: Counter[str] = Counter()
        # How the corpus types each lone word: "Hamas said" once, but "the group Hamas" five times.
        self.votes: dict[str, Counter[str]] = defaultdict(_Tally)
        for (lid, text, kind, title), n in mentions.items():
            name = local_name[lid]
            if kind != "PERSON":
                if text != name and text.isupper():
                    self.acronyms[text][name] += n
            elif " " in name:
                self.full_people[name] += n
            if kind in ("PERSON", "ORG") and title is None and " " not in text and text == name:
                self.votes[text][kind] += n
        self.person_alias = self._merge_people()
        # Bare names to the full names they may stand for: "Putin" -> "Vladimir Putin", "Xi" -> "Xi Jinping".
        self.by_token: dict[str, Counter[str]] = defaultdict(_Tally)
        self.surnames: dict[str, Counter[str]] = defaultdict(_Tally)
        for name, count in self.full_people.items():
            canon = self.person_alias[name]
            first, last = name.split()[0], name.split()[-1]
            for token in {first, last} - _NOT_NAME_TOKENS:
                self.by_token[token][canon] += count
            self.surnames[last][canon] += count

    def _merge_people(self) -> dict[str, str]:
        """Full names with the same first and last word are one person; the commonest spelling names them."""
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for name in self.full_people:
            groups[_person_core(name)].append(name)
        alias = {}
        for names in groups.values():
            best = max(names, key=lambda n: (self.full_people[n], len(n), n))
            for n in names:
                alias[n] = best
        return alias

    def canonical(self, kind: str, name: str) -> tuple[str, str]:
        if kind == "PERSON":
            if name in self.person_alias:
                return kind, self.person_alias[name]
            if " " not in name:
                person = self._surname(name)
                if person:
                    return kind, person
                return self._majority(kind, name), name
            return kind, name
        if name in self.acronyms:
            full, _ = max(self.acronyms[name].items(), key=lambda item: (item[1], item[0]))
            return kind, canonical_name(full)
        if kind == UNTYPED:
            # A lone word its article could not type: some person's surname, or what other articles call it.
            person = self._surname(name)
            if person:
                return "PERSON", person
            return self._majority(kind, name), name
        if kind == "ORG" and " " not in name and not name.isupper() and name not in lexicon.SINGLE_WORD_ORGS:
            # A lone word typed by guesswork ("Xi" seen as ORG) that is a known person's name.
            person = self._surname(name)
            if person:
                return "PERSON", person
            return self._majority(kind, name), name
        if kind == "PLACE" and " " not in name and name not in regions():
            # A town's name that is, in this corpus, mostly some person's surname ("Bush").
            person = self._surname(name, self.surnames)
            if person and sum(self.surnames[name].values()) >= 3:
                return "PERSON", person
        return kind, canonical_name(name)

    def _majority(self, kind: str, name: str) -> str:
        """The type most mentions of a lone word were given across the corpus (ties keep `kind`)."""
        votes = self.votes.get(name)
        if not votes:
            return kind
        best = max(votes.values())
        return kind if votes[kind] == best else min(k for k, v in votes.items() if v == best)

    def _surname(self, token: str, index: dict[str, Counter[str]] | None = None) -> str | None:
        """The one person a bare name stands for in this corpus, if one clearly dominates."""
        counts = (self.by_token if index is None else index).get(token)
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
        return None


def unify(articles: Sequence[Article]) -> tuple[tuple[Article, ...], tuple[Entity, ...]]:
    """Rewrite every mention's id to its corpus entity and build the entity table.

    Mentions whose id the corpus does not change are passed through as they are.
    """
    mentions: Mentions = Counter(map(_MENTION, chain.from_iterable(a.entities for a in articles)))
    # The name behind each article-level id: the longest text mentioning it ("Xi Jinping", not "Xi").
    local_name: dict[str, str] = {}
    for lid, text, _, _ in mentions:
        cur = local_name.get(lid)
        if cur is None or (len(text), text) > (len(cur), cur):
            local_name[lid] = text
    resolver = _Resolver(mentions, local_name)
    final: dict[str, tuple[str, str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for lid in sorted(local_name):
        kind, cname = resolver.canonical(lid.split(":", 1)[0].upper(), canonical_name(local_name[lid]))
        eid = entity_id(kind, cname)
        final[lid] = (eid, kind)
        # Two spellings can share an id ("U.N." and "UN"): the longer names the entity.
        if kind != UNTYPED and (eid not in names or (len(cname), cname) > (len(names[eid][1]), names[eid][1])):
            names[eid] = (kind, cname)
    # Article-level ids whose entity or type the corpus changes; every other mention passes through.
    moved = {
        lid for lid, (eid, kind) in final.items() if eid != lid or kind.lower() != lid.split(":", 1)[0] or kind == UNTYPED
    }
    aliases: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    out: list[Article] = []
    for article in articles:
        pairs = set(map(_ALIAS, article.entities))
        for lid, text in pairs:
            eid, kind = final[lid]
            if kind != UNTYPED:
                aliases[eid].add(text)
                where[eid].add(article.id)
        if moved.isdisjoint(lid for lid, _ in pairs):
            out.append(article)
            continue
        rewritten = tuple(
            EntityMention(m.paragraph, m.start, m.end, m.text, final[m.entity][1], final[m.entity][0], m.title)
            if m.entity in moved
            else m
            for m in article.entities
            if final[m.entity][1] != UNTYPED  # typed by nothing in the corpus either: no name to show
        )
        out.append(replace(article, entities=rewritten))
    table = tuple(
        Entity(
            id=eid,
            name=names[eid][1],
            type=names[eid][0],
            aliases=tuple(sorted(aliases[eid] - {names[eid][1]})),
            articles=tuple(sorted(where[eid])),
        )
        for eid in sorted(names)
    )
    return tuple(out), table
