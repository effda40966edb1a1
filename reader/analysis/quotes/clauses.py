"""Where a name stands in its clause: the small pieces of syntax that tell a subject from an object.

The cue search reads "the nearest name before the verb" as its subject. That
is wrong in five common shapes of news prose, and these tests catch them
from the words alone, with no parser:

- a name in a prepositional phrase ("Lee of the Council on Trade said",
  "a letter to Park, Lee wrote") modifies another word and is not a subject;
- a verb coordinated with an earlier one ("Lee criticised Park and said")
  shares that verb's subject: the name between them is its object;
- a verb under a modal or "to" ("Lee said Park would urge …", "right to
  think") reports no utterance of its own; the reporting verb before it does;
- a verb inside the that-clause of an earlier one ("Lee said that Park begged
  him and “…”") does not take a quotation it does not introduce;
- and the person a message is addressed to ("a message to Park:") does not speak.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_PREPOSITIONS = frozenset(
    {"of", "at", "from", "for", "with", "about", "against", "to", "on", "over", "into", "toward", "towards",
     "under", "behind", "like", "than", "without", "versus", "between", "among"}
)
_DETERMINERS = frozenset({"the", "a", "an"})
_TO_WHOM = frozenset({"to", "at", "against", "about", "on", "over", "with", "toward", "towards"})
"""Prepositions whose object is spoken to or about, never the source ("a message to Lee:")."""
_COORDINATED = re.compile(
    r"(?:^|\s)(?:and|but|yet)\s+(?:(?:then|now|later|also|still|even|again|\w+ly)\s+){0,2}$", re.IGNORECASE
)
_NON_FINITE = re.compile(
    r"\b(?:to|will|would|could|can|should|shall|may|might|must|’d|'d|’ll|'ll)\s+(?:(?:not|also|\w+ly)\s+)?$",
    re.IGNORECASE,
)
_PHRASE_STOP = re.compile(
    r"\b(?:when|who|whom|which|that|after|before|while|because|during|about|of|at|from|for|in|on|to|with|as|"
    r"and|but|if|since)\b"
)
_WORD = re.compile(r"[\w’'-]+")
_THAT = re.compile(r"\W*(?:[\w’'-]+\W+){0,3}?that\b")
_INTRODUCES = 4
"""Words after a verb of saying within which a quotation is that verb's own: "Park told reporters “…”"."""


def _word_before(text: str, start: int) -> str:
    """The word before `start`, articles skipped ("of the Council" gives "of")."""
    words = _WORD.findall(text[max(0, start - 40) : start])
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1] if words else ""


def in_prepositional_phrase(text: str, start: int) -> bool:
    """Whether the name at `start` follows a preposition ("of the Council", "at Acme")."""
    return _word_before(text, start) in _PREPOSITIONS


def recipient(text: str, start: int) -> bool:
    """Whether the name at `start` is spoken to or about: "a message to Lee", "angry at the Council"."""
    return _word_before(text, start) in _TO_WHOM


def coordinated(gap: str) -> bool:
    """Whether the text between a name and a verb joins that verb to an earlier one.

    "Park and said", "Park on Monday and later said": a subject never stands before "and" + its verb.
    """
    return _COORDINATED.search(gap) is not None


def non_finite(text: str, verb_start: int) -> bool:
    """Whether the verb at `verb_start` stands under a modal or "to" ("would urge", "to think")."""
    return _NON_FINITE.search(text, max(0, verb_start - 30), verb_start) is not None


def phrase_end(text: str, start: int, end: int) -> int:
    """Where the noun phrase beginning at `start` ends: at its first preposition or clause word.

    "said party member Lee Park when asked about Kim Roe": the speaker's phrase stops at "when".
    """
    stop = _PHRASE_STOP.search(text, start, end)
    return stop.start() if stop is not None else end


def reporting_verb(left: str, verbs: Sequence[re.Match[str]], verb: re.Match[str]) -> re.Match[str]:
    """The verb whose words a quotation reports, from the verbs of saying before it in its sentence.

    In "Lee said that Park begged him and “would have dropped to his knees”" the
    quotation is Lee's claim: the last verb stands in the that-clause of an earlier
    one and does not introduce the quotation itself. "Lee said that Park told
    reporters “…”" is Park's: the inner verb introduces it.
    """
    if len(_WORD.findall(left[verb.end() :])) <= _INTRODUCES:
        return verb
    for outer in verbs:
        if outer.start() >= verb.start():
            break
        if _THAT.match(left, outer.end(), verb.start()):
            return outer
    return verb
