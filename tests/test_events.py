"""Event grouping: same occurrence together, similar but different occurrences apart."""

from __future__ import annotations

from datetime import date

from reader.analysis.text import dates
from reader.analysis.events import group_events
from reader.analysis.model import Article
from reader.analysis.text.normalise import comparable, figures


def art(id: str, *paragraphs: str, date: str | None = None, title: str = "") -> Article:
    return Article(id=id, source=id + ".txt", title=title, paragraphs=tuple(paragraphs), date=date)


HARBOUR_A = art(
    "a1",
    "Fire crews fought a blaze at the Marlow harbour warehouse owned by Tessaline Foods on Tuesday, "
    "and chief officer Ruth Okafor said 40 firefighters were sent.",
    "\u201cThe roof collapsed within minutes, we could not save the building,\u201d Okafor said.",
    "The warehouse stored 3,000 tonnes of grain for export.",
    date="2023-03-14",
)
HARBOUR_B = art(
    "a2",
    "A warehouse belonging to Tessaline Foods burned down at Marlow harbour, fire chief Ruth Okafor said, "
    "after 40 firefighters battled the flames through Tuesday night.",
    '"The roof collapsed within minutes, we could not save the building," said Okafor.',
    "About 3,000 tonnes of grain were lost in the fire.",
    date="2023-03-15",
)
# Same place and firm, a different fire two years later: must stay apart.
HARBOUR_LATER = art(
    "b1",
    "Fire crews were called to the Marlow harbour warehouse of Tessaline Foods again on Sunday, "
    "where chief officer Ruth Okafor said a smaller blaze in the loading bay was quickly contained.",
    "\u201cNobody was hurt and the stock is safe,\u201d Okafor said of the second fire at the site.",
    date="2025-06-01",
)
ELECTION = art(
    "c1",
    "Voters in the Verrin district elected Paulo Mendes as mayor on Sunday with 52 percent of the vote.",
    "\u201cThis is a victory for every street in Verrin,\u201d Mendes told supporters.",
)


def test_same_occurrence_grouped_and_different_ones_apart() -> None:
    events = group_events([HARBOUR_LATER, ELECTION, HARBOUR_B, HARBOUR_A], ())
    groups = {e.articles for e in events}
    assert ("a1", "a2") in groups
    assert ("b1",) in groups
    assert ("c1",) in groups
    assert sorted(a for e in events for a in e.articles) == ["a1", "a2", "b1", "c1"]


def test_ids_are_ordered_by_date_then_first_article_and_stable() -> None:
    events = group_events([ELECTION, HARBOUR_B, HARBOUR_LATER, HARBOUR_A], ())
    assert [e.id for e in events] == ["event-1", "event-2", "event-3"]
    assert events[0].articles == ("a1", "a2") and events[0].date == "2023-03-14"
    assert events[1].articles == ("b1",) and events[1].date == "2025-06-01"
    assert events[2].articles == ("c1",) and events[2].date is None
    assert group_events([HARBOUR_A, HARBOUR_LATER, ELECTION, HARBOUR_B], ()) == events


def test_label_names_who_and_when() -> None:
    event = group_events([HARBOUR_A, HARBOUR_B], ())[0]
    assert "Ruth Okafor" in event.label
    assert "14 March 2023" in event.label


def test_empty_corpus_and_single_article() -> None:
    assert group_events([], ()) == ()
    (only,) = group_events([ELECTION], ())
    assert only.articles == ("c1",)


def test_relative_weekday_resolves_against_the_stated_date() -> None:
    # 15 March 2023 was a Wednesday: "on Tuesday" in the lead is the 14th.
    assert dates.event_date(HARBOUR_B)[0] == date(2023, 3, 14)
    assert dates.event_date(HARBOUR_A)[0] == date(2023, 3, 14)


def test_dateline_paragraph_is_used_but_not_a_weekday_alone() -> None:
    a = art("x", "Friday 08 June 2018 16:29 BST", "The two leaders met in the capital on Friday and signed a treaty.")
    assert dates.event_date(a) == (date(2018, 6, 8), "on Friday")
    assert dates.event_date(art("y", "The leaders met on Friday.")) == (None, None)


def test_time_references() -> None:
    refs = dates.time_refs(["They declared it in February 2022, after talks in 2021.", "It may 2020 be."])
    assert [(r.year, r.month) for r in refs] == [(2022, 2), (2021, None)]


def test_money_is_normalised() -> None:
    keys = {f.key for text in ("$1 billion", "$1bn", "US$1 billion", "1 billion dollars") for f in figures(text)}
    assert keys == {"usd:1e+09"}
    assert figures("in 2023")[0].key == "year:2023"
    assert comparable("in the fields of \u201cindustry\u201d") == comparable('in the field of "industry"')


def test_url_paths_are_not_dates() -> None:
    a = art("u", "https://example.com/2024/05/09/pipeline-costs-balloon", "Leaders met on Friday to sign the pact.")
    assert dates.time_refs(a.paragraphs) == []
    assert dates.event_date(a) == (None, None)


def test_every_article_lands_in_exactly_one_event_at_scale() -> None:
    # Forty short articles on ten made-up occurrences: grouping must partition them.
    places = ["Arlo", "Brede", "Cassin", "Dunmore", "Elsk", "Farrow", "Gelt", "Hume", "Isca", "Jarrow"]
    articles = [
        art(
            f"{p}-{k}",
            f"Flooding hit {p} town on Monday after the {p} river burst its banks, mayor {p}son Lee said.",
            f"Rescue teams in {p} moved {k + 20} families to the {p} sports hall overnight.",
        )
        for p in places
        for k in range(4)
    ]
    events = group_events(articles, ())
    ids = [a for e in events for a in e.articles]
    assert sorted(ids) == sorted(a.id for a in articles)
    assert sorted(tuple(sorted(e.articles)) for e in events) == sorted(
        tuple(f"{p}-{k}" for k in range(4)) for p in places
    )
