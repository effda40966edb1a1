"""The sentences of an article that passage links compare, and the units links are scored on.

Quotations in comparable form live with the quote stage (`quotes.pieces`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.quotes.lexicon import SPEECH_VERB
from reader.analysis.quotes.pieces import Piece
from reader.analysis.text.calendar import MONTHS, WEEKDAYS
from reader.analysis.text.normalise import STOPWORDS, comparable
from reader.analysis.text.sentences import split


@dataclass(frozen=True, slots=True)
class Unit:
    """A quotation or sentence of one paragraph, with its comparable form."""

    article: int
    paragraph: int
    text: str
    norm: str
    kind: str
    """"quote" or "sentence"."""


def sentence_pieces(paragraphs: Sequence[str]) -> tuple[Piece, ...]:
    """Every sentence of an article's paragraphs."""
    return tuple(
        (index, sentence, comparable(sentence))
        for index, text in enumerate(paragraphs)
        for sentence in split(text)
    )


def units(pieces: tuple[Piece, ...], position: int, kind: str) -> list[Unit]:
    """The pieces of the article at `position` (in the articles being compared) as units."""
    return [Unit(position, paragraph, text, norm, kind) for paragraph, text, norm in pieces]


_CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS) | {"mr", "mrs", "ms", "dr"}
_ROLE_THEN_NAME = re.compile(r"\b([a-z]{3,}) ((?:[A-Z][\w'\u2019-]+ ?)+)")


def named_slots(text: str) -> dict[str, frozenset[str]]:
    """The name that follows each content word: {"player": {"Ann", "Lee"}} in "player Ann Lee".

    Function words ("the", "and") and verbs of saying ("said Lee", "told Reuters") name no
    role: a fact is the same whoever reports it."""
    slots = {}
    for m in _ROLE_THEN_NAME.finditer(text):
        word = m.group(1)
        if word in STOPWORDS or SPEECH_VERB.fullmatch(word):
            continue
        names = frozenset(w for w in m.group(2).split() if w.isalpha() and w.lower() not in _CALENDAR)
        if names:
            slots[word] = names
    return slots


def different_names(x: dict[str, frozenset[str]], y: dict[str, frozenset[str]]) -> bool:
    """Do two sentences (their `named_slots`) name different people in the same place
    ("suspended player Lee" and "suspended player Kim")? Then they state the same kind of fact
    about someone else: a contradiction, not a paraphrase. A name on one side only is detail."""
    return any(word in y and not (names & y[word]) for word, names in x.items())
