"""Place and given-name look-ups, read once on first use from the package's data files.

The files (`data/*.txt`, one name a line, written by `build_gazetteer`) hold
tens of thousands of names, so they are read when the first article is
recognised, not at start-up.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from . import lexicon


def _names(file: str) -> set[str]:
    text = (resources.files(__package__) / "data" / file).read_text(encoding="utf-8")
    return set(text.splitlines())


@cache
def places() -> frozenset[str]:
    """Every country, region, state, province and city name we know, as written."""
    names = _names("regions.txt") | _names("cities.txt")
    names |= lexicon.REGIONS
    names |= {name for name in lexicon.CANONICAL if name not in ("UN", "U.N.", "EU", "E.U.")}
    names |= set(lexicon.CANONICAL.values()) - {"United Nations", "European Union"}
    return frozenset(names)


@cache
def given_names() -> frozenset[str]:
    """Common given names, used only as a cue that a capitalised phrase is a person."""
    return frozenset(_names("given_names.txt"))


@cache
def regions() -> frozenset[str]:
    """Countries, states, provinces and regions: places too big to be someone's surname."""
    names = _names("regions.txt") | lexicon.REGIONS | set(lexicon.CANONICAL.values())
    return frozenset(names - {"United Nations", "European Union"})
