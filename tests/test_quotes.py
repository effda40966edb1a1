"""Quotation detection, kinds and attribution, on small texts written for each case."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.model import Article, Entity, EntityMention, Quote
from reader.analysis.quotes import detect, find_quotes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MARKS = "\"“”„«»‘’'`"


def mentions(paragraphs: Sequence[str], names: Mapping[str, tuple[str, str]]) -> tuple[EntityMention, ...]:
    """What the recogniser would give: every whole-word occurrence of each name, longest names first."""
    found: list[EntityMention] = []
    for number, text in enumerate(paragraphs):
        taken: list[tuple[int, int]] = []
        for name in sorted(names, key=len, reverse=True):
            entity, kind = names[name]
            for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                if any(match.start() < e and s < match.end() for s, e in taken):
                    continue
                taken.append(match.span())
                before = text[: match.start()].split()
                title = before[-1] if before and before[-1] in ("Mr", "Ms", "Mrs", "Dr", "President") else None
                found.append(EntityMention(number, match.start(), match.end(), name, kind, entity, title))
    return tuple(sorted(found, key=lambda m: (m.paragraph, m.start)))


def quotes(paragraphs: Sequence[str], names: Mapping[str, tuple[str, str]] | None = None) -> tuple[Quote, ...]:
    names = names or {}
    article = Article("a", "a.txt", "Title", tuple(paragraphs), entities=mentions(paragraphs, names))
    table = {entity: Entity(entity, name, kind) for name, (entity, kind) in names.items()}
    found = find_quotes(article, table)
    for quote in found:
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
    return found


def texts(found: Sequence[Quote]) -> list[str]:
    return [q.text for q in found]


# --- detection ------------------------------------------------------------------------------


def test_straight_and_curly_double_quotes() -> None:
    found = detect(['"We will win," she said. Then: “We will not stop.”'])
    assert texts(found) == ["We will win,", "We will not stop."]


def test_mismatched_straight_opener_and_curly_closer() -> None:
    found = detect(['He called him a "good and old friend of the people” and “a leader of note”.'])
    assert texts(found) == ["good and old friend of the people", "a leader of note"]


def test_single_quotes_in_a_headline() -> None:
    found = detect(["Mayor declares rival his 'most dangerous opponent' as polls tighten"])
    assert texts(found) == ["most dangerous opponent"]
    assert found[0].kind == "partial"


def test_apostrophes_are_never_quote_marks() -> None:
    text = "Russia's plan, Putin’s team, the countries' leaders and the '90s rock 'n' roll boom."
    assert detect([text]) == ()


def test_possessive_inside_a_quotation_does_not_end_it() -> None:
    found = detect(["“The workers’ union and Nairobi's council agree,” she said."])
    assert texts(found) == ["The workers’ union and Nairobi's council agree,"]


def test_british_single_quotes_with_a_plural_possessive_inside() -> None:
    found = detect(["'The workers' rights matter more than profit,' she said. 'They always will.'"])
    assert texts(found) == ["The workers' rights matter more than profit,", "They always will."]


def test_quotation_interrupted_by_its_cue() -> None:
    names = {"Ana Costa": ("costa", "PERSON")}
    found = quotes(['"We will win," Ana Costa said, "and we will do it soon."'], names)
    assert [(q.text, q.kind, q.speaker) for q in found] == [
        ("We will win,", "direct", "costa"),
        ("and we will do it soon.", "direct", "costa"),
    ]


def test_ellipses_inside_quotations() -> None:
    found = detect(["“We are willing to…jointly achieve it,” he said.", '"For us ... it is a hedge," he added.'])
    assert texts(found) == ["We are willing to…jointly achieve it,", "For us ... it is a hedge,"]


def test_quotation_running_over_paragraphs_with_reopening_marks() -> None:
    found = detect(["“The first part goes on.", "“The second part too.", "“And it ends here,” she said."])
    assert texts(found) == ["The first part goes on.", "The second part too.", "And it ends here,"]
    assert [q.continued for q in found] == [False, True, True]
    assert {q.kind for q in found} == {"direct"}


def test_quotation_split_mid_sentence_continues_to_its_closing_mark() -> None:
    found = detect(['"No matter what happens, the two countries have', 'always been partners," Ana Costa told us.'])
    assert texts(found) == ["No matter what happens, the two countries have", "always been partners,"]
    assert found[1].continued and found[1].start == 0


def test_quotation_over_sentences_without_marks_between() -> None:
    paragraphs = ['"I feel the same way.', "It makes me sad.", 'We want to remember them," she said.']
    found = detect(paragraphs)
    assert texts(found) == ["I feel the same way.", "It makes me sad.", "We want to remember them,"]
    assert [q.continued for q in found] == [False, True, True]


def test_lost_opening_mark_after_speech() -> None:
    paragraphs = ["“We are thrilled to have her,” said the producers.", "She is loved everywhere, as we are.”"]
    assert texts(detect(paragraphs)) == ["We are thrilled to have her,", "She is loved everywhere, as we are."]
    assert texts(detect(["The vote was close.", "She is loved everywhere, as we are.”"])) == []


def test_unclosed_quotation_after_a_speech_verb_runs_to_the_end() -> None:
    assert texts(detect(["There is an old saying that “once is chance, twice is a pattern."])) == [
        "once is chance, twice is a pattern."
    ]


def test_unclosed_quotation_opening_a_paragraph_runs_to_its_end() -> None:
    found = detect(["“Nobody expected this outcome", "The vote was held on Sunday."])
    assert texts(found) == ["Nobody expected this outcome"]
    assert not found[0].continued


def test_stray_marks_make_no_quotation() -> None:
    found = detect(['The storm left 6" of rain, and officials called it "historic" before noon.'])
    assert texts(found) == ["historic"]


def test_nested_quotation_stays_inside_the_outer_one() -> None:
    found = quotes(["\"She told me 'go home' and then left,\" Omar Haddad said."], {"Omar Haddad": ("omar", "PERSON")})
    assert texts(found) == ["She told me 'go home' and then left,"]
    assert found[0].speaker == "omar"


def test_double_apostrophe_marks_from_tokenised_text() -> None:
    found = detect(["The actress, who starred in ''The Hunger Games'', has entered rehab."])
    assert texts(found) == ["The Hunger Games"]
    assert found[0].kind == "term"


def test_text_excludes_marks_and_spacing() -> None:
    found = detect(["He said “ spaced out words ” loudly, and 'fine'."])
    assert found and all(q.text == q.text.strip() and q.text[0] not in MARKS and q.text[-1] not in MARKS for q in found)


# --- kinds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted", "kind"),
    [
        ("The two nations forged their “no-limits” partnership in 2022.", "no-limits", "term"),
        ("China and India clashed over the “Belt and Road” initiative.", "Belt and Road", "term"),
        ("She received the golden “Medal of Friendship” on Friday.", "Medal of Friendship", "term"),
        ("Critics mocked the so-called “peace plan” at once.", "peace plan", "term"),
        ("said Ann Poe, author of the book “The Big Show: High Times and Dirty Deals Backstage.”",
         "The Big Show: High Times and Dirty Deals Backstage.", "term"),
        ("Officials insisted it was a “unique case” combining debt and fraud.", "unique case", "partial"),
        ("He was calling him a “good and old friend of ours”.", "good and old friend of ours", "partial"),
        ("Ms Novak said relations had been a “priority” for both sides.", "priority", "partial"),
        ("“We will rebuild the bridge,” the mayor said.", "We will rebuild the bridge,", "direct"),
        ("The minister said: “Taxes will fall next year.”", "Taxes will fall next year.", "direct"),
        ("A witness told the paper “The cops jumped out of the car.”", "The cops jumped out of the car.", "direct"),
        ("Police told the paper that “Gray has four prior arrests.”", "Gray has four prior arrests.", "partial"),
    ],
)
def test_kinds(text: str, quoted: str, kind: str) -> None:
    found = detect([text])
    assert [(q.text, q.kind) for q in found] == [(quoted, kind)]


# --- attribution ----------------------------------------------------------------------------

PEOPLE = {
    "Xi Jinping": ("xi", "PERSON"),
    "Xi": ("xi", "PERSON"),
    "Vladimir Putin": ("putin", "PERSON"),
    "Putin": ("putin", "PERSON"),
}


def test_cue_after_the_quotation_with_an_object() -> None:
    found = quotes(['"Our ties are a priority," Xi told Putin at the start of talks.'], PEOPLE)
    assert [(q.speaker, q.cue) for q in found] == [("xi", "told")]


def test_inverted_cue_and_title() -> None:
    names = {"Liow": ("liow", "PERSON"), "Gulf": ("gulf", "PLACE")}
    found = quotes(["Both will “stress open trade across the Gulf”, said Dr Liow."], names)
    assert [(q.speaker, q.cue, q.kind) for q in found] == [("liow", "said", "partial")]


def test_cue_with_an_apposition_and_an_organisation_object() -> None:
    names = {"Steve Tsang": ("tsang", "PERSON"), "SOAS": ("soas", "ORG"), "The Independent": ("indy", "ORG")}
    text = "“They are similar leaders,” Steve Tsang, director of the China Institute at SOAS, told The Independent."
    assert [(q.speaker, q.cue) for q in quotes([text], names)] == [("tsang", "told")]


def test_cue_before_a_partial_quotation_skips_an_interjected_clause() -> None:
    text = 'Xi, speaking just before he put the medal on Putin, called him a "good and old friend of the people".'
    assert [(q.speaker, q.cue) for q in quotes([text], PEOPLE)] == [("xi", "called")]


def test_news_agency_citing_a_person() -> None:
    names = {**PEOPLE, "RIA Novosti": ("ria", "ORG"), "Russia": ("russia", "PLACE")}
    text = "“Relations are not opportunistic,” Russia’s RIA Novosti news agency cited Putin as saying."
    assert [q.speaker for q in quotes([text], names)] == ["putin"]


def test_cue_with_trailing_circumstance() -> None:
    text = "“We are developing steadily,” Putin said in publicly-broadcast comments before the talks."
    assert [(q.speaker, q.cue) for q in quotes([text], PEOPLE)] == [("putin", "said")]


def test_passive_cue_names_its_agent_but_progressive_is_active() -> None:
    names = {"James Steele": ("steele", "PERSON"), "Mr Trump": ("trump", "PERSON")}
    paragraphs = [
        "The fire has been labeled “suspicious” by James Steele, the fire chief.",
        "On a day when Mr Trump was tweeting that he would fight “unfair trade practices”, the talks ended.",
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["steele", "trump"]


def test_according_to() -> None:
    names = {"Maria Lopez": ("lopez", "PERSON")}
    found = quotes(['"Prices will rise again next spring," according to Maria Lopez.'], names)
    assert [(q.speaker, q.cue) for q in found] == [("lopez", "according to")]


def test_exclamation_inside_the_marks_does_not_end_the_sentence() -> None:
    names = {"George Papandreou": ("gp", "PERSON")}
    text = '"Murder is quite another thing!" Prime Minister George Papandreou thundered in parliament.'
    assert [(q.speaker, q.cue) for q in quotes([text], names)] == [("gp", "thundered")]


def test_several_quotations_share_the_cue_at_the_end_of_their_sentence() -> None:
    names = {"Olli Rehn": ("rehn", "PERSON"), "Van Rompuy": ("vr", "PERSON")}
    paragraphs = [
        'Van Rompuy insisted the problems had "nothing to do with it."',
        '"Greece is a unique case" because of its "debt dynamics" and because it "has cheated," Olli Rehn said.',
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["vr", "rehn", "rehn", "rehn"]


def test_cue_alone_on_the_next_line() -> None:
    names = {"Mark Roesler": ("roesler", "PERSON"), "Roesler": ("roesler", "PERSON")}
    paragraphs = ['"Her popularity has continued to soar,"', "Roesler said.", '"She was shy."', "Voters appeared calm."]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["roesler", "roesler"]


def test_inserted_and_closing_cues() -> None:
    names = {"Jay Inslee": ("inslee", "PERSON"), "NRDC": ("nrdc", "ORG")}
    paragraphs = [
        "It is, said Rep. Jay Inslee, the administration's \"last sour note.\"",
        'The likely result will be "erroneous findings" by agencies, argued the NRDC.',
    ]
    assert [(q.speaker, q.cue) for q in quotes(paragraphs, names)] == [("inslee", "said"), ("nrdc", "argued")]


def test_pronoun_chain_skips_sentences_that_only_attribute_quotations() -> None:
    names = {"Page": ("page", "PERSON"), "Mark Roesler": ("roesler", "PERSON")}
    paragraphs = [
        "Page was born in Tennessee. Page earned a degree in education in 1944.",
        "Page later moved to Florida.",
        '"She captured a generation," her agent, Mark Roesler, said.',
        "Even in later years she refused to be photographed.",
        '"I don\'t want to be photographed in my old age," she said.',
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["roesler", "page"]


def test_pronoun_chain_keeps_the_attributed_speaker_when_nobody_else_matters() -> None:
    names = {"Ed Fogels": ("fogels", "PERSON"), "MacKenzie": ("mack", "PERSON")}
    paragraphs = [
        "Over time the MacKenzie properties changed hands.",
        '"It is a long story," said Ed Fogels, the deputy commissioner.',
        "He could not guess how much money the state has lost.",
        '"That is a good question," he said.',
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["fogels", "fogels"]


def test_pronoun_looks_past_lines_that_are_all_quotation() -> None:
    names = {"Mary John": ("mary", "PERSON"), "Williams": ("williams", "PERSON")}
    paragraphs = [
        "Williams spoke first. Williams said the district was angry.",
        "“I was sitting in my living room,” said Mary John, 43.",
        "“People were standing on cars.",
        "I saw them take garbage from the bins.",
        "I saw someone take a TV.",
        "They were throwing rocks.",
        "What is going on here?” she continued.",
    ]
    assert {q.speaker for q in quotes(paragraphs, names)} == {"mary"}


def test_other_cue_verbs() -> None:
    names = {"Ana Costa": ("costa", "PERSON"), "Omar Haddad": ("omar", "PERSON")}
    paragraphs = [
        "“The dam will not hold,” Ana Costa warned.",
        "“Who pays for it?” asked Mr Omar Haddad.",
        "“Nobody,” she insisted.",
    ]
    found = quotes(paragraphs, names)
    assert [(q.speaker, q.cue) for q in found] == [("costa", "warned"), ("omar", "asked"), ("costa", "insisted")]


def test_a_possessor_is_not_the_speaker() -> None:
    names = {"Tara Reid": ("reid", "PERSON"), "Reid": ("reid", "PERSON")}
    paragraphs = ["Tara Reid has entered rehab.", '"She is doing well," Reid\'s rep told the magazine.']
    assert [(q.speaker, q.cue) for q in quotes(paragraphs, names)] == [(None, "told")]


def test_according_to_an_organisations_statement() -> None:
    names = {"NYPD": ("nypd", "ORG")}
    text = 'According to the NYPD\'s statement, the man "adjusted his waistband and kept walking."'
    assert [(q.speaker, q.cue) for q in quotes([text], names)] == [("nypd", "according to")]


def test_unnamed_speaker_stays_unnamed() -> None:
    names = {"Kim Lee": ("kim", "PERSON")}
    paragraphs = [
        "Kim Lee, the minister, opened the session.",
        '"The facade has changed," said a Western diplomat, who requested anonymity.',
        '"Power rests with the president," the diplomat added.',
        'A witness told the local paper "the cops jumped out of the car".',
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == [None, None, None]


def test_role_resolves_through_its_title_and_a_bare_role_stays_unnamed() -> None:
    names = {"James Bodiford": ("judge", "PERSON"), "Brian Nichols": ("nichols", "PERSON")}
    paragraphs = [
        "Superior Court Judge James Bodiford sentenced Brian Nichols on Saturday.",
        '"I will not lecture you," the judge said.',
        '"They poured in here like 40 of them," the manager said.',
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["judge", None]


def test_a_surname_the_recogniser_missed_still_attributes() -> None:
    paragraphs = ["Dale Hall, who directs the service, said it was minor.", '"The agency is in charge," Hall said.']
    mentions = (EntityMention(0, 0, 9, "Dale Hall", "PERSON", "hall"),)  # the second "Hall" went unrecognised
    article = Article("a", "a.txt", "T", tuple(paragraphs), entities=mentions)
    found = find_quotes(article, {"hall": Entity("hall", "Dale Hall", "PERSON")})
    assert [(q.speaker, q.cue) for q in found] == [("hall", "said")]


def test_an_article_before_a_name_means_a_business_not_a_person() -> None:
    names = {"Rite Aid": ("rite", "PERSON"), "Kim Lee": ("kim", "PERSON")}
    paragraphs = ["Kim Lee arrived at noon.", "The crowd then looted a Rite Aid.", '"It was insane," he said.']
    assert [q.speaker for q in quotes(paragraphs, names)] == ["kim"]


def test_pronoun_resolves_to_the_subject_of_the_previous_sentence() -> None:
    paragraphs = ["Putin thanked Xi for the medal.", '"I see this as an acknowledgement," he said.']
    assert [q.speaker for q in quotes(paragraphs, PEOPLE)] == ["putin"]


def test_pronoun_respects_gender_titles() -> None:
    names = {"Okafor": ("okafor", "PERSON"), "Ruiz": ("ruiz", "PERSON")}
    paragraphs = ["Ms Okafor met Mr Ruiz on Monday.", "Mr Ruiz gave a speech.", '"We agreed on nothing," she said.']
    assert [q.speaker for q in quotes(paragraphs, names)] == ["okafor"]


def test_role_resolves_through_nationality() -> None:
    paragraphs = [
        "Russian President Vladimir Putin met Chinese President Xi Jinping in Beijing.",
        "“We are old friends,” the Russian leader said.",
        "“So we are,” the Chinese president replied.",
    ]
    assert [q.speaker for q in quotes(paragraphs, PEOPLE)] == ["putin", "xi"]


def test_a_specific_role_needs_its_title_too() -> None:
    names = {"Vladimir Putin": ("putin", "PERSON"), "Sergei Lavrov": ("lavrov", "PERSON")}
    paragraphs = [
        "Russian President Vladimir Putin arrived with Russian Foreign Minister Sergei Lavrov.",
        "“We are ready,” the Russian president said.",
        "“So are we,” the Russian minister added.",
    ]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["putin", "lavrov"]


def test_quotation_paragraph_without_cue_continues_the_previous_speaker() -> None:
    paragraphs = ["“The ties are strong,” Xi said. “They will grow.”", "“And they will last.”"]
    found = quotes(paragraphs, PEOPLE)
    assert [q.speaker for q in found] == ["xi", "xi", "xi"]
    assert [q.cue for q in found] == ["said", None, None]


def test_multi_paragraph_quotation_takes_the_cue_of_its_last_part() -> None:
    paragraphs = ['"The first half of the thought', 'and the second half," Putin said.']
    found = quotes(paragraphs, PEOPLE)
    assert [(q.speaker, q.continued) for q in found] == [("putin", False), ("putin", True)]


def test_a_new_person_between_quotations_ends_continuation() -> None:
    names = {**PEOPLE, "Kim Lee": ("kim", "PERSON")}
    paragraphs = ["“The ties are strong,” Xi said.", "Analyst Kim Lee disagreed.", "“They are weaker now.”"]
    assert [q.speaker for q in quotes(paragraphs, names)] == ["xi", "kim"]


def test_colon_introduction() -> None:
    names = {"Ana Costa": ("costa", "PERSON")}
    paragraphs = ["Ana Costa added:", "“We will be back next year.”"]
    assert [(q.speaker, q.cue) for q in quotes(paragraphs, names)] == [("costa", "added")]


def test_document_as_speaker_is_never_a_person() -> None:
    paragraphs = [
        "Xi and Putin signed a joint statement on Friday.",
        "“The sides oppose further enlargement of the bloc,” the document reads.",
        "“Friendship has no limits,” the joint statement said.",
    ]
    found = quotes(paragraphs, PEOPLE)
    assert [(q.speaker, q.cue) for q in found] == [(None, "reads"), (None, "said")]


def test_quotation_with_no_speaker_at_all() -> None:
    found = quotes(["The crowd outside chanted “no more war” for an hour."], {})
    assert [q.speaker for q in found] == [None]


def test_names_inside_the_quotation_never_attribute_it() -> None:
    found = quotes(["“Putin is my best friend,” Xi said."], PEOPLE)
    assert [q.speaker for q in found] == ["xi"]


def test_terms_get_no_speaker() -> None:
    found = quotes(["Xi said the “Belt and Road” initiative would grow."], PEOPLE)
    assert [(q.kind, q.speaker, q.cue) for q in found] == [("term", None, None)]


# --- robustness -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("ab .,'\"“”‘’\n…X")), max_size=40), max_size=4))
def test_spans_always_match_their_text(paragraphs: list[str]) -> None:
    for quote in detect(paragraphs):
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        assert quote.text and quote.text == quote.text.strip()


_WORDS = ["Ana", "Costa", "said", "he", "she", "told", "the", "leader", "statement", "reads", "according", "to",
          "“", "”", "\"", "'", "‘", "’", ",", ".", ":", "!", "Mr", "it", "as", "saying", "cited", "X"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=25), min_size=1, max_size=5), st.randoms())
def test_attribution_never_fails_and_names_only_known_entities(words: list[list[str]], random) -> None:
    paragraphs = [" ".join(w) for w in words]
    mentions = []
    for number, text in enumerate(paragraphs):
        for match in re.finditer(r"Ana Costa|Costa|Ana", text):
            if random.random() < 0.7:
                mentions.append(EntityMention(number, match.start(), match.end(), match.group(), "PERSON", "costa"))
    article = Article("a", "a.txt", "T", tuple(paragraphs), entities=tuple(mentions))
    for quote in find_quotes(article, {"costa": Entity("costa", "Ana Costa", "PERSON")}):
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        assert quote.speaker in (None, "costa")
        assert quote.kind in ("direct", "partial", "term")
        assert quote.kind != "term" or (quote.speaker is None and quote.cue is None)


def test_empty_and_mark_only_articles() -> None:
    assert find_quotes(Article("a", "a", "t", ()), {}) == ()
    assert detect(['"""', "“”", "''", "' '", '" "']) == ()


# --- the seed articles ----------------------------------------------------------------------

# Per seed: (quoted words the quotation starts with, expected speaker surname or None).
SEED_SPEAKERS: dict[str, list[tuple[str, str | None]]] = {
    "000": [("No matter", "Xi"), ("good and old", "Xi"), ("President Putin is", "Xi"), ("He is my", "Xi"),
            ("China and Russia are", "Xi"), ("Myself and", "Xi"), ("I see this", "Putin"), ("This is an", "Putin")],
    "001": [("China stands", "Xi"), ("The Sino-Russian", "Xi"), ("It was the", "Putin"), ("We will try", "Putin")],
    "002": [("best, most", "Xi"), ("priority", "Xi"), ("no matter", "Xi"), ("good and old", "Xi"),
            ("the leader of", "Xi"), ("special attention", "Putin"), ("growing global", None), ("uptick", "Liow"),
            ("the long time", "Trump"), ("also emphasise", "Liow"), ("one of the landmark", "Panda"),
            ("for the first time", "Panda"), ("pitch India", "Panda"), ("For Moscow", "Lukin"),
            ("At the same time", "Lukin"), ("They are similar", "Tsang"), ("Russia and China will", "Tsang")],
    "003": [("in almost all", "Putin"), ("Regarding our", "Putin"), ("They have acquired", "Putin"),
            ("Friendship between", None), ("The sides oppose", None), ("the sovereignty", None)],
    "004": [("rejuvenate", "Xi"), ("always be a", "Xi"), ("The China-Russia", "Xi"), ("China is willing", "Xi"),
            ("It is of crucial", "Putin"), ("strategic partnership", "Putin"), ("It was the", "Putin"),
            ("We will try", "Putin")],
}


def _seed_articles() -> list[Article]:
    from reader.analysis import clean
    from reader.sources import files as ingest

    documents, _ = ingest.load([SEEDS])
    return [clean.clean(document) for document in documents]


def test_seeds_every_speech_quotation_found() -> None:
    for article in _seed_articles():
        expected = SEED_SPEAKERS[article.id[:3]]
        found = [q for q in detect(article.paragraphs) if q.kind != "term" and not q.continued]
        for prefix, _ in expected:
            assert any(q.text.startswith(prefix) for q in found), (article.id, prefix)
        for quote in detect(article.paragraphs):
            assert article.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


def test_seeds_attribution_accuracy() -> None:
    entities = pytest.importorskip("reader.analysis.names")
    from dataclasses import replace

    articles = [replace(a, entities=entities.recognise(a.paragraphs)) for a in _seed_articles()]
    unified, table = entities.unify(articles)
    by_id = {e.id: e for e in table}
    right = total = 0
    for article in unified:
        found = [q for q in find_quotes(article, by_id) if q.kind != "term" and not q.continued]
        for prefix, surname in SEED_SPEAKERS[article.id[:3]]:
            quote = next(q for q in found if q.text.startswith(prefix))
            entity = by_id.get(quote.speaker) if quote.speaker else None
            names = (entity.name, *entity.aliases) if entity else ()
            words = {w.lower() for n in names for w in re.findall(r"\w+", n)}
            total += 1
            right += (entity is None) if surname is None else surname.lower() in words
    assert right / total >= 0.9


def test_headline_quotes_take_the_speaker_of_the_same_words_in_the_body() -> None:
    from reader.analysis.quotes import headline_quotes

    body = Quote(0, 26, 52, "a reckless, dangerous plan", "person:dana-ruiz", "partial", "called")
    article = Article(
        id="h",
        source="h.txt",
        title="Mayor calls bypass 'a reckless, dangerous plan' as council votes",
        subtitle="Residents promise a 'long fight'",
        paragraphs=("Mayor Dana Ruiz called it a reckless, dangerous plan on Monday.",),
        quotes=(body,),
    )
    found = headline_quotes(article)
    assert [(q.paragraph, q.text, q.speaker) for q in found] == [
        (0, "a reckless, dangerous plan", "person:dana-ruiz"),
        (1, "long fight", None),
    ]
    assert article.title[found[0].start : found[0].end] == found[0].text


def test_the_scan_gives_the_quotation_pieces_attribution_keeps() -> None:
    # Event grouping and linking compare the pieces the scan normalised once,
    # so they must be those of the attributed quotations, for every seed.
    from reader.analysis import names as entities
    from reader.sources import files as ingest
    from reader.run import pipeline
    from reader.analysis import quotes as stage
    from reader.analysis.quotes.pieces import quote_pieces

    documents, _ = ingest.load([SEEDS])
    unified, table = entities.unify([pipeline.prepare(d) for d in documents])
    scans = [stage.scan_article(a.paragraphs) for a in unified]
    by_id = {entity.id: entity for entity in table}
    attributed = [
        Article(a.id, a.source, a.title, a.paragraphs, quotes=find_quotes(a, by_id, scan.scanned))
        for a, scan in zip(unified, scans, strict=True)
    ]
    assert [scan.spoken for scan in scans] == [quote_pieces(a) for a in attributed]
    assert sum(len(scan.spoken) for scan in scans) >= 20
