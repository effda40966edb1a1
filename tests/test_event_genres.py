"""Event dates and follow-up reports (issue #17, event kinds 2 and 4).

Every text is written for the test; no name comes from a development set or the seeds.
"""

from __future__ import annotations

from datetime import date

from reader.analysis.events import group_events
from reader.analysis.model import Article
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
