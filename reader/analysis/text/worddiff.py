"""Word-level differences between two renderings of one quotation."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Indel

from reader.analysis.model import DiffRun
from reader.analysis.text.normalise import words


@lru_cache(maxsize=100_000)
def _key(word: str) -> str:
    # Case, punctuation and quote-mark style are typography, not a change of wording;
    # "field"/"fields" is a change and shows as one.
    return " ".join(words(word)) or word


def word_diff(source: str, target: str) -> tuple[DiffRun, ...]:
    """Runs of shared ("equal"), source-only ("delete") and target-only ("insert") words."""
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
