"""Typing a name: from its own words first, then from the words around it.

Head words and gazetteers settle most names ("Lindqvist Institute", "Riga");
what they leave open, the context settles: "Kordan province", "the militant
group Zelvak", "in Brisk", "Halvard said".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..quotes.lexicon import SPEECH_VERB
from . import lexicon
from .chunks import Word
from .phrases import bare, is_acronym

_PLACE_PREPS = frozenset("in at near from across outside inside throughout towards toward into via".split())
_PERSON_VERBS = frozenset(
    "said says told added explained insisted argued noted wrote asked warned stressed replied "
    "announced declared claimed urged called admitted acknowledged who whose".split()
)
# Verbs of saying that stand before their speaker in inverted order: "…, says Halvard."
_INVERTED_SAYING = frozenset("said says added adds explained explains noted notes wrote writes continued".split())
_MEDIA_NOUNS = tuple(f"{w} " for w in "agency newspaper broadcaster channel outlet daily tabloid network".split())


@dataclass(slots=True)
class Name:
    """A candidate name before article-level resolution."""

    paragraph: int
    start: int
    end: int
    text: str
    type: str | None
    title: str | None
    key: str | None = None
    """The fuller name this one stands for in the article ("Shanghai Cooperation Organisation" for "SCO")."""


def text_after(text: str, end: int) -> str:
    """The word right after a name, punctuation skipped."""
    after = text[end : end + 16].lstrip(" ,;:").split()
    return after[0].strip(",.;:") if after else ""


def type_of(
    words: list[Word], surface: str, title: str | None, places: frozenset[str], given: frozenset[str]
) -> str | None:
    """PERSON, ORG or PLACE from the name's own words; None when only context can tell."""
    # In "X of Y" names the head is the word before "of": "Great Hall of the People".
    texts = [w.text for w in words]
    cut = next((i for i, t in enumerate(texts) if t in ("of", "for", "on")), len(texts))
    last = bare(texts[cut - 1])
    first = texts[0]
    if title and title.split()[-1] in lexicon.PERSON_ROLES:
        return "PERSON"
    if surface in lexicon.INSTITUTION_PLACES:
        return "ORG"
    if surface in places or (first == "The" and surface[4:] in places):
        return "PLACE"
    if surface.isupper() and len(surface) > 2 and surface.title() in places:
        return "PLACE"
    if first == "The":
        return "ORG"
    if first in lexicon.DEMONYMS and surface[len(first) + 1 :] in places:
        return "PLACE"
    if last in lexicon.ORG_HEADS or (cut < len(texts) and last in lexicon.ORG_OF_HEADS):
        return "ORG"
    if len(words) > 1 and (last in lexicon.PLACE_HEADS or first in lexicon.PLACE_FIRST):
        return "PLACE"
    if len(words) == 1:
        if surface in lexicon.PLACE_ACRONYMS:
            return "PLACE"
        if surface in lexicon.SINGLE_WORD_ORGS:
            return "ORG"
        if is_acronym(surface):
            return "ORG"
        return None
    if first in given or (len(first) == 2 and first.endswith(".")) or last in ("Jr", "Jr.", "Sr", "Sr.", "III"):
        return "PERSON"
    if any(is_acronym(w.text) for w in words) or any(w.text[:1].isdigit() for w in words):
        return "ORG"
    return None


def media_context(paragraphs: Sequence[str], n: Name) -> bool:
    """A town's name used for an outlet: "news agency Xinhua", "the Xinhua news agency"."""
    text = paragraphs[n.paragraph]
    return text.endswith(_MEDIA_NOUNS, 0, n.start) or text.startswith((" news", " newspaper"), n.end)


# What only an organisation does or has: "Riverton said in a statement", "shares of Riverton",
# "a spokesman for Riverton", "Riverton's chief executive".
_ORG_AFTER = (
    " said in a statement", " says in a statement", " said in a press release", " announced", " shares rose",
    " shares fell", " shares were", " shares closed", " shares jumped", " shares slid", " shares gained",
    " spokesman", " spokeswoman", " spokesperson", " chief executive", " chairman", " board",
    " shareholders", "'s chief executive", "’s chief executive", "'s board", "’s board",
    "'s shareholders", "’s shareholders", "'s shares", "’s shares", "'s spokesman", "’s spokesman",
)
_ORG_BEFORE = tuple(
    f"{w} " for phrase in ("shares of", "spokesman for", "spokeswoman for", "spokesperson for", "stake in")
    for w in (phrase, phrase.capitalize())
)


def org_follows(text: str, end: int) -> bool:
    """Do the words after `end` say what only an organisation does ("said in a statement", "shares rose")?"""
    return text.startswith(_ORG_AFTER, end)


def org_context(paragraphs: Sequence[str], n: Name) -> bool:
    """A town's name used for a company, a club or an outlet, told by the words around it."""
    text = paragraphs[n.paragraph]
    if org_follows(text, n.end):
        return n.text not in lexicon.PLACE_ACRONYMS  # "U.S. shares fell": an adjective
    return text.endswith(_ORG_BEFORE, 0, n.start) or media_context(paragraphs, n)


# Places a report travels to: "returned to Kirriby", "visited Kirriby".
_MOTION_BEFORE = (
    *(
        f"{verb}{to} "
        for verb in "returned travelled traveled moved flew fled went sailed marched drove headed retreated".split()
        for to in (" to", " into", " toward", " towards")
    ),
    "visited ",
    "reached ",
)
# Nouns of sites that follow a place's name, besides `lexicon.PLACE_NOUNS_AFTER`: "the Kirriby refugee camp".
_SITES_AFTER = frozenset("camp market mine crossing base cloister monastery highway oasis pass".split())
_SITES = _SITES_AFTER | lexicon.PLACE_NOUNS_AFTER


def place_context(text: str, n: Name, places: frozenset[str]) -> bool:
    """Evidence that a lone word nothing else typed is a place: travel to it ("returned to Kirriby"), a
    site after it ("the Kirriby refugee camp"; "a Vorlak camp" is a group's), or a known place it lies in
    ("Kirriby, in Sudan")."""
    if text.endswith(_MOTION_BEFORE, 0, n.start):
        return True
    after = text[n.end : n.end + 40].lstrip(" (").split()
    if not text.endswith((" a ", " an ", "A ", "An "), 0, n.start) and not _SITES.isdisjoint(
        [w.strip(",.;:)") for w in after[:2]]
    ):
        return True
    # "Kirriby, in Sudan", "Kirriby near Tangshan" ("Vorlak in Iraq" is as often a group's branch).
    if after[:1] == [","]:
        after = after[1:]
    elif after[:1] == ["in"]:
        return False
    return len(after) >= 2 and after[0] in ("in", "near") and after[1].strip(",.;:)").removesuffix("'s").removesuffix("’s") in places


# Plural nouns of organisations that introduce examples: "companies such as Orvex, Talvane and Brenmark".
_ORG_CLASSES = frozenset(
    "companies firms websites sites automakers carmakers manufacturers retailers banks airlines brands "
    "networks newspapers broadcasters charities agencies groups parties clubs teams startups platforms "
    "services apps labels publishers studios chains supermarkets insurers lenders".split()
)
_EXAMPLES = (" such as ", " including ", " like ")
_KIN_AFTER = tuple(f" and {p} {k}" for p in ("his", "her") for k in ("wife", "husband", "son", "daughter", "partner"))


def example_of_orgs(text: str, n: Name) -> bool:
    """ "companies such as Orvex, Talvane and Brenmark", "automakers, including Orvex": a name listed as an
    example of a kind of organisation."""
    before = text[max(0, n.start - 120) : n.start]
    for cue in _EXAMPLES:
        at = before.rfind(cue)
        if at < 0:
            continue
        listed = before[at + len(cue) :]
        noun = before[:at].rstrip(" ,").rpartition(" ")[2]
        # Only names, commas and "and" between the cue and this name: still the same list.
        if noun in _ORG_CLASSES and all(w[:1].isupper() or w in ("and", "or", "&") for w in listed.replace(",", " ").split()):
            return True
    return False


def lone_person(text: str, n: Name) -> bool:
    """ "Rosane, an 18-year-old", "Varga, the party's leader", "Varga and his wife", "Varga himself": a lone
    word described as a person."""
    if text.startswith((" himself", " herself", *_KIN_AFTER), n.end):
        return True
    return text.startswith((", a ", ", an ", ", the "), n.end) and _described_as_person(text, n.end)


def after_preposition(paragraphs: Sequence[str], n: Name) -> bool:
    """ "in Brisk", "near Kordan": a place."""
    prev = paragraphs[n.paragraph][max(0, n.start - 12) : n.start].split()
    return bool(prev) and prev[-1].lower() in _PLACE_PREPS


# Lower-case roles and relations that stand before a person's name.
_ROLE_BEFORE = lexicon.ROLE_NOUNS | frozenset(w.lower() for w in lexicon.PERSON_ROLES) | frozenset(
    "wife husband son daughter mother father brother sister widow boyfriend girlfriend friend colleague "
    "rival candidate activist journalist lawyer author writer singer actor actress player striker "
    "defender midfielder goalkeeper coach manager founder owner chief cleric scholar professor "
    "dissident opponent suspect victim commander governor mayor lawmaker legislator negotiator".split()
)
_APPOSITION = frozenset("citizen national resident native member official politician cleric militant".split())
_LABEL_NUMBER = re.compile(r" \d")
_DETERMINERS = frozenset("the a an his her its their our my your this that these those every each".split())
# Verbs a subject's name is followed by, besides the regular past tense ("Varga founded").
_COMMON_VERBS = frozenset(
    "is was has had will would could can may might must does did made took met won lost became began went got "
    "gave wrote left came saw found put ran held led kept spent sent built bought sold taught thought knew "
    "grew drew fell felt became died remains returned".split()
)
_PRONOUNS = (" he ", " she ", " his ", " her ", " him ", " He ", " She ", " His ", " Her ")


def _subject_of_a_person(paragraphs: Sequence[str], n: Name, following: str, prev: list[str]) -> bool:
    """A lone unknown name that does something ("Varga made", "Varga has", "Varga's"): in news and
    encyclopedic text, mostly a person named in full elsewhere. A determiner before it ("the Varga
    report") or a noun after it is no deed. (Asking also for "he" or "she" in the next lines, for
    the verb or for the possessive, found fewer people and no fewer false ones on the development sets.)"""
    if (prev and prev[-1].lower() in _DETERMINERS) or "-" in n.text or n.text.isupper():
        return False
    text = paragraphs[n.paragraph]
    return text.startswith(("'s ", "’s "), n.end) or (
        text[n.end : n.end + 1] == " "
        and following.islower()
        and (following in _COMMON_VERBS or following.endswith("ed") or SPEECH_VERB.fullmatch(following) is not None)
    )


def opens_with_a_person(text: str, end: int) -> bool:
    """A given name that opens a sentence names a person when a verb, "and" or a pause follows it
    ("Suzanne is", "Jason and the team", "Ginny, please"), not when it is a word ("Hope this helps", "See attached")."""
    rest = text[end : end + 16]
    if not rest or rest[0] in ",!:;-–—" or rest.startswith((" -", " –", " —")):
        return True
    following = rest[1:].split(" ", 1)[0].rstrip(",.;:!")
    return rest[0] == " " and (following in _COMMON_VERBS or following == "and")  # not "See attached"


def _fills_quotation(text: str, n: Name) -> bool:
    return n.start > 0 and text[n.start - 1] in "\"“‘'" and text[n.end : n.end + 1] in ("\"", "”", "’", "'")


def _described_as_person(text: str, end: int) -> bool:
    """ "Ann Lee of Norway", "Ann Lee (Norway)", "Ann Lee, a Somali national", "Ann Lee, the party's leader"."""
    after = text[end : end + 48]
    if after.startswith(" (") and after[2:3].isupper() and not after[2:4].isupper():
        return True  # "Ann Lee (Norway)", "Ann Lee (Riverton)": a country or a club, not an acronym
    if after.startswith(" of ") and (after[4:5].isupper() or (after.startswith(" of the ") and after[8:9].isupper())):
        return True  # two unknown words then "of" and a place: a person's origin (a body keeps its "of")
    if not after.startswith((", a ", ", an ", ", the ")):
        return False
    words = after[2:].split(",")[0].split()[1:5]
    return any(w.strip(".'’s") in _ROLE_BEFORE or w in _APPOSITION for w in words)


def _acts_as_person(paragraphs: Sequence[str], n: Name, following: str, joined: str) -> bool:
    """Evidence that an unknown name is a person's: a verb of saying after it, an age
    ("Ann Lee, 34,"), or a personal pronoun in the same or the next paragraph."""
    if following in _PERSON_VERBS or SPEECH_VERB.fullmatch(following):
        return True
    text = paragraphs[n.paragraph]
    if text[n.end : n.end + 5][:2] == ", " and text[n.end + 2 : n.end + 4].isdigit():
        return True
    before = text[max(0, n.start - 24) : n.start].split()
    if before and (
        before[-1].rstrip(",") in _ROLE_BEFORE or before[-1] in lexicon.DEMONYMS or before[-1].endswith("-year-old")
    ):
        return True  # "spokesman Ann Lee", "the leader, Ann Lee", "Swede Ann Lee", "37-year-old Ann Lee"
    if following in ("reports", "reported") or _described_as_person(text, n.end):
        return True
    near = text[n.end :] + " " + (paragraphs[n.paragraph + 1] if n.paragraph + 1 < len(paragraphs) else "")
    if any(p in near for p in _PRONOUNS):
        return True
    # The surname alone elsewhere, speaking or with an honorific: "Korpela said", "Ms Korpela".
    *rest, last = n.text.split()
    at = joined.find(f" {last} ")
    while at >= 0:
        before = joined[max(0, at - 16) : at].split()
        after = joined[at + len(last) + 2 : at + len(last) + 20].split()
        again = bool(before) and before[-1] == rest[-1]  # the full name again, not the surname alone
        speaks = bool(after) and SPEECH_VERB.fullmatch(after[0].strip(",.")) is not None
        if not again and (speaks or (bool(before) and bare(before[-1]) in lexicon.HONORIFICS)):
            return True
        at = joined.find(f" {last} ", at + 1)
    return False


def _in_lower_case(word: str, joined: str) -> bool:
    """Does the article write this word in lower case somewhere ("steel prices")?"""
    low = word.lower()
    if low == word or low not in joined:
        return False  # the common case, one search
    return f" {low} " in joined or f" {low}," in joined or f" {low}." in joined


def guess(
    paragraphs: Sequence[str],
    n: Name,
    given: frozenset[str],
    joined: str = "",
    default: str = "ORG",
    places: frozenset[str] = frozenset(),
) -> str | None:
    """Type a name its own words could not type, from the words around it.

    `joined` is the article's text in one string, spaces around it (for the lower-case test);
    `default` types a lone word nothing around it types (a place when the article puts it
    after "in" elsewhere, or lists it with places)."""
    text = paragraphs[n.paragraph]
    nxt = text[n.end : n.end + 16].lstrip(" ,;:").split()
    following = nxt[0].strip(",.;:") if nxt else ""
    if n.title:
        return "PERSON"
    if following in lexicon.PLACE_NOUNS_AFTER:
        return "PLACE"
    if following in lexicon.ORG_NOUNS_AFTER or text.startswith(("-controlled", "-led", "-backed"), n.end):
        return "ORG"
    if following.islower() and following.capitalize() in lexicon.PERSON_ROLES and " " in n.text:
        return "ORG"  # "Acme Steel chairman Ann Lee": the name before a role is the employer
    prev = text[max(0, n.start - 24) : n.start].split()
    if len(prev) >= 2 and prev[-1] == "of" and prev[-2] in lexicon.PLACE_NOUNS_BEFORE:
        return "PLACE"
    if prev and prev[-1].strip(",") in lexicon.ORG_NOUNS_BEFORE:
        return "ORG"
    if after_preposition(paragraphs, n):
        return "PLACE"
    words = n.text.split()
    if len(words) > 1:
        if any(w in lexicon.NAME_CONNECTORS for w in words):
            return "PERSON"  # "Abu Musab al-Zarqawi", "Ludwig van Beethoven"
        # Two to four capitalised words are no proof of a person ("Acme Steel"): ask for a person's deed.
        if len(words) > 4:
            return "ORG"
        # A word of it in lower case elsewhere ("Acme Steel" ... "steel prices") names a thing, even
        # one that speaks ("Acme Steel said"): companies say things too.
        if any(_in_lower_case(w, joined) for w in words):
            return "PERSON" if _acts_as_person(paragraphs, n, "", joined) else "ORG"
        # A review's praise ("Great Service", "Best Pizzas") or a title in quotation marks ("Stop Making
        # Sense") is no one's name unless something shows a person.
        if words[0] in lexicon.NOT_NAME_OPENERS or _fills_quotation(paragraphs[n.paragraph], n):
            return "PERSON" if _acts_as_person(paragraphs, n, following, joined) else None
        return "PERSON"
    if org_context(paragraphs, n) or following in ("reports", "reported"):
        return "ORG"  # "Orvex said in a statement", "a spokesman for Orvex"; "Telvox reports": an outlet
    if (following in _PERSON_VERBS or SPEECH_VERB.fullmatch(following)) and not (prev and prev[-1] == "the"):
        return "PERSON"  # "Halvard explains": a lone name that speaks is a person's
    if prev and prev[-1] in _INVERTED_SAYING and text[n.end : n.end + 1] in (".", ",", ""):
        return "PERSON"  # "…, says Halvard."
    if n.text in given:
        return "PERSON"  # "her husband Todd"
    if default != "PLACE" and _subject_of_a_person(paragraphs, n, following, prev):
        return "PERSON"  # "Varga made headlines when he ...": a lone surname whose full name is elsewhere
    if default != "PLACE" and _LABEL_NUMBER.match(text, n.end):
        return None  # "Category 5", "Section 7", "Article 4.6": a label and its number, no body
    return default
