"""Snapshot tests of the comparison screens on the seeds: the event page and side by side.

Update with ``pytest tests/test_snapshots_compare.py --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

from typing import Any

from test_compare_ui import june, seeds
from test_snapshots import NARROW, WIDE, steady
from textual.pilot import Pilot

from reader.ui.app import ReaderApp


def on_june(*keys: str, in_list: bool = False):  # type: ignore[no-untyped-def]
    """A run_before that opens The Independent's June 2018 article (the keyboard in the list if
    `in_list`), then presses `keys`."""

    async def run(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, ReaderApp)
        await pilot.pause()
        app.main.go(app.main.resume(june(seeds())[1]))
        if in_list:
            app.main.article_list.entries.focus()
        await pilot.pause()
        await pilot.press(*keys)
        await steady(pilot)

    return run


class TestEventPage:
    def test_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """You should see the June 2018 event's header (2 outlets), coverage rows, and the ledger with
        "best, most intimate friend" ticked for both outlets, The Independent's cut words struck through."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=WIDE, run_before=on_june("v"))

    def test_narrow(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """At 80×24 the same page, rows cut with an ellipsis, the key bar at the bottom."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=NARROW, run_before=on_june("v"))


class TestSideBySide:
    def test_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """Two columns: The Independent left, The Moscow Times right; linked paragraphs on one row with
        their own words underlined, unmatched paragraphs shaded; the cursor three rows down."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=WIDE, run_before=on_june("c", "j", "j", "j"))

    def test_narrow(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """At 80×24 one column: each paragraph, then its counterpart from the other article indented under a bar."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=NARROW, run_before=on_june("c", "j"))


class TestList:
    def test_folded_event(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """The June 2018 event folded in the list: its heading starts with "▸ 2 folded ·", is
        highlighted, and its two articles are not listed; the other events are open under ◆ headings."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=WIDE, run_before=on_june("F", in_list=True))

    def test_move_picker(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """`T` on the reading screen: a dialog asking where to move the article, "A new event of its own"
        first, then the other events newest first, each with its date and size."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=WIDE, run_before=on_june("T"))


class TestSwapped:
    def test_wide(self, snap_compare) -> None:  # type: ignore[no-untyped-def]
        """After `x`: The Moscow Times on the left, The Independent on the right, the same rows mirrored,
        the cursor still on its row, each side's own words marked."""
        assert snap_compare(ReaderApp([], corpus=seeds()), terminal_size=WIDE, run_before=on_june("c", "j", "j", "j", "x"))
