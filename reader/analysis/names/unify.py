"""Unifying the article-local names of `recognise` into corpus-wide entities.

Every decision is made from counts over the whole corpus and ties are broken
alphabetically, so the ids do not depend on the order the articles come in.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ...analysis.model import Article, Entity, EntityMention
from . import lexicon

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPELLING = (("organization", "organisation"), ("center", "centre"), ("defense", "defence"))


def slug(name: str) -> str:
    """A stable, readable id part: "Shanghai Cooperation Organisation" -> "shanghai-cooperation-organisation"."""
    low = name.lower().replace(".", "").replace("'", "").replace("’", "")
    for us, uk in _SPELLING:
        low = low.replace(us, uk)
    if low.startswith("the "):
        low = low[4:]
    return _NON_ALNUM.sub("-", low).strip("-") or "x"


def _person_core(name: str) -> tuple[str, str]:
    """First and last word of a person's name, initials ignored: "Donald J. Trump" -> (Donald, Trump)."""
    parts = [p for p in name.split() if not (len(p) <= 2 and p.endswith("."))]
    return parts[0], parts[-1]


class _Resolver:
    """Maps (type, local name) pairs to canonical (type, name) pairs over the corpus."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        keys = Counter(m.entity for m in mentions)
        self.local = Counter({tuple(key.split(":", 1)): n for key, n in keys.items()})
        # Acronyms defined in some article: "SCO" -> "Shanghai Cooperation Organisation".
        self.acronyms: dict[str, Counter[str]] = defaultdict(Counter)
        for (text, key), n in Counter((m.text, m.entity) for m in mentions if m.type != "PERSON").items():
            name = key.split(":", 1)[1]
            if text != name and text.isupper():
                self.acronyms[text][name] += n
        self.full_people: Counter[str] = Counter()
        for (kind, name), count in self.local.items():
            if kind == "PERSON" and " " in name:
                self.full_people[name] += count
        self.person_alias = self._merge_people()
        self.by_token: dict[str, Counter[str]] = defaultdict(Counter)
        for name, count in self.full_people.items():
            canon = self.person_alias[name]
            for token in {name.split()[0], name.split()[-1]}:
                self.by_token[token][canon] += count

    def _merge_people(self) -> dict[str, str]:
        """Full names with the same first and last word are one person; the longest spelling names them."""
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
                return kind, self._surname(name) or name
            return kind, name
        if name in self.acronyms:
            full, _ = max(self.acronyms[name].items(), key=lambda item: (item[1], item[0]))
            return kind, lexicon.CANONICAL.get(full, full)
        if kind != "PLACE" and " " not in name and not name.isupper():
            # A lone word typed by guesswork ("Xi" seen as ORG) that is a known person's name.
            person = self._surname(name)
            if person:
                return "PERSON", person
        return kind, lexicon.CANONICAL.get(name, name)

    def _surname(self, token: str) -> str | None:
        """The one person a bare name stands for in this corpus, if one clearly dominates."""
        counts = self.by_token.get(token)
        if not counts:
            return None
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0]
        return None


def unify(articles: Sequence[Article]) -> tuple[tuple[Article, ...], tuple[Entity, ...]]:
    """Rewrite every mention's key to a corpus entity id and build the entity table."""
    resolver = _Resolver([m for a in articles for m in a.entities])
    ids: dict[tuple[str, str], str] = {}
    names: dict[str, tuple[str, str]] = {}
    aliases: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    resolved: dict[str, tuple[str, str]] = {}
    out: list[Article] = []
    for article in articles:
        mentions = []
        for m in article.entities:
            hit = resolved.get(m.entity)
            if hit is None:
                kind, local = m.entity.split(":", 1)
                ckind, cname = resolver.canonical(kind, local)
                eid = ids.get((ckind, cname))
                if eid is None:
                    eid = ids[(ckind, cname)] = f"{ckind.lower()}:{slug(cname)}"
                # Two spellings can share a slug ("U.N." and "UN"): keep the longer as the name.
                if eid not in names or len(cname) > len(names[eid][1]):
                    names[eid] = (ckind, cname)
                hit = resolved[m.entity] = (eid, ckind)
            eid, ckind = hit
            aliases[eid].add(m.text)
            where[eid].add(article.id)
            mentions.append(EntityMention(m.paragraph, m.start, m.end, m.text, ckind, eid, m.title))
        out.append(replace(article, entities=tuple(mentions)))
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
