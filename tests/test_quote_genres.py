"""Speaker rules for layouts and cues the attribution was not tuned on (issue #17).

Every text is written for the test; no name comes from a development set or the seeds.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Article
from reader.analysis.names import recognise, unify
from reader.analysis.quotes import find_quotes


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
