"""Cues written with a capital: in Title-Case lines, and inverted at the start of a sentence.

"Lee Says Plan Will “Fail”" is speech, as "Lee says" would be, and so is
"Said Lee, who grew up there, “…”".

Verbs of saying are matched in lower case only, because capitalised forms in
prose are names ("Promises Treatment Center"). A headline written in Title
Case capitalises every word, so there the cue is lower-cased first, keeping
every offset, and the quoted words are not read as a name for being
capitalised: in such a line everything is.
"""

from __future__ import annotations

import re

from reader.analysis.quotes.lexicon import SPEECH_VERB

_WORD = re.compile(r"[^\W\d_]+")
_BLANKED = re.compile(r"(?<![^\W\d_])X+(?![^\W\d_])")
_LOWER_INITIAL = re.compile(r"(?<![^\W\d_])[a-zß-öø-ÿ]")
_MIN_WORDS = 3
_CAPITALISED_SHARE = 0.7


def is_title_case(masked: str) -> bool:
    """Whether the narration of a line capitalises most of its words without being all capitals.

    `masked` is the line with quoted letters blanked to X (`detect.mask`); those runs are not
    counted. Counted by regular expressions, not word by word: this runs on every quoted paragraph.
    """
    words = len(_WORD.findall(masked)) - len(_BLANKED.findall(masked))
    if words < _MIN_WORDS or len(_LOWER_INITIAL.findall(masked)) > (1 - _CAPITALISED_SHARE) * words:
        return False
    return any(not w.isupper() for w in _WORD.findall(masked) if w.strip("X"))


def lower_cues(masked: str) -> str:
    """The line with each capitalised verb of saying in lower case ("Says" → "says"), offsets kept."""
    return _WORD.sub(
        lambda m: m.group().lower() if m.group()[0].isupper() and SPEECH_VERB.fullmatch(m.group().lower()) else m.group(),
        masked,
    )


_OPENING = re.compile(r"\b(?:Said|Says|Added|Adds|Wrote|Writes|Asked|Recalled|Explained|Noted)(?=\s+[A-Z])")
"""Verbs that open a sentence inverted, their speaker after them: "Said Lee, …"."""


def lower_opening_cues(masked: str, starts: list[int]) -> str:
    """The line with an inverted cue that opens a sentence in lower case ("Said Lee," → "said Lee,")."""
    if not _OPENING.search(masked):
        return masked
    chars = list(masked)
    for start in starts:
        at = start + len(masked[start:]) - len(masked[start:].lstrip())
        found = _OPENING.match(masked, at)
        if found is not None:
            chars[at] = chars[at].lower()
    return "".join(chars)
