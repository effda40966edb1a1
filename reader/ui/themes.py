"""Colour themes with the reader's own semantic colours, tuned for dark and light terminals.

Highlights are theme variables (``$entity-person``, ``$quote``...) so the
stylesheet never names a colour; each theme picks values that keep enough
contrast against its own background.
"""

from __future__ import annotations

from textual.theme import Theme

DARK = Theme(
    name="reader-dark",
    primary="#5fa8e8",
    secondary="#b48ead",
    accent="#e0b050",
    warning="#e0a030",
    error="#f06a6a",
    success="#6cc08b",
    foreground="#e4e4e0",
    background="#15171c",
    surface="#1d2027",
    panel="#262a33",
    dark=True,
    variables={
        "entity-person": "#8cc4ff",
        "entity-org": "#ffab66",
        "entity-place": "#7fdc95",
        "entity-other": "#c8a8ff",
        "quote": "#f3d98b",
        "quote-term": "#a9b1bb",
        "diff-insert": "#6be39a",
        "diff-delete": "#ff7b7b",
        "search-hit": "#6b5200",
        "removed": "#8a8f98",
        "cursor-line": "#242a36",
        "bookmark": "#ff7fb0",
        "dim-text": "#9aa1ab",
        "shared-words": "#1d4654",
        "code-block": "#1c2029",
    },
)

LIGHT = Theme(
    name="reader-light",
    primary="#1f5fa8",
    secondary="#7a4f86",
    accent="#9a6200",
    warning="#9a5b00",
    error="#b3261e",
    success="#1b7a3a",
    foreground="#1c1e22",
    background="#fbfaf6",
    surface="#f1efe9",
    panel="#e6e3db",
    dark=False,
    variables={
        "entity-person": "#0a55ad",
        "entity-org": "#a24600",
        "entity-place": "#17702b",
        "entity-other": "#6a35b5",
        "quote": "#7a4e00",
        "quote-term": "#555d68",
        "diff-insert": "#0f6b2c",
        "diff-delete": "#b3261e",
        "search-hit": "#ffe27a",
        "removed": "#7b7f87",
        "cursor-line": "#e8eef8",
        "bookmark": "#b0246a",
        "dim-text": "#5b616a",
        "shared-words": "#cfe9f0",
        "code-block": "#eeebe3",
    },
)

THEMES: tuple[Theme, ...] = (DARK, LIGHT)
"""The themes `t` cycles through, in order."""

DEFAULTS: dict[str, str] = {
    # Used when the user picks one of Textual's own themes from the palette:
    # mid-tone colours that stay legible on either kind of background.
    "entity-person": "#4a90d9",
    "entity-org": "#d9822b",
    "entity-place": "#3aa55d",
    "entity-other": "#9b6bd6",
    "quote": "#c99a2e",
    "quote-term": "#8a8f98",
    "diff-insert": "#3aa55d",
    "diff-delete": "#d9534f",
    "search-hit": "#c99a2e 40%",
    "removed": "#8a8f98",
    "cursor-line": "#7f7f7f26",
    "bookmark": "#d9558a",
    # Solid, not a transparency: component styles are resolved without a background to blend into.
    "dim-text": "#8a8f98",
    "shared-words": "#3d8fa6 35%",
    "code-block": "#7f7f7f1f",
}
