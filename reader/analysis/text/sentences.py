"""Where sentences begin: the one sentence splitter every stage uses.

A sentence ends at ".", "!", "?" or "…" (with any closing quote marks or
brackets) followed by a space and a capital letter or digit, except:

* after an abbreviation or an initial ("Mr. Putin met", "the U.S. President",
  "J. Smith"), listed in `words.ABBREVIATIONS`;
* after "!" or "?" inside closing quote marks, where the sentence goes on:
  “Go!” Prime Minister Lee shouted.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.analysis.text.words import is_abbreviation

_END = re.compile(r"[.…!?]+([\"”’')\]]*)\s+")
OPENERS = "\"“‘'(["
"""Marks that may open a sentence before its first word."""
_QUOTE_CLOSERS = "\"”’'"
_WORD_OPENERS = "\"“‘'("


def starts(text: str) -> list[int]:
    """Offsets where the sentences of `text` begin (the first is always 0)."""
    found = [0]
    length = len(text)
    for match in _END.finditer(text):
        after = match.end()
        if after >= length:
            continue
        char = text[after]
        if char in OPENERS and after + 1 < length:
            char = text[after + 1]
        if not (char.isupper() or char.isdigit()):
            continue
        if char.isdigit() and text[match.start() - 1 : match.start()].isdigit():
            continue  # "08. 07. 2012", "No. 5. 3": numbers, not a sentence end
        closers = match.group(1)
        punctuation = text[match.start() : match.start(1)]
        if closers and any(c in _QUOTE_CLOSERS for c in closers) and "." not in punctuation and "…" not in punctuation:
            continue  # “Go!” Prime Minister Lee shouted.
        begin = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        word = text[begin : match.start()].lstrip(_WORD_OPENERS)
        if punctuation.endswith(".") and len(punctuation) == 1 and is_abbreviation(word):
            continue
        found.append(after)
    return found


def bounds(found: list[int], length: int, position: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `position`, given `starts` of a text of `length`."""
    index = bisect_right(found, position) - 1
    end = found[index + 1] if index + 1 < len(found) else length
    return found[max(index, 0)], end


def split(text: str) -> list[str]:
    """The sentences of `text`, without surrounding spaces."""
    edges = [*starts(text), len(text)]
    return [piece for a, b in zip(edges, edges[1:]) if (piece := text[a:b].strip())]


def begins_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` is the first of its sentence (as `starts` would say)."""
    j = position - 1
    while j >= 0 and (text[j] in OPENERS or text[j] in " \u00a0\t\n"):
        j -= 1
    return j < 0 or _ended_at(text, j)


def _ended_at(text: str, j: int) -> bool:
    """Whether a sentence ends with the character at `j` (the last before a word, spaces and openers skipped)."""
    closers_end = j
    while j >= 0 and text[j] in "\"”’')]":
        j -= 1
    if j < 0 or text[j] not in ".…!?":
        return False
    closers = text[j + 1 : closers_end + 1]
    punct_start = j
    while punct_start > 0 and text[punct_start - 1] in ".…!?":
        punct_start -= 1
    punctuation = text[punct_start : j + 1]
    if closers and any(c in _QUOTE_CLOSERS for c in closers) and "." not in punctuation and "…" not in punctuation:
        return False
    if punctuation == ".":
        begin = max(text.rfind(" ", 0, punct_start), text.rfind("\n", 0, punct_start)) + 1
        return not is_abbreviation(text[begin:punct_start].lstrip(_WORD_OPENERS))
    return True
