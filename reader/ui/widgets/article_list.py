"""The left panel: every article, grouped by event, with unread markers and a type-to-filter line."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from ...analysis.model import Article, Event
from ..lookup import CorpusIndex
from ..sanitize import clip, literal, printable
from .line_list import LineList, Row

if TYPE_CHECKING:
    from ..reading import StateStore

_NO_TYPE = {"?", "/"}
"""Printable keys that keep their app-wide meaning even while the list is focused."""


class ArticleList(Vertical):
    """Articles of one event together under the event's label; typing filters the list."""

    HELP = """
## Article list

Type to filter by title, outlet or event; Backspace edits the filter and
Escape clears it (and any entity filter from `E`). Enter or a click opens an article.
"""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--event",
        "article-list--meta",
        "article-list--unread",
        "article-list--read",
    }

    current_article: reactive[str | None] = reactive(None, repaint=False)
    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)

    class ArticleSelected(Message):
        """The user chose an article in the list."""

        def __init__(self, article_list: ArticleList, article: str) -> None:
            super().__init__()
            self.article_list = article_list
            self.article = article

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, state: StateStore, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.state = state
        """Where read marks live, so they outlast the run."""
        self.text_filter = ""
        self.entity_filter: tuple[str, str] | None = None
        """(entity id, display name) when `E` narrowed the list."""
        # Per index, kept across rebuilds so a filter keystroke does not remake 10,000 entries.
        self._entries: dict[str, Row] = {}
        self._haystacks: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="filter-line")
        yield LineList(id="articles")

    def on_mount(self) -> None:
        self.border_title = "Articles"
        self._show_filter()

    @property
    def entries(self) -> LineList:
        """The list of headings and articles (what has focus when the list does)."""
        return self.query_one("#articles", LineList)

    def watch_index(self) -> None:
        self._entries.clear()
        self._haystacks.clear()
        self.rebuild()

    def watch_current_article(self, article_id: str | None) -> None:
        if article_id is None:
            return
        self._highlight(article_id)

    def mark_read(self, article_id: str) -> None:
        """Record that the user read the article and drop its unread dot."""
        article = self.index.articles.get(article_id) if self.index is not None else None
        if article is None or self.state.get(article).read:
            return
        self.state.mark_read(article)
        # Only this article's entry changes: swap its row, not the whole list.
        row = self._entries[article_id] = Row(self._prompt(article, read=True), id=article_id, height=2)
        if not self.entries.replace_row(article_id, row):
            self._entries.pop(article_id, None)  # filtered out: made afresh, from the state, when shown again

    def neighbour(self, article_id: str | None, step: int) -> str | None:
        """The article `step` places away in the list as shown (clamped); the first one if `article_id` is not listed."""
        rows = self.entries.rows
        listed = [row.id for row in rows if row.id is not None]
        if not listed:
            return None
        index = self.entries.index_of(article_id) if article_id is not None else None
        if index is None:
            return listed[0]
        position = sum(1 for row in rows[:index] if row.id is not None) + step
        return listed[max(0, min(len(listed) - 1, position))]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted and self.index is not None:
            self._entries.clear()  # their prompts carry the old styles
            self.call_later(self.rebuild)

    def _highlight(self, article_id: str) -> None:
        index = self.entries.index_of(article_id)
        if index is not None:
            self.entries.highlighted = index

    def _matching(self, articles: Sequence[Article], label: str, words: list[str]) -> list[Article]:
        """The articles that pass the entity filter and hold every word of the text filter."""
        if self.entity_filter is not None and self.index is not None:
            mentioning = self.index.appearances(self.entity_filter[0])
            articles = [a for a in articles if a.id in mentioning]
        haystacks = self._haystacks
        for article in articles:
            if article.id not in haystacks:
                haystacks[article.id] = " ".join((article.title, article.outlet or "", label, article.source)).casefold()
        for word in words:
            articles = [a for a in articles if word in haystacks[a.id]]
        return list(articles)

    def rebuild(self) -> None:
        """Fill the list from the index, applying the filters."""
        if not self.is_mounted:
            return
        rows: list[Row] = []
        shown = 0
        index = self.index
        read: set[str] | None = None  # asked of the state only for entries not made yet
        entries = self._entries
        words = self.text_filter.casefold().split()
        filtered = bool(words) or self.entity_filter is not None
        for group in index.groups if index else ():
            label = group.event.label if group.event else "Not grouped"
            members = self._matching(group.articles, label, words) if filtered else group.articles
            if not members:
                continue
            # Prompts are built as they scroll into view: 10,000 articles cost no more to draw than 20.
            rows.append(Row(partial(self._heading, group.event, label, len(members)), enabled=False, height=1))
            for article in members:
                entry = entries.get(article.id)
                if entry is None:
                    read = self._read_ids() if read is None else read
                    entry = entries[article.id] = Row(partial(self._prompt, article, read=article.id in read), id=article.id, height=2)
                rows.append(entry)
            shown += len(members)
        self.entries.set_rows(rows)
        total = len(index.order) if index else 0
        self.border_subtitle = f"{shown}/{total}" if shown != total else str(total)
        if self.current_article:
            self._highlight(self.current_article)

    def _read_ids(self) -> set[str]:
        """Ids of the articles already read, asked of the state in one call (the list is rebuilt per keystroke)."""
        return self.state.read_ids(self.index.articles.values()) if self.index is not None else set()

    def _heading(self, event: Event | None, label: str, count: int) -> Text:
        """One line: the event's label and date, and how many articles are listed under it."""
        event_style = self.get_component_rich_style("article-list--event", partial=True)
        meta_style = self.get_component_rich_style("article-list--meta", partial=True)
        heading = Text("◆ ", style=event_style, end="", no_wrap=True, overflow="ellipsis")
        heading.append_text(literal(clip(label, 80), event_style))
        if event is not None and event.date:
            heading.append(f" · {printable(event.date)}", style=meta_style)
        heading.append(f"  ({count})", style=meta_style)
        return heading

    def _prompt(self, article: Article, *, read: bool) -> Text:
        """Two lines: unread marker and title, then outlet and date."""
        meta_style = self.get_component_rich_style("article-list--meta", partial=True)
        unread_style = self.get_component_rich_style("article-list--unread", partial=True)
        unread = not read
        prompt = Text("● " if unread else "  ", style=unread_style, end="", no_wrap=True, overflow="ellipsis")
        prompt.append_text(literal(clip(article.title or article.source, 120)))
        if unread:
            prompt.stylize("bold", 2)
        meta = " · ".join(part for part in (article.outlet, article.date) if part) or PurePath(article.source).name
        prompt.append("\n  ")
        prompt.append_text(literal(clip(meta, 80), meta_style))
        return prompt

    # --- filtering --------------------------------------------------------

    def _show_filter(self) -> None:
        line = Text(end="")
        if self.entity_filter is not None:
            line.append("mentioning ", style="dim")
            line.append_text(literal(clip(self.entity_filter[1], 40), "bold"))
            line.append("  ")
        if self.text_filter:
            line.append("filter: ", style="dim")
            line.append_text(literal(self.text_filter, "bold"))
            line.append("▏")
        elif self.entity_filter is None:
            line.append("type to filter…", style="dim italic")
        self.query_one("#filter-line", Static).update(line)

    def filter_entity(self, entity_id: str, name: str) -> None:
        """Show only the articles that mention the entity."""
        self.entity_filter = (entity_id, name)
        self._show_filter()
        self.rebuild()

    def clear_filters(self) -> bool:
        """Drop the text and entity filters; True if there was one."""
        had = bool(self.text_filter) or self.entity_filter is not None
        self.text_filter = ""
        self.entity_filter = None
        self._show_filter()
        self.rebuild()
        return had

    def type_filter(self, text: str) -> None:
        """Set the text filter (what typing in the list does)."""
        self.text_filter = text
        self._show_filter()
        self.rebuild()
        entries = self.entries
        if entries.highlighted is None or not entries.rows[entries.highlighted].enabled:
            entries.action_first()

    def on_key(self, event: events.Key) -> None:
        if not self.entries.has_focus:
            return
        if event.key == "backspace" and self.text_filter:
            self.type_filter(self.text_filter[:-1])
        elif event.key == "escape" and (self.text_filter or self.entity_filter):
            self.clear_filters()
        elif event.is_printable and event.character and event.character not in _NO_TYPE:
            self.type_filter(self.text_filter + event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    @on(LineList.Selected, "#articles")
    def _chosen(self, event: LineList.Selected) -> None:
        event.stop()
        if event.row_id is not None:
            self.post_message(self.ArticleSelected(self, event.row_id))
