"""The shortcuts that make entity recognition fast find what the plain rules find.

Each test is on a case a shortcut treats apart: text that is not ASCII, a lower-case particle
opening a name, an abbreviation, a lone function word opening a sentence, a name repeated
across articles (counted once per distinct mention by `unify`).
"""

from __future__ import annotations

from reader.analysis.model import Article
from reader.analysis.names import recognise, unify
from reader.analysis.names.chunks import chunk_pattern
from reader.analysis.names.sport import team_names


def test_score_lines_are_found_in_ascii_and_in_accented_text() -> None:
    assert team_names(["Riverton 2 Lakeside 1"]) == {"Riverton", "Lakeside"}
    assert team_names(["Lakeside 2 Malmö 1"]) == {"Lakeside", "Malmö"}
    assert team_names(["Lakeside ٢ Malmö ١"]) == {"Lakeside", "Malmö"}  # digits that are not ASCII
    assert team_names(["Talks on the 2 plans went on."]) == frozenset()


def test_runs_start_at_capitals_particles_and_abbreviations_only() -> None:
    text = "In a tent, al-Assad met Mr. Smith, then J. Lee of the U.S. in an in-house talk at Prof. Oz's."
    assert [m.group() for m in chunk_pattern().finditer(text)] == [
        "In",
        "al-Assad",
        "Mr. Smith",
        "J. Lee of the U.S.",
        "Prof. Oz",
    ]


def test_a_sentence_opening_function_word_is_no_name_but_the_rest_of_its_run_is() -> None:
    text = "The talks ended. But Lars Berg said the Riverton plan is dead. Berg left."
    names = {m.text: m.type for m in recognise([text])}
    assert names == {"Lars Berg": "PERSON", "Riverton": "PLACE", "Berg": "PERSON"}


def test_unify_counts_repeated_mentions_as_often_as_they_occur() -> None:
    # "Berg" alone stands for the Lars Berg named four times, not the Ann Berg named twice
    # (two different ways, which the distinct mentions would count once each).
    texts = [
        ("a", "Lars Berg spoke. Lars Berg left."),
        ("b", "Lars Berg came back. Lars Berg won."),
        ("c", "Ann Berg stayed."),
        ("d", "Ms. Ann Berg stayed."),
        ("e", "Berg said yes."),
    ]
    articles = [Article(id=i, source="", title="", paragraphs=(t,), entities=recognise((t,))) for i, t in texts]
    done, entities = unify(articles)
    bare = next(m for m in done[4].entities if m.text == "Berg")
    assert bare.entity == "person:lars-berg"
    assert {e.id for e in entities} >= {"person:lars-berg", "person:ann-berg"}
