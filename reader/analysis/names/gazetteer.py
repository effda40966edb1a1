"""Place and given-name look-ups, loaded once on first use.

The data module is large (tens of thousands of names), so it is imported only
when the first article is recognised, keeping the app's start-up fast.
"""

from __future__ import annotations

from functools import cache

from . import lexicon


@cache
def places() -> frozenset[str]:
    """Every country, region, state, province and city name we know, as written."""
    from . import gazetteer_data

    names = set(gazetteer_data.REGIONS.split("\n")) | set(gazetteer_data.CITIES.split("\n"))
    names |= lexicon.REGIONS
    names |= {name for name in lexicon.CANONICAL if name not in ("UN", "U.N.", "EU", "E.U.")}
    names |= set(lexicon.CANONICAL.values()) - {"United Nations", "European Union"}
    return frozenset(names)


@cache
def given_names() -> frozenset[str]:
    """Common given names, used only as a cue that a capitalised phrase is a person."""
    from . import gazetteer_data

    return frozenset(gazetteer_data.GIVEN_NAMES.split("\n"))


@cache
def regions() -> frozenset[str]:
    """Countries, states, provinces and regions: places too big to be someone's surname."""
    from . import gazetteer_data

    names = set(gazetteer_data.REGIONS.split("\n")) | lexicon.REGIONS | set(lexicon.CANONICAL.values())
    return frozenset(names - {"United Nations", "European Union"})
