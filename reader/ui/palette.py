"""Command palette (Ctrl+P) providers: jump to an article, an entity, an event, a bookmark or a recent place.

Providers only read the screen's corpus and call its public commands
(`open_place`, `list_mentioning`); they never reach into its widgets, and do
not import the screen, so the screen can list them without an import circle.

Titles and names come from the articles, so hits are built as `Content`
objects with the match highlighted by hand: Textual's `Matcher.highlight`
would parse them as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..analysis.model import Anchor, Article
from .lookup import CorpusIndex
from .reading import StateStore
from .sanitize import clip, printable
from .words import plural

Entry = tuple[str, str, Anchor | None, str | None]
"""(display text, help, place to open, entity to list the articles of)."""


@runtime_checkable
class Places(Protocol):
    """What a screen offers the palette: its corpus and the commands a hit runs."""

    index: CorpusIndex | None
    state: StateStore

    def resume(self, article_id: str) -> Anchor: ...

    def open_place(self, target: Anchor) -> None: ...

    def list_mentioning(self, entity_id: str) -> None: ...

    def recent_places(self) -> list[Anchor]: ...


def _meta(article: Article) -> str:
    return " · ".join(part for part in (article.outlet, article.date) if part) or PurePath(article.source).name


class _ReaderProvider(Provider):
    """Shared plumbing: the screen's commands and literal, highlighted hit text."""

    TIE_BREAK = 0.0
    """Subtracted from scores so equal matches from different providers always list in one order."""

    @property
    def places(self) -> Places | None:
        screen = self.screen
        return screen if isinstance(screen, Places) and screen.index is not None else None

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        """Every candidate this provider offers."""
        yield from ()

    def _all(self) -> list[Entry]:
        places = self.places
        return [] if places is None or places.index is None else list(self.entries(places, places.index))

    def _highlight(self, query: str, text: str) -> tuple[float, Content]:
        matcher = self.matcher(query)
        score, offsets = matcher.fuzzy_search.match(query, text)
        content = Content(text)
        for offset in offsets:
            content = content.stylize(matcher.match_style, offset, offset + 1)
        return score, content

    def _command(self, target: Anchor | None, entity: str | None) -> Callable[[], None]:
        def run() -> None:
            places = self.places
            if places is None:
                return
            if entity is not None:
                places.list_mentioning(entity)
            if target is not None:
                places.open_place(target)

        return run

    async def discover(self) -> Hits:
        for text, help_text, target, entity in self._all()[:40]:
            yield DiscoveryHit(Content(text), self._command(target, entity), text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        for text, help_text, target, entity in self._all():
            score, content = self._highlight(query, text)
            if score > 0:
                command = self._command(target, entity)
                yield Hit(max(score - self.TIE_BREAK, 1e-6), content, command, text=text, help=escape(help_text))


class ArticlesProvider(_ReaderProvider):
    """Open an article by title or outlet."""

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        for article_id in index.order:
            article = index.articles[article_id]
            text = printable(clip(f"Article: {article.title or article.source}", 100))
            # Opens where the user left off, like choosing it in the list.
            yield text, printable(clip(_meta(article), 80)), places.resume(article_id), None


class EntitiesProvider(_ReaderProvider):
    """Filter the list by a person, organisation or place, and open its first mention."""

    TIE_BREAK = 0.0001

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        ranked = sorted(index.entities.values(), key=lambda e: -len(index.appearances(e.id)))
        for entity in ranked:
            found = index.appearances(entity.id)
            if not found:
                continue
            article_id, paragraph = next(iter(found.items()))
            text = printable(clip(f"{entity.type.title()}: {entity.name}", 100))
            yield text, f"in {plural(len(found), 'article')}", Anchor(article_id, paragraph), entity.id


class EventsProvider(_ReaderProvider):
    """Open the first article of an event."""

    TIE_BREAK = 0.0002

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        for group in index.groups:
            if group.event is None:
                continue
            text = printable(clip(f"Event: {group.event.label}", 100))
            detail = f"{group.event.date or 'undated'} · {plural(len(group.articles), 'article')}"
            yield text, printable(detail), Anchor(group.articles[0].id, 0), None


class BookmarksProvider(_ReaderProvider):
    """Jump to a bookmarked paragraph; lists bookmarks of articles in this corpus, oldest first."""

    TIE_BREAK = 0.0003

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        for article, paragraph in places.state.bookmarked(index.articles.values()):
            words = clip(article.paragraphs[paragraph], 48)
            title = clip(article.title or article.source, 50)
            text = printable(f"Bookmark: {title} ¶{paragraph + 1} — {words}")
            yield text, printable(clip(_meta(article), 80)), Anchor(article.id, paragraph), None


class RecentProvider(_ReaderProvider):
    """Go back to a place read recently (the last paragraph in each article), newest first."""

    TIE_BREAK = 0.0004

    def entries(self, places: Places, index: CorpusIndex) -> Iterator[Entry]:
        for place in places.recent_places():
            article = index.articles.get(place.article)
            if article is None:
                continue
            text = printable(clip(f"Recent: {article.title or article.source} ¶{place.paragraph + 1}", 100))
            yield text, printable(clip(_meta(article), 80)), place, None
