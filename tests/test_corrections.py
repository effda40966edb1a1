"""The user's corrections of the event grouping: applied purely, kept in SQLite, applied in the export."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from reader.analysis.compare.corrections import apply_corrections, article_key
from reader.analysis.model import Corpus, Correction
from reader.run.pipeline import analyse
from reader.sources.files import bundled_seeds
from reader.storage.corrections import Corrections
from tests.test_cli import reader


@lru_cache(maxsize=1)
def seeds() -> Corpus:
    return analyse([bundled_seeds()])


def _key(corpus: Corpus, article: str) -> str:
    return next(article_key(a) for a in corpus.articles if a.id == article)


def test_merge_joins_two_events_relinks_and_compares_them() -> None:
    corpus = seeds()
    first, second = corpus.events[0], corpus.events[1]
    merged = apply_corrections(corpus, [Correction("merge", _key(corpus, second.articles[0]), _key(corpus, first.articles[0]))])
    assert len(merged.events) == len(corpus.events) - 1
    (joined,) = [e for e in merged.events if e.id == first.id]
    assert set(joined.articles) == set(first.articles) | set(second.articles)
    assert joined.origin == "user"
    assert all(e.origin == "auto" for e in merged.events if e.id != first.id)
    # The merged event is linked and compared again as one: its links and its comparison cover all four.
    inside = [link for link in merged.links if link.kind != "mention" and link.source.article in joined.articles]
    assert inside and {link.event for link in inside} == {first.id}
    assert {link.source.article for link in inside} | {link.target.article for link in inside} == set(joined.articles)
    (compared,) = [c for c in merged.comparisons if c.event == first.id]
    assert {a for n in compared.named for a in n.articles} == set(joined.articles)
    assert second.id not in {c.event for c in merged.comparisons}


def test_split_move_rename_and_unknown_articles() -> None:
    corpus = seeds()
    event = corpus.events[0]
    lone = corpus.events[-1]
    moved = event.articles[1]
    corrections = [
        Correction("split", _key(corpus, moved)),
        Correction("rename", _key(corpus, event.articles[0]), label="Xi's medal for Putin"),
        Correction("move", _key(corpus, lone.articles[0]), _key(corpus, moved)),
        Correction("merge", "no-such-hash", _key(corpus, moved)),
    ]
    fixed = apply_corrections(corpus, corrections)
    renamed = next(e for e in fixed.events if e.id == event.id)
    assert renamed.articles == (event.articles[0],) and renamed.label == "Xi's medal for Putin"
    own = next(e for e in fixed.events if moved in e.articles)
    assert own.id.startswith("user-") and set(own.articles) == {moved, lone.articles[0]}
    assert lone.id not in {e.id for e in fixed.events}
    assert sorted(a for e in fixed.events for a in e.articles) == sorted(a.id for a in corpus.articles)
    assert apply_corrections(corpus, []) is corpus


def test_corrections_persist_and_undo(tmp_path: Path) -> None:
    store = Corrections(tmp_path)
    store.add(Correction("merge", "a", "b"))
    store.add(Correction("rename", "a", label="New name"))
    store.close()
    again = Corrections(tmp_path)
    assert again.all() == (Correction("merge", "a", "b"), Correction("rename", "a", None, "New name"))
    assert again.undo() == Correction("rename", "a", None, "New name")
    again.close()
    assert Corrections(tmp_path).all() == (Correction("merge", "a", "b"),)


def test_a_damaged_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "corrections.sqlite3").write_bytes(b"not a database" * 100)
    store = Corrections(tmp_path)
    assert store.all() == () and store.notices
    store.add(Correction("split", "a"))
    assert Corrections(tmp_path).all() == (Correction("split", "a"),)


def test_export_applies_corrections_and_says_which_events_are_the_users(tmp_path: Path) -> None:
    corpus = seeds()
    first, second = corpus.events[0], corpus.events[1]
    store = Corrections(tmp_path / "data")
    store.add(Correction("merge", _key(corpus, second.articles[0]), _key(corpus, first.articles[0])))
    store.close()
    result = reader("export", "--no-cache", cache=tmp_path / "cache")
    events = json.loads(result.stdout)["events"]
    assert len(events) == len(corpus.events) - 1
    assert [e["origin"] for e in events].count("user") == 1
