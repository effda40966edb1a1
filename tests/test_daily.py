"""Pilot tests of a day's reading: read marks, resuming, history, sorting, copying, reloading, key maps."""

from __future__ import annotations

import contextlib
import subprocess
import sys
from pathlib import Path

import pytest
from snapshot_apps.sample import sample_corpus
from test_app import SIZE, pilot_test, screen_text, unread, until_shown

from reader.analysis.model import Anchor, Corpus
from reader.storage.state import MemoryState, ReadingState
from reader.ui.app import ReaderApp
from reader.ui.widgets.list_rows import HEADING, article_ids


@pilot_test
async def test_read_marks_counts_hide_and_next_unread() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main, listing = app.main, app.main.article_list
        await pilot.pause()
        assert listing.border_subtitle == "4 unread · 4"
        main.go(Anchor("bridge-ledger", 0))
        assert "bridge-ledger" not in unread(app) and listing.border_subtitle == "3 unread · 4"
        headings = [str(row.text) for row in listing.entries.rows if row.id is None or row.id.startswith(HEADING)]
        assert "◆ Harbour Bridge reopens · 2031-03-03  (2 · 1 unread)" in headings
        await pilot.press("u")  # unread again
        assert "bridge-ledger" in unread(app)
        await pilot.press("A")  # the whole event read
        assert unread(app) == ["budget-gazette", "orchid"]
        await pilot.press("U")  # the next unread after the bridge event, in list order
        assert main.current_article == "orchid"
        await pilot.press("U")  # wraps round to the top
        assert main.current_article == "budget-gazette"
        await pilot.press("H")
        listed = article_ids(listing.entries.rows)
        assert listed == ["budget-gazette"]  # the open one stays, though now read
        assert listing.border_subtitle == "0 unread · 1/4"
        await pilot.press("H")
        assert len(article_ids(listing.entries.rows)) == 4


@pilot_test
async def test_sort_cycles_and_is_remembered() -> None:
    state = MemoryState()
    app = ReaderApp([], corpus=sample_corpus(), state=state)
    async with app.run_test(size=SIZE) as pilot:
        listing = app.main.article_list

        def headings() -> list[str]:
            return [str(row.text).split("  (")[0] for row in listing.entries.rows if row.id is None or row.id.startswith(HEADING)]

        assert headings()[0] == "◆ Council approves transit budget · 2031-03-20"  # events by date, newest first
        await pilot.press("S")
        assert headings()[0] == "◆ Harbour Bridge reopens · 2031-03-03"  # the largest event first
        await pilot.press("S")
        assert headings() == ["◆ 2031-03-20", "◆ 2031-03-03", "◆ Undated"]  # newest articles first
        await pilot.press("S")
        assert headings()[0] == "◆ Alder Gazette"
        assert state.setting("list.sort") == "outlet"
    app = ReaderApp([], corpus=sample_corpus(), state=state)
    async with app.run_test(size=SIZE) as pilot:
        assert app.main.article_list.sort == "outlet"


@pilot_test
async def test_back_and_forward_and_recent_places() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.pause()  # the links panel fills after the first frame; Enter follows what it shows
        main.go(Anchor("bridge-herald", 1))
        await pilot.press("enter")  # follow the quote link
        assert main.current_article == "bridge-ledger"
        await pilot.press("b")
        assert (main.current_article, main.view.paragraph) == ("bridge-herald", 1)
        await pilot.press("B")
        assert (main.current_article, main.view.paragraph) == ("bridge-ledger", 1)
        await pilot.press("B")  # nothing further
        assert main.current_article == "bridge-ledger"
        assert [place.article for place in main.recent_places()][:2] == ["bridge-ledger", "bridge-herald"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"recent")
        await pilot.pause(0.6)
        assert "Recent: Harbour Bridge reopens after storm repairs ¶2" in screen_text(app)


@pilot_test
async def test_resume_after_restart_at_the_same_article_paragraph_and_filter(tmp_path: Path) -> None:
    with ReadingState(tmp_path) as state:
        app = ReaderApp([Path("news")], corpus=sample_corpus(), state=state)
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            main.go(Anchor("bridge-ledger", 0))
            await pilot.press("j", "j", "l", *"bridge", "enter")
        state.flush()
    with ReadingState(tmp_path) as state:
        app = ReaderApp([Path("news")], corpus=sample_corpus(), state=state)
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            await pilot.pause()
            assert (main.current_article, main.view.paragraph) == ("bridge-ledger", 2)
            assert main.article_list.text_filter == "bridge"
            assert main.article_list.entries.highlighted == main.article_list.entries.index_of("bridge-ledger")
        # Another folder has its own place and filter.
        app = ReaderApp([Path("elsewhere")], corpus=sample_corpus(), state=state)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.main.current_article == "budget-gazette" and app.main.article_list.text_filter == ""


@pilot_test
async def test_copy_puts_the_paragraph_and_its_citation_on_the_clipboard() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(Anchor("bridge-herald", 1))
        await pilot.press("y", "Y")
    paragraph, quote = copied
    assert paragraph.startswith("““We rebuilt the deck")
    assert paragraph.endswith("— Coastal Herald, “Harbour Bridge reopens after storm repairs”, 2031-03-03, articles/bridge-herald.txt, ¶ 2")
    assert quote.startswith("Mara Quint: “We rebuilt the deck in record time and it is safer than ever,”\n— Coastal Herald")


@pilot_test
async def test_open_file_suspends_for_the_editor_and_comes_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Title\n\nOne paragraph.\n", encoding="utf-8")
    log = tmp_path / "opened"
    monkeypatch.setenv("EDITOR", f"{sys.executable} -c \"import sys; open({str(log)!r}, 'w').write(sys.argv[1])\"")
    corpus = sample_corpus()
    from dataclasses import replace

    corpus = replace(corpus, articles=(replace(corpus.articles[0], source=str(article)), *corpus.articles[1:]))
    app = ReaderApp([], corpus=corpus)
    app.suspend = contextlib.nullcontext  # type: ignore[method-assign,assignment]  # a test has no terminal to give up
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(Anchor("bridge-herald", 2))
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert (app.main.current_article, app.main.view.paragraph) == ("bridge-herald", 2)
    assert log.read_text() == str(article)


@pilot_test
async def test_reload_reads_a_changed_file_and_keeps_the_place(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, words in (("a", "alpha"), ("b", "beta")):
        body = "\n\n".join(f"Paragraph {n} about {words} and the harbour works in the city." for n in range(4))
        (folder / f"{name}.txt").write_text(f"Story {words}\n\n{body}\n", encoding="utf-8")
    app = ReaderApp([folder])
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main
        target = next(a.id for a in main.index.articles.values() if "beta" in a.title.lower())
        main.go(Anchor(target, 2))
        (folder / "c.txt").write_text("Story gamma\n\nA new paragraph about gamma rays.\n", encoding="utf-8")
        await pilot.press("R")
        for _ in range(100):
            await pilot.pause(0.05)
            if main.index is not None and len(main.index.articles) == 3 and main.finished:
                break
        assert len(main.index.articles) == 3
        assert (main.current_article, main.view.paragraph) == (target, 2)


@pilot_test
async def test_key_map_file_remaps_keys_and_a_bad_one_is_reported(tmp_path: Path) -> None:
    keymap = tmp_path / "keymap.toml"
    keymap.write_text('"read.toggle" = "x"\n"article.next" = 3\n', encoding="utf-8")
    app = ReaderApp([], corpus=sample_corpus(), keymap_path=keymap)
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("orchid", 0))
        await pilot.press("x")
        assert "orchid" in unread(app)
        notes = [n.message for n in app._notifications if n.title == "Keys"]
        assert len(notes) == 1 and "article.next" in notes[0]


@pilot_test
async def test_empty_folder_says_what_the_reader_reads() -> None:
    app = ReaderApp([], corpus=Corpus(articles=()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "No articles here." in text and ".txt" in text and "press R" in text


def test_a_missing_path_exits_1_with_a_message(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", str(tmp_path / "nowhere")], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "nowhere: no such file or folder" in result.stderr


@pilot_test
async def test_shared_words_are_marked_in_the_text_while_a_link_is_chosen_in_the_panel() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-herald", 1))
        await pilot.pause()
        assert main.view.shared[1] == ()  # nothing marked while the text has the focus
        main.links.focus()
        await pilot.pause()
        paragraph, spans = main.view.shared
        text = app.main.view.article.paragraphs[paragraph]
        assert paragraph == 1 and [text[s:e] for s, e in spans] == ["We rebuilt the deck in record time and it is safer than"]
        styles = main.view._resolve_styles()
        painted = main.view._block_text(main.view._block_of(1), cursor=True)
        assert any(span.style == styles["shared"] and span.start == spans[0][0] for span in painted.spans)
        wording = [row for row in main.links.rows if row.id][0]
        shared = main.links._style("shared")
        assert any(span.style == shared for span in wording._text.spans)  # the same words marked in the panel
        main.view.focus()
        await pilot.pause()
        assert main.view.shared[1] == ()  # leaving the panel unmarks them
