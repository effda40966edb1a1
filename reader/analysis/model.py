"""The data every stage of the analysis produces and the reader displays.

Everything here is a frozen dataclass holding plain values (str, int, float,
tuples), so results can be shared between threads, cached, pickled to worker
processes and compared in tests without surprises. Spans are character
offsets into one paragraph's cleaned text: ``paragraphs[p][start:end] == text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Block:
    """A piece of a document: a physical line of a text file, or a parsed Markdown block."""

    text: str
    kind: str = "line"
    """"line" (plain text, may be hard-wrapped), or a Markdown block: "heading", "paragraph",
    "item" (a list item), "header" / "row" (a table's rows, cells joined by `CELL`) or "code"
    (a code block's literal text, several lines)."""
    depth: int = 0
    """How deep a list item is nested (0 for a top-level item)."""
    marker: str = ""
    """A list item's bullet or number ("•", "3."), a code block's language."""


CELL = " │ "
"""What separates the cells of a table row in its text."""


@dataclass(frozen=True, slots=True)
class Shape:
    """How a paragraph is laid out when it is not plain prose: Markdown structure kept for the view."""

    paragraph: int
    kind: str
    """"heading", "item", "header" (a table's header row) or "row" (see `Block.kind`)."""
    depth: int = 0
    marker: str = ""


@dataclass(frozen=True, slots=True)
class Code:
    """A code block: shown as written, never read for names, quotations or facts."""

    text: str
    before: int
    """Index of the cleaned paragraph this block stands before (len(paragraphs) if after the last)."""
    language: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """One readable article file, decoded but not yet cleaned."""

    id: str
    source: str
    blocks: tuple[Block, ...]
    content_hash: str
    url: str | None = None
    """Where the article lives on the web (a page's canonical link or og:url, or the address fetched)."""
    feed: str | None = None
    """The feed the article came through, for articles fetched from a subscription."""
    fetched: str | None = None
    """When the page was fetched (ISO 8601, UTC)."""
    title: str | None = None
    """Metadata an extractor found in the page markup; the cleaner prefers it to what it guesses from the text."""
    author: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD)."""
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Removed:
    """A line the cleaner dropped (or moved into metadata), kept verbatim."""

    text: str
    reason: str
    before: int
    """Index of the cleaned paragraph this line stood before (len(paragraphs) if after the last)."""


UNTYPED = "UNTYPED"
"""The type `recognise` gives a lone name with no sign of what it is ("a Reel"); `unify` types it
from the corpus or drops it, so only an article not yet unified (a preview) holds one."""


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One occurrence of a named thing in a paragraph."""

    paragraph: int
    start: int
    end: int
    text: str
    """The name itself, without a leading title such as "President" or "Mr"."""
    type: str
    """PERSON, ORG or PLACE; UNTYPED before unification for a lone name nothing typed."""
    entity: str
    """Id of the corpus-wide `Entity` this mention resolves to."""
    title: str | None = None
    """A title or role that preceded the name in the text ("President", "Dr")."""


@dataclass(frozen=True, slots=True)
class Entity:
    """One real person, organisation or place, unified across the corpus."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation in a paragraph; `text` excludes the quote marks.

    A quotation that runs over several paragraphs is one `Quote` per paragraph;
    every part after the first has `continued=True`.
    """

    paragraph: int
    start: int
    end: int
    text: str
    speaker: str | None = None
    """Entity id of who said it, or None when nobody can be named."""
    kind: str = "direct"
    """"direct" speech, a "partial" quote inside reported speech, or a "term" (scare quotes, names)."""
    cue: str | None = None
    """The verb or phrase that attributed it ("said", "told", "according to")."""
    continued: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article and what the analysis found in it."""

    id: str
    source: str
    title: str
    paragraphs: tuple[str, ...]
    subtitle: str | None = None
    byline: str | None = None
    date: str | None = None
    """ISO date (YYYY-MM-DD) stated by the article itself, if any."""
    outlet: str | None = None
    removed: tuple[Removed, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    headline_quotes: tuple[Quote, ...] = ()
    """Quotations in the title (`paragraph` 0) and the subtitle (1), which are not paragraphs."""
    content_hash: str = ""
    """Hash of the raw bytes, so identical files and cached results can be recognised."""
    url: str | None = None
    """The original web address, when the article came from the web (see `Document.url`)."""
    feed: str | None = None
    fetched: str | None = None
    """When the page was fetched (ISO 8601, UTC)."""
    shapes: tuple[Shape, ...] = ()
    """Paragraphs that are headings, list items or table rows, in paragraph order (Markdown)."""
    code: tuple[Code, ...] = ()
    """Code blocks, kept out of `paragraphs` so that no stage of the analysis reads them."""


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world occurrence reported by one or more articles."""

    id: str
    label: str
    date: str | None
    articles: tuple[str, ...]
    origin: str = "auto"
    """"auto" as the analysis grouped it, "user" once a correction changed or renamed it."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """A paragraph of an article: the end of a link."""

    article: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class DiffRun:
    """A run of words two renderings share ("equal") or that only one has."""

    op: str
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """Two paragraphs that report the same quotation or fact, or a reference to another event.

    For `kind == "mention"` the target is the first paragraph of the other
    event's first article, and `event` names that event.
    """

    kind: str
    score: float
    source: Anchor
    target: Anchor
    why: str = ""
    diff: tuple[DiffRun, ...] = ()
    """Word-level differences from the source's rendering to the target's (quote links)."""
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Rendering:
    """One outlet's wording of a quotation, and its word diff against the fullest wording."""

    article: str
    paragraph: int
    text: str
    diff: tuple[DiffRun, ...] = ()
    """From the fullest rendering to this one: "delete" is what this outlet cut, "insert" what it changed."""
    changed: bool = False
    """Its wording differs from the fullest's: worked out once here, where the event page would scan every diff."""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """One distinct quotation of an event, as every article that carries it words it."""

    speaker: str | None
    fullest: Rendering
    renderings: tuple[Rendering, ...]
    """Every rendering, the fullest included, in event order (at most one per article)."""


@dataclass(frozen=True, slots=True)
class SingleSource:
    """A sentence whose fact no other article of the event reports."""

    article: str
    paragraph: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Claim:
    """A figure one article gives for a quantity, with the sentence it stands in."""

    article: str
    paragraph: int
    sentence: str
    figure: str
    """The figure as written ("at least 60", "$1bn")."""
    low: float
    high: float
    """The values the wording allows: equal for an exact figure, open-ended for "at least"."""


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One quantity that articles of an event report with different figures."""

    measure: str
    """What is counted, in words ("killed", "usd fund")."""
    kind: str
    """"conflict" (the figures cannot all be right) or "kind" (a bound or range against an exact figure)."""
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class Named:
    """A person or organisation and the articles of an event that name it."""

    entity: str
    name: str
    type: str
    articles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventComparison:
    """What the outlets covering one event share and where they differ (precomputed for the event page)."""

    event: str
    ledger: tuple[LedgerEntry, ...] = ()
    single_source: tuple[SingleSource, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    named: tuple[Named, ...] = ()
    place: str | None = None
    """The place the event's articles name most often (the event page's header shows it)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's correction of the event grouping, keyed by articles' content hashes (`article_key`).

    Keys survive re-analysis and cache clears, where event ids do not: an event
    is named by one of its articles.
    """

    kind: str
    """"merge" (the event of `article` into the event of `target`), "move" (`article` into the event
    of `target`), "split" (`article` into an event of its own) or "rename" (the event of `article`)."""
    article: str
    target: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with one input file; the rest of the corpus still loads."""

    source: str
    message: str
    severity: Literal["error", "warning"] = "error"


@dataclass(frozen=True, slots=True)
class Corpus:
    """The whole analysis: what `reader export` prints and the reader shows."""

    articles: tuple[Article, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    links: tuple[Link, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    comparisons: tuple[EventComparison, ...] = ()
    """One per event of two articles or more, in the order of `events` (see `analysis.compare`)."""
