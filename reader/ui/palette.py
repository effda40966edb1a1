"""Command palette (Ctrl+P) providers: jump to an article, an entity, an event or a bookmark.

Titles and names come from the articles, so hits are built as `Content`
objects with the match highlighted by hand: Textual's `Matcher.highlight`
would parse them as markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from ..analysis.model import Anchor
from .sanitize import clip, printable

if TYPE_CHECKING:
    from .screens.main import MainScreen


class _ReaderProvider(Provider):
    """Shared plumbing: the main screen and literal, highlighted hit text."""

    TIE_BREAK = 0.0
    """Subtracted from scores so equal matches from different providers always list in one order."""

    @property
    def main(self) -> MainScreen | None:
        from .screens.main import MainScreen

        return self.screen if isinstance(self.screen, MainScreen) else None

    def entries(self) -> Iterator[tuple[str, str, Anchor | None, str | None]]:
        """(display text, help, target, entity to filter by) for every candidate."""
        yield from ()

    def _highlight(self, query: str, text: str) -> tuple[float, Content]:
        matcher = self.matcher(query)
        score, offsets = matcher.fuzzy_search.match(query, text)
        content = Content(text)
        for offset in offsets:
            content = content.stylize(matcher.match_style, offset, offset + 1)
        return score, content

    def _command(self, target: Anchor | None, entity: str | None):  # type: ignore[no-untyped-def]
        def run() -> None:
            main = self.main
            if main is None or main.index is None:
                return
            if entity is not None:
                main.article_list.filter_entity(entity, main.index.entity_name(entity))
            if target is not None:
                main.go(target)
                main.view.focus()

        return run

    async def discover(self) -> Hits:
        for text, help_text, target, entity in list(self.entries())[:40]:
            yield DiscoveryHit(Content(text), self._command(target, entity), text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        for text, help_text, target, entity in self.entries():
            score, content = self._highlight(query, text)
            if score > 0:
                command = self._command(target, entity)
                yield Hit(max(score - self.TIE_BREAK, 1e-6), content, command, text=text, help=escape(help_text))


class ArticlesProvider(_ReaderProvider):
    """Open an article by title or outlet."""

    def entries(self) -> Iterator[tuple[str, str, Anchor | None, str | None]]:
        main = self.main
        if main is None or main.index is None:
            return
        for article_id in main.index.order:
            article = main.index.articles[article_id]
            text = printable(clip(f"Article: {article.title or article.source}", 100))
            meta = " · ".join(part for part in (article.outlet, article.date) if part)
            # Opens where the user left off, like choosing it in the list.
            yield text, printable(clip(meta or PurePath(article.source).name, 80)), main.resume(article_id), None


class EntitiesProvider(_ReaderProvider):
    """Filter the list by a person, organisation or place, and open its first mention."""

    TIE_BREAK = 0.0001

    def entries(self) -> Iterator[tuple[str, str, Anchor | None, str | None]]:
        main = self.main
        if main is None or main.index is None:
            return
        index = main.index
        ranked = sorted(index.entities.values(), key=lambda e: -len(index.appearances(e.id)))
        for entity in ranked:
            places = index.appearances(entity.id)
            if not places:
                continue
            article_id, paragraph = next(iter(places.items()))
            text = printable(clip(f"{entity.type.title()}: {entity.name}", 100))
            yield text, f"in {len(places)} article{'s' if len(places) != 1 else ''}", Anchor(article_id, paragraph), entity.id


class EventsProvider(_ReaderProvider):
    """Open the first article of an event."""

    TIE_BREAK = 0.0002

    def entries(self) -> Iterator[tuple[str, str, Anchor | None, str | None]]:
        main = self.main
        if main is None or main.index is None:
            return
        for group in main.index.groups:
            if group.event is None:
                continue
            text = printable(clip(f"Event: {group.event.label}", 100))
            detail = f"{group.event.date or 'undated'} · {len(group.articles)} articles"
            yield text, printable(detail), Anchor(group.articles[0].id, 0), None


class BookmarksProvider(_ReaderProvider):
    """Jump to a bookmarked paragraph; lists bookmarks of articles in this corpus, oldest first."""

    TIE_BREAK = 0.0003

    def entries(self) -> Iterator[tuple[str, str, Anchor | None, str | None]]:
        main = self.main
        if main is None or main.index is None:
            return
        from ..storage.state import state_key

        by_key = {state_key(article): article for article in main.index.articles.values()}
        for key, paragraph in main.state.bookmarks():
            article = by_key.get(key)
            if article is None or not 0 <= paragraph < len(article.paragraphs):
                continue  # a bookmark in a file not opened this time, or one that has since shrunk
            words = clip(article.paragraphs[paragraph], 48)
            title = clip(article.title or article.source, 50)
            text = printable(f"Bookmark: {title} ¶{paragraph + 1} — {words}")
            meta = " · ".join(part for part in (article.outlet, article.date) if part) or PurePath(article.source).name
            yield text, printable(clip(meta, 80)), Anchor(article.id, paragraph), None
