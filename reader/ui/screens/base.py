"""The reading screen's frame: its widgets, how they are laid out, and the lines that describe the place.

`MainScreen` is built in layers, each in its own module and owning one
concern: this frame, navigation (`navigation.py`), putting a corpus on
screen (`loading.py`), search (`searching.py`), and the key map with the
small commands (`main.py`).
"""

from __future__ import annotations

from pathlib import PurePath

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen

from ..lookup import CorpusIndex
from ..reading import StateStore
from ..sanitize import clip, content, printable
from ..widgets.article_list import ArticleList
from ..widgets.article_view import ArticleView
from ..widgets.key_bar import KeyBar
from ..widgets.legend import Legend
from ..widgets.links_panel import LinksPanel
from ..widgets.progress_line import ProgressLine

NARROW = 100
"""Below this many columns the links panel is hidden unless toggled with `s`."""


class ReadingScreen(Screen[None]):
    """List, text and links panel, laid out for the terminal's width."""

    current_article: reactive[str | None] = reactive(None, repaint=False)
    """Id of the article on screen; bound into the list and the text view."""
    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)

    def __init__(self, state: StateStore) -> None:
        super().__init__()
        self.state = state
        """Where read marks, positions, bookmarks and choices are kept (shared with the list and the text)."""
        self.panel_wanted: bool | None = None
        """The user's `s` choice; None follows the terminal width."""
        self.status = ""
        """What the text's lower border says besides the position (search, modes)."""
        self.place_key = ""
        """Names the folders shown (set by the app), so each set of folders resumes at its own place."""
        self._border_labels: tuple[str, str] = ("", "")
        self._notices_shown = 0

    def compose(self) -> ComposeResult:
        yield ProgressLine(id="progress")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                article_list = ArticleList(self.state, id="list")
                article_list.memory = self.place_key
                yield article_list.data_bind(ReadingScreen.current_article, ReadingScreen.index)
            with Vertical(id="centre"):
                yield ArticleView(self.state, id="view").data_bind(ReadingScreen.current_article, ReadingScreen.index)
            yield LinksPanel(id="links").data_bind(ReadingScreen.index)
        yield Legend(id="legend")
        yield KeyBar(id="keys")  # the search prompt is made on first use (`searching.py`)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def links(self) -> LinksPanel:
        return self.query_one(LinksPanel)

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def on_resize(self) -> None:
        self.layout_panels()

    def layout_panels(self) -> None:
        """Show the links panel on wide terminals; on narrow ones only when asked, in the list's place."""
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        show_panel = (not narrow) if self.panel_wanted is None else self.panel_wanted
        self.set_class(not show_panel, "-no-panel")
        self.set_class(narrow and show_panel, "-panel-shown")
        self.query_one(Legend).panel_hidden = not show_panel

    def action_toggle_panel(self) -> None:
        self.panel_wanted = self.has_class("-no-panel")
        self.layout_panels()

    def describe_position(self) -> None:
        """Paragraph number under the text; article, search and mode on the text's border."""
        view = self.view
        article = view.article
        count = len(article.paragraphs) if article else 0
        position = f"¶ {view.paragraph + 1}/{count}" if count else ""
        if count and view.paragraph in view.bookmarked:
            position = f"★ {position}"
        if article is not None and self.index is not None:
            # The speaker of the quotation under the cursor, also visible when the panel is hidden.
            speakers = [
                self.index.entity_name(q.speaker) if q.speaker else "unattributed"
                for q in article.quotes
                if q.paragraph == view.paragraph and q.kind != "term"
            ]
            if speakers:
                position = f"“” {', '.join(dict.fromkeys(speakers))} · {position}"
        self.query_one(Legend).position = printable(position)
        title = article.outlet or PurePath(article.source).name if article else ""
        parts = [self.status] if self.status else []
        if view.show_removed:
            parts.append("showing removed lines")
        # Only touch the border when it changes: a new border title repaints the whole view.
        labels = (clip(title, 40), " · ".join(parts))
        if labels != self._border_labels:
            self._border_labels = labels
            view.border_title = content(labels[0]) if labels[0] else None
            view.border_subtitle = content(labels[1]) if labels[1] else None

    def report_state_notices(self) -> None:
        """Show each new notice of the reading state once (a damaged file at start, a failed save later)."""
        notices = self.state.notices
        for notice in notices[self._notices_shown :]:
            self.notify(printable(notice), title="Reading state", severity="warning", markup=False, timeout=15)
        self._notices_shown = len(notices)
