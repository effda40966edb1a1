"""History and search hits: the screen's bookkeeping, without a screen."""

from __future__ import annotations

import ast
from pathlib import Path

from reader.analysis.model import Anchor
from reader.ui import commands, palette
from reader.ui.screens.history import History
from reader.ui.screens.search_hits import SearchHits

A, B, C = Anchor("a", 0), Anchor("b", 3), Anchor("c", 1)


def test_back_and_forward_like_a_browser() -> None:
    history = History()
    history.visit(A, B)
    history.visit(B, C)
    assert history.back(C) == B
    assert history.back(B) == A
    assert history.back(A) is None
    assert history.forward(A) == B
    assert history.forward(B) == C
    assert history.forward(C) is None
    history.back(C)
    history.visit(B, A)  # a new jump forgets the way forward
    assert history.forward(A) is None


def test_recent_places_newest_first_one_per_article() -> None:
    history = History(limit=3)
    for place in (A, B, Anchor("a", 5), C, Anchor("d", 0)):
        history.seen(place)
    assert history.recent() == [Anchor("d", 0), C, Anchor("a", 5)]


def test_search_hits_start_at_the_cursor_and_wrap() -> None:
    hits = SearchHits("x", [A, B, C])
    order = {"a": 0, "b": 1, "c": 2}.__getitem__
    hits.start_after(Anchor("b", 0), order)
    assert hits.step(+1) == B
    assert hits.step(+1) == C
    assert hits.step(+1) == A
    assert hits.step(-1) == C
    assert hits.label() == "“x” 3/3"


def test_palette_does_not_import_the_screen() -> None:
    """The palette calls the screen's commands through a protocol: no import circle back to it."""
    for module in (palette, commands):
        tree = ast.parse(Path(module.__file__ or "").read_text(encoding="utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        assert not [name for name in imported if "screens" in name], module.__name__


def test_links_are_explained_in_plain_words_with_units() -> None:
    from reader.analysis.model import DiffRun, Link
    from reader.ui.explain import explain

    a, b = Anchor("a", 0), Anchor("b", 0)
    quote = Link("quote", 93.0, a, b, why="same quotation, 93", diff=(DiffRun("equal", "we will"), DiffRun("delete", "win"), DiffRun("insert", "prevail")))
    assert (explain(quote, "", "").what, explain(quote, "", "").strength) == ("same quotation, 2 words differ", "93% similar")
    same = "The bridge reopened on Monday after six weeks of repairs."
    assert explain(Link("passage", 100.0, a, b), same, same).what == "identical passage"
    one = explain(Link("passage", 0.9, a, b), same, same.replace("six", "seven"))
    assert one.what == "same passage, 2 words differ" and one.strength == "90% similar" and one.diff
    other = explain(Link("passage", 78.0, a, b), same, "Traffic returned to the bridge, shut for repairs since April.")
    assert other.what == "same fact in other words, shares ‘repairs’, ‘bridge’" and not other.diff
