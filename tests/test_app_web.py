"""The web flow through the app: fetch the loopback feeds with `f`, read a new article, open it with `o`."""

from __future__ import annotations

import asyncio
import webbrowser
from dataclasses import replace
from pathlib import Path

import pytest
from loopback import Loopback, serve_site
from textual.pilot import Pilot

from reader.analysis.model import Anchor
from reader.storage.archive import Archive
from reader.ui.app import ReaderApp
from reader.ui.widgets.list_rows import article_ids
from reader.ui.widgets.progress_line import ProgressLine

SIZE = (120, 40)


def screen_text(app: ReaderApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def wait_for(pilot: Pilot[None], condition, seconds: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        await pilot.pause(0.05)
        if condition():
            return
    raise AssertionError("timed out waiting")


def test_fetch_list_open_and_o_opens_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url) or True)
    start = tmp_path / "start"
    start.mkdir()
    (start / "note.txt").write_text("Council approves budget\n\nThe city council approved the budget on Monday.\n", "utf-8")

    async def flow(feeds: dict[str, str]) -> None:
        app = ReaderApp([start])
        async with app.run_test(size=SIZE) as pilot:
            main = app.main
            await wait_for(pilot, lambda: main.finished)
            assert len(main.index.articles) == 1
            await pilot.press("f")
            progress = main.query_one(ProgressLine)
            # The RSS feed answers late: meanwhile the line shows one of the two feeds done.
            await wait_for(pilot, lambda: progress.display and (progress.done, progress.total) == (1, 2))
            assert "Fetching 1/2" in screen_text(app)
            summary = "5 new articles from 2 feeds, 0 failed"
            await wait_for(pilot, lambda: summary in [n.message for n in app._notifications])  # before it times out
            assert not main.query_one(ProgressLine).display
            await wait_for(pilot, lambda: main.index is not None and len(main.index.articles) == 5)
            assert "Port strike ends" in screen_text(app)  # in the list (newest events first: another article is open)
            main.article_list.entries.focus()
            await pilot.press("l", *"atom", "enter")  # the list filtered by feed: the Atom feed's two articles
            rows = main.article_list.entries.rows
            listed = {main.index.articles[article].feed for article in article_ids(rows)}
            assert listed == {feeds["atom"]} and len(article_ids(rows)) == 2
            await pilot.press("escape")
            strike = next(a for a in main.index.articles.values() if a.title.startswith("Port strike"))
            main.go(Anchor(strike.id, 0))
            main.view.focus()
            await pilot.pause()
            text = screen_text(app)
            assert f"{feeds['rss'].split('/feeds')[0]}/business/port-strike" in text and "fetched 20" in text  # the URL and fetch time under the byline
            await pilot.press("o")
            assert opened == [strike.url] and strike.feed == feeds["rss"]

    with Loopback() as server:
        feeds = serve_site(server)
        prompt = server.routes["/feeds/rss.xml"]
        server.route("/feeds/rss.xml", lambda request: replace(prompt(request), delay=1.5))  # type: ignore[operator]
        with Archive() as archive:
            archive.subscribe(feeds["rss"], "2024-01-01T00:00:00+00:00")
            archive.subscribe(feeds["atom"], "2024-01-01T00:00:00+00:00")
        asyncio.run(flow(feeds))


def test_o_on_an_article_from_a_file_says_there_is_no_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url) or True)
    (tmp_path / "a.txt").write_text("Council approves budget\n\nThe city council approved the budget on Monday.\n", "utf-8")

    async def flow() -> None:
        app = ReaderApp([tmp_path])
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.main.finished)
            app.main.view.focus()
            await pilot.press("o")
            assert opened == [] and "This article has no web address." in [n.message for n in app._notifications]

    asyncio.run(flow())
