"""How the words of a capitalised run group into a title and one or more names.

Pure functions over words: where a title ("Foreign Minister", "Secretary of
State") ends and the name begins, and whether an "of" or "and" sits inside a
name ("Bank of England", "Food and Agriculture Organization") or between two
("Xi of China", "China and Russia").
"""

from __future__ import annotations

import re

from . import lexicon
from .chunks import Word

ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$|^[A-Z]{2,}[a-z]?[A-Z]+$")
FUNCTION_CAPS = frozenset(w.capitalize() for w in lexicon.FUNCTION_WORDS) | {"I"}
CONNECTORS = lexicon.NAME_CONNECTORS | {"&", "the", "and"}
TITLE_WORDS = lexicon.HONORIFICS | lexicon.ROLE_WORDS
ORG_PLACE_HEADS = lexicon.ORG_HEADS | lexicon.PLACE_HEADS | lexicon.MISC_HEADS


def text_after(text: str, end: int) -> str:
    """The word right after a name, punctuation skipped."""
    after = text[end : end + 16].lstrip(" ,;:").split()
    return after[0].strip(",.;:") if after else ""


def is_acronym(word: str) -> bool:
    """ "NATO", "U.N.", "AT&T": a name spelt in capitals."""
    return bool(ACRONYM.match(word))


def initials_of(short: str, name: str) -> bool:
    """Is `short` an acronym of `name` ("SCO" of "Shanghai Cooperation Organisation", "OPEC")?

    Its capitals must be two or more and appear, in order, among the name's capitals, so
    that "Ann Berg (Norway)" does not make "Norway" stand for a person."""
    caps = [c for c in short if c.isupper()]
    if len(caps) < 2:
        return False
    it = iter(c for c in name if c.isupper())
    return all(c in it for c in caps)


def bare(word: str) -> str:
    """The word without an abbreviation's full stop ("Mr." -> "Mr"), acronyms left alone."""
    return word[:-1] if word.endswith(".") and not is_acronym(word) else word


def _org_connector_head(head: str) -> bool:
    """Can an "and" inside this "X of/for ..." name belong to it ("Ministry of Trade and Industry")?"""
    return head in lexicon.ORG_HEADS or head in lexicon.ORG_OF_HEADS


def title_split(words: list[Word]) -> tuple[int, str | None]:
    """How many leading words are title or nationality, and the title itself ("Foreign Minister").

    The title ends at the last role word that still leaves a name after it:
    "South Korean Unification Minister Chung Dong-young" -> title "Unification Minister".
    """
    n = len(words)
    end = 0
    skip = False
    for i in range(n - 1):
        if skip:
            skip = False
            continue
        w = bare(words[i].text)
        if w in ("and", "&", "for"):
            break  # a title never spans two names
        if w == "of":
            # "Secretary of State Ann Lee", "Minister of Defence Ito".
            nxt = words[i + 1].text
            if 0 < i < n - 2 and bare(words[i - 1].text) in lexicon.PERSON_ROLES and (
                nxt in lexicon.ROLE_WORDS or nxt in ("Defense", "Defence", "State")
            ):
                end, skip = i + 2, True
                continue
            break
        if w in lexicon.PERSON_ROLES and words[i + 1].text not in ("of", "for", "&"):
            end = i + 1
        elif end and w not in TITLE_WORDS:
            break  # the name has begun
    if end == 0:
        return 0, None
    rest = words[end:]
    cut = next((i for i, x in enumerate(rest) if x.text in ("of", "for", "and", "&")), len(rest))
    if cut == 0 or bare(rest[cut - 1].text) in ORG_PLACE_HEADS:
        return 0, None  # "General Motors", "Foreign Ministry": an organisation, not a titled person
    first = end - 1
    while first > 0 and (
        bare(words[first - 1].text) in TITLE_WORDS
        or (words[first - 1].text == "of" and first > 1)
    ):
        first -= 1
    while first < end and (
        bare(words[first].text) in lexicon.DEMONYMS or words[first].text in lexicon.PLACE_ACRONYMS
    ):
        first += 1
    title = " ".join(bare(w.text) for w in words[first:end]) or None
    return end, title


def quoted(text: str, words: list[Word]) -> bool:
    """A run that fills a quotation on its own ("“Belt and Road”") is one name."""
    start, end = words[0].start, words[-1].end
    return start > 0 and end < len(text) and text[start - 1] in "\"“‘'" and text[end] in "\"”’'"

def _role_follows(words: list[Word], i: int) -> bool:
    """ "Secretary of State" is one title; "President of the Rice Exporters Association" is not."""
    nxt = words[i + 1].text if words[i + 1].text != "the" or i + 2 >= len(words) else words[i + 2].text
    return nxt in lexicon.ROLE_WORDS or nxt in ("Defense", "Defence", "State")


def keeps_whole(words: list[Word], i: int) -> bool:
    """Does the connector at `i` sit inside one name rather than between two?"""
    head = bare(words[i - 1].text)
    if words[i].text != "and":
        return (
            head in lexicon.ORG_HEADS
            or head in lexicon.ORG_OF_HEADS
            or head in lexicon.PLACE_HEADS
            or (head in lexicon.ROLE_WORDS and _role_follows(words, i))
            or head in lexicon.MISC_HEADS
            or (i == 1 and head in lexicon.PLACE_FIRST)
        )
    # "Institute for Defence Studies and Analyses", "Food and Agriculture Organization".
    if words[i + 1].text == "the":
        return False
    for j in range(i - 1, 0, -1):
        if words[j].text in ("of", "for", "on"):
            return _org_connector_head(words[j - 1].text)
    # "Union Solidarity and Development Party": a short left part, and the organisation's head at the end.
    return (
        i <= 3 and bare(words[-1].text) in lexicon.ORG_HEADS and bare(words[i - 1].text) not in ORG_PLACE_HEADS
    )
