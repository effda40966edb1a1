"""Side by side (`c`): two articles of one event, linked paragraphs on the same row.

Opened from an article, with that article on the left and, on the right, the
article of the event it shares most links with. `a` chooses another article
for the right, `x` swaps the sides, Enter opens the row's paragraph in the reader.
"""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from ...analysis.compare.alignment import align
from ...analysis.model import Anchor, Article, Link
from ..lookup import CorpusIndex
from ..sanitize import clip, literal
from ..stylesheets import COMPARE_CSS
from ..widgets.aligned_view import WIDE, AlignedView
from ..widgets.event_sheet import outlet_of
from ..widgets.key_bar import KeyBar
from .choose import Picker


def links_between(index: CorpusIndex, left: Article, right: str) -> list[Link]:
    """The quote and passage links from `left`'s paragraphs to the article `right`, seen from `left`."""
    found = []
    for number in range(len(left.paragraphs)):
        for link in index.links_at(Anchor(left.id, number)):
            if link.kind != "mention" and link.target.article == right:
                found.append(link)
    return found


def best_partner(index: CorpusIndex, article: Article, others: list[str]) -> str:
    """The other article of the event this one shares most links with (the first, if none)."""
    counts: Counter[str] = Counter()
    for number in range(len(article.paragraphs)):
        for link in index.links_at(Anchor(article.id, number)):
            if link.target.article in others:
                counts[link.target.article] += 1
    return counts.most_common(1)[0][0] if counts else others[0]


class SideBySide(Screen[Anchor | None]):
    """Two articles of an event in aligned columns (one column with counterparts on a narrow terminal)."""

    CSS_PATH = COMPARE_CSS  # read with the app's own at start (`stylesheets`)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "swap", "Swap sides", id="side.swap", tooltip="Put the right article on the left"),
        Binding("a", "choose", "Other article", id="side.choose", tooltip="Choose the article on the right"),
        Binding("enter", "open", "Open", id="side.open", tooltip="Open this row's paragraph in the reader"),
        Binding("escape,backspace,b,c", "close", "Back", id="side.close", tooltip="Back to the reader"),
    ]

    def __init__(self, index: CorpusIndex, left: str, right: str, paragraph: int = 0) -> None:
        super().__init__()
        self.index = index
        self.left_id, self.right_id = left, right
        self.start_paragraph = paragraph

    @classmethod
    def for_article(cls, index: CorpusIndex, article: str, paragraph: int = 0) -> SideBySide | None:
        """The side-by-side of `article` and its closest partner in its event; None for a lone article."""
        event = index.event_of.get(article)
        others = [a for a in event.articles if a != article and a in index.articles] if event else []
        if not others:
            return None
        return cls(index, article, best_partner(index, index.articles[article], others), paragraph)

    def compose(self) -> ComposeResult:
        yield Static(id="side-titles")
        yield AlignedView(id="aligned")
        yield KeyBar(id="side-keys")

    def on_mount(self) -> None:
        self._show(self.start_paragraph)
        self.query_one(AlignedView).focus()

    def _show(self, paragraph: int | None = None) -> None:
        view = self.query_one(AlignedView)
        left, right = self.index.articles[self.left_id], self.index.articles[self.right_id]
        rows = align(left.id, len(left.paragraphs), right.id, len(right.paragraphs), links_between(self.index, left, right.id))
        row = 0
        if paragraph is not None:
            row = next((n for n, (a, _) in enumerate(rows) if a is not None and a >= paragraph), 0)
        view.show(left, right, rows, row)
        self._titles()

    def _titles(self) -> None:
        rows = self.query_one(AlignedView).rows
        left, right = self.index.articles[self.left_id], self.index.articles[self.right_id]
        linked = sum(1 for a, b in rows if a is not None and b is not None)
        # Side by side when the columns are, one above the other (as the paragraphs are) on a narrow terminal.
        wide = self.size.width >= WIDE
        titles = Text(end="")
        for mark, article in (("◧ ", left), ("   ◨ " if wide else "\n┃ ◨ ", right)):
            titles.append(mark, style="bold")
            titles.append_text(literal(clip(f"{outlet_of(article)}: {article.title}", 60 if wide else 72)))
        titles.append(f"{'   ' if wide else chr(10)}{linked} linked rows of {len(rows)}", style="dim")
        self.query_one("#side-titles", Static).update(titles)

    def on_resize(self) -> None:
        if self.is_mounted and self.query(AlignedView):
            view = self.query_one(AlignedView)
            self._show(view.rows[view.cursor][0] if view.rows else None)

    def action_swap(self) -> None:
        self.left_id, self.right_id = self.right_id, self.left_id
        self.query_one(AlignedView).swap()
        self._titles()

    def action_choose(self) -> None:
        event = self.index.event_of.get(self.left_id)
        others = [a for a in (event.articles if event else ()) if a not in (self.left_id,) and a in self.index.articles]
        choices = [(a, f"{self.index.articles[a].outlet or ''} · {self.index.articles[a].title}") for a in others]

        def chosen(article: str | None) -> None:
            if article is not None:
                self.right_id = article
                view = self.query_one(AlignedView)
                self._show(view.rows[view.cursor][0] if view.rows else None)

        self.app.push_screen(Picker("Compare with which article?", choices), chosen)

    def action_open(self) -> None:
        self.query_one(AlignedView).choose_row()

    @on(AlignedView.RowChosen)
    def _row_chosen(self, message: AlignedView.RowChosen) -> None:
        self.dismiss(message.target)

    def action_close(self) -> None:
        self.dismiss(None)
