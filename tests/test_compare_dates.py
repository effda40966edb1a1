"""Disagreements about dates: the same occurrence dated differently, and the same day in other notations."""

from __future__ import annotations

from datetime import date

from reader.analysis.compare.disagreements import disagreements
from reader.analysis.compare.facts import read_sentences
from reader.analysis.model import Article
from reader.analysis.text.dates import days_named


def sentences(*pairs: tuple[str, str], published: str = "2015-03-06") -> list:  # type: ignore[type-arg]
    articles = [Article(id=a, source=f"{a}.txt", title=a, paragraphs=(text,), outlet=a.upper(), date=published) for a, text in pairs]
    return read_sentences(articles)


def test_one_day_in_any_notation_is_one_day() -> None:
    days = {r.day for text in ("3 March 2015", "March 3, 2015", "03/03/2015", "2015-03-03", "Tuesday, 3rd of March 2015") for r in days_named(text)}
    assert days == {date(2015, 3, 3)}
    assert [r.day for r in days_named("13/03/2015 and 3/13/2015")] == [date(2015, 3, 13)] * 2
    assert days_named("on 03/04/2015") == []  # March or April: not guessed
    assert days_named("they may 3 times") == [] and days_named("in June 2018, 10 people") == []


def test_a_day_without_a_year_is_read_in_the_articles_year() -> None:
    assert [r.day for r in days_named("on Tuesday, March 3 in Minsk", date(2015, 3, 6))] == [date(2015, 3, 3)]
    assert [r.day for r in days_named("talks on December 30", date(2016, 1, 4))] == [date(2015, 12, 30)]
    assert days_named("on March 3 in Minsk") == []  # no year to read it in


def test_the_same_occurrence_dated_differently_disagrees() -> None:
    (found,) = disagreements(sentences(
        ("a", "The ceasefire talks between the rebels and the government opened in Minsk on Tuesday, March 3."),
        ("b", "The rebels and the government opened ceasefire talks in Minsk on March 4."),
    ))
    assert found.measure == "date" and found.kind == "conflict"
    assert [c.figure for c in found.claims] == ["Tuesday, March 3", "March 4"]  # and no count of "3" against "4"


def test_a_year_differing_disagrees() -> None:
    (found,) = disagreements(sentences(
        ("a", "The treaty on the river border was signed on 3 March 2014 by both ministers."),
        ("b", "Both ministers signed the treaty on the river border on March 3, 2015."),
    ))
    assert found.measure == "date" and found.kind == "conflict"


def test_the_same_day_in_other_notations_agrees() -> None:
    assert disagreements(sentences(
        ("a", "The treaty on the river border was signed on 3 March 2015 by both ministers."),
        ("b", "Both ministers signed the treaty on the river border on March 3, 2015."),
        ("c", "Both ministers signed the river border treaty on 03/03/2015 in the capital."),
        ("d", "On Tuesday, March 3, the ministers signed the treaty on the river border."),
    )) == ()


def test_a_second_day_of_one_article_is_no_disagreement() -> None:
    assert disagreements(sentences(
        ("a", "The ceasefire talks in Minsk opened on March 3 and closed on March 5 without a deal."),
        ("b", "The ceasefire talks in Minsk closed on March 5 without a deal."),
    )) == ()


def test_dates_of_unrelated_sentences_are_not_compared() -> None:
    assert disagreements(sentences(
        ("a", "The ceasefire talks in Minsk opened on March 3."),
        ("b", "Parliament will vote on the budget on March 4."),
    )) == ()



def test_a_day_whose_year_was_guessed_agrees_with_that_day_in_the_year_written() -> None:
    # "December 15" in an article of September is read as last December; the article may mean
    # this December, and another outlet that writes the year is then no contradiction.
    assert disagreements(sentences(
        ("a", "The parliamentary elections in the republic are planned for December 15, 2013, on a two-party basis."),
        ("b", "The parliamentary elections in the republic are scheduled for December 15 on a two-party basis."),
        published="2013-09-27",
    )) == ()
    (found,) = disagreements(sentences(
        ("a", "The parliamentary elections in the republic are planned for December 15, 2013, on a two-party basis."),
        ("b", "The parliamentary elections in the republic are scheduled for December 16 on a two-party basis."),
        published="2013-09-27",
    ))
    assert found.kind == "conflict"  # another day is still another day
