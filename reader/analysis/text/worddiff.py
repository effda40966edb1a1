"""Word-level differences between two renderings of one quotation."""

from __future__ import annotations

import re
from functools import lru_cache

from reader.analysis.model import DiffRun
from reader.analysis.text.normalise import STOPWORDS, words


@lru_cache(maxsize=100_000)
def _key(word: str) -> str:
    # Case, punctuation and quote-mark style are typography, not a change of wording;
    # "field"/"fields" is a change and shows as one.
    return " ".join(words(word)) or word


def word_diff(source: str, target: str) -> tuple[DiffRun, ...]:
    """Runs of shared ("equal"), source-only ("delete") and target-only ("insert") words."""
    from rapidfuzz.distance import Indel  # imported on first use: the reader's first frame needs no diff

    a, b = source.split(), target.split()
    runs: list[DiffRun] = []

    def add(op: str, words: list[str]) -> None:
        if not words:
            return
        if runs and runs[-1].op == op:
            runs[-1] = DiffRun(op, runs[-1].text + " " + " ".join(words))
        else:
            runs.append(DiffRun(op, " ".join(words)))

    deleted: list[str] = []
    inserted: list[str] = []
    for op in Indel.opcodes([_key(w) for w in a], [_key(w) for w in b]):
        if op.tag == "equal":
            # A replaced stretch reads best as "old words" then "new words".
            add("delete", deleted)
            add("insert", inserted)
            deleted, inserted = [], []
            add("equal", b[op.dest_start : op.dest_end])
        else:
            deleted.extend(a[op.src_start : op.src_end])
            inserted.extend(b[op.dest_start : op.dest_end])
    add("delete", deleted)
    add("insert", inserted)
    return tuple(runs)


Span = tuple[int, int]
"""Character offsets of a run of words in one rendering."""


def _aligned(source: str, target: str) -> tuple[list[Span], list[Span], list]:
    """Word spans of both texts and `Indel`'s opcodes between their word keys."""
    from rapidfuzz.distance import Indel  # imported when first needed, as `word_diff` does
    a = [(m.start(), m.end()) for m in _TOKEN.finditer(source)]
    b = [(m.start(), m.end()) for m in _TOKEN.finditer(target)]
    keys_a = [_key(source[s:e]) for s, e in a]
    keys_b = [_key(target[s:e]) for s, e in b]
    return a, b, list(Indel.opcodes(keys_a, keys_b))


def changed_spans(source: str, target: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Where the words `word_diff` would mark stand: source-only spans, target-only spans (character offsets).

    For highlighting two texts in place, where `word_diff`'s runs of joined words cannot be placed.
    """
    a, b, opcodes = _aligned(source, target)
    gone: list[Span] = []
    new: list[Span] = []
    for op in opcodes:
        if op.tag == "equal":
            continue
        if op.src_end > op.src_start:
            gone.append((a[op.src_start][0], a[op.src_end - 1][1]))
        if op.dest_end > op.dest_start:
            new.append((b[op.dest_start][0], b[op.dest_end - 1][1]))
    return tuple(gone), tuple(new)


def shared_spans(source: str, target: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Where the words two texts share stand in each (character offsets), as `word_diff`'s "equal" runs.

    A run of function words alone ("of the") is left out: every pair of
    sentences shares those, and marking them would hide the words that count.
    """
    a, b, opcodes = _aligned(source, target)
    here: list[Span] = []
    there: list[Span] = []
    for op in opcodes:
        if op.tag != "equal" or all(_key(source[s:e]) in STOPWORDS for s, e in a[op.src_start : op.src_end]):
            continue
        here.append(_words_only(source, a[op.src_start][0], a[op.src_end - 1][1]))
        there.append(_words_only(target, b[op.dest_start][0], b[op.dest_end - 1][1]))
    return tuple(here), tuple(there)


def _words_only(text: str, start: int, end: int) -> Span:
    """A span without the quote marks and punctuation at its ends ("“We rebuilt" → "We rebuilt")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


_TOKEN = re.compile(r"\S+")
