"""Why two paragraphs are linked, in plain words with units, from the link's own data.

The analysis says what it measured (`Link.why`, `Link.score`, the quotation
diff); this module only words it for a reader at a glance: "same
quotation, identical", "same passage, 3 words differ", "same fact in other
words: 78% similar, shares 'medal', 'friendship'". Passages get the same
word diff that quotations carry, worked out here from the two paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis.model import DiffRun, Link
from ..analysis.text.worddiff import word_diff

CLOSE = 0.5
"""Above this share of changed words a passage is "the same fact in other words", and its diff is not shown."""


@dataclass(frozen=True, slots=True)
class Explanation:
    """A link in words: what it is, how strong, and the word diff to show (empty: show the paragraph)."""

    what: str
    strength: str
    diff: tuple[DiffRun, ...]


def percent(score: float) -> str:
    """Scores are fractions or 0–100 depending on the stage; both read as a percentage."""
    return f"{score:.0%}" if score <= 1 else f"{min(score, 100):.0f}%"


def _words(runs: tuple[DiffRun, ...], *ops: str) -> list[str]:
    return [word for run in runs if run.op in ops for word in run.text.split()]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("s differ" if number != 1 else " differs")


def explain(link: Link, here: str, there: str) -> Explanation:
    """Words for `link` seen from the paragraph `here` to the paragraph `there`."""
    strength = f"{percent(link.score)} similar"
    if link.kind == "mention":
        return Explanation("refers back to this event", f"{percent(link.score)} match", ())
    runs = link.diff or word_diff(here, there)
    changed = len(_words(runs, "insert", "delete"))
    total = max(1, len(_words(runs, "equal", "delete")))
    if link.kind == "quote":
        what = "part of the same quotation" if link.why.startswith("part of") else "same quotation"
        return Explanation(f"{what}, " + ("identical" if not changed else _count(changed, "word")), strength, runs)
    if not changed:
        return Explanation("identical passage", strength, runs)
    if changed / total <= CLOSE:
        return Explanation(f"same passage, {_count(changed, 'word')}", strength, runs)
    shared = sorted({w.strip(".,;:“”\"'()") for w in _words(runs, "equal")}, key=lambda w: (-len(w), w))
    shares = ", ".join(f"‘{w}’" for w in shared[:3] if len(w) >= 4)
    return Explanation("same fact in other words" + (f", shares {shares}" if shares else ""), strength, ())
