"""A readable name for an event: what a person would write, not a list of word stems.

The label is the headline of the event's most central article (the one whose
terms its other articles share most), or, when that article has no usable
headline, a short who-what-where phrase cut from its lead sentence. The
event's date is shown beside the label, so the label does not repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from reader.analysis.model import Article
from reader.analysis.text.sentences import split as sentences

HEADLINE_WORDS = (3, 25)
"""A title shorter or longer than this is a fragment or a whole paragraph, not a headline."""
PHRASE_WORDS = 14
"""The lead-sentence phrase stops at the first clause break after PHRASE_MIN words, or at this many."""
PHRASE_MIN = 6
_CLAUSE = re.compile(r"[,;:]|\s(?:said|says|according)\b|\s[-\u2013\u2014]\s")


def central(members: Sequence[Article], terms: Sequence[Mapping[str, float]]) -> int:
    """The index of the member whose terms the others share most.

    Among equals (two articles always are), one with a real headline, then the
    smallest id: the label must not depend on the order members come in.
    """
    if len(terms) != len(members):
        terms = [{}] * len(members)

    def share(i: int) -> float:
        mine = terms[i]
        return sum(sum(w * other.get(t, 0.0) for t, w in mine.items()) for j, other in enumerate(terms) if j != i)

    return min(range(len(members)), key=lambda i: (-round(share(i), 9), not _headline(members[i]), members[i].id))


def _headline(article: Article) -> bool:
    """Whether the title reads as a headline: not a fragment, not a paragraph, not the lead's first line."""
    title = " ".join(article.title.split())
    if not HEADLINE_WORDS[0] <= len(title.split()) <= HEADLINE_WORDS[1]:
        return False
    # A title the first paragraph begins with is the lead sentence's first line, taken as a title.
    # (The cleaner may have clipped it with an ellipsis.)
    lead = title.rstrip("\u2026").rstrip(". ")
    return not (article.paragraphs and " ".join(article.paragraphs[0].split()).startswith(lead))


def phrase(text: str) -> str:
    """The who-what-where head of a sentence: up to its first clause break, at most PHRASE_WORDS words."""
    words = text.split()
    for match in _CLAUSE.finditer(text):
        head = text[: match.start()].split()
        if len(head) >= PHRASE_MIN:
            words = head
            break
    cut = len(words) > PHRASE_WORDS
    return " ".join(words[:PHRASE_WORDS]).rstrip(".,;:") + ("\u2026" if cut else "")


def headline(article: Article) -> str:
    """The article's title when it reads as a headline, else a phrase from its lead sentence."""
    title = " ".join(article.title.split())
    if _headline(article):
        return title
    for paragraph in article.paragraphs:
        lead = sentences(paragraph)
        if lead:
            return phrase(lead[0])
    return title or article.source


def label(members: Sequence[Article], terms: Sequence[Mapping[str, float]]) -> str:
    """The label of an event of `members` (their term vectors in `terms`, same order)."""
    if not members:
        return ""
    return headline(members[central(members, terms)])
