"""Entity rules that must hold on genres the recogniser was not tuned on (issue #17).

Every text here is written for the test; no name comes from a development set or the seeds.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import UNTYPED, Article, EntityMention
from reader.analysis.names import recognise, unify


def found(*paragraphs: str) -> dict[str, EntityMention]:
    return {m.text: m for m in recognise(paragraphs)}


def test_a_known_region_ending_in_a_compass_word_is_a_place() -> None:
    names = found("Talks on the Middle East resumed, and the enormous Russian Far East was mentioned.")
    assert names["Middle East"].type == "PLACE"
    assert names["Russian Far East"].type == "PLACE"


def test_the_employer_before_a_role_is_an_organisation_not_part_of_the_title() -> None:
    for text in ("Brakvell CEO Ilse Marn said the deal was done.", "They said Brakvell CEO Ilse Marn left."):
        names = found(text)
        assert names["Brakvell"].type == "ORG"
        assert names["Ilse Marn"].type == "PERSON" and names["Ilse Marn"].title == "CEO"


def test_a_portfolio_before_a_minister_stays_in_the_title() -> None:
    names = found("Unification Minister Ilse Marn spoke.")
    assert "Unification" not in names and names["Ilse Marn"].type == "PERSON"


def test_two_capitalised_words_before_a_lower_case_role_are_the_employer() -> None:
    names = found("The Orvex Steel chairman Ilse Marn spoke on Monday.")
    assert names["Orvex Steel"].type == "ORG"


def test_two_capitalised_words_that_the_article_writes_in_lower_case_are_a_thing() -> None:
    names = found("Orvex Steel said output fell.", "Prices of steel rose again this year.")
    assert names["Orvex Steel"].type == "ORG"


def test_two_unknown_words_stay_a_person_when_the_surname_speaks() -> None:
    names = found("Ilse Marnova arrived.", "Marnova said the talks went well.")
    assert names["Ilse Marnova"].type == "PERSON"


def test_a_lone_unknown_name_that_speaks_is_a_person() -> None:
    names = found("The glue dissolves the film completely, Tarvel explains.")
    assert names["Tarvel"].type == "PERSON"


def test_a_results_table_row_keeps_its_person_and_country() -> None:
    names = found("Results", "12. Anna Vesterby (Norway) 51.2", "13. Lise Holmqvist (Sweden) 52.0")
    assert names["Anna Vesterby"].type == "PERSON" and names["Lise Holmqvist"].type == "PERSON"
    assert names["Norway"].type == "PLACE" and names["Sweden"].type == "PLACE"


def test_a_country_in_brackets_is_no_acronym_of_the_name_before_it() -> None:
    mentions = recognise(("The Vesterby Institute (Norway) and the Vesterby Trade Council (VTC) met.", "Norway agreed."))
    by_text = {m.text: m for m in mentions}
    assert by_text["Norway"].type == "PLACE"
    assert by_text["VTC"].entity == by_text["Vesterby Trade Council"].entity
    assert all(m.entity != by_text["Vesterby Institute"].entity for m in mentions if m.text == "Norway")


def test_an_all_caps_place_of_several_words_is_looked_up_whole() -> None:
    for lines in (("SNOW HITS NEW YORK", "Snow fell on Monday."), ("NEW YORK, March 3 - Talks ended.",)):
        mentions = recognise(lines)
        assert ("NEW YORK", "PLACE") in {(m.text, m.type) for m in mentions}
        assert "YORK" not in {m.text for m in mentions}


def test_sides_in_a_score_line_are_clubs_and_the_town_after_in_is_a_place() -> None:
    mentions = recognise(("Riverton City 2 Lakeside 0", "Riverton City beat Lakeside on Saturday in Riverton."))
    kinds = {(m.paragraph, m.text): m.type for m in mentions}
    assert kinds[(0, "Riverton City")] == "ORG" and kinds[(0, "Lakeside")] == "ORG"
    assert kinds[(1, "Lakeside")] == "ORG" and kinds[(1, "Riverton")] == "PLACE"


def test_a_date_is_no_side_in_a_score_line() -> None:
    from reader.analysis.names.sport import team_names

    assert not any("June" in side for side in team_names(["Talks ended on June 5 and Lee 3 left."]))
    assert team_names(["Riverton 2-1 Lakeside Rovers"]) == {"Riverton", "Lakeside Rovers"}


def test_a_lone_name_after_an_inverted_verb_of_saying_is_a_person() -> None:
    names = found("The market has always had a political side, says Tarvel.")
    assert names["Tarvel"].type == "PERSON"


def test_a_body_line_set_in_title_case_is_read_as_a_headline() -> None:
    assert found("Review", "Best Pizza In Town And Friendly Staff", "We went there twice.") == {}
    assert set(found("Review", "Thanks For The Quick Work On Our New Roof Panels", "We paid.")) == set()


def test_capitals_that_stress_words_in_a_mixed_case_line_are_no_organisations() -> None:
    names = found(
        "Velmora is NOT a town, it is a river. The staff were AMAZING, the food amazing too.",
        "We LOVE it here and love the view. YOU MUST SEE THE GARDEN. The ORVAC board met and ORVAC agreed.",
    )
    assert not {"NOT", "AMAZING", "LOVE", "YOU MUST SEE THE GARDEN"} & set(names)
    assert names["ORVAC"].type == "ORG"


def test_praise_exclamations_and_stretched_words_in_capitals_are_no_organisations() -> None:
    names = found("What are some GOOD clubs? WOW, the staff did an AMAZING JOB and it was VERYYY cheap.", "The PPP and MSWATI III won.")
    assert not {"GOOD", "WOW", "AMAZING JOB", "VERYYY"} & set(names)
    assert names["PPP"].type == "ORG" and "MSWATI III" in names  # a letter repeated alone is no stress


def test_a_review_praising_a_common_noun_names_no_organisation() -> None:
    names = found("Great Service! Excellent Pizza too, the best pizza in town.", "Poor Service", "We loved the service.")
    assert not {"Great Service", "Excellent Pizza", "Poor Service"} & set(names)
    names = found("The Great Lakes Bank and the Free Workers Union reported it.")
    assert names["Great Lakes Bank"].type == "ORG" and names["Free Workers Union"].type == "ORG"


def test_initialisms_of_common_nouns_are_no_organisations() -> None:
    names = found("I still have the VHS tapes and a DVD player, and the IPO was ASAP.")
    assert not {"VHS", "DVD", "IPO", "ASAP"} & set(names)


def test_a_company_opening_a_sentence_keeps_its_name_before_the_suffix() -> None:
    names = found("Vorlex Corp said in a statement that profits fell.", "Brenmark Group will buy it.")
    assert names["Vorlex Corp"].type == "ORG" and names["Brenmark Group"].type == "ORG"
    assert "Corp" not in names and "Group" not in names


def test_a_body_named_for_its_subject_keeps_on_inside_the_name() -> None:
    names = found(
        "Anna Kovarik of the Council on Foreign Relations said the plan would fail.",
        "The Committee on Oversight and Reform met, and the Council on Monday agreed.",
    )
    assert names["Council on Foreign Relations"].type == "ORG"
    assert names["Anna Kovarik"].type == "PERSON" and "Foreign Relations" not in names
    assert names["Committee on Oversight and Reform"].type == "ORG"
    assert "Council on" not in names and "Council" not in names  # "the Council" alone: a head word, no name


def test_a_lone_unknown_surname_that_acts_is_a_person() -> None:
    names = found("Critics were unkind. In 2003 Varnsley made headlines when he sold the farm.")
    assert names["Varnsley"].type == "PERSON"
    assert found("Critics were unkind to Varnsley's films.")["Varnsley"].type == "PERSON"
    names = found("Last year the Varnsley report was late, and he said so.", "Output at Orvex fell, he said.")
    # "the Varnsley report" is no deed: no person; named once with no other sign, it stays untyped.
    assert names["Varnsley"].type == UNTYPED and names["Orvex"].type == "PLACE"


def test_a_nationality_or_a_position_before_a_name_is_not_part_of_it() -> None:
    names = found("The Swede Tomas Berglund won, ahead of Dane Mette Holm.", "Defender Xilo Varnak scored twice.")
    assert names["Tomas Berglund"].type == "PERSON" and names["Mette Holm"].type == "PERSON"
    assert names["Xilo Varnak"].type == "PERSON"
    assert not {"Swede Tomas Berglund", "Dane Mette Holm", "Defender Xilo Varnak"} & set(names)


def test_a_town_that_issues_statements_or_has_shares_is_an_organisation() -> None:
    mentions = recognise(("Riverton said in a statement that the coach had left.", "Shares of Riverton rose."))
    assert [m.type for m in mentions if m.text == "Riverton"] == ["ORG", "ORG"]
    assert {m.type for m in recognise(("U.S. shares fell.",)) if m.text == "U.S."} == {"PLACE"}


def test_a_town_in_brackets_after_a_player_in_a_sports_report_is_the_club() -> None:
    mentions = recognise(
        ("Tomas Berglund (Riverton) scored twice, and Ann Lee (Norway) was booked.", "The match in Riverton ended late.")
    )
    kinds = {(m.paragraph, m.text): m for m in mentions}
    assert kinds[(0, "Riverton")].type == "ORG" and kinds[(0, "Norway")].type == "PLACE"
    assert kinds[(1, "Riverton")].type == "PLACE"
    person = kinds[(0, "Tomas Berglund")].entity
    assert kinds[(0, "Riverton")].entity != person and kinds[(0, "Norway")].entity != kinds[(0, "Ann Lee")].entity
    away = {m.text: m.type for m in recognise(("Tomas Berglund (Riverton) spoke at the town hall.",))}
    assert away["Riverton"] == "PLACE"


def test_a_line_that_is_only_a_given_name_greets_or_signs_a_letter() -> None:
    mentions = recognise(("Renee,", "Please send the file by Friday.", "Thanks", "Phillip"))
    assert {(m.text, m.type) for m in mentions} == {("Renee", "PERSON"), ("Phillip", "PERSON")}


def test_an_unknown_word_the_article_puts_after_in_is_a_place() -> None:
    mentions = recognise(("Fighting in Tuzbek went on all week.", "Later the assault on Tuzbek began."))
    kinds = {(m.paragraph, m.text): m.type for m in mentions}
    assert kinds[(1, "Tuzbek")] == "PLACE"
    # A company listed with a country, or working "at" something, is no place for it.
    names = found("Talks between Orvex and China stalled.", "She worked at Orvex, and Orvex shares rose.")
    assert names["Orvex"].type == "ORG"


def test_words_inside_web_addresses_and_file_names_are_no_names() -> None:
    names = found(
        "See http://www.example.org/wiki/Cubism and the file TEXT.htm, or write to Orla.Venn@example.com.",
        "Orla Venn said the site was down.",
    )
    assert set(names) == {"Orla Venn"}


def test_praise_and_quoted_titles_of_two_capitalised_words_are_no_people() -> None:
    names = found("Great Pancakes and the Best Pizzas in town!", 'We saw "Silent Morning" twice.', "Orla Venn cooked.")
    assert set(names) == {"Orla Venn"}


def test_signs_of_a_person_before_or_after_an_unknown_name() -> None:
    from reader.analysis.names.context import Name, _acts_as_person

    for text in ("The spokesman Orla Venn arrived.", "The 37-year-old Orla Venn arrived.", "Orla Venn, a Danish national, arrived."):
        at = text.index("Orla")
        assert _acts_as_person([text], Name(0, at, at + 9, "Orla Venn", None, None), "", f" {text} ")
    text = "The Orla Venn plan arrived."
    assert not _acts_as_person([text], Name(0, 4, 13, "Orla Venn", None, None), "", f" {text} ")


def test_a_bracket_that_opens_a_sentence_proves_nothing_by_its_capital() -> None:
    names = found("Prices fell (See attached file: report.pdf) and Ann Lee (Riverton) spoke.", "(Tarvel said nothing.)")
    assert "See" not in names
    assert names["Riverton"].type == "PLACE" and names["Tarvel"].type == "PERSON"


def test_a_capitalised_label_before_a_number_is_no_organisation() -> None:
    names = found("The storm became a Category 5 storm; see Section 7 of the deal.", "Riverton 2 Lakeside 1")
    assert "Category" not in names and "Section" not in names
    assert names["Riverton"].type == "ORG" and names["Lakeside"].type == "ORG"


def test_an_unknown_name_that_issues_statements_or_has_shares_is_an_organisation() -> None:
    names = found("Orvex shares rose. Brenmark said in a statement it would sell.", "A spokesman for Talvane declined.")
    assert names["Orvex"].type == "ORG" and names["Brenmark"].type == "ORG" and names["Talvane"].type == "ORG"
    assert "Officials" not in found("Officials announced the sale.")


def test_and_between_two_names_splits_them_unless_a_head_word_ends_the_run() -> None:
    names = found("Talks between Brenmark and Ostvale ended.", "The Brenmark and Ostvale Railway Company opened.")
    assert {"Brenmark", "Ostvale", "Brenmark and Ostvale Railway Company"} <= set(names)
    assert "Brenmark and Ostvale" not in names


def test_a_lone_word_named_once_with_no_sign_of_its_type_is_left_untyped() -> None:
    names = found("What kind of Meal do people eat there? We tried a Brolla once.")
    assert names["Meal"].type == UNTYPED and names["Brolla"].type == UNTYPED
    # Named twice, or an acronym, a lone unknown word is still taken for an organisation.
    names = found("Talks with Ostravel failed.", "Ostravel later walked out, as did the KVRA.")
    assert names["Ostravel"].type == "ORG" and names["KVRA"].type == "ORG"
    assert found("The talks resumed, Telvox reports citing officials.")["Telvox"].type == "ORG"  # an outlet
    names = found("Clips went up on VidStream and OrvexMobil overnight, with one about McKerrow.")
    assert names["VidStream"].type == "ORG" and names["OrvexMobil"].type == "ORG"  # a brand's inner capital
    assert names["McKerrow"].type == UNTYPED  # a surname's prefix is no brand


def test_the_corpus_types_an_untyped_word_or_drops_it() -> None:
    first = Article("a", "", "", ("A spokesman for Ostravel declined. Mira Tennant said no.",))
    second = Article("b", "", "", ("We tried a Brolla and met Ostravel, then Tennant.",))
    articles, table = unify([replace(a, entities=recognise(a.paragraphs)) for a in (first, second)])
    typed = {m.text: m.type for m in articles[1].entities}
    # Another article's organisation, a surname named in full elsewhere: typed as there.
    assert typed == {"Ostravel": "ORG", "Tennant": "PERSON"}
    assert UNTYPED not in {e.type for e in table} and "Brolla" not in {e.name for e in table}


def test_a_lone_name_after_a_closing_quotation_that_says_is_a_person() -> None:
    names = found("“We will go on,” Lindqvar said. “Never,” Ostrem said, and left.")
    assert names["Lindqvar"].type == "PERSON" and names["Ostrem"].type == "PERSON"


def test_a_lone_name_opening_a_sentence_before_who_is_a_person() -> None:
    names = found("The race ended. Varnholt, who won it twice, retired. Officials, who watched, left.")
    assert names["Varnholt"].type == "PERSON" and "Officials" not in names


def test_an_office_alone_or_an_age_is_no_one_s_name() -> None:
    names = found(
        "The Minister of State chairs it, and the Lord Mayor of Lyon met Halvard Brenn, General Director.",
        "In the Middle Ages a Bronze Age site was found.",
    )
    assert not {"Minister of State", "Mayor", "Director", "Middle Ages", "Bronze Age"} & set(names)
    assert names["Lyon"].type == "PLACE" and names["Halvard Brenn"].type == "PERSON"


def test_a_lone_word_that_is_travelled_to_or_holds_a_site_is_a_place() -> None:
    names = found(
        "He later returned to Kirriby. Shells hit the Tolvane refugee camp and the Brisca market.",
        "Aid reached the camps of Zelvo, in Sudan. An Orvex market opened.",
    )
    assert {names[w].type for w in ("Kirriby", "Tolvane", "Brisca", "Zelvo")} == {"PLACE"}
    assert names["Orvex"].type == UNTYPED  # "an Orvex market" is some firm's, not a place's


def test_a_lone_word_listed_as_a_kind_of_company_or_described_as_a_person() -> None:
    names = found(
        "The summit drew companies such as Orvex, Talvane and Brenmark.",
        "Later Georvin and his wife left, with Rosalind, an 18-year-old student, and Varga himself.",
    )
    assert {names[w].type for w in ("Orvex", "Talvane", "Brenmark")} == {"ORG"}
    assert {names[w].type for w in ("Georvin", "Rosalind", "Varga")} == {"PERSON"}
    assert found("Fruits such as Quelva are sold.")["Quelva"].type == UNTYPED  # fruit is no organisation


def test_a_body_s_head_word_alone_names_no_organisation() -> None:
    names = found("The Government said the Council would meet. Orvex Holdings, Inc. agreed.", "The Guardian reported it.")
    assert not {"Government", "Council", "Inc", "Inc."} & set(names)
    assert names["Guardian"].type == "ORG"  # a newspaper's head alone is the paper
    assert found("Members of Congress met.")["Congress"].type == "ORG"


def test_places_in_lower_case_count_where_the_writer_drops_capitals() -> None:
    names = found("i moved from san francisco to kerala last year, any tips?", "We visited the mexico pavilion in Lyon.")
    assert names["san francisco"].type == "PLACE" and names["kerala"].type == "PLACE"
    assert "mexico" not in names  # an edited paragraph: lower case there is no name


def test_a_given_name_opening_a_sentence_with_a_verb_or_a_pause_after_it_is_a_person() -> None:
    names = found("The salon is new. Rosalind is a great stylist. Ginny, see the file. Hope this helps. See attached.")
    assert names["Rosalind"].type == "PERSON" and names["Ginny"].type == "PERSON"
    assert "Hope" not in names and "See" not in names


def test_a_quoted_title_of_a_work_names_no_one() -> None:
    names = found("The band played “Dance If You Dare” and read from “A Letter to Tomorrow”, Ann Lee said.")
    assert {"Ann Lee"} == set(names)
    assert "Ostravel Steel" in found("“It was Ostravel Steel all along,” she said.")  # a quoted sentence is no title
