"""Snapshot tests: what the screens look like.

All but two render the small corpora of `snapshot_apps/sample.py`, written
for the tests, so a change to the analysis does not change these pictures;
`TestSeeds` keeps the bundled seeds, end to end. Each test says what a
reviewer should see in its SVG. Update with
``pytest tests/test_snapshots.py --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from snapshot_apps.sample import headline_corpus, hostile_corpus, markdown_corpus, sample_corpus
from textual.pilot import Pilot
from textual.widgets import Input

from reader.analysis.model import Anchor, Corpus
from reader.ui.app import ReaderApp

WIDE = (120, 40)
NARROW = (80, 24)


@cache
def seeds_corpus() -> Corpus:
    """The bundled seeds, analysed once per test run."""
    from reader.run.pipeline import analyse
    from reader.sources.files import bundled_seeds

    return analyse([bundled_seeds()])


async def steady(pilot: Pilot[Any]) -> None:
    """Stop blinking cursors so screenshots are stable."""
    await pilot.pause()
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


def at(anchor: Anchor, *keys: str):  # type: ignore[no-untyped-def]
    """A run_before that opens `anchor`, then presses `keys`."""

    async def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ReaderApp)
        await pilot.pause()  # run_before starts before the screen has mounted
        app.main.go(anchor)
        await pilot.pause()
        await pilot.press(*keys)
        await steady(pilot)

    return run


class TestSeeds:
    def test_seeds_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """You should see the list grouped by event, the first article with its cursor, and the links panel."""
        assert snap_compare(ReaderApp([], corpus=seeds_corpus()), terminal_size=WIDE, run_before=steady)

    def test_seeds_narrow(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """At 80×24 the links panel is hidden and the line under the text says `s` brings it back."""
        assert snap_compare(ReaderApp([], corpus=seeds_corpus()), terminal_size=NARROW, run_before=steady)


class TestMainScreen:
    def test_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The list grouped by event (bridge, budget, then "Not grouped"), the bridge article and its links."""
        assert snap_compare(ReaderApp([], corpus=sample_corpus()), terminal_size=WIDE, run_before=steady)

    def test_narrow_with_panel(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """At 80×24 `s` shows the links panel in place of the list, on the quoted paragraph."""
        assert snap_compare(ReaderApp([], corpus=sample_corpus()), terminal_size=NARROW, press=["j", "s"], run_before=steady)

    def test_light_theme(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`t` switches to the light theme; highlights stay readable on the light background."""
        assert snap_compare(ReaderApp([], corpus=sample_corpus()), terminal_size=WIDE, press=["t", "j"], run_before=steady)


class TestLinks:
    def test_quote_link_with_diff(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The panel names the speaker, shows the other outlet's wording with "ever"/"before" marked, and the event."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=at(Anchor("bridge-herald", 1)))

    def test_entity_under_cursor(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`e` puts the cursor on "Harbour Bridge" (reversed); the panel lists the other articles naming it."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=at(Anchor("bridge-herald", 0), "e"))


class TestSharedWords:
    def test_shared_words_in_text_and_panel(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """Tab to the links panel on the quoted paragraph: the words both renderings share ("We rebuilt the
        deck in record time", "safer than") are tinted in the article text and in the panel's wording alike."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=at(Anchor("bridge-herald", 1), "tab"))


class TestMarkdown:
    def test_markdown_structure(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """A heading in bold, a list with bullets and a nested numbered item, a table with its columns
        aligned and its header bold, a code block on a tinted background keeping its indentation, and
        "[bold]Markup in a heading[/bold]" shown literally."""
        assert snap_compare(ReaderApp([], corpus=markdown_corpus()), terminal_size=WIDE, run_before=steady)


class TestCleaning:
    def test_removed_lines_shown(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`r` shows "Advertisement" and the share prompt, dimmed, with the reason after ✂."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=at(Anchor("bridge-herald", 0), "r"))


class TestSearch:
    def test_search_hits_highlighted(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """After searching "port alder" the hits are highlighted and the border shows the hit count."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, press=["slash", *"port alder", "enter"], run_before=steady)


class TestHelpAndPalette:
    def test_help(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The help lists every key, generated from the bindings, grouped by where it works."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, press=["question_mark"], run_before=steady)

    def test_palette_finds_events(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """Ctrl+P then "bridge": articles, the entity and the event matching it."""

        async def run(pilot: Pilot[Any]) -> None:
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"bridge")
            await pilot.pause(0.6)
            await steady(pilot)

        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=run)


class TestReadingState:
    def test_bookmarks_and_headline_quote(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The headline's quotation is coloured like body quotes; ¶2 and ¶3 carry a pink ★ in the margin, the cursor on ¶3."""
        app = ReaderApp([], corpus=headline_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=at(Anchor("budget-gazette", 0), "j", "m", "j", "m"))

    def test_palette_lists_bookmarks(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """Ctrl+P then "bookmark": both bookmarks, oldest first, as "Bookmark: title ¶N — first words"."""

        async def run(pilot: Pilot[Any]) -> None:
            app = pilot.app
            assert isinstance(app, ReaderApp)
            await pilot.pause()
            app.main.go(Anchor("bridge-ledger", 0))
            await pilot.press("j", "j", "m")
            app.main.go(Anchor("bridge-herald", 0))
            await pilot.press("j", "m")
            app.clear_notifications()  # toasts would cover the palette, and their timing varies
            await pilot.pause()
            await pilot.press("ctrl+p")
            await pilot.pause()
            await pilot.press(*"bookmark")
            await pilot.pause(0.6)
            await steady(pilot)

        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, run_before=run)


class TestHostileInput:
    def test_hostile_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """Markup shows as text ("[bold]…[/bold]"), escapes as ␛, wide and RTL text keep the layout; the problem toast is literal."""
        assert snap_compare(ReaderApp([], corpus=hostile_corpus()), terminal_size=WIDE, run_before=steady)

    def test_hostile_narrow_removed(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """At 80×24 with removed lines shown, the OSC 52 line and "[red]junk[/red]" reason appear literally."""
        assert snap_compare(ReaderApp([], corpus=hostile_corpus()), terminal_size=NARROW, press=["r"], run_before=steady)


class TestFinding:
    def test_search_results_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`/` "port alder": five hits in three articles, each with title, outlet, ¶ and the hit in context, highlighted."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, press=["slash", *"port alder", "enter"], run_before=steady)

    def test_search_results_narrow(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The same results at 80×24: titles and contexts are cut with an ellipsis, nothing wraps."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=NARROW, press=["slash", *"port alder", "enter"], run_before=steady)

    def test_filter_input_open(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`l` then "bridge": the filter input over the list holds the words, the list shows the bridge event only."""
        app = ReaderApp([], corpus=sample_corpus())
        assert snap_compare(app, terminal_size=WIDE, press=["l", *"bridge"], run_before=steady)


class TestProblemsAndEmpty:
    @staticmethod
    async def problems_shown(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        pilot.app.clear_notifications()
        await pilot.press("exclamation_mark")
        await steady(pilot)

    def test_problems_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`!` lists the unreadable file with its reason, over the reader; no toast covers the text."""
        assert snap_compare(ReaderApp([], corpus=sample_corpus()), terminal_size=WIDE, run_before=self.problems_shown)

    def test_problems_narrow(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The problems screen at 80×24: the hostile file name and message shown literally."""
        assert snap_compare(ReaderApp([], corpus=hostile_corpus()), terminal_size=NARROW, run_before=self.problems_shown)

    def test_empty_folder(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """An empty folder: the text panel says what the reader reads and how to add articles."""
        assert snap_compare(ReaderApp([], corpus=Corpus(articles=())), terminal_size=WIDE, run_before=steady)
