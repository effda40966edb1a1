"""Who holds which office in an article: a differing person in the same role tells two incidents apart.

Two reports of the same kind of occurrence read alike ("the interior secretary
announced a change to the species rules"); what differs is who held the
office. When one group of articles names "Interior Secretary A" and the
other "Interior Secretary B", and neither ever names the other's office
holder, they report different occurrences (a rule and its reversal, two
clubs' general managers making offers). Only qualified titles of two or more
words count: a bare "Governor" or "Senator" is held by many people at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from reader.analysis.model import Article

_HONORIFICS = frozenset(
    "mr mrs ms miss mx dr prof sir dame lord lady rev revd fr sr jr sen rep gov pres hon rt st".split()
)


def office_holders(article: Article) -> frozenset[tuple[str, str]]:
    """(title, person entity) for each person named after a qualified title ("Foreign Minister A")."""
    found = set()
    for mention in article.entities:
        if mention.type.upper() != "PERSON" or not mention.title:
            continue
        words = mention.title.lower().replace(".", "").split()
        if len(words) >= 2 and not _HONORIFICS.intersection(words):
            found.add((" ".join(words), "n:" + mention.entity))
    return frozenset(found)


def different_holders(
    a: Mapping[str, Set[str]], b: Mapping[str, Set[str]], named_a: Set[str], named_b: Set[str]
) -> bool:
    """Whether some office has a holder in each group, and neither group ever names the other's holder.

    `a` and `b` map a title to the people holding it in each group; `named_a`
    and `named_b` are every name each group mentions.
    """
    for title, holders in a.items():
        others = b.get(title)
        if others and holders.isdisjoint(named_b) and others.isdisjoint(named_a):
            return True
    return False
