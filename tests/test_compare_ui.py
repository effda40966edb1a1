"""Pilot tests of comparing coverage: the event page, following a ledger cell, corrections, side by side."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from snapshot_apps.sample import hostile_corpus
from test_app import SIZE, pilot_test

from reader.analysis.model import Corpus
from reader.storage.corrections import Corrections
from reader.ui.app import ReaderApp
from reader.ui.screens.event_page import EventPage
from reader.ui.screens.main import MainScreen
from reader.ui.screens.side_by_side import SideBySide
from reader.ui.widgets.aligned_view import AlignedView
from reader.ui.widgets.event_sheet import EventSheet

FRIEND = "best, most intimate friend"


@cache
def seeds() -> Corpus:
    from reader.run.pipeline import analyse
    from reader.sources.files import bundled_seeds

    return analyse([bundled_seeds()])


def june(corpus: Corpus) -> tuple[str, str]:
    """The June 2018 event and its dated article (The Independent's)."""
    event = next(e for e in corpus.events if e.date == "2018-06-08")
    dated = next(a for a in corpus.articles if a.id in event.articles and a.date)
    return event.id, dated.id


def sheet_text(app: ReaderApp) -> list[str]:
    sheet = app.screen.query_one(EventSheet)
    return [sheet.prompt_at(n).plain for n in range(len(sheet.prompts))]


@pilot_test
async def test_event_page_from_an_article_shows_both_outlets_and_the_shared_quotation() -> None:
    app = ReaderApp([], corpus=seeds())
    event, independent = june(seeds())
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, EventPage) and app.screen.event_id == event
        rows = sheet_text(app)
        assert any("The Independent" in r for r in rows) and any("themoscowtimes.com" in r for r in rows)
        assert any(r.startswith("✓ ✓") and FRIEND in r for r in rows)
        assert any("Only one outlet reports" in r for r in rows)
        assert any("No figures differ" in r for r in rows)  # "$1 billion" against "$1bn" agrees
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_the_comparison_screens_open_without_reading_stylesheets_again() -> None:
    """Their rules are read when the app starts: a stylesheet first read on a push re-parses every
    rule and restyles every widget, which made the first event page slow to open."""
    app = ReaderApp([], corpus=seeds())
    _, independent = june(seeds())
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        parsed: list[None] = []
        reparse = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: parsed.append(None) or reparse()  # type: ignore[func-returns-value]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, EventPage)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SideBySide)
        assert parsed == []


@pilot_test
async def test_the_event_page_is_made_while_idle_so_its_first_open_only_fills_it() -> None:
    """Importing, composing and styling the page was about half its first open; it is done after the list is drawn."""
    app = ReaderApp([], corpus=seeds())
    event, independent = june(seeds())
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        page = app.get_screen("event-page")
        assert isinstance(page, EventPage) and page.is_mounted and not page.event_id
        composed: list[None] = []
        page.compose = lambda: composed.append(None) or iter(())  # type: ignore[method-assign, func-returns-value]
        await pilot.press("v")
        await pilot.pause()
        assert app.screen is page and page.event_id == event and composed == []
        assert any(FRIEND in r for r in sheet_text(app))


@pilot_test
async def test_rows_below_the_first_screenful_are_made_after_the_first_frame_and_keys_reach_them() -> None:
    from dataclasses import replace

    from reader.analysis.model import SingleSource
    from reader.ui.widgets.event_sheet import FIRST_ROWS

    corpus = seeds()
    event, independent = june(corpus)
    many = tuple(SingleSource(independent, 0, f"Sentence number {n} of a long list.") for n in range(180))
    comparisons = tuple(replace(c, single_source=many) if c.event == event else c for c in corpus.comparisons)
    app = ReaderApp([], corpus=replace(corpus, comparisons=comparisons))
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        app.main.action_event_page()  # as `v` does, checked before the frame it asks for
        sheet = app.get_screen("event-page").query_one(EventSheet)
        assert len(sheet.rows) == FIRST_ROWS  # the page opens with the rows a frame shows
        sheet.action_move(1_000_000)  # `G` before the rest was made: the key makes it
        assert len(sheet.rows) > FIRST_ROWS + 60 and len(sheet.prompts) == len(sheet.rows) == len(sheet.enabled)
        assert sheet.highlighted == max(n for n, on in enumerate(sheet.enabled) if on)
        await pilot.pause()
        assert any("number 179" in r for r in sheet_text(app)) and sheet.virtual_size.height == len(sheet.rows)


@pilot_test
async def test_enter_on_a_ledger_cell_opens_that_outlets_paragraph() -> None:
    corpus = seeds()
    app = ReaderApp([], corpus=corpus)
    _, independent = june(corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        sheet = app.screen.query_one(EventSheet)
        row = next(n for n, r in enumerate(sheet.rows) if r.entry is not None and FRIEND in r.entry.fullest.text)
        entry = sheet.rows[row].entry
        sheet.highlighted = row
        await pilot.pause()
        column = next(n for n, a in enumerate(sheet.members) if a.id == independent)
        await pilot.press(*(["l"] * column), *(["h"] * 0))
        assert sheet.column == column
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        wanted = next(r for r in entry.renderings if r.article == independent)
        assert (app.main.current_article, app.main.view.paragraph) == (independent, wanted.paragraph)
        assert FRIEND in app.main.view.article.paragraphs[wanted.paragraph]


@pilot_test
async def test_merge_split_and_undo_change_the_list() -> None:
    corpus = seeds()
    app = ReaderApp([], corpus=corpus)
    _, independent = june(corpus)
    async with app.run_test(size=SIZE) as pilot:
        count = len(app.main.index.groups)
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("v", "M")
        await pilot.pause()
        first_other = next(g.event for g in app.main.index.groups if g.event and independent not in g.event.articles)
        await pilot.press("enter")  # the first other event, as the list shows them
        await pilot.pause()
        assert len(app.main.index.groups) == count - 1
        assert isinstance(app.screen, EventPage) and app.screen.event.origin == "user"
        assert len(app.screen.event.articles) == 2 + len(first_other.articles)
        # Split the article on the first coverage row back out.
        sheet = app.screen.query_one(EventSheet)
        sheet.highlighted = next(n for n, r in enumerate(sheet.rows) if r.article is not None)
        await pilot.press("X")
        await pilot.pause()
        assert len(app.main.index.groups) == count
        await pilot.press("z", "z")
        await pilot.pause()
        assert len(app.main.index.groups) == count
        assert all(e.origin == "auto" for e in app.main.index.corpus.events)


@pilot_test
async def test_a_correction_is_kept_when_the_reader_is_reopened(tmp_path: Path) -> None:
    corpus = seeds()
    _, independent = june(corpus)
    store = Corrections(tmp_path)
    app = ReaderApp([], corpus=corpus, corrections=store)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("v", "R")
        await pilot.pause()
        for _ in range(200):
            await pilot.press("backspace")
        await pilot.press(*"Medal for Putin", "enter")
        await pilot.pause()
    store.close()
    again = ReaderApp([], corpus=corpus, corrections=Corrections(tmp_path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        labels = [g.event.label for g in again.main.index.groups if g.event]
        assert "Medal for Putin" in labels


@pilot_test
async def test_side_by_side_scrolls_both_articles_as_one_and_swaps() -> None:
    corpus = seeds()
    _, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, SideBySide)
        view = app.screen.query_one(AlignedView)
        assert view.wide and view.left.id == independent
        linked = [n for n, (a, b) in enumerate(view.rows) if a is not None and b is not None]
        assert linked  # linked passages share a row
        before = view.scroll_y
        await pilot.press(*["j"] * 15)
        await pilot.pause()
        assert view.cursor == 15 and view.scroll_y > before  # one scroll for both columns
        other = view.right.id
        await pilot.press("x")
        await pilot.pause()
        assert (view.left.id, view.right.id) == (other, independent)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen) and app.main.current_article in (other, independent)


@pilot_test
async def test_side_by_side_at_80_by_24_is_one_column_with_counterparts() -> None:
    corpus = seeds()
    _, independent = june(corpus)
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=(80, 24)) as pilot:
        app.main.go(app.main.resume(independent))
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        view = app.screen.query_one(AlignedView)
        assert not view.wide
        await pilot.press("j", "j")
        assert view.cursor == 2


@pilot_test
async def test_event_page_shows_article_markup_literally() -> None:
    app = ReaderApp([], corpus=hostile_corpus())
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(app.main.resume("hostile-0"))
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        header = str(app.screen.query_one("#event-header").render())
        assert "[@click=app.quit]Event[/]" in header
        assert any("[link=file:///etc/passwd]" in r for r in sheet_text(app))  # clipped, never a link
