"""Event dates and follow-up reports (issue #17, event kinds 2 and 4).

Every text is written for the test; no name comes from a development set or the seeds.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from reader.analysis.events import group_events
from reader.analysis.events.roles import office_holders
from reader.analysis.model import Article
from reader.analysis.names import recognise, unify
from reader.analysis.text import dates


def art(id: str, *paragraphs: str, date: str | None = None) -> Article:
    return Article(id=id, source=id + ".txt", title="", paragraphs=tuple(paragraphs), date=date)


SHOOTING_A = art(
    "s1",
    "A gunman killed a receptionist and wounded two partners at the Brellin Tax accounting office in Ostwick "
    "on Monday, police chief Hanna Vortrek said.",
    "The suspect, former employee Teodor Maskell, 41, was arrested at his home hours later.",
    "Maskell had been fired from Brellin Tax the week before, Vortrek said.",
    date="2023-03-07",
)
SHOOTING_B = art(
    "s2",
    "Former employee Teodor Maskell was charged with murder on Wednesday over the shooting at the Brellin Tax "
    "office in Ostwick that killed a receptionist and wounded two partners.",
    "Police chief Hanna Vortrek said Maskell walked past the front desk with a shotgun.",
    date="2023-03-09",
)
VERDICT = art(
    "v1",
    "A jury in Ostwick on Tuesday convicted Teodor Maskell of murder in the March 2023 shooting at the Brellin Tax "
    "accounting office that killed a receptionist and wounded two partners.",
    "Maskell, a former employee, had been fired from Brellin Tax the week before the shooting.",
    date="2023-11-21",
)
# Same town, same kind of crime, months later, and no word of the first one: another occurrence.
OTHER_SHOOTING = art(
    "o1",
    "A gunman wounded two workers at the Calder Freight depot in Ostwick on Tuesday before police chief "
    "Hanna Vortrek's officers arrested him, the department said.",
    "The suspect, Ivo Sandrel, 29, had been fired from Calder Freight the week before.",
    date="2023-11-21",
)


def test_a_follow_up_report_names_the_month_of_the_occurrence_it_reports_on() -> None:
    day, _ = dates.event_date(VERDICT)
    assert dates.referred_months(VERDICT, day) == frozenset({(2023, 3)})
    assert dates.referred_months(SHOOTING_B, dates.event_date(SHOOTING_B)[0]) == frozenset()


def test_a_month_written_with_a_comma_is_a_month() -> None:
    refs = dates.time_refs(("He was convicted of the murder of a deputy in June, 2005, the office said.",))
    assert [(r.year, r.month) for r in refs] == [(2005, 6)]


def test_a_verdict_months_later_joins_the_reports_of_the_crime() -> None:
    events = group_events([SHOOTING_A, SHOOTING_B, VERDICT, OTHER_SHOOTING], ())
    groups = {e.articles for e in events}
    assert ("s1", "s2", "v1") in groups
    assert ("o1",) in groups


def test_the_event_keeps_the_date_of_the_occurrence() -> None:
    events = group_events([VERDICT, SHOOTING_B, SHOOTING_A], ())
    merged = next(e for e in events if "v1" in e.articles)
    assert merged.date == "2023-03-06"  # Monday before the first report


def test_an_old_date_in_the_lead_is_background_not_the_occurrence() -> None:
    obituary = art(
        "d1",
        "Marta Quillon, the clerk who exposed the harbour bribery affair on June 17, 1972, died at her home in "
        "Ostwick on Friday, her family said.",
        date="2021-03-08",
    )
    assert dates.event_date(obituary)[0] == date(2021, 3, 5)


# -- kind 1: two incidents of the same kind ------------------------------------------------


def _tariff(id: str, secretary: str, verb: str) -> Article:
    """A report of a change to one set of rules: the same words whoever the secretary was."""
    return art(
        id,
        f"Trade Secretary {secretary} {verb} the steel tariff rules for northern ports, letting importers "
        "in Varnholm and Ostwick bring in more steel without a review by the tariff board.",
        "The rules, first written in the Harlow Steel Act, required importers to file a tariff board review "
        "before any steel cargo over 5,000 tonnes could be landed at Varnholm or Ostwick.",
        f"{secretary.split()[-1]} said the change to the steel tariff rules would keep the Varnholm mills busy.",
        "Unions at the Varnholm Steelworks said the tariff board had warned about cheap steel flooding the ports.",
        "Mayor Edda Krall of Ostwick said the port could handle the extra cargo.",
    )


def _events(articles: list[Article]) -> set[tuple[str, ...]]:
    """Groups of article ids, after the pipeline's entity stage."""
    recognised = [replace(a, entities=recognise(a.paragraphs)) for a in articles]
    unified, table = unify(recognised)
    return {e.articles for e in group_events(unified, table)}


def test_a_differing_person_in_the_same_office_keeps_two_occurrences_apart() -> None:
    first = [_tariff("r1", "Aldo Brenner", "loosened"), _tariff("r2", "Aldo Brenner", "relaxed")]
    later = [_tariff("u1", "Kasia Ondrell", "tightened"), _tariff("u2", "Kasia Ondrell", "hardened")]
    assert _events([*first, *later]) == {("r1", "r2"), ("u1", "u2")}


def test_the_same_person_in_the_office_still_groups() -> None:
    same = [_tariff("r1", "Aldo Brenner", "loosened"), _tariff("r2", "Aldo Brenner", "relaxed"),
            _tariff("r3", "Aldo Brenner", "eased")]
    assert _events(same) == {("r1", "r2", "r3")}


def test_only_qualified_titles_name_an_office() -> None:
    text = "Governor Lia Vant met Trade Secretary Aldo Brenner and Mr Kol Dorran in Ostwick."
    article = replace(art("g1", text), entities=recognise((text,)))
    assert office_holders(article) == frozenset({("trade secretary", "n:person:aldo-brenner")})
