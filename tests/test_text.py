"""The text rules every stage shares: one sentence splitter, one abbreviation list, one month table."""

from __future__ import annotations

import pytest

from reader.analysis.clean import metadata
from reader.analysis.names.chunks import sentence_start
from reader.analysis.text import dates, sentences
from reader.analysis.text.words import FUNCTION_WORDS, is_abbreviation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Putin met Xi. They talked.", ["Mr. Putin met Xi.", "They talked."]),
        ("Alaska Gov. Sarah Palin spoke. Then she left.", ["Alaska Gov. Sarah Palin spoke.", "Then she left."]),
        ("The U.S. President and J. Smith met in L.A. on Friday.", ["The U.S. President and J. Smith met in L.A. on Friday."]),
        ("“Go!” Prime Minister Lee shouted. He left.", ["“Go!” Prime Minister Lee shouted.", "He left."]),
        ("He said no. Then he left.", ["He said no.", "Then he left."]),
        ('She said: "It is over." Then she left.', ['She said: "It is over."', "Then she left."]),
        ("Posted on 08. 07. 2012 at noon. More later.", ["Posted on 08. 07. 2012 at noon.", "More later."]),
        ("Shares rose 5.2 per cent. Analysts cheered.", ["Shares rose 5.2 per cent.", "Analysts cheered."]),
    ],
)
def test_one_splitter_knows_abbreviations_initials_and_quoted_exclamations(text: str, expected: list[str]) -> None:
    assert sentences.split(text) == expected


def test_every_stage_agrees_on_where_a_sentence_begins() -> None:
    text = "Mr. Putin met Xi. Gov. Palin was there. “Go!” Prime Minister Lee shouted."
    starts = set(sentences.starts(text))
    for position, char in enumerate(text):
        if char.isupper() and (position == 0 or text[position - 1] == " "):
            assert sentences.begins_sentence(text, position) == (position in starts), text[position:]
            # Names find the same sentence starts (and treat a capital after a colon as one too).
            assert sentence_start(text, position) == (position in starts), text[position:]


def test_bounds_give_the_sentence_around_a_position() -> None:
    text = "First one. Second one here. Third."
    starts = sentences.starts(text)
    assert sentences.bounds(starts, len(text), text.index("one here")) == (11, 28)


def test_abbreviations_are_compared_as_written() -> None:
    assert is_abbreviation("Mr") and is_abbreviation("U.S") and is_abbreviation("D.C") and is_abbreviation("J")
    assert not is_abbreviation("no") and not is_abbreviation("Putin")


def test_a_headline_may_hold_an_ellipsis_but_not_two_sentences() -> None:
    assert metadata.is_headline("Star Checks Out Of Rehab... To Check Into Another")
    assert not metadata.is_headline("The minister resigned. His deputy takes over")
    assert metadata.is_headline("Mr. Putin arrives in Beijing")


def test_one_month_table_reads_every_date_form() -> None:
    assert dates.parse_date("Friday 08 June 2018 16:29 BST") == "2018-06-08"
    assert dates.dateline_date("Updated Sept. 3, 2019 at 4:10 pm") == "2019-09-03"
    assert dates.MONTHS["sept"] == dates.MONTHS["september"] == 9
    assert [ref.text for ref in dates.time_refs(("The deal signed in February 2022 stood.",))] == ["February 2022"]


def test_function_words_are_one_list_that_names_extend() -> None:
    from reader.analysis.names import lexicon

    assert FUNCTION_WORDS < lexicon.FUNCTION_WORDS


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("At least 40 people were killed.", "num:40"),
        ("It cost $1bn.", "usd:1e+09"),
        ("Turnout rose to 12%.", "num:12"),
        ("The talks began on March 15 in Geneva.", "num:15"),
        ("The actress died aged 91.", "num:91"),
        ("Quake in Iran Kills 10", "num:10"),
        ("He ran 10km before 7:07AM", "num:10"),
        ("The Q10 sold well.", "id:q10"),
        ("An F-35 crashed.", "id:f35"),
        ("Apple launched the iPhone 6 in Cupertino.", "id:iphone6"),
        ("Malaysia Airlines Flight 370 vanished.", "id:flight370"),
        ("The Boeing 737 was grounded.", "id:boeing737"),
        ("Spain won Euro 2016 in France.", "id:euro2016"),
        ("The Philadelphia 76ers won.", "id:76ers"),
        ("He was shot with an AK-47.", "id:ak47"),
        ("Xi has met Putin 30 times.", "num:30"),
    ],
)
def test_figures_in_context_and_numbers_that_are_names(text: str, key: str) -> None:
    from reader.analysis.text.normalise import figures

    assert figures(text)[0].key == key
