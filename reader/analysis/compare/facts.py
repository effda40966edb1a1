"""An event's sentences, each read once: its meaningful words and its telling figures.

Single-source detection and disagreements both read every sentence of an
event; splitting, stemming and scanning for figures once serves both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reader.analysis.model import Article
from reader.analysis.quotes.pieces import Piece
from reader.analysis.text.dates import DayRef, days_named, may_name_a_day, stated_date
from reader.analysis.text.normalise import DIGIT, STOPWORDS, figure_spans
from reader.analysis.text.sentences import split as sentences


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an event's article."""

    article: str
    paragraph: int
    text: str
    words: frozenset[str]
    """Meaningful words (`meaningful`)."""
    figures: frozenset[str]
    """Keys of its telling figures: no years, no counts below ten."""
    days: tuple[DayRef, ...] = ()
    """The calendar days it names (`dates.days_named`), a day without a year read in the article's year."""


def telling(key: str) -> bool:
    """A figure worth matching on: not a year, not a name ("id:f35"), not a count below ten."""
    unit, _, raw = key.partition(":")
    return unit not in ("year", "id") and not (unit == "num" and float(raw) < 10)


def meaningful(text: str) -> frozenset[str]:
    """The distinct lower-case words of `text` that carry meaning: no stopwords, no numbers, none under 3 letters.

    Unstemmed, unlike `normalise.content_words`: set operations in C make it
    several times faster, and comparing sentences of one event by their words
    needs no stemming to find that they share most of them.
    """
    return frozenset(_MEANINGFUL.findall(text.lower())) - STOPWORDS


_MEANINGFUL = re.compile(r"[a-z][a-z'-]{2,}")
"""A run of three letters or more (the regex engine filters, not Python; the fastest form measured)."""


def split_up(article: Article) -> tuple[Piece, ...]:
    """The article's sentences as pieces with no comparable form (which comparing does not read)."""
    return tuple((paragraph, sentence, "") for paragraph, text in enumerate(article.paragraphs) for sentence in sentences(text))


def read_sentences(articles: Sequence[Article], split: Sequence[Sequence[Piece]] | None = None) -> list[Sentence]:
    """Every sentence of `articles`, in their order.

    `split` holds each article's sentences (`passages.sentence_pieces`) when
    the linking stage has split them already: splitting again was a tenth of
    comparing's work.
    """
    found = []
    for number, article in enumerate(articles):
        base: list[date | None] = []  # the article's own date, read only if a sentence names a day
        for piece in split[number] if split is not None else split_up(article):
            paragraph, sentence = piece[0], piece[1]
            if not DIGIT.search(sentence):
                found.append(Sentence(article.id, paragraph, sentence, meaningful(sentence), frozenset()))
                continue
            keys = frozenset(f.key for _, _, f in figure_spans(sentence) if telling(f.key))
            days: tuple[DayRef, ...] = ()
            if may_name_a_day(sentence):
                base = base or [stated_date(article)]
                days = tuple(days_named(sentence, base[0]))
            found.append(Sentence(article.id, paragraph, sentence, meaningful(sentence), keys, days))
    return found
