"""Finding capitalised name candidates in a paragraph, and where sentences start.

One precompiled regular expression walks each paragraph and yields maximal
runs of capitalised words (with the connectors names use inside: "of the",
"bin", "da", "&"); everything lowercase is skipped in C, which is what makes
the recogniser fast. The runs are split and typed later, in `recognise`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from reader.analysis.text import sentences

# Every upper-case letter in Latin-1 and Latin Extended-A/B, so "Ömer" and "Łukasz" start names.
_UPPER = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
_UP = f"[{re.escape(_UPPER)}]"
# One capitalised word: dotted acronyms ("U.S."), initials ("W."), names with inner
# apostrophes and capitalised hyphen parts ("O'Brien", "Jean-Claude", "China-Russia"),
# Arabic particles ("al-Assad"). A possessive "'s" and a lower-case hyphen tail ("-led") stay outside.
_ABBREV = (
    "Mr|Mrs|Ms|Messrs|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Maj|Rev|Jr|Sr|Mt|Ft|Pres|Insp|Det|Hon|Rt|Cmdr|Brig|Supt"
)
# Lower-case tails that make a compound adjective of a name ("US-led", "Kremlin-backed"), not part of it.
_COMPOUND_TAIL = (
    "(?:led|based|backed|born|run|owned|style|era|controlled|made|like|funded|bound|sponsored|wide|linked|"
    "allied|affiliated|speaking|related|friendly|brokered|held|leaning|dominated|appointed|registered|"
    "listed|ruled|occupied|administered|supported|inspired|designed|built|focused|centric|specific|"
    "bashing|American|year|old|type|class|level|area|region|only|free|proof|wise|ward|wards)"
)
_PARTICLES = "al|el|ul|ad|as|ash|at|az|bin|ibn|abu"
# Abbreviations, dotted acronyms and initials all open with a few letters and a full stop: the
# look-ahead for that spares the thirty alternatives at every other capital of the text.
_DOTTED = (
    rf"(?=\w{{1,{max(map(len, _ABBREV.split('|')))}}}\.)"
    rf"(?:(?:{_ABBREV})\.(?=[ \u00a0]{_UP})|(?:{_UP}\.){{2,}}|{_UP}\.(?=[ \u00a0]{_UP}))"
)
_WORD = (
    rf"(?:{_DOTTED}"
    rf"|(?:(?:{_PARTICLES})-)?{_UP}\w*(?:&{_UP}+)?(?:['’](?![sS]\b){_UP}?\w+)*"
    rf"(?:-{_UP}\w*|-(?!{_COMPOUND_TAIL}\b)[a-z]\w*)*(?:-\d+)?)"
)
# Bodies named for their subject take "on" inside the name: "Council on Foreign Relations".
ON_HEADS = ("Council", "Committee", "Commission", "Conference", "Institute", "Center", "Centre", "Panel", "Forum", "Coalition", "Alliance", "Bureau", "Force")
# The literal "on" first: the look-behinds run only where an "on" follows a capitalised word.
_ON = "on(?:" + "|".join(f"(?<={head}[ \u00a0]on)" for head in ON_HEADS) + r")(?: the)?"
_JOIN = (
    rf"(?:[ \u00a0]+(?:(?:of(?: the)?|for(?: the)?|and(?: the)?|{_ON}|von der|van der|van den|de la|de las|de los|"
    r"de|del|della|da|di|du|des|dos|das|van|von|der|den|ten|zu|bin|ibn|y|&)[ \u00a0]+)?)"
)


@cache
def chunk_pattern() -> re.Pattern[str]:
    """The run pattern, compiled on first use: compiling it takes longer than the app should wait at start-up.

    The leading look-ahead names every possible first letter, which lets the engine skip the rest fast;
    a lower-case letter must then open a particle ("al-Assad"), or "a", "and", "in" would each be
    tried as a name.
    """
    # A word inside a web or e-mail address or a file name ("wiki/Cubism", "TEXT.htm") is no name.
    first = rf"(?=[{re.escape(_UPPER)}aeubi])(?<![\w'’/@.-])(?=[{re.escape(_UPPER)}]|(?:{_PARTICLES})-)"
    return re.compile(rf"{first}{_WORD}(?:{_JOIN}{_WORD})*(?![\w/@]|\.\w)")


# Characters that may stand between a sentence end and the next sentence's first word.
_OPENERS = " \u00a0\t\"“‘'([«—–-”’)]»"


@dataclass(slots=True)
class Word:
    """One word of a chunk with its offsets in the paragraph."""

    text: str
    start: int
    end: int


def words_of(text: str, offset: int) -> list[Word]:
    """Split a chunk into words and connectors ("of", "the") with absolute offsets."""
    if "\u00a0" in text:
        return [Word(m.group(), offset + m.start(), offset + m.end()) for m in re.finditer(r"\S+", text)]
    out = []
    for word in text.split(" "):
        if word:
            out.append(Word(word, offset, offset + len(word)))
        offset += len(word) + 1
    return out


def sentence_start(paragraph: str, start: int) -> bool:
    """Is the word at `start` the first of its sentence or clause (so its capital proves nothing)?

    Sentences end where `sentences` says; a capital after a colon or a semicolon,
    or after a comma closing a quotation ("…," Xi said), proves nothing either.
    """
    if start >= 2 and paragraph[start - 1] == " ":
        before = paragraph[start - 2]
        if before.isalnum() or before == ",":
            return False  # the usual case, "... met Xi" or "..., Xi": mid-sentence
    j = start - 1
    quoted = False
    while j >= 0 and paragraph[j] in _OPENERS:
        if paragraph[j] not in " \u00a0\t":
            quoted = True
        j -= 1
    if j < 0 or paragraph[j] in ":;":
        return True
    return sentences.begins_sentence(paragraph, start) or (quoted and paragraph[j] == ",")
