"""What the article view highlights (`reader.ui.styling`), tested on spans alone."""

from __future__ import annotations

from reader.analysis.model import UNTYPED, Article, EntityMention
from reader.ui.styling import Spans


def test_a_preview_shows_a_name_not_yet_typed_as_plain_text() -> None:
    # A prepared article before unification (what a preview shows) may hold untyped names.
    text = "Ann Lee tried a Brolla."
    mentions = (
        EntityMention(0, 0, 7, "Ann Lee", "PERSON", "person:ann-lee"),
        EntityMention(0, 16, 22, "Brolla", UNTYPED, "untyped:brolla"),
    )
    spans = Spans.of(Article(id="a", source="", title="", paragraphs=(text,), entities=mentions))
    assert [m.text for m in spans.entities[0]] == ["Ann Lee"]
