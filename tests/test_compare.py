"""Comparing coverage of one event: the quotation ledger, single-source sentences, disagreements."""

from __future__ import annotations

import math

from reader.analysis.compare import compare_event, compare_events
from reader.analysis.compare.disagreements import disagreements
from reader.analysis.compare.facts import read_sentences
from reader.analysis.compare.ledger import ledger
from reader.analysis.compare.quantities import quantities
from reader.analysis.compare.single_source import single_source
from reader.analysis.model import Anchor, Article, Entity, EntityMention, Event, Link, Quote


def _quote(paragraphs: tuple[str, ...], paragraph: int, text: str, speaker: str | None = "person:ann-lee") -> Quote:
    start = paragraphs[paragraph].index(text)
    return Quote(paragraph, start, start + len(text), text, speaker, "direct", "said")


def art(id: str, *paragraphs: str, quotes: tuple[tuple[int, str], ...] = ()) -> Article:
    return Article(
        id=id, source=f"{id}.txt", title=id, paragraphs=paragraphs, outlet=id.upper(),
        quotes=tuple(_quote(paragraphs, p, t) for p, t in quotes),
    )


def quote_link(a: str, pa: int, b: str, pb: int, kind: str = "quote") -> Link:
    return Link(kind, 90.0, Anchor(a, pa), Anchor(b, pb), event="e1")


def split(articles: list[Article]) -> list:  # type: ignore[type-arg]
    return read_sentences(articles)


LONG = "We will rebuild the harbour wall before the winter storms arrive"
SHORT = "rebuild the harbour wall before the storms arrive"
A = art("a", f"\u201c{LONG},\u201d Ann Lee said on Monday.", quotes=((0, LONG),))
B = art("b", f'Mayor Ann Lee promised: "{SHORT}."', quotes=((0, SHORT),))


# -- quantities ---------------------------------------------------------------------------------


def test_same_amount_in_other_notations_is_one_value() -> None:
    values = {q.low for text in ("a $1bn fund", "a $1 billion fund", "one billion dollars for the fund")
              for q in quantities(text)}
    assert values == {1e9}
    assert {q.unit for q in quantities("60 per cent of voters") + quantities("60% of voters")} == {"pct"}


def test_qualifiers_and_ranges_give_bounds() -> None:
    (bound,) = quantities("At least 60 people were killed.")
    assert (bound.low, bound.high, bound.counts) == (60, math.inf, "killed")
    (span,) = quantities("Between 50 and 60 people died.")
    assert (span.low, span.high) == (50, 60)
    dead, hurt = quantities("At least 60 people were killed and 200 injured.")
    assert (dead.counts, hurt.counts) == ("killed", "injured")


# -- ledger ---------------------------------------------------------------------------------------


def test_ledger_groups_renderings_and_diffs_against_the_fullest() -> None:
    (entry,) = ledger([A, B], [quote_link("a", 0, "b", 0)])
    assert entry.fullest.article == "a" and entry.speaker == "person:ann-lee"
    assert [r.article for r in entry.renderings] == ["a", "b"]
    cut = " ".join(run.text for run in entry.renderings[1].diff if run.op == "delete")
    assert "We will" in cut and "winter" in cut


def test_ledger_without_a_quote_link_keeps_quotations_apart() -> None:
    entries = ledger([A, B], [])
    assert sorted(len(e.renderings) for e in entries) == [1, 1]


# -- single source ---------------------------------------------------------------------------------


def test_single_source_keeps_only_what_no_other_article_reports() -> None:
    a = art(
        "a",
        "The storm flooded the harbour district and closed the coastal railway line overnight.",
        "Local fishermen said the new breakwater had cracked along its northern section during the night.",
        "The repairs will cost 4,500,000 euros according to the regional council's engineers.",
    )
    b = art(
        "b",
        "Overnight the storm flooded the harbour district and closed the coastal railway line.",
        "Regional engineers put the repair bill at 4,500,000 euros for the whole seafront.",
    )
    links = [quote_link("a", 0, "b", 0, kind="passage")]
    found = single_source([a, b], split([a, b]), links, [])
    assert [(s.article, s.paragraph) for s in found] == [("a", 1)]


def test_a_sentence_another_article_repeats_word_for_word_is_not_single_source() -> None:
    # Wire copy repeats short background sentences that no passage link covers.
    a = art("a", "The storm flooded the harbour district overnight.", "The current harbour council members were all elected without any opposition.")
    b = art("b", "Crews worked through the night at the harbour wall.", "The current harbour council members were all elected without any opposition.")
    found = single_source([a, b], split([a, b]), [], [])
    assert [(s.article, s.paragraph) for s in found] == [("a", 0), ("b", 0)]


def test_a_shared_quotation_is_not_single_source() -> None:
    entries = ledger([A, B], [quote_link("a", 0, "b", 0)])
    found = single_source([A, B], split([A, B]), [], entries)
    assert found == ()


# -- disagreements ---------------------------------------------------------------------------------


def _claims(*pairs: tuple[str, str]) -> list:  # type: ignore[type-arg]
    return [s for article, sentence in pairs for s in read_sentences([art(article, sentence)])]


def test_equal_values_in_other_words_do_not_disagree() -> None:
    assert disagreements(_claims(
        ("a", "The two leaders signed a joint $1 billion industrial investment fund."),
        ("b", "The leaders signed several deals including a joint $1bn industrial investment fund."),
        ("c", "Turnout in the northern region reached 60 per cent, officials of the leaders said."),
        ("d", "Officials of the leaders said turnout in the northern region reached 60%."),
    )) == ()


def test_different_death_tolls_conflict() -> None:
    (found,) = disagreements(_claims(
        ("a", "The earthquake killed 60 people in the mountain villages, officials said."),
        ("b", "Officials said the earthquake killed 75 people in the mountain villages."),
    ))
    assert found.kind == "conflict" and found.measure == "killed"
    assert [c.figure for c in found.claims] == ["60", "75"]


def test_at_least_against_an_exact_figure_is_a_difference_in_kind() -> None:
    (found,) = disagreements(_claims(
        ("a", "At least 60 people were killed when the earthquake struck the mountain villages."),
        ("b", "The earthquake that struck the mountain villages killed 62 people."),
    ))
    assert found.kind == "kind"


def test_a_range_holding_the_figure_is_a_difference_in_kind() -> None:
    (found,) = disagreements(_claims(
        ("a", "Between 50 and 70 people were killed when the earthquake struck the villages."),
        ("b", "The earthquake that struck the villages killed 62 people."),
    ))
    assert found.kind == "kind"


def test_a_death_toll_and_an_injured_count_are_different_quantities() -> None:
    assert disagreements(_claims(
        ("a", "The earthquake in the mountain villages killed 60 people."),
        ("b", "The earthquake in the mountain villages injured 200 people."),
    )) == ()


# -- the whole comparison ------------------------------------------------------------------------------


def test_compare_events_covers_events_of_two_articles_and_names_who_each_names() -> None:
    lee = Entity("person:ann-lee", "Ann Lee", "PERSON")
    a = Article(**{**_fields(A), "entities": (EntityMention(0, A.paragraphs[0].index("Ann"), 0, "Ann Lee", "PERSON", lee.id),)})
    events = (Event("e1", "Harbour", None, ("a", "b")), Event("e2", "Alone", None, ("c",)))
    lone = art("c", "Nothing else.")
    (found,) = compare_events([a, B, lone], events, [lee], [quote_link("a", 0, "b", 0)])
    assert found.event == "e1"
    assert [(n.name, n.articles) for n in found.named] == [("Ann Lee", ("a",))]
    assert compare_event(events[0], [a, B], {lee.id: lee}, [quote_link("a", 0, "b", 0)]) == found


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in Article.__dataclass_fields__}


# -- side by side ------------------------------------------------------------------------------------


def test_alignment_puts_linked_paragraphs_on_one_row_and_keeps_order() -> None:
    from reader.analysis.compare.alignment import align

    links = [
        quote_link("a", 1, "b", 0),
        quote_link("b", 2, "a", 3, kind="passage"),  # seen from the other end
        quote_link("a", 0, "b", 3),  # crosses the others: dropped
    ]
    rows = align("a", 5, "b", 4, links)
    assert rows == ((0, None), (1, 0), (2, None), (None, 1), (3, 2), (4, None), (None, 3))
    assert align("b", 4, "a", 5, links)[1] == (0, 1)
    assert align("a", 2, "b", 1, []) == ((0, None), (1, None), (None, 0))


def test_the_event_names_the_place_its_articles_name_most_and_which_renderings_differ() -> None:
    from reader.analysis.compare import compare_event
    from reader.analysis.model import Anchor, Entity, EntityMention, Event, Link, Quote

    minsk, kyiv = Entity("place:minsk", "Minsk", "PLACE"), Entity("place:kyiv", "Kyiv", "PLACE")

    def article(id: str, text: str, quote: str, places: tuple[Entity, ...]) -> Article:
        mentions = tuple(EntityMention(0, 0, 1, p.name, "PLACE", p.id) for p in places)
        start = text.index(quote)
        return Article(id=id, source=f"{id}.txt", title=id, paragraphs=(text,), entities=mentions,
                       quotes=(Quote(0, start, start + len(quote), quote, None, "direct", "said"),))

    a = article("a", 'In Minsk, Kyiv and Minsk again: "we will talk until the guns fall silent," he said.', "we will talk until the guns fall silent", (minsk, kyiv, minsk))
    b = article("b", 'He said: "we will talk until the guns fall silent."', "we will talk until the guns fall silent", (kyiv,))
    c = article("c", 'He said: "we will talk until the guns are silent."', "we will talk until the guns are silent", ())
    links = [Link("quote", 90.0, Anchor("a", 0), Anchor(x, 0), event="e") for x in ("b", "c")]
    found = compare_event(Event("e", "Talks", None, ("a", "b", "c")), [a, b, c], {e.id: e for e in (minsk, kyiv)}, links)
    assert found.place == "Minsk"
    (entry,) = found.ledger
    assert {r.article: r.changed for r in entry.renderings} == {"a": False, "b": False, "c": True}


def test_a_name_after_a_figure_labels_a_list_item_and_is_not_what_it_counts() -> None:
    # "46 in Northfield region, 25 in Southdale region" counts candidates; "Northfield province-15"
    # counts districts. The region names both lists share say nothing of what their figures count.
    found = disagreements(read_sentences([
        Article(id="a", source="a.txt", title="a", outlet="A", paragraphs=(
            "Of the 288 candidates, 37 registered in the capital, 46 in Northfield region, 25 in Southdale region and 63 in Eastmoor region.",)),
        Article(id="b", source="b.txt", title="b", outlet="B", paragraphs=(
            "Electoral districts will be established: capital city-15, Northfield province-15, Southdale province-10, Eastmoor province-27.",)),
    ]))
    assert [d for d in found if d.kind == "conflict"] == []


def test_clock_times_codes_and_scores_are_no_quantities() -> None:
    assert quantities("Firefighters were called about 9:40 p.m. Friday and found flames.") == []
    assert quantities("He gave himself up just after 6 pm, police said.") == []
    assert quantities("The quake struck at 09:10 local time (0440 GMT).") == []
    assert [q.text for q in quantities("Call the hotline on 0800 555 111.")] == ["555", "111"]  # the code's head is no amount
    assert quantities("The champion improved to 36-3 with the win.") == []  # a record, not a range
    assert [(q.low, q.high) for q in quantities("Between 50-60 people were hurt.")] == [(50.0, 60.0)]


def test_a_count_of_nothing_named_is_never_a_disagreement() -> None:
    # A rank or a bare number says nothing of what it measures; different ranks are no contradiction.
    found = disagreements(read_sentences([
        Article(id="a", source="a.txt", title="a", outlet="A", paragraphs=("In the weekly ranking of the candidates for the nomination, Jane Marlow came 3.",)),
        Article(id="b", source="b.txt", title="b", outlet="B", paragraphs=("In the new ranking of the candidates for the nomination, Jane Marlow came 1.",)),
    ]))
    assert found == ()


def test_what_a_figure_counts_stays_in_its_clause() -> None:
    (quantity,) = quantities("The suspect surrendered at the age of 61, police said.")
    assert quantity.counts == ""  # not "police"
