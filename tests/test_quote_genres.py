"""Speaker rules for layouts and cues the attribution was not tuned on (issue #17).

Every text is written for the test; no name comes from a development set or the seeds.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Article
from reader.analysis.names import recognise, unify
from reader.analysis.quotes import find_quotes
from reader.analysis.quotes.title_case import is_title_case, lower_cues


def quotes(*paragraphs: str) -> list[tuple[str, str | None, str | None]]:
    """(kind, speaker's name, quotation text) of every quotation."""
    article = Article("a", "a", "a", paragraphs)
    article = replace(article, entities=recognise(article.paragraphs))
    (article,), table = unify([article])
    by_id = {e.id: e for e in table}
    return [(q.kind, by_id[q.speaker].name if q.speaker else None, q.text) for q in find_quotes(article, by_id)]


def test_a_short_quotation_right_after_a_speech_cue_is_speech() -> None:
    assert quotes("Ilse Marn was asked about a deal. Marn said, “Never.”") == [("direct", "Ilse Marn", "Never.")]


def test_a_short_sentence_of_attribution_after_a_closed_quotation() -> None:
    found = quotes("Ilse Marn spoke on Monday. “We are done with this.” Marn said.")
    assert found == [("direct", "Ilse Marn", "We are done with this.")]


def test_a_sentence_after_a_quotation_that_says_more_does_not_attribute_it() -> None:
    found = quotes("Ilse Marn spoke on Monday. “We are done with this.” Marn said the talks failed.")
    assert found[0][1] is None


def test_a_colon_introduction_without_a_verb_of_saying() -> None:
    found = quotes("Ilse Marn on the result: “We are done with this and more.”")
    assert found == [("direct", "Ilse Marn", "We are done with this and more.")]


def test_a_participle_cue_after_a_document_goes_to_the_subject() -> None:
    found = quotes("Ilse Marn issued a statement saying the talks had “failed completely and utterly”.")
    assert found == [("partial", "Ilse Marn", "failed completely and utterly")]


# -- kind 3: the clause's subject, not the nearest name -------------------------------------


def test_a_verb_joined_to_an_earlier_one_shares_its_subject() -> None:
    found = quotes("Mark Tollen criticised Dora Vell on Monday and said the judge had “an inherent conflict”.")
    assert found == [("partial", "Mark Tollen", "an inherent conflict")]


def test_a_name_inside_the_reported_clause_is_not_the_speaker() -> None:
    found = quotes("Mark Tollen, in Kentucky, said Tuesday that Dora Vell was “a total lightweight” in the race.")
    assert found == [("partial", "Mark Tollen", "a total lightweight")]


def test_an_apposition_before_the_verb_keeps_its_head_as_speaker() -> None:
    found = quotes("Edna Wilk, a salesman from the coast, says Jon Kasper will “leave here with momentum.”")
    assert found == [("partial", "Edna Wilk", "leave here with momentum.")]


def test_a_verb_under_a_modal_defers_to_the_reporting_verb() -> None:
    found = quotes("Jon Kasper said he is certain Ivo Pran will continue to be “a champion of the party”.")
    assert found == [("partial", "Jon Kasper", "a champion of the party")]


def test_a_participle_after_the_closing_mark_takes_the_sentence_subject() -> None:
    found = quotes("Dan Hollis said there is “only one strong candidate left,” adding that Mark Tollen “attacks us”.")
    assert [speaker for _, speaker, _ in found] == ["Dan Hollis", "Dan Hollis"]


def test_a_participle_after_an_inserted_cue_takes_that_cue_s_subject() -> None:
    found = quotes("Dora Vell did not stay long, Ann Roe said, adding, “She was never one for crowds.”")
    assert found == [("direct", "Ann Roe", "She was never one for crowds.")]


def test_an_inverted_speaker_s_phrase_ends_at_a_clause_word() -> None:
    found = quotes("“That is treason and the founders would agree,” said party member Dan Golvach when asked about Lia Ward.")
    assert found[0][1] == "Dan Golvach"


def test_a_verb_inside_a_that_clause_reports_the_outer_speaker_s_claim() -> None:
    claim = quotes("Mark Tollen said that Dora Vell begged him for support in May and “would have dropped to her knees”.")
    own = quotes("Mark Tollen said that Dora Vell told reporters “we are done with this”.")
    assert [claim[0][1], own[0][1]] == ["Mark Tollen", "Dora Vell"]


def test_the_spokesman_speaks_not_the_candidate_he_speaks_for() -> None:
    found = quotes("Ivo Pran campaign spokesman Tom Roberts said on Friday the plan would “fail the people”.")
    assert found == [("partial", "Tom Roberts", "fail the people")]


# -- kind 4: the person, not the affiliation ------------------------------------------------


def test_a_person_then_an_outlet_before_a_colon_gives_the_person() -> None:
    found = quotes("Tom Roberts, The Daily Ledger: “The plan would fail the people who need it most.”")
    assert found == [("direct", "Tom Roberts", "The plan would fail the people who need it most.")]


def test_a_name_in_a_prepositional_phrase_after_the_speaker_is_not_the_speaker() -> None:
    before = quotes("Tom Roberts of the Council on Public Policy said the plan would “fail the people”.")
    after = quotes("“The plan would fail the people,” said Tom Roberts of the Council on Public Policy.")
    assert [before[0][1], after[0][1]] == ["Tom Roberts", "Tom Roberts"]


# -- kind 5: marks that quote nobody --------------------------------------------------------


def test_marks_inside_an_embedded_post_are_not_quotations() -> None:
    found = quotes(
        "Lia Vant posted a reply on Monday.",
        'Ivo Pran is wearing a hat that says "MAKE THE PORT GREAT" … honestly, people — Lia Vant (@liavant) '
        "September 1, 2016",
        "Kol Dorran said the hat was “a joke and nothing more”.",
    )
    assert found == [("partial", "Kol Dorran", "a joke and nothing more")]


def test_a_markup_attribute_left_in_the_text_is_not_a_quotation() -> None:
    found = quotes('<post author="@liavant" date="2016-09-01">Kol Dorran said the port was “closed for good”.')
    assert [text for _, _, text in found] == ["closed for good"]


# -- cues missing ---------------------------------------------------------------------------


def test_verbs_of_condemnation_are_cues() -> None:
    found = quotes("Dan Hollis denounced the remarks as “hurtful and humiliating” on Monday.")
    assert found == [("partial", "Dan Hollis", "hurtful and humiliating")]


def test_an_inverted_cue_opening_the_sentence_names_the_speaker_after_it() -> None:
    found = quotes("The old gym is a museum now. Said Dora Vell, who grew up near it, “We were all so proud of him.”")
    assert found[0][1:] == ("Dora Vell", "We were all so proud of him.")


def test_a_phrasal_verb_of_reply_after_the_name_is_a_cue() -> None:
    back = quotes("“They are all here for the free stuff,” Dan Hollis shot back with a laugh.")
    on = quotes("“You know, it happens, right?” Dan Hollis went on, as if he had not heard.")
    assert [back[0][1], on[0][1]] == ["Dan Hollis", "Dan Hollis"]


def test_the_person_a_colon_introduction_is_addressed_to_does_not_speak() -> None:
    found = quotes("Senate leader Lia Vant delivered a blunt message to Mark Tollen: “It is time to quit attacking people.”")
    assert found[0][1] != "Mark Tollen"


# -- cues in Title-Case lines ----------------------------------------------------------------


def test_a_cue_in_a_title_case_headline_is_a_cue() -> None:
    found = quotes(
        "Port Plan Will “Fail the People Who Need It,” Ilse Marn Says",
        "Ilse Marn spoke in Ostwick on Monday about the plan for the port and its workers.",
    )
    assert found[0][:2] == ("partial", "Ilse Marn")


def test_a_cue_before_the_quotation_in_a_title_case_headline() -> None:
    found = quotes(
        "Ilse Marn Says Port Plan Will “Fail the People Who Need It”",
        "Ilse Marn spoke in Ostwick on Monday about the plan for the port and its workers.",
    )
    assert found[0][1] == "Ilse Marn"


def test_capitals_in_prose_and_all_capital_lines_are_not_title_case() -> None:
    assert is_title_case("Ilse Marn Says Port Plan Will XXXX XXX XXXXXX")
    assert not is_title_case("Ilse Marn went to the Promises Treatment Center on Monday.")
    assert not is_title_case("ILSE MARN SAYS PORT PLAN WILL XXXX")
    assert lower_cues("Ilse Marn Says Plan Fails") == "Ilse Marn says Plan Fails"
