"""The reading screen's key map and its small commands; the work is done by the layers below.

Layers, each owning one concern: `base` (widgets, panel layout, position
line), `navigation` (going places, history, read marks), `loading` (showing
the analysis), `searching` (search and entity filters). A new key is a
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
from .searching import SearchingScreen


class MainScreen(SearchingScreen):
    """Everything the reader does happens here; the app only loads the corpus."""

    # Providers are loaded when the palette first opens, not at start-up.
    COMMANDS = Screen.COMMANDS | {commands.recent, commands.articles, commands.entities, commands.events, commands.bookmarks}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Next paragraph", show=False, id="paragraph.next", tooltip="Move the cursor one paragraph down"),
        Binding("k", "cursor_up", "Previous paragraph", show=False, id="paragraph.previous", tooltip="Move the cursor one paragraph up"),
        Binding("g", "first", "Top", show=False, id="paragraph.first", tooltip="Go to the top of the article"),
        Binding("G", "last", "Bottom", show=False, id="paragraph.last", tooltip="Go to the bottom of the article"),
        Binding("J", "next_article", "Next article", show=False, id="article.next", tooltip="Open the next article in the list"),
        Binding("K,p", "previous_article", "Previous article", show=False, id="article.previous", tooltip="Open the previous article in the list"),
        Binding("n", "next", "Next article / hit", show=False, id="article.next_or_hit", tooltip="Next search hit while searching, else the next article"),
        Binding("N", "previous_hit", "Previous hit", show=False, id="search.previous", tooltip="Previous search hit"),
        Binding("m", "bookmark", "Bookmark", show=False, id="paragraph.bookmark", tooltip="Bookmark this paragraph, or remove its bookmark (Ctrl+P lists them)"),
        Binding("enter", "follow", "Follow", show=False, id="link.follow", tooltip="Follow the strongest link of this paragraph"),
        Binding("backspace,b", "back", "Back", id="link.back", tooltip="Go back to where you were before the last jump"),
        Binding("B", "forward", "Forward", show=False, id="link.forward", tooltip="Go forward again after going back"),
        Binding("slash", "search", "Search", id="search.start", tooltip="Search the text of every article"),
        Binding("e", "next_entity", "Next entity", show=False, id="entity.next", tooltip="Put the cursor on the next named entity"),
        Binding("E", "filter_entity", "Filter by entity", show=False, id="entity.filter", tooltip="List only articles mentioning the entity under the cursor"),
        Binding("r", "toggle_removed", "Removed lines", show=False, id="view.removed", tooltip="Show or hide the lines cleaning removed"),
        Binding("s", "toggle_panel", "Side panel", show=False, id="view.panel", tooltip="Show or hide the links panel"),
        Binding("escape", "clear", "Clear", show=False, id="view.clear", tooltip="Clear the search and the list filters"),
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
        self.report_state_notices()
        self.layout_panels()
        self.view.focus()
        if self.initial is not None:
            self.show_corpus(self.initial)

    def action_cursor_down(self) -> None:
        self.view.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.view.action_cursor_up()

    def action_first(self) -> None:
        self.view.action_first()

    def action_last(self) -> None:
        self.view.action_last()

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
