"""The centre panel: one article's cleaned text with a paragraph cursor.

Long because painting, the cursor, search marks and bookmarks all work on the one cached layout of the article.

It uses Textual's line API: the article is wrapped once per width
(`layout.lay_out`) and `render_line` paints only the rows on screen, so a
cursor move repaints two paragraphs however long the article is.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...analysis.model import CELL, Article, EntityMention
from .. import highlights
from ..layout import BLANK, Layout, article_blocks, lay_out
from ..lookup import CorpusIndex
from ..styling import Spans, Styles, style_paragraph

if TYPE_CHECKING:
    from ..reading import StateStore

GUTTER = 3
"""Cells left of the text: the cursor bar, the bookmark mark and a space."""

BOOKMARK = "★"
"""Drawn in the gutter on the first row of a bookmarked paragraph."""

_HEADLINE = {"title": 0, "subtitle": 1}
"""Block kind → the `paragraph` number its quotes carry in `Article.headline_quotes`."""


class Cursor(NamedTuple):
    """Where the cursor is: an article, a paragraph and maybe an entity mention in it."""

    article: str
    paragraph: int
    entity: EntityMention | None = None


class ArticleView(ScrollView, can_focus=True):
    """Shows the current article; `j`/`k` move a cursor paragraph by paragraph."""

    HELP = """
## Article text

The cleaned article. People, organisations and places are coloured by type
(see the legend); quotations are marked, and the side panel names the speaker.
Click a paragraph to move the cursor there. `m` bookmarks the paragraph
under the cursor (★ in the margin); Ctrl+P lists every bookmark. Articles
reopen where you left them, also after a restart.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Next paragraph", show=False, id="paragraph.next", tooltip="Move the cursor one paragraph down"),
        Binding("k,up", "cursor_up", "Previous paragraph", show=False, id="paragraph.previous", tooltip="Move the cursor one paragraph up"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="view.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="view.page_up"),
        Binding("g,home", "first", "Top", show=False, id="paragraph.first", tooltip="Go to the top of the article"),
        Binding("G,end", "last", "Bottom", show=False, id="paragraph.last", tooltip="Go to the bottom of the article"),
    ]

    current_article: reactive[str | None] = reactive(None, repaint=False)
    """Id of the article shown; bound to the main screen's."""
    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)
    """The corpus lookups; bound to the main screen's."""
    cursor: reactive[Cursor | None] = reactive(None, repaint=False, init=False)
    """Set on every cursor move. Watchers run at once, so whatever follows the
    cursor (links panel, position line) is painted in the same frame as the text."""

    class CursorMoved(Message):
        """The cursor moved to another paragraph or entity."""

        def __init__(
            self, view: ArticleView, article: str, paragraph: int, entity: EntityMention | None, by_user: bool = True
        ) -> None:
            super().__init__()
            self.view = view
            self.article = article
            self.paragraph = paragraph
            self.entity = entity
            self.by_user = by_user
            """False when the app placed the cursor (opening or reloading an article)."""

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(
        self, state: StateStore, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.state = state
        """Where bookmarks are kept."""
        self.bookmarked: frozenset[int] = frozenset()
        """Bookmarked paragraphs of the article shown."""
        self.paragraph = 0
        """Paragraph under the cursor."""
        self.focus_entity: EntityMention | None = None
        """Entity mention under the cursor (set by `e` or a click), if any."""
        self.show_removed = False
        self.search = ""
        self.shared: tuple[int, tuple[tuple[int, int], ...]] = (-1, ())
        """A paragraph and the spans of the words it shares with the link chosen in the links panel."""
        self._article: Article | None = None
        self._spans = Spans({}, {})
        self._span_cache: dict[str, Spans] = {}
        self._layout: Layout | None = None
        self._layouts: OrderedDict[tuple[str, int, bool], Layout] = OrderedDict()
        self._strips: dict[int, list[Strip]] = {}
        self._strip_cache: dict[tuple[str, int, bool], dict[int, list[Strip]]] = {}
        self._styles: Styles | None = None
        self._base = Style.null()
        self._width = 0
        self._cursor_strips: tuple[int, EntityMention | None, list[Strip]] | None = None

    # --- state -----------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    def watch_index(self) -> None:
        self._layouts.clear()
        self._clear_strips()
        self._load(self.current_article, 0)

    def watch_current_article(self, article_id: str | None) -> None:
        self._load(article_id, 0)

    def open(self, article_id: str, paragraph: int, scroll: str) -> None:
        """Show `article_id` with the cursor on `paragraph`, moving the cursor once.

        Loading at the top and then moving would rebuild the links panel and the
        position line twice, which was a fifth of following a link.
        """
        if not self._load(article_id, paragraph, scroll):
            self.move_to(paragraph, scroll=scroll, by_user=False)

    def _load(self, article_id: str | None, paragraph: int, scroll: str = "top") -> bool:
        """Show another article with the cursor on `paragraph`; False if it is already shown."""
        article = self.index.articles.get(article_id) if self.index and article_id else None
        if article is self._article and article is not None:
            return False
        self.shared = (-1, ())
        self._article = article
        self._spans = self._spans_of(article)
        self.bookmarked = frozenset(self.state.get(article).bookmarks) if article is not None else frozenset()
        self.focus_entity = None
        self._relayout()
        self.move_to(paragraph, scroll=scroll, by_user=False)
        return True

    def _clear_strips(self) -> None:
        """Forget every rendered row (colours or highlights changed)."""
        for strips in self._strip_cache.values():
            strips.clear()
        self._strips.clear()

    def _spans_of(self, article: Article | None) -> Spans:
        """Spans by paragraph, kept for recently shown articles so going back is instant."""
        if article is None:
            return Spans({}, {})
        spans = self._span_cache.get(article.id)
        if spans is None or spans.article is not article:
            spans = Spans.of(article)
            self._span_cache[article.id] = spans
            if len(self._span_cache) > 16:
                self._span_cache.pop(next(iter(self._span_cache)))
        return spans

    def _text_width(self) -> int:
        return max(10, self.scrollable_content_region.width - GUTTER - 1)

    def _relayout(self) -> None:
        """Wrap the article for the current width (cached per article, width and mode)."""
        self._cursor_strips = None
        if self._article is None:
            self._layout = None
            self.virtual_size = Size(0, 0)
            self.refresh()
            return
        width = self._text_width()
        key = (self._article.id, width, self.show_removed)
        layout = self._layouts.get(key)
        if layout is None:
            layout = lay_out(article_blocks(self._article, self.show_removed), width)
            self._layouts[key] = layout
            if len(self._layouts) > 16:
                self._layouts.popitem(last=False)
        self._layouts.move_to_end(key)
        self._layout = layout
        # Rendered rows live as long as their layout, so going back repaints from cache.
        self._strips = self._strip_cache.setdefault(key, {})
        for stale in [k for k in self._strip_cache if k not in self._layouts]:
            del self._strip_cache[stale]
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.rows))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if self._layout is not None and self._layout.width != self._text_width():
            self._relayout()
            # Keep the title in view when reading from the top.
            self._scroll_to_cursor("top" if self.paragraph == 0 else "center")

    def set_search(self, term: str) -> None:
        """Highlight `term` in the text (empty to clear)."""
        if term != self.search:
            self.search = term
            self._clear_strips()
            self._cursor_strips = None
            self.refresh()

    def show_shared(self, paragraph: int, spans: tuple[tuple[int, int], ...]) -> None:
        """Mark `spans` of `paragraph` as shared with a linked passage (no spans: unmark)."""
        if (paragraph, spans) == self.shared or (not spans and not self.shared[1]):
            return
        previous = self.shared[0]
        self.shared = (paragraph, spans)
        for number in {previous, paragraph}:
            block = self._block_of(number) if number >= 0 else None
            if block is not None:
                self._strips.pop(block, None)
                self._refresh_paragraph(number)
        self._cursor_strips = None

    def toggle_removed(self) -> bool:
        """Show or hide the lines cleaning removed; returns the new state."""
        self.show_removed = not self.show_removed
        self._relayout()
        self._scroll_to_cursor("center")
        return self.show_removed

    def toggle_bookmark(self) -> bool | None:
        """Bookmark the paragraph under the cursor or remove its bookmark; None without an article."""
        if self._article is None or not self._article.paragraphs:
            return None
        on = self.state.toggle_bookmark(self._article, self.paragraph)
        self.bookmarked = self.bookmarked | {self.paragraph} if on else self.bookmarked - {self.paragraph}
        self._refresh_paragraph(self.paragraph)
        return on

    # --- cursor ----------------------------------------------------------

    def _block_of(self, paragraph: int) -> int | None:
        if self._layout is None or not self._layout.paragraph_block:
            return None
        paragraph = max(0, min(paragraph, len(self._layout.paragraph_block) - 1))
        return self._layout.paragraph_block[paragraph]

    def _refresh_paragraph(self, paragraph: int) -> None:
        block = self._block_of(paragraph)
        if block is not None and self._layout is not None:
            self.refresh_lines(self._layout.first_row[block], self._layout.row_count[block])

    def move_to(
        self, paragraph: int, entity: EntityMention | None = None, *, scroll: str = "nearest", by_user: bool = True
    ) -> None:
        """Put the cursor on `paragraph` (and optionally an entity in it), keeping it visible."""
        count = len(self._article.paragraphs) if self._article else 0
        paragraph = max(0, min(paragraph, count - 1)) if count else 0
        previous = self.paragraph
        self.paragraph = paragraph
        self.focus_entity = entity
        self._refresh_paragraph(previous)
        self._refresh_paragraph(paragraph)
        self._scroll_to_cursor(scroll)
        if self._article is not None:
            self.cursor = Cursor(self._article.id, paragraph, entity)
            self.post_message(self.CursorMoved(self, self._article.id, paragraph, entity, by_user))

    def _scroll_to_cursor(self, how: str) -> None:
        if how == "none":
            return
        block = self._block_of(self.paragraph)
        if block is None or self._layout is None:
            self.scroll_to(y=0, animate=False)
            return
        top = self._layout.first_row[block]
        bottom = top + self._layout.row_count[block]
        height = self.scrollable_content_region.height or 1
        if how == "top":
            # Opening an article at its start shows the title too.
            target = 0 if self.paragraph == 0 else top - 1
        elif how == "center":
            target = top - max(0, (height - (bottom - top)) // 3)
        elif top - 1 < self.scroll_y:
            # Leaving the view: jump by a third of a page rather than a line, so
            # most cursor moves repaint two paragraphs instead of the whole view.
            target = min(top - 1, bottom - height + height // 3)
        elif bottom >= self.scroll_y + height:
            target = min(top - 1, max(bottom - height + 1, top - height // 3))
        else:
            return
        self.scroll_to(y=max(0, target), animate=False)

    def action_cursor_down(self) -> None:
        self.move_to(self.paragraph + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.paragraph - 1)

    def action_first(self) -> None:
        self.move_to(0, scroll="top")

    def action_last(self) -> None:
        self.move_to(len(self._article.paragraphs) - 1 if self._article else 0)

    def _paragraph_at_row(self, row: int) -> int:
        """The paragraph at or after `row` (for paging and clicks on spacing rows)."""
        if self._layout is None:
            return 0
        row = max(0, min(row, len(self._layout.rows) - 1))
        blocks = self._layout.blocks
        for block, _start, _end in self._layout.rows[row:]:
            if block != BLANK and blocks[block].kind == "paragraph":
                return blocks[block].index
        return len(self._layout.paragraph_block) - 1

    def _page(self, direction: int) -> None:
        height = self.scrollable_content_region.height
        top = max(0, min(int(self.scroll_y) + direction * height, int(self.max_scroll_y)))
        self.scroll_to(y=top, animate=False)
        self.move_to(self._paragraph_at_row(top), scroll="none")

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def next_entity(self) -> EntityMention | None:
        """Move the cursor to the next entity mention after it (wrapping to the top)."""
        mentions = sorted((m for found in self._spans.entities.values() for m in found), key=lambda m: (m.paragraph, m.start))
        if self._article is None or not mentions:
            return None
        here = (self.paragraph, self.focus_entity.start if self.focus_entity else -1)
        following = [m for m in mentions if (m.paragraph, m.start) > here]
        mention = following[0] if following else mentions[0]
        self.move_to(mention.paragraph, mention)
        return mention

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None:
            return
        row = int(self.scroll_y) + offset.y
        if row >= len(self._layout.rows):
            return
        block, start, _end = self._layout.rows[row]
        if block == BLANK or self._layout.blocks[block].kind != "paragraph":
            self.move_to(self._paragraph_at_row(row), scroll="none")
            return
        paragraph = self._layout.blocks[block].index
        line = self._layout.blocks[block].text[start:]
        char = start + _cells_to_chars(line, offset.x - GUTTER - self._layout.blocks[block].indent)
        hit = next((m for m in self._spans.entities.get(paragraph, ()) if m.start <= char < m.end), None)
        self.move_to(paragraph, hit, scroll="nearest")

    # --- painting --------------------------------------------------------

    def _resolve_styles(self) -> Styles:
        if self._styles is None:  # `render_lines` keeps them in step with the theme
            self._follow_theme()
        assert self._styles is not None
        return self._styles

    def _follow_theme(self) -> None:
        """Take the highlight styles of the theme now; rendered rows go if the theme changed.

        Only the theme changes them: a focus change restyles the widget but keeps its rows.
        """
        table = highlights.styles(self.app)
        if self._styles is None or self._styles.by_name is not table:
            self._styles = Styles(table)
            self._clear_strips()
            self._cursor_strips = None

    def _block_text(self, block: int, cursor: bool) -> Text:
        assert self._layout is not None
        styles = self._resolve_styles()
        item = self._layout.blocks[block]
        if item.kind == "paragraph":
            text = style_paragraph(
                item.text,
                self._spans.entities.get(item.index, []),
                self._spans.quotes.get(item.index, []),
                styles,
                search=self.search,
                focus=self.focus_entity if cursor else None,
                shared=self.shared[1] if item.index == self.shared[0] else (),
            )
            if item.shape in ("heading", "header"):
                text.stylize_before(styles["heading"])
            if item.widths:
                text = _aligned(text, item.widths)
        elif item.kind == "code":
            text = Text(item.text, style=styles["code"], end="")
        elif item.kind == "removed":
            text = Text(item.text, style=styles["removed"], end="")
            text.stylize(styles["reason"], item.split)
        elif item.kind in _HEADLINE and self._spans.headline.get(_HEADLINE[item.kind]):
            # Quotes in a headline look like the same kind of quote in the body.
            text = style_paragraph(item.text, [], self._spans.headline[_HEADLINE[item.kind]], styles)
            text.stylize_before(styles[item.kind])
        else:
            text = Text(item.text, style=styles[item.kind], end="")
        if cursor:
            text.stylize_before(styles["cursor"])
        return text

    def _block_strips(self, block: int, cursor: bool) -> list[Strip]:
        """The rows of one block, rendered and cached (the cursor's block until the cursor moves)."""
        if not cursor and block in self._strips:
            return self._strips[block]
        if cursor and self._cursor_strips is not None:
            cached_block, cached_focus, strips = self._cursor_strips
            if cached_block == block and cached_focus is self.focus_entity:
                return strips
        assert self._layout is not None
        text = self._block_text(block, cursor)
        first = self._layout.first_row[block]
        rows = self._layout.rows[first : first + self._layout.row_count[block]]
        console = self.app.console
        strips = []
        for line in text.divide([start for _b, start, _e in rows[1:]]):
            line.rstrip()
            segments = list(line.render(console))
            strips.append(Strip(segments, line.cell_len))
        if cursor:
            self._cursor_strips = (block, self.focus_entity, strips)
        else:
            self._strips[block] = strips
        return strips

    def render_lines(self, crop: Region) -> list[Strip]:
        # Resolved once per paint rather than per row: `rich_style` walks the DOM.
        self._follow_theme()
        self._base = self.rich_style
        self._width = self.scrollable_content_region.width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self._width
        base = self._base
        row = int(self.scroll_y) + y
        layout = self._layout
        if layout is None or row >= len(layout.rows):
            return Strip.blank(width, base)
        block, _start, _end = layout.rows[row]
        if block == BLANK:
            return Strip.blank(width, base)
        cursor = block == self._block_of(self.paragraph)
        line = self._block_strips(block, cursor)[row - layout.first_row[block]]
        styles = self._resolve_styles()
        item = layout.blocks[block]
        fill = base + styles["cursor"] if cursor else base + styles["code"] if item.kind == "code" else base
        marked = item.kind == "paragraph" and item.index in self.bookmarked and row == layout.first_row[block]
        if cursor or marked:
            segments = [
                Segment("▌" if cursor else " ", base + styles["bar"] if cursor else base),
                Segment(BOOKMARK if marked else " ", fill + styles["mark"] if marked else fill),
                Segment(" ", fill),
            ]
        else:
            segments = [Segment(" " * GUTTER, base)]
        length = GUTTER + line.cell_length
        if item.marker:  # a list item: its bullet on the first row, its indent on every row
            marker = item.marker if row == layout.first_row[block] else " " * len(item.marker)
            segments.append(Segment(marker, fill + styles["marker"]))
            length += len(marker)
        segments.extend(line)
        if length < width:
            segments.append(Segment(" " * (width - length), fill))
        # One strip made here rather than one per join, pad, crop and style: every
        # row of a newly shown page passes through this.
        strip = Strip(Segment.apply_style(segments, base), max(length, width))
        return strip.crop(0, width) if length > width else strip


def _aligned(text: Text, widths: tuple[int, ...]) -> Text:
    """A table row with each cell padded to its column's width (styles kept)."""
    cells: list[Text] = []
    start = 0
    plain = text.plain
    for column, width in enumerate(widths):
        end = plain.find(CELL, start)
        end = len(plain) if end < 0 or column == len(widths) - 1 else end
        cell = text[start:end]
        cell.pad_right(max(0, width - cell.cell_len))
        cells.append(cell)
        if end >= len(plain):
            break
        start = end + len(CELL)
    return Text(CELL, end="").join(cells)


def _cells_to_chars(line: str, cells: int) -> int:
    """How many characters of `line` fit in `cells` terminal cells."""
    used = 0
    for count, char in enumerate(line):
        used += get_character_cell_size(char)
        if used > cells:
            return count
    return len(line)
