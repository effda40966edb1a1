"""The reading screen's key map and its small commands; the work is done by the layers below.

Layers, each owning one concern: `base` (widgets, panel layout, position
line), `navigation` (going places, history), `loading` (showing the
analysis), `searching` (search, find, entity filters), `marks` (read state
and the list's order), `outside` (copy, editor, problems). A new key is a
`Binding` here and an `action_` method here or in the layer it belongs to.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...analysis.model import Corpus
from .. import commands
from ..reading import StateStore
from ..words import plural
from .compare_keys import CompareKeys
from .outside import OutsideScreen


class MainScreen(CompareKeys, OutsideScreen):
    """Everything the reader does happens here; the app only loads the corpus."""

    AUTO_FOCUS = "#view"
    """The text has the focus from the start (focusing it on mount would restyle every widget twice)."""

    # Providers are loaded when the palette first opens, not at start-up.
    COMMANDS = Screen.COMMANDS | {commands.recent, commands.articles, commands.entities, commands.events, commands.bookmarks}

    # Letters are commands wherever the focus is (text, list or panel); only the filter and
    # search inputs take text. j/k, arrows, g/G move within the focused pane (their own bindings).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("J", "next_article", "Next article", show=False, id="article.next", tooltip="Open the next article in the list"),
        Binding("K,p", "previous_article", "Previous article", show=False, id="article.previous", tooltip="Open the previous article in the list"),
        Binding("n", "next", "Next hit / article", show=False, id="article.next_or_hit", tooltip="Next search hit while searching, else the next article"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="search.previous", tooltip="Previous search hit"),
        Binding("enter", "follow", "Follow", show=False, id="link.follow", tooltip="Follow the strongest link of this paragraph"),
        Binding("backspace,b", "back", "Back", id="link.back", tooltip="Go back to where you were before the last jump"),
        Binding("B", "forward", "Forward", show=False, id="link.forward", tooltip="Go forward again after going back"),
        Binding("slash", "search", "Search", id="search.start", tooltip="Search every article and list the hits"),
        Binding("ctrl+f", "find", "Find in article", show=False, id="search.in_article", tooltip="Find words in this article only (n/N step)"),
        Binding("h", "show_results", "Hits", show=False, id="search.results", tooltip="List the hits of the last search again"),
        Binding("l", "filter", "Filter", show=False, id="list.filter", tooltip="Filter the article list by words of title, outlet or event"),
        Binding("S", "sort", "Sort", show=False, id="list.sort", tooltip="Sort the list: events by date, by size, newest articles, by outlet"),
        Binding("u", "toggle_read", "Read/unread", show=False, id="read.toggle", tooltip="Mark this article unread, or read again"),
        Binding("A", "mark_event_read", "Event read", show=False, id="read.event", tooltip="Mark every article of this event read"),
        Binding("H", "toggle_hide_read", "Hide read", show=False, id="read.hide", tooltip="Hide or show the articles already read"),
        Binding("U", "next_unread", "Next unread", show=False, id="read.next", tooltip="Open the next unread article"),
        Binding("m", "bookmark", "Bookmark", show=False, id="paragraph.bookmark", tooltip="Bookmark this paragraph, or remove its bookmark (Ctrl+P lists them)"),
        Binding("e", "next_entity", "Next entity", show=False, id="entity.next", tooltip="Put the cursor on the next named entity"),
        Binding("E", "filter_entity", "Filter by entity", show=False, id="entity.filter", tooltip="List only articles mentioning the entity under the cursor"),
        Binding("y", "copy", "Copy", show=False, id="copy.paragraph", tooltip="Copy this paragraph with its citation"),
        Binding("Y", "copy_quote", "Copy quotation", show=False, id="copy.quote", tooltip="Copy the quotation in this paragraph, its speaker and citation"),
        Binding("ctrl+e", "open_file", "Open file", show=False, id="article.open_file", tooltip="Open the article's file in $EDITOR (or $PAGER), then come back"),
        Binding("R", "app.reload", "Reload", show=False, id="app.reload", tooltip="Read the folders again: changed and new files are analysed"),
        Binding("exclamation_mark", "problems", "Problems", show=False, id="problems.show", tooltip="List the files that could not be read"),
        Binding("r", "toggle_removed", "Removed lines", show=False, id="view.removed", tooltip="Show or hide the lines cleaning removed"),
        Binding("s", "toggle_panel", "Side panel", show=False, id="view.panel", tooltip="Show or hide the links panel"),
        Binding("escape", "clear", "Clear", show=False, id="view.clear", tooltip="Clear the search and the list filters"),
        # Comparing coverage: the event page, side by side, event order and moves, undoing a correction.
        Binding("v", "event_page", "Event page", id="event.page", tooltip="Compare this article's event across outlets"),
        Binding("c", "side_by_side", "Side by side", show=False, id="event.side_by_side", tooltip="This article beside another of its event"),
        Binding("right_square_bracket", "next_event", "Next event", show=False, id="event.next", tooltip="Open the first article of the next event"),
        Binding("left_square_bracket", "previous_event", "Previous event", show=False, id="event.previous", tooltip="Open the first article of the previous event"),
        Binding("O", "toggle_order", "Oldest first", show=False, id="event.order", tooltip="List events oldest first, or newest first again"),
        Binding("F", "toggle_fold", "Fold event", show=False, id="event.fold", tooltip="Fold this event's articles under its heading in the list, or unfold them"),
        Binding("M", "merge_event", "Merge events", show=False, id="event.merge", tooltip="Merge another event into this one"),
        Binding("T", "move_article", "Move article", show=False, id="event.move", tooltip="Move this article to another event or to a new one"),
        Binding("X", "split_article", "Split out", show=False, id="event.split", tooltip="Give this article an event of its own"),
        Binding("L", "rename_event", "Rename event", show=False, id="event.rename", tooltip="Give this event a name of your own"),
        Binding("z", "undo_correction", "Undo correction", show=False, id="event.undo", tooltip="Undo the last correction of events (merge, move, split, rename)"),
    ]

    def __init__(self, corpus: Corpus | None = None, state: StateStore | None = None) -> None:
        if state is None:
            from ...storage.state import MemoryState

            state = MemoryState()
        super().__init__(state)
        self.initial = corpus
        """A corpus to show at once (tests, screenshots) instead of waiting for analysis."""

    def on_mount(self) -> None:
        self.follow_the_cursor()
        self.call_after_refresh(self.search_bar)
        self.report_state_notices()
        self.layout_panels()
        if self.initial is not None:
            self.show_corpus(self.initial)

    def action_next_entity(self) -> None:
        if self.view.next_entity() is None:
            self.notify("No entities in this article.", markup=False, timeout=2)

    def action_toggle_removed(self) -> None:
        shown = self.view.toggle_removed()
        article = self.view.article
        count = len(article.removed) if article else 0
        self.notify(f"Showing {plural(count, 'removed line')}." if shown else "Hiding removed lines.", markup=False, timeout=2)
        self.describe_position()

    def action_bookmark(self) -> None:
        self.report_state_notices()
        on = self.view.toggle_bookmark()
        if on is None:
            return
        if self.current_article is not None:
            self.article_list.mark_read(self.current_article)
        where = f"¶ {self.view.paragraph + 1}"
        self.describe_position()
        self.notify(f"Bookmarked {where}." if on else f"Removed the bookmark on {where}.", markup=False, timeout=2)
