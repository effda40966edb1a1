"""The highlight styles of the reading screen: one table, resolved against the theme.

The text, its legend and the links panel draw the same things (a person, a
quotation, an inserted word), so they take their styles from here, where one
declaration serves all three and the legend cannot disagree with the text.
Declarations use Textual's style syntax (`bold $entity-person`, `on $search-hit`)
with the theme's variables (`themes.py`).

These were component classes in the stylesheet. Textual restyles each
component class of a widget as a node of its own on start-up, on every focus
change and on a theme switch: the 40 of this screen were 101 of the 143 such
restylings before the first frame, and a focus change threw away the text's
rendered rows.
"""

from __future__ import annotations

from rich.style import Style
from textual.app import App
from textual.style import Style as TextualStyle

STYLES: dict[str, str] = {
    # The article's parts
    "title": "bold $foreground",
    "subtitle": "italic $dim-text",
    "meta": "$dim-text",
    "heading": "bold $foreground",
    "code": "$foreground on $code-block",
    "marker": "$dim-text",
    "removed": "$removed",
    "reason": "italic $removed",
    # Names and quotations
    "person": "bold $entity-person",
    "org": "bold $entity-org",
    "place": "bold $entity-place",
    "other": "$entity-other",
    "quote": "$quote",
    "quote-partial": "italic $quote",
    "quote-term": "italic $quote-term",
    # Where the reader is
    "focus": "reverse bold",
    "search": "underline on $search-hit",
    "cursor": "on $cursor-line",
    "bar": "$primary",
    "mark": "bold $bookmark",
    "unread": "$primary",
    # How wordings differ
    "insert": "bold underline $diff-insert",
    "delete": "strike $diff-delete",
    "shared": "on $shared-words",
    # The links panel's own
    "panel-heading": "bold $accent",
    "why": "italic $foreground",
    "panel-shared": "$foreground on $shared-words",
}
"""Short name → declaration. Every name a widget asks `styles` for is here."""

_resolved: dict[tuple[int, str], dict[str, Style]] = {}


def styles(app: App[object]) -> dict[str, Style]:
    """Every style of `STYLES` as a Rich style for the app's current theme (made once per theme)."""
    key = (id(app), app.theme)
    table = _resolved.get(key)
    if table is None:
        table = _resolved[key] = {name: TextualStyle.parse(text).rich_style for name, text in STYLES.items()}
    return table
