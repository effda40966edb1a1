"""Write SVG screenshots of the reader's main screens on the bundled seeds into this folder.

    python screenshots/generate.py

Each screen is driven the way a user would get there (key presses through
Textual's pilot), so the pictures stay reproducible as the app changes.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from reader.analysis.model import Anchor, Corpus
from reader.run.pipeline import analyse
from reader.sources.files import bundled_seeds
from reader.ui.app import ReaderApp

HERE = Path(__file__).parent
Steps = Callable[[ReaderApp, Pilot[None]], Awaitable[None]]


def best_quote_link(corpus: Corpus) -> Anchor | None:
    """The paragraph with the strongest quote link, to show the panel at its most useful."""
    quotes = [link for link in corpus.links if link.kind == "quote"] or [l for l in corpus.links if l.kind != "mention"]
    return max(quotes, key=lambda link: link.score).source if quotes else None


async def shoot(name: str, corpus: Corpus, size: tuple[int, int], steps: Steps) -> Path:
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.clear_notifications()
        await steps(app, pilot)
        await pilot.pause(0.3)
        path = HERE / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(HERE))
    return path


def keys(*pressed: str) -> Steps:
    async def run(app: ReaderApp, pilot: Pilot[None]) -> None:
        await pilot.press(*pressed)

    return run


def at(anchor: Anchor | None, *pressed: str) -> Steps:
    async def run(app: ReaderApp, pilot: Pilot[None]) -> None:
        if anchor is not None:
            app.main.go(anchor)
            await pilot.pause()
        await pilot.press(*pressed)

    return run


async def main() -> None:
    corpus = analyse([bundled_seeds()])
    link = best_quote_link(corpus)
    shots: list[tuple[str, tuple[int, int], Steps]] = [
        ("main", (140, 42), keys("j", "j")),
        ("links", (140, 42), at(link)),
        ("entity", (140, 42), keys("e", "e")),
        ("removed-lines", (140, 42), keys("r")),
        ("search", (140, 42), keys("slash", *"friend", "enter")),
        ("find-in-article", (140, 42), keys("ctrl+f", *"putin", "enter", "n")),
        ("filter-and-unread", (140, 42), keys("J", "J", "l", *"xi", "enter")),
        ("help", (140, 42), keys("question_mark")),
        ("palette", (140, 42), keys("ctrl+p", *"putin")),
        ("bookmarks", (140, 42), keys("j", "m", "j", "j", "m", "ctrl+p", *"bookmark")),
        ("shared-words", (140, 42), at(link, "tab")),
        ("light-theme", (140, 42), keys("t", "j")),
        ("narrow-80x24", (80, 24), keys("j")),
        # The first article is the newest event's (June 2018): its event page and side by side.
        ("event-page", (140, 42), keys("v")),
        ("side-by-side", (140, 42), keys("c", "j", "j", "j")),
        ("side-by-side-80x24", (80, 24), keys("c", "j")),
    ]
    for name, size, steps in shots:
        path = await shoot(name, corpus, size, steps)
        print(path.relative_to(HERE.parent))
    # A Markdown article written for the picture: front matter, a list, a table, a code block.
    path = await shoot("markdown", analyse([HERE / "markdown-article.md"]), (140, 42), keys())
    print(path.relative_to(HERE.parent))


if __name__ == "__main__":
    asyncio.run(main())
