"""Pilot tests: each user flow of the reader, driven by key presses on hand-made corpora."""

from __future__ import annotations

import asyncio
import functools
import os
import re
import sys
import threading
import types
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import pytest
from snapshot_apps.sample import hostile_corpus, long_corpus, sample_corpus
from textual.pilot import Pilot

from reader.analysis.model import Anchor, Article, Corpus, Quote
from reader.ui.app import ReaderApp
from reader.ui.layout import article_blocks, lay_out, wrap_starts
from reader.ui.lookup import CorpusIndex
from reader.ui.sanitize import printable
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.list_rows import article_ids

SIZE = (120, 40)


def pilot_test(test: Callable[..., Awaitable[None]]) -> Callable[..., None]:
    """Run an async Pilot test on a fresh event loop (no async pytest plugin needed)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def fake_pipeline(monkeypatch: pytest.MonkeyPatch, analyse: Callable[..., Corpus]) -> None:
    """Put a stand-in `reader.run.pipeline` in place, with the real exception the app catches."""
    from reader.run.pipeline import AnalysisCancelled

    fake = types.ModuleType("reader.run.pipeline")
    fake.analyse = analyse  # type: ignore[attr-defined]
    fake.AnalysisCancelled = AnalysisCancelled  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "reader.run.pipeline", fake)


def previewing_app(monkeypatch: pytest.MonkeyPatch, preview: Corpus, corpus: Corpus, gate: threading.Event) -> ReaderApp:
    """An app whose analysis shows `preview`, then finishes with `corpus` once `gate` is set."""

    def analyse(paths, progress=None, *, on_preview=None, **_):  # type: ignore[no-untyped-def]
        on_preview(preview)
        gate.wait(10)  # the corpus-wide stages, still running
        return corpus

    fake_pipeline(monkeypatch, analyse)
    return ReaderApp([Path("somewhere")])


async def until_shown(app: ReaderApp, pilot: Pilot[None]) -> None:
    """Wait (up to 5 s) until the app shows a corpus, partial or finished."""
    for _ in range(100):
        await pilot.pause(0.05)
        if app.main.index is not None:
            return


def screen_text(app: ReaderApp) -> str:
    """Everything on screen as plain text (what a user would read)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def help_text(app: ReaderApp) -> str:
    """The whole key table of the help screen, also the rows scrolled out of view."""
    from rich.console import Console

    assert isinstance(app.screen, HelpScreen)
    console = Console(width=120, record=True, file=open(os.devnull, "w"))  # noqa: SIM115
    console.print(app.screen._table())
    return console.export_text()


def view_lines(app: ReaderApp) -> list[str]:
    view = app.main.view
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


# --- pure helpers ---------------------------------------------------------
def test_links_are_seen_from_both_ends_strongest_first() -> None:
    index = CorpusIndex(sample_corpus())
    assert [(l.kind, l.target) for l in index.links_at(Anchor("bridge-herald", 1))] == [("quote", Anchor("bridge-ledger", 1))]
    [back] = index.links_at(Anchor("bridge-ledger", 1))
    assert back.target == Anchor("bridge-herald", 1)
    assert [(run.op, run.text) for run in back.diff][1:] == [("insert", "ever"), ("delete", "before")]
    ledger = index.links_at(Anchor("bridge-ledger", 3))
    assert [l.kind for l in ledger] == ["mention"]
    assert index.links_at(Anchor("budget-gazette", 0)) == ()  # a mention is shown where it is made only
    assert index.links_at(Anchor("bridge-herald", 1)) is index.links_at(Anchor("bridge-herald", 1))  # turned round once


def test_appearances_follow_the_list_order() -> None:
    corpus = sample_corpus()
    index = CorpusIndex(corpus)
    # Events newest first: the budget vote of 20 March before the reopening of 3 March.
    assert index.order[0] == "budget-gazette"
    assert list(index.appearances("harbour-bridge")) == [a for a in index.order if a != "orchid"]
    assert index.appearances("mara-quint") == {"bridge-herald": 1, "bridge-ledger": 1}  # the first paragraph naming her
    assert index.appearances("nobody") == {}
    # Without an entity table the articles themselves are searched.
    bare = CorpusIndex(replace(corpus, entities=()))
    assert bare.appearances("harbour-bridge") == index.appearances("harbour-bridge")




def test_printable_keeps_length_and_shows_escapes() -> None:
    raw = "a\x1b[31mb\x07c\x9bd\u202ee\x00"
    shown = printable(raw)
    assert len(shown) == len(raw)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown and "\u202e" not in shown
    assert shown.startswith("a␛[31mb␇c")
    assert printable("plain “text” 北京") == "plain “text” 北京"


def test_wrap_starts_respects_width_and_wide_characters() -> None:
    text = "one two three four five six seven"
    starts = wrap_starts(text, 10)
    rows = [text[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(text)])]
    assert rows == ["one two", "three four", "five six", "seven"]
    wide = "北京市的新闻报道 and more"
    starts = wrap_starts(wide, 6)
    rows = [wide[a:b] for a, b in zip(starts, [*starts[1:], len(wide)])]
    assert rows[0] == "北京市"  # three wide characters fill six cells
    assert all(len(row.encode("utf-16-le")) for row in rows)
    assert wrap_starts("averyveryverylongword", 5) == [0, 5, 10, 15, 20]


def test_layout_puts_removed_lines_before_their_paragraph() -> None:
    article = sample_corpus().articles[0]
    plain = article_blocks(article, show_removed=False)
    shown = article_blocks(article, show_removed=True)
    assert [b.kind for b in plain].count("removed") == 0
    kinds = [(b.kind, b.index) for b in shown]
    assert kinds.index(("removed", 0)) == kinds.index(("paragraph", 1)) - 1
    assert kinds[-1] == ("removed", 1)  # "before" == len(paragraphs): after the last one
    layout = lay_out(shown, 30)
    assert len(layout.paragraph_block) == len(article.paragraphs)
    assert all(end - start <= 31 for block, start, end in layout.rows if block >= 0)


def test_layout_does_not_repeat_a_lead_used_as_title() -> None:
    from reader.analysis.model import Article

    lead = "Officials in the port town said on Monday that the ferry would resume service."
    headless = Article("a", "a.txt", lead, (lead + " Tickets are on sale.",))
    assert [b.kind for b in article_blocks(headless, show_removed=False)] == ["paragraph"]
    headed = Article("b", "b.txt", "Ferry returns", (lead,))
    assert [b.kind for b in article_blocks(headed, show_removed=False)] == ["title", "paragraph"]


# --- flows ----------------------------------------------------------------


@pilot_test
async def test_navigate_paragraphs_and_articles() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        first = main.current_article
        assert first == "budget-gazette"  # events sorted by date: the budget vote came first
        await pilot.press("j", "j")
        assert main.view.paragraph == 2
        await pilot.press("k")
        assert main.view.paragraph == 1
        await pilot.press("down", "down", "down")
        assert main.view.paragraph == 2  # clamped at the last paragraph
        await pilot.press("g")
        assert main.view.paragraph == 0
        await pilot.press("G")
        assert main.view.paragraph == 2
        await pilot.press("J")
        assert main.current_article != first
        second = main.current_article
        await pilot.press("n")
        assert main.current_article not in (first, second)
        await pilot.press("p", "K")
        assert main.current_article == first
        assert "Council approves 120m transit budget" in screen_text(app)


@pilot_test
async def test_follow_link_and_come_back() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-herald", 0))
        await pilot.press("j")
        await pilot.pause()
        assert "Mara Quint" in screen_text(app)  # the speaker of the quote under the cursor
        await pilot.press("enter")
        assert (main.current_article, main.view.paragraph) == ("bridge-ledger", 1)
        await pilot.press("backspace")
        assert (main.current_article, main.view.paragraph) == ("bridge-herald", 1)
        # The same through the panel: focus it, choose the highlighted link.
        main.links.focus()
        await pilot.pause()
        await pilot.press("enter")
        assert main.current_article == "bridge-ledger"
        await pilot.press("b")
        assert main.current_article == "bridge-herald"


@pilot_test
async def test_panel_shows_diff_event_and_mentions() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-ledger", 1))
        await pilot.pause()
        prompts = [str(row.text) for row in main.links.rows]
        text = "\n".join(prompts)
        assert "Coastal Herald" in text and "same quotation, 2 words differ" in text and "93% similar" in text
        assert "ever" in text and "before" in text  # both sides of the word difference
        assert "Event: Harbour Bridge reopens" in text
        assert "Council approves transit budget" in text  # the event this one refers to



@pilot_test
async def test_panel_and_position_follow_the_cursor_in_the_same_frame() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-ledger", 0))
        await pilot.pause()
        # No await between the move and the checks: nothing may wait for a later frame.
        main.view.move_to(1)
        assert any("same quotation" in str(row.text) for row in main.links.rows)
        assert main.links.best is not None and main.links.best[0] == Anchor("bridge-herald", 1)
        assert "¶ 2/" in str(main.query_one("#legend").position)

@pilot_test
async def test_mouse_click_moves_cursor_and_picks_entity() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        view = app.main.view
        layout = view._layout
        assert layout is not None
        row = layout.first_row[layout.paragraph_block[2]] - int(view.scroll_y)
        await pilot.click(view, offset=(4, row + 1))  # +1: the border
        assert view.paragraph == 2
        # "The budget funds new buses and the repair of the Harbour Bridge." wraps; find the entity's cell.
        text = app.main.index.articles["budget-gazette"].paragraphs[2]
        start = text.index("Harbour Bridge")
        block = layout.paragraph_block[2]
        for number in range(layout.row_count[block]):
            _b, first, end = layout.rows[layout.first_row[block] + number]
            if first <= start < end:
                await pilot.click(view, offset=(1 + 2 + start - first + 1, row + 1 + number))
                break
        assert view.focus_entity is not None and view.focus_entity.entity == "harbour-bridge"
        await pilot.pause()
        assert any("also in" in str(row.text) for row in app.main.links.rows)


@pilot_test
async def test_search_lists_the_hits_and_enter_opens_one() -> None:
    from reader.ui.screens.search_results import SearchResultsScreen

    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("slash")
        await pilot.press(*"harbour bridge", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SearchResultsScreen)
        hits = main.found.hits
        assert len(hits) == 3  # paragraphs only: budget ¶3, ledger ¶1, herald ¶1
        shown = screen_text(app)
        assert "3 hits in 3 articles" in shown and "¶ 3" in shown and "repair of the Harbour Bridge" in shown
        await pilot.press("j", "enter")  # the second hit
        await pilot.pause()
        assert app.screen is main
        assert Anchor(main.current_article, main.view.paragraph) == hits[main.found.current] == hits[1]
        await pilot.press("n")
        assert main.found.current == 2
        await pilot.press("N", "N")
        assert main.found.current == 0
        assert Anchor(main.current_article, main.view.paragraph) == hits[0]
        assert any("Harbour Bridge" in line for line in view_lines(app))
        await pilot.press("h", "escape")  # the list again; Escape keeps the search
        await pilot.pause()
        assert app.screen is main and main.found.hits == hits
        await pilot.press("escape")
        assert main.found.hits == [] and main.view.search == ""


@pilot_test
async def test_find_stays_within_the_article() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-herald", 0))
        await pilot.press("ctrl+f", *"port alder", "enter")
        assert main.found.hits == [Anchor("bridge-herald", 0), Anchor("bridge-herald", 3)]
        for _ in range(3):
            await pilot.press("n")
            assert main.current_article == "bridge-herald"
        assert "find “port alder”" in str(main.view.border_subtitle)


@pilot_test
async def test_entity_jump_and_filter() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-herald", 0))
        await pilot.press("e")
        assert main.view.focus_entity is not None
        assert main.view.focus_entity.entity == "harbour-bridge"
        await pilot.pause()
        assert any("also in" in str(row.text) for row in main.links.rows)
        await pilot.press("E")
        listed = article_ids(main.article_list.entries.rows)
        assert sorted(listed) == ["bridge-herald", "bridge-ledger", "budget-gazette"]
        await pilot.press("escape")
        assert len(article_ids(main.article_list.entries.rows)) == 4


@pilot_test
async def test_filter_is_an_input_and_letters_are_commands_in_the_list() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.article_list.entries.focus()
        await pilot.press("l", *"Port Alder, bridge: quit?", "enter")  # a sentence: nothing fires
        assert main.article_list.text_filter == "Port Alder, bridge: quit?"
        assert app.is_running and main.panel_wanted is None and main.view.bookmarked == frozenset()
        assert main.article_list.entries.has_focus
        await pilot.press("l", *["backspace"] * 20, "escape")  # Escape leaves the input as the filter was
        assert main.article_list.text_filter == "Port Alder, bridge: quit?"
        await pilot.press("l", *["backspace"] * 25, *"orchid", "enter")
        listed = article_ids(main.article_list.entries.rows)
        assert listed == ["orchid"]
        await pilot.press("j", "enter")
        assert main.current_article == "orchid"
        assert main.view.has_focus
        await pilot.press("escape")
        assert main.article_list.text_filter == ""


@pilot_test
async def test_j_and_k_move_within_the_focused_pane_and_q_quits_from_each() -> None:
    for pane in ("view", "list", "links"):
        app = ReaderApp([], corpus=sample_corpus())
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            main.go(Anchor("bridge-herald", 0))
            await pilot.pause()
            widget = {"view": main.view, "list": main.article_list.entries, "links": main.links}[pane]
            widget.focus()
            await pilot.pause()
            before = (main.view.paragraph, main.article_list.entries.highlighted, main.links.highlighted)
            await pilot.press("j")
            after = (main.view.paragraph, main.article_list.entries.highlighted, main.links.highlighted)
            moved = [name for name, b, a in zip(("view", "list", "links"), before, after, strict=True) if b != a and name == pane]
            assert moved == [pane] or (pane == "links" and main.links.highlighted is not None)
            assert main.view.paragraph == (1 if pane == "view" else 0)
            await pilot.press("q")
            await pilot.pause()
        assert not app.is_running, pane


@pilot_test
async def test_toggle_removed_lines() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        app.main.go(Anchor("bridge-herald", 0))
        await pilot.pause()
        assert not any("Advertisement" in line for line in view_lines(app))
        await pilot.press("r")
        await pilot.pause()
        lines = view_lines(app)
        assert any("Advertisement" in line and "advertisement" in line for line in lines)
        await pilot.press("r")
        await pilot.pause()
        assert not any("Advertisement" in line for line in view_lines(app))


@pilot_test
async def test_help_lists_the_real_bindings() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        for description in ("Follow the strongest link", "Show or hide the lines cleaning removed", "Show every key"):
            assert description in text
        assert re.search(r"Mark this article unread, or read again\s+read\.toggle", text)  # ids for the key map
        await pilot.press("escape")
        assert app.screen is app.main
        # A keymap change shows up in the help: it is generated, not typed by hand.
        app.set_keymap({"view.removed": "x"})
        await pilot.press("question_mark")
        await pilot.pause()
        assert re.search(r"\sx\s{3,}Show or hide the lines cleaning removed", help_text(app))


@pilot_test
async def test_command_palette_opens_an_article() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"rare orchid")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.current_article == "orchid"


@pilot_test
async def test_narrow_terminal_hides_the_panel_until_asked() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not app.main.links.display or not app.main.links.region.width
        await pilot.press("s")
        await pilot.pause()
        assert app.main.links.region.width > 0
        await pilot.press("s")
        await pilot.pause()
        assert app.main.links.region.width == 0


@pilot_test
async def test_theme_switch_keeps_text() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "reader-light"
        assert any("Council approves" in line for line in view_lines(app))


@pilot_test
async def test_theme_switch_recolours_the_legend() -> None:
    """The legend keeps its key between repaints; a new theme must still give it the new colours."""
    from reader.ui.widgets.legend import Legend

    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        legend = app.main.query_one(Legend)

        def person_style() -> str:
            key = legend.render()
            return str(next(span.style for span in key.spans if key.plain[span.start : span.end] == "■ person"))

        dark = person_style()
        await pilot.press("t")
        await pilot.pause()
        assert person_style() != dark
        # The key shows a person exactly as the text draws one, in the new theme's colours.
        await pilot.pause()
        assert person_style() == str(app.main.view._resolve_styles()["person"])


@pilot_test
async def test_hostile_text_is_shown_literally() -> None:
    app = ReaderApp([], corpus=hostile_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert app.is_running  # the [@click=app.quit] did not act
        assert "[bold]bold" in text and "markup[/bold]" in text
        assert "␛[31mred" in text and "\x1b" not in text and "\x07" not in text
        assert "[link=file:///etc/passwd]" in text
        for strip in app.screen._compositor.render_strips():
            for segment in strip:
                assert segment.style is None or not segment.style.link
        # Wide characters keep every row at the terminal's width.
        assert all(strip.cell_length == SIZE[0] for strip in app.screen._compositor.render_strips())
        svg = app.export_screenshot()
        assert "\x1b" not in svg


@pilot_test
async def test_failed_analysis_is_a_notification(monkeypatch: pytest.MonkeyPatch) -> None:

    def analyse(paths, progress=None, **_):  # type: ignore[no-untyped-def]
        raise ValueError("[bold]cannot[/bold] read \x1b[2J")

    fake_pipeline(monkeypatch, analyse)
    app = ReaderApp([Path("nowhere")])
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(100):  # the worker starts after the first frame
            await pilot.pause(0.05)
            if app._notifications:
                break
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running
        messages = [n.message for n in app._notifications]
        assert any("[bold]cannot[/bold]" in m and "␛[2J" in m for m in messages)


@pilot_test
async def test_cache_is_opened_in_the_worker_and_its_notices_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    given: list[object] = []

    class DamagedCache:
        notices = ("Analysis cache [red]damaged[/red]; set aside and rebuilt.",)

    def analyse(paths, progress=None, *, cache=None, **_):  # type: ignore[no-untyped-def]
        given.append(cache)
        return sample_corpus()

    fake_pipeline(monkeypatch, analyse)
    opened: list[DamagedCache] = []
    app = ReaderApp([Path("somewhere")], open_cache=lambda: opened.append(DamagedCache()) or opened[-1])
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot)  # the worker starts after the first frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert given == opened and len(opened) == 1
        assert any("[red]damaged[/red]" in n.message for n in app._notifications)


@pilot_test
async def test_worker_reports_progress_then_shows_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[int, int]] = []

    def analyse(paths, progress=None, **_):  # type: ignore[no-untyped-def]
        for done in range(1, 4):
            progress(done, 3)
            seen.append((done, 3))
        return sample_corpus()

    fake_pipeline(monkeypatch, analyse)
    app = ReaderApp([Path("somewhere")])
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot)  # the worker starts after the first frame
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert seen == [(1, 3), (2, 3), (3, 3)]
        assert app.main.current_article == "budget-gazette"
        assert not app.main.query_one("#progress").display
        # One summary of the problems, not a toast per file; `!` lists them.
        assert [n.message for n in app._notifications if n.title == "Problems"] == ["1 file could not be read. Press ! to see which and why."]
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert "broken.pdf: not a text file" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is app.main


@pilot_test
async def test_list_fills_in_while_the_corpus_is_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()
    corpus = sample_corpus()
    first = corpus.articles[3]

    app = previewing_app(monkeypatch, Corpus(articles=(first,)), corpus, gate)
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot)
        assert app.main.index is not None and list(app.main.index.articles) == [first.id]
        assert app.main.current_article == first.id
        await pilot.press("j")
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.main.index.articles) == 4
        assert (app.main.current_article, app.main.view.paragraph) == (first.id, 1)  # the reader's place is kept


def many_articles(count: int) -> Corpus:
    articles = tuple(
        Article(id=f"a{n:05d}", source=f"a{n:05d}.txt", title=f"Report number {n:05d}", paragraphs=(f"Body of report {n}.",), outlet="Wire")
        for n in range(count)
    )
    return Corpus(articles=articles)


@pilot_test
async def test_a_long_list_draws_only_what_is_on_screen() -> None:
    app = ReaderApp([], corpus=many_articles(5000))
    async with app.run_test(size=SIZE) as pilot:
        options = app.main.article_list.entries
        await pilot.pause()
        built = [row for row in options.rows if row._make is None]
        assert 0 < len(built) <= options.size.height  # one screenful of two-line entries, not 5,000
        assert options.virtual_size.height == 1 + 2 * 5000  # the "Not grouped" heading, then two lines each
        lines = [options.render_line(y).text for y in range(4)]
        assert "Report number 00000" in lines[1] and "Wire" in lines[2]
        options.focus()
        await pilot.press("end")
        await pilot.pause()
        assert options.highlighted is not None and options.rows[options.highlighted].id == "a04999"
        assert any("Report number 04999" in options.render_line(y).text for y in range(options.size.height))
        await pilot.press("l", *"04321", "enter")
        assert [row.id for row in options.rows if row.id] == ["a04321"]
        await pilot.press("enter")
        assert app.main.current_article == "a04321"


@pilot_test
async def test_the_finished_corpus_opens_at_its_own_first_article_if_the_user_has_not_moved(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    corpus = sample_corpus()
    gate = threading.Event()

    # The preview is not yet grouped into events: its first article is not the finished list's.
    app = previewing_app(monkeypatch, Corpus(articles=tuple(reversed(corpus.articles))), corpus, gate)
    async with app.run_test(size=SIZE) as pilot:
        await until_shown(app, pilot)
        assert app.main.current_article == corpus.articles[-1].id  # the preview's first
        gate.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.main.current_article == app.main.index.order[0] != corpus.articles[-1].id


@pilot_test
async def test_long_article_moves_and_follows() -> None:
    app = ReaderApp([], corpus=long_corpus(2000))
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        await pilot.press("G")
        assert main.view.paragraph == 1999
        assert any("Paragraph 1999" in line for line in view_lines(app))
        await pilot.press("g", "j", "j", "j")
        assert main.view.paragraph == 3
        await pilot.press("enter")
        assert (main.current_article, main.view.paragraph) == ("long-b", 21)
        assert any("Paragraph 21:" in line for line in view_lines(app))


@pilot_test
async def test_empty_corpus_does_not_crash() -> None:
    app = ReaderApp([], corpus=Corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "J", "enter", "e", "E", "r", "b", "slash", "x", "enter")
        assert app.is_running


@pilot_test
async def test_article_without_paragraphs() -> None:
    article = Article(id="x", source="x.txt", title="Only a title", paragraphs=())
    app = ReaderApp([], corpus=Corpus(articles=(article,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "G", "e", "r")
        assert "Only a title" in screen_text(app)


# --- reading state: read marks, positions, bookmarks ------------------------


def hashed_corpus(ids: str = "") -> Corpus:
    """The sample corpus with content hashes (as ingest sets them); `ids` renames every article."""
    corpus = sample_corpus()
    articles = tuple(replace(a, id=f"{ids}{a.id}", content_hash=f"hash-{a.id}") for a in corpus.articles)
    events = tuple(replace(e, articles=tuple(f"{ids}{a}" for a in e.articles)) for e in corpus.events)
    entities = tuple(replace(e, articles=tuple(f"{ids}{a}" for a in e.articles)) for e in corpus.entities)
    return replace(corpus, articles=articles, events=events, entities=entities, links=() if ids else corpus.links)


def unread(app: ReaderApp) -> list[str]:
    """Ids of the articles the list shows with the unread dot."""
    rows = app.main.article_list.entries.rows
    return sorted(str(row.id) for row in rows if row.id is not None and str(row.text).startswith("● "))


@pilot_test
async def test_bookmark_toggles_and_palette_lists_it() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        main = app.main
        main.go(Anchor("bridge-herald", 0))
        await pilot.press("j", "m")
        assert main.view.bookmarked == {1}
        assert any(line.startswith("▌★ ") for line in view_lines(app))  # cursor bar, then the mark
        assert "★ ¶ 2/" in screen_text(app)  # and the position line says so
        await pilot.press("j")
        assert any(line.startswith(" ★ ") for line in view_lines(app))  # the mark stays when the cursor leaves
        await pilot.press("g")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bookmark")
        await pilot.pause(0.5)
        assert "Bookmark: Harbour Bridge reopens after storm repairs ¶2 — “We rebuilt the deck" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert (main.current_article, main.view.paragraph) == ("bridge-herald", 1)
        await pilot.press("m")
        assert main.view.bookmarked == frozenset() and app.state.bookmarks() == []
        assert not any("★" in line for line in view_lines(app))
        assert "m" in [key for key, active in main.active_bindings.items() if active.binding.id == "paragraph.bookmark"]


@pilot_test
async def test_article_shown_at_start_is_read_only_once_the_user_reads_on() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "budget-gazette" in unread(app)  # put on screen, not chosen
        await pilot.press("j")
        assert "budget-gazette" not in unread(app)
        await pilot.press("J")
        assert app.main.current_article not in unread(app)  # chosen with J


@pilot_test
async def test_read_marks_survive_filtering_the_list() -> None:
    app = ReaderApp([], corpus=sample_corpus())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main = app.main
        main.article_list.entries.focus()
        await pilot.press("l", *"orchid", "enter")  # entries are made for the filtered list only
        await pilot.press("enter")  # open (and read) the orchid article
        main.article_list.entries.focus()
        await pilot.press("escape")  # the other entries are made now, from the state
        assert "orchid" not in unread(app)
        main.go(Anchor("bridge-ledger", 0))
        await pilot.press("j")
        main.article_list.entries.focus()
        await pilot.press("l", *"bridge", "enter", "escape")
        assert unread(app) == ["bridge-herald", "budget-gazette"]
        await pilot.press("l", *"orchid", "enter")  # the list hides bridge-herald while it is read
        main.go(Anchor("bridge-herald", 0))
        await pilot.press("j")
        main.article_list.entries.focus()
        await pilot.press("escape")
        assert unread(app) == ["budget-gazette"]


@pilot_test
async def test_restart_restores_read_marks_positions_and_bookmarks(tmp_path: Path) -> None:
    from reader.storage.state import ReadingState

    with ReadingState(tmp_path) as state:
        app = ReaderApp([], corpus=hashed_corpus(), state=state)
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            assert main.current_article == "budget-gazette"
            await pilot.press("j", "j")  # reading on in it marks it read
            main.go(main.resume("bridge-herald"))
            await pilot.pause()
            await pilot.press("j", "m", "j")
            await pilot.pause()
            assert main.view.paragraph == 2
        state.flush()
    # A new run, with other article ids: state follows the file's content.
    with ReadingState(tmp_path) as state:
        app = ReaderApp([], corpus=hashed_corpus("moved-"), state=state)
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            await pilot.pause()
            assert (main.current_article, main.view.paragraph) == ("moved-budget-gazette", 2)
            assert unread(app) == ["moved-bridge-ledger", "moved-orchid"]
            assert screen_text(app).count("● ") == 3  # two in the list, one in the legend
            main.article_list.entries.focus()
            await pilot.pause()
            main.article_list.entries.highlighted = main.article_list.entries.index_of("moved-bridge-herald")
            await pilot.press("enter")
            await pilot.pause()
            assert (main.current_article, main.view.paragraph) == ("moved-bridge-herald", 2)
            assert main.view.bookmarked == {1}
            await pilot.press("J")
            assert main.view.paragraph == 0  # never opened before: from the top
            assert len(unread(app)) == 1


@pilot_test
async def test_damaged_state_file_is_one_literal_notification(tmp_path: Path) -> None:
    from reader.storage.state import FILE_NAME, ReadingState

    (tmp_path / FILE_NAME).write_bytes(b"[bold]not a database[/bold]" * 100)
    with ReadingState(tmp_path) as state:
        assert state.notices
        app = ReaderApp([], corpus=sample_corpus(), state=state)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            toasts = [n for n in app._notifications if n.title == "Reading state"]
            assert len(toasts) == 1 and "damaged" in toasts[0].message
            await pilot.press("j", "m")  # the new file works
            assert state.bookmarks()


@pilot_test
async def test_state_notices_are_literal_and_shown_once_each() -> None:
    from reader.storage.state import MemoryState

    class Troubled(MemoryState):
        notices: tuple[str, ...] = ("[red]disk[/red] full \x1b[2J",)

    state = Troubled()
    app = ReaderApp([], corpus=sample_corpus(), state=state)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        state.notices = (*state.notices, "Reading state not saved ([b]locked[/b]).")
        await pilot.press("J", "J")
        messages = [n.message for n in app._notifications if n.title == "Reading state"]
        assert messages == ["[red]disk[/red] full ␛[2J", "Reading state not saved ([b]locked[/b])."]


@pilot_test
async def test_bookmark_and_headline_text_stays_literal() -> None:
    article = hostile_corpus().articles[0]
    title = "[b]Mayor[/b] calls plan “a [red]mess[/red]”"
    quote = Quote(0, title.index("a [red]"), title.index("”"), "a [red]mess[/red]", kind="partial")
    article = replace(article, title=title, subtitle=None, headline_quotes=(quote,))
    app = ReaderApp([], corpus=Corpus(articles=(article,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(title in line for line in view_lines(app))
        await pilot.press("m", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"bookmark")
        await pilot.pause(0.5)
        shown = screen_text(app)
        assert f"Bookmark: {title} ¶1 — " in shown
        assert "\x1b" not in shown


@pilot_test
async def test_headline_quotes_are_styled_like_body_quotes() -> None:
    title = "Minister says cuts are “the only way”"
    subtitle = "Critics call the plan ‘reckless’"
    headline = (
        Quote(0, title.index("the only"), title.index("”"), "the only way", kind="direct"),
        Quote(1, subtitle.index("reckless"), subtitle.index("’"), "reckless", kind="partial"),
    )
    article = Article(id="a", source="a.txt", title=title, subtitle=subtitle, paragraphs=("Body text.",), headline_quotes=headline)
    app = ReaderApp([], corpus=Corpus(articles=(article,)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = app.main.view
        styles = view._resolve_styles()
        for block, kind, quoted in ((0, "quote", "“the only way”"), (1, "quote-partial", "‘reckless’")):
            text = view._block_text(block, cursor=False)
            styled = [text.plain[s.start : s.end] for s in text.spans if s.style == styles[kind]]
            assert styled == [quoted]
        assert styles["quote"] != styles["title"]


@pilot_test
async def test_a_folder_with_a_pipe_and_hostile_names_loads(tmp_path: Path) -> None:
    """Issue 20: a FIFO left the app on "Analysing…" for good; a file name's escapes must not reach the screen."""
    import os

    from reader.storage.cache import AnalysisCache

    (tmp_path / "good.txt").write_text("Port reopens\nShips sailed again on Monday, the harbour master said.\n", "utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "bin\x1b]0;pwned\x07.txt").write_bytes(b"\x00binary")
    app = ReaderApp([tmp_path], open_cache=AnalysisCache.disabled)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(app.workers.wait_for_complete(), 60)
        await pilot.pause()
        assert app.main.current_article == "good"
        # One summary notification; `!` lists the files, their names' escapes shown as symbols.
        assert [n.message for n in app._notifications] == ["2 files could not be read. Press ! to see which and why."]
        await pilot.press("exclamation_mark")
        await pilot.pause()
        listed = screen_text(app)
        assert "binary file, not text" in listed and "not a regular file (named pipe)" in listed
        assert "\x1b" not in listed and "\x07" not in listed
        await pilot.press("escape", "q")
        assert not app.is_running
