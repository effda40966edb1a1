"""Pilot tests of comparing from the reading screen: events in the list (open, fold) and corrections by key."""

from __future__ import annotations

from pathlib import Path

from test_app import SIZE, pilot_test
from test_compare_ui import FRIEND, june, seeds

from reader.storage.corrections import Corrections
from reader.ui.app import ReaderApp
from reader.ui.screens.event_page import EventPage
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.event_sheet import EventSheet
from reader.ui.widgets.list_rows import HEADING, article_ids


def heading_row(app: ReaderApp, event: str) -> int:
    row = app.main.article_list.entries.index_of(HEADING + event)
    assert row is not None
    return row


def event_size(app: ReaderApp, article: str) -> int:
    assert app.main.index is not None
    return len(app.main.index.event_of[article].articles)


@pilot_test
async def test_enter_on_an_event_heading_opens_its_page_and_a_ledger_cell_opens_the_paragraph() -> None:
    corpus = seeds()
    event, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        entries = app.main.article_list.entries
        entries.focus()
        entries.highlighted = heading_row(app, event)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventPage) and app.screen.event_id == event
        sheet = app.screen.query_one(EventSheet)
        row = next(n for n, r in enumerate(sheet.rows) if r.entry is not None and FRIEND in r.entry.fullest.text)
        sheet.highlighted = row
        column = next(n for n, a in enumerate(sheet.members) if a.id == independent)
        await pilot.press(*["l"] * column, "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current_article == independent
        assert FRIEND in app.main.view.article.paragraphs[app.main.view.paragraph]


@pilot_test
async def test_v_in_the_list_opens_the_highlighted_event_not_the_open_articles() -> None:
    corpus = seeds()
    event, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        other = next(g.event.id for g in app.main.index.groups if g.event and g.event.id != event)
        app.main.go(app.main.resume(independent))
        entries = app.main.article_list.entries
        entries.focus()
        entries.highlighted = heading_row(app, other)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, EventPage) and app.screen.event_id == other


@pilot_test
async def test_an_event_folds_under_its_heading_and_j_passes_over_it() -> None:
    corpus = seeds()
    event, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        members = set(next(e.articles for e in corpus.events if e.id == event))
        main.go(main.resume(independent))
        entries = main.article_list.entries
        entries.focus()
        await pilot.press("F")
        await pilot.pause()
        assert not members & set(article_ids(entries.rows))  # folded away
        heading = heading_row(app, event)
        assert entries.highlighted == heading  # the cursor waits on the folded heading
        text = entries.rows[heading].text.plain
        assert text.startswith(f"▸ {len(members)} folded · ")
        await pilot.press("j")
        assert entries.rows[entries.highlighted].id not in members  # the folded articles are passed over
        await pilot.press("k", "F")
        await pilot.pause()
        assert members <= set(article_ids(entries.rows))
        assert entries.rows[heading_row(app, event)].text.plain.startswith("◆ ")
        # J from the open article inside a folded event goes to the next listed article, not the first.
        await pilot.press("F")
        main.view.focus()
        await pilot.press("J")
        assert main.current_article not in members
        listed = article_ids(entries.rows)
        assert main.current_article == listed[len(article_ids(entries.rows[:heading]))]


@pilot_test
async def test_corrections_by_key_on_the_reading_screen_change_the_list_at_once() -> None:
    corpus = seeds()
    _, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        count = len(main.index.groups)
        main.go(main.resume(independent))
        await pilot.pause()
        size = event_size(app, independent)
        first_other = next(g.event for g in main.index.groups if g.event and independent not in g.event.articles)
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("enter")  # the first other event, as listed
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and main.current_article == independent
        assert len(main.index.groups) == count - 1
        assert event_size(app, independent) == size + len(first_other.articles)
        assert main.index.event_of[independent].origin == "user"
        await pilot.press("X")  # out into an event of its own
        await pilot.pause()
        assert event_size(app, independent) == 1 and len(main.index.groups) == count
        await pilot.press("L", *["backspace"] * 200, *"Medal for Putin", "enter")
        await pilot.pause()
        assert main.index.event_of[independent].label == "Medal for Putin"
        heading = main.article_list.entries.index_of(HEADING + main.index.event_of[independent].id)
        assert heading is not None and "Medal for Putin" in main.article_list.entries.rows[heading].text.plain
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("down", "enter")  # the first listed event (below "a new event of its own")
        await pilot.pause()
        assert event_size(app, independent) > 1
        await pilot.press("z", "z", "z", "z")
        await pilot.pause()
        assert len(main.index.groups) == count
        assert all(e.origin == "auto" for e in main.index.corpus.events)


@pilot_test
async def test_a_folded_event_stays_folded_when_the_reader_is_reopened(tmp_path: Path) -> None:
    from dataclasses import replace

    from reader.storage.state import ReadingState

    # Hashed as loaded files are: state follows an article's bytes, not its id.
    corpus = replace(seeds(), articles=tuple(replace(a, content_hash=f"hash-{a.id}") for a in seeds().articles))
    event, independent = june(corpus)
    members = set(next(e.articles for e in corpus.events if e.id == event))
    with ReadingState(tmp_path) as state:
        app = ReaderApp([], corpus=corpus, state=state)
        async with app.run_test(size=SIZE) as pilot:
            app.main.go(app.main.resume(independent))
            app.main.article_list.entries.focus()
            await pilot.press("F")
            await pilot.pause()
            assert app.main.article_list.folded == {event}
    with ReadingState(tmp_path) as state:
        again = ReaderApp([], corpus=corpus, state=state)
        async with again.run_test(size=SIZE) as pilot:
            await pilot.pause()
            entries = again.main.article_list.entries
            assert not members & set(article_ids(entries.rows))
            assert entries.rows[heading_row(again, event)].text.plain.startswith(f"▸ {len(members)} folded")
            again.main.go(again.main.resume(independent))
            entries.focus()
            await pilot.press("F")  # unfolded, and so it stays
            await pilot.pause()
    with ReadingState(tmp_path) as state:
        third = ReaderApp([], corpus=corpus, state=state)
        async with third.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert third.main.article_list.folded == set()
            assert members <= set(article_ids(third.main.article_list.entries.rows))


@pilot_test
async def test_a_merge_made_on_the_reading_screen_is_there_after_reopening(tmp_path: Path) -> None:
    corpus = seeds()
    _, independent = june(corpus)
    app = ReaderApp([], corpus=corpus, corrections=Corrections(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        count = len(app.main.index.groups)
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        merged = set(app.main.index.event_of[independent].articles)
        await pilot.press("q")
    assert app.corrections is not None
    app.corrections.close()
    again = ReaderApp([], corpus=corpus, corrections=Corrections(tmp_path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(again.main.index.groups) == count - 1
        assert set(again.main.index.event_of[independent].articles) == merged
        heading = again.main.article_list.entries.index_of(HEADING + again.main.index.event_of[independent].id)
        assert heading is not None


@pilot_test
async def test_swapping_sides_mirrors_the_rows_and_keeps_the_cursor_on_its_row() -> None:
    from reader.ui.screens.side_by_side import SideBySide
    from reader.ui.widgets.aligned_view import AlignedView

    corpus = seeds()
    _, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SideBySide)
        view = app.screen.query_one(AlignedView)
        linked = next(n for n, (a, b) in enumerate(view.rows) if a is not None and b is not None)
        view.cursor = linked
        before, rows = view.rows[linked], view.rows
        await pilot.press("x")
        await pilot.pause()
        assert view.cursor == linked and view.rows[linked] == before[::-1]
        assert view.rows == tuple(pair[::-1] for pair in rows)
        # What is painted on the row's first line is the new left article's paragraph, beside the old left one.
        line = view._first_line[linked] - int(view.scroll_y)
        painted = view.render_line(line).text
        left_words = view.left.paragraphs[before[1]].split()[:2]
        right_words = view.right.paragraphs[before[0]].split()[:2]
        assert painted.split(" │ ")[0].split()[:2] == left_words and painted.split(" │ ")[1].split()[:2] == right_words
        # Swapping back gives the layout the page opened with.
        await pilot.press("x")
        assert view.rows == rows
