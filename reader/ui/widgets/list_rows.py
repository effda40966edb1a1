"""The article list's rows: an event's heading (which can be chosen, and folded) and an article's two lines.

Pure text building, apart from the widget, so the widget keeps to order,
filters and read marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from rich.style import Style
from rich.text import Text

from ...analysis.model import Article
from ..arrange import Section
from ..sanitize import clip, literal, printable
from .line_list import Row

HEADING = "\x00event:"
"""Prefix of an event heading's row id: no article id holds a NUL, so the two never meet."""


def heading_event(row_id: str | None) -> str | None:
    """The event id of an event heading's row id, or None for an article's row (or no row)."""
    return row_id[len(HEADING) :] if row_id is not None and row_id.startswith(HEADING) else None


def article_ids(rows: Sequence[Row]) -> list[str]:
    """The ids of the articles among `rows` (headings and notes left out), in order."""
    return [row.id for row in rows if row.id is not None and not row.id.startswith(HEADING)]


def step_from(rows: Sequence[Row], at: int | None, heading: int | None, step: int) -> str | None:
    """The article `step` places from row `at` (clamped), else from a folded event's `heading` row, else the first.

    From a heading, the articles after it begin one step on and those before it one step back.
    """
    listed = article_ids(rows)
    if not listed:
        return None
    if at is not None:
        position = _articles_before(rows, at) + step
    elif heading is not None:
        position = _articles_before(rows, heading) + (step - 1 if step > 0 else step)
    else:
        return listed[0]
    return listed[max(0, min(len(listed) - 1, position))]


def _articles_before(rows: Sequence[Row], end: int) -> int:
    """How many of the first `end` rows are articles (by index: the rows may be made lazily, without slices)."""
    return sum(1 for number in range(end) if (row_id := rows[number].id) is not None and not row_id.startswith(HEADING))


def heading_text(section: Section, count: int, unread: int, *, folded: bool, event_style: Style, meta_style: Style) -> Text:
    """One line: the section's label and date, how many articles are listed and how many are unread.

    A folded event's heading starts with `▸` and how many articles are folded under it,
    so the list shows what it holds without showing them.
    """
    heading = Text("▸ " if folded else "◆ ", style=event_style, end="", no_wrap=True, overflow="ellipsis")
    if folded:
        # First, where a narrow list still shows it: the articles are there, only folded.
        heading.append(f"{count} folded · ", style=meta_style)
    heading.append_text(literal(clip(section.label, 80), event_style))
    if section.date:
        heading.append(f" · {printable(section.date)}", style=meta_style)
    parts = ([] if folded else [str(count)]) + ([f"{unread} unread"] if unread else [])
    if parts:
        heading.append(f"  ({' · '.join(parts)})", style=meta_style)
    return heading


def article_text(article: Article, *, read: bool, meta_style: Style, unread_style: Style) -> Text:
    """Two lines: unread marker and title, then outlet and date."""
    unread = not read
    prompt = Text("● " if unread else "  ", style=unread_style, end="", no_wrap=True, overflow="ellipsis")
    prompt.append_text(literal(clip(article.title or article.source, 120)))
    if unread:
        prompt.stylize("bold", 2)
    meta = " · ".join(part for part in (article.outlet, article.date) if part) or PurePath(article.source).name
    prompt.append("\n  ")
    prompt.append_text(literal(clip(meta, 80), meta_style))
    return prompt
