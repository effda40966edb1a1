"""Maps the analysis' spans (entities, quotes, search hits) onto styled text.

This is the one place where offsets become colours; the colours themselves
come from the stylesheet's component classes, so themes can change them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.style import Style
from rich.text import Text

from ..analysis.model import UNTYPED, Article, EntityMention, Quote

ENTITY_STYLES = {"PERSON": "person", "ORG": "org", "PLACE": "place"}
"""Entity type → style name; other types (DATE, MONEY) share the "other" style."""

QUOTE_MARKS = frozenset("\"'“”‘’«»„‟‹›")

QUOTE_STYLES = {"direct": "quote", "partial": "quote-partial", "term": "quote-term"}


@dataclass(slots=True)
class Styles:
    """Rich styles resolved from the stylesheet, by short name ("person", "quote", ...)."""

    by_name: dict[str, Style] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Style:
        return self.by_name.get(name, Style.null())


@dataclass(slots=True)
class Spans:
    """An article's entity and quote spans grouped by paragraph."""

    entities: dict[int, list[EntityMention]]
    quotes: dict[int, list[Quote]]
    article: Article | None = None
    """The article these spans were taken from."""
    headline: dict[int, list[Quote]] = field(default_factory=dict)
    """Quotes in the title (0) and the subtitle (1)."""

    @classmethod
    def of(cls, article: Article) -> Spans:
        entities: dict[int, list[EntityMention]] = defaultdict(list)
        quotes: dict[int, list[Quote]] = defaultdict(list)
        for mention in article.entities:
            if mention.type != UNTYPED:  # a name the corpus has not typed yet (a preview): plain text
                entities[mention.paragraph].append(mention)
        for quote in article.quotes:
            quotes[quote.paragraph].append(quote)
        headline: dict[int, list[Quote]] = defaultdict(list)
        for quote in article.headline_quotes:
            headline[quote.paragraph].append(quote)
        for found in entities.values():
            found.sort(key=lambda m: m.start)
        return cls(dict(entities), dict(quotes), article, dict(headline))


def style_paragraph(
    text: str,
    entities: list[EntityMention],
    quotes: list[Quote],
    styles: Styles,
    *,
    search: str = "",
    focus: EntityMention | None = None,
    shared: Sequence[tuple[int, int]] = (),
) -> Text:
    """Style one (already sanitised) paragraph: quotes first, entities over them, then hits.

    `shared` are the spans of words a linked passage shares (marked while that
    link is chosen in the links panel).
    """
    styled = Text(text, end="")
    length = len(text)
    for start, end in shared:
        styled.stylize(styles["shared"], *_clamp(start, end, length))
    for quote in quotes:
        start, end = _clamp(quote.start, quote.end, length)
        # Include the quote marks around the span when they are there.
        if start > 0 and text[start - 1] in QUOTE_MARKS:
            start -= 1
        if end < length and text[end] in QUOTE_MARKS:
            end += 1
        styled.stylize(styles[QUOTE_STYLES.get(quote.kind, "quote")], start, end)
    for mention in entities:
        start, end = _clamp(mention.start, mention.end, length)
        styled.stylize(styles[ENTITY_STYLES.get(mention.type, "other")], start, end)
    if focus is not None:
        start, end = _clamp(focus.start, focus.end, length)
        styled.stylize(styles["focus"], start, end)
    if search:
        folded = text.casefold()
        # casefold can change lengths (ß → ss); only highlight when offsets still line up.
        if len(folded) == length:
            needle = search.casefold()
            at = folded.find(needle)
            while at >= 0 and needle:
                styled.stylize(styles["search"], at, at + len(needle))
                at = folded.find(needle, at + len(needle))
    return styled


def _clamp(start: int, end: int, length: int) -> tuple[int, int]:
    return max(0, min(start, length)), max(0, min(end, length))
