"""Small words for counts, so the reader never says "1 articles"."""

from __future__ import annotations


def plural(count: int, noun: str, many: str | None = None) -> str:
    """"1 article", "2 articles"; `many` for irregular plurals ("1 match", "2 matches")."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"
