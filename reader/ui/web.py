"""The app's keys for web articles: `o` opens the original page, `f` fetches the subscribed feeds.

Fetching runs in a thread worker (the network and the extraction must never
hold up a key press), shows its progress in the progress line, ends with a
summary notification ("n new articles from m feeds, k failed"), and, when
anything new came in, opens the archive again so the new articles are listed.
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding, BindingType

from .sanitize import printable
from .widgets.progress_line import ProgressLine

if TYPE_CHECKING:
    from reader.fetch.feeds import Report

WEB_BINDINGS: list[BindingType] = [
    Binding("o", "open_url", "Open in browser", show=False, id="article.open_url", tooltip="Open the article's original web page in the browser"),
    Binding("f", "fetch_feeds", "Fetch feeds", show=False, id="feeds.fetch", tooltip="Fetch every subscribed feed into the archive"),
]


class WebActions:
    """Mixed into `ReaderApp`: the actions behind `WEB_BINDINGS`.

    `self` is the reader app; it is typed loosely so this module need not import the app that imports it.
    """

    paths: tuple[Path, ...]

    def action_open_url(self: Any) -> None:
        index = self.main.index
        article = index.articles.get(self.main.current_article or "") if index is not None else None
        if article is None or not article.url:
            self.notify("This article has no web address.", markup=False, timeout=3)
            return
        if webbrowser.open(article.url):
            self.notify(f"Opening {printable(article.url)}", markup=False, timeout=3)
        else:  # no browser on this machine (a server over ssh): the address is still worth having
            self.notify(f"No web browser found. The address: {printable(article.url)}", markup=False, timeout=15)

    def action_fetch_feeds(self: Any) -> None:
        progress = self.main.query_one(ProgressLine)
        progress.verb, progress.done, progress.total, progress.waiting = "Fetching", 0, 0, "Fetching feeds…"
        progress.display = True
        self.fetch_feeds()

    @work(thread=True, exclusive=True, group="fetch", description="Fetching feeds")
    def fetch_feeds(self: Any) -> None:
        """Fetch into the archive off the UI thread; any failure is a notification, never a crash."""
        from reader.fetch.feeds import fetch_feeds
        from reader.storage.archive import Archive

        progress = self.main.query_one(ProgressLine)

        def advance(done: int, total: int) -> None:
            self.call_from_thread(setattr, progress, "total", total)
            self.call_from_thread(setattr, progress, "done", done)

        try:
            with Archive() as archive:
                if not archive.subscriptions():
                    report = None
                else:
                    report = fetch_feeds(archive, progress=advance)
                folder = archive.folder
        except Exception as error:
            self.call_from_thread(self._fetched, None, f"{type(error).__name__}: {error}", None)
            return
        self.call_from_thread(self._fetched, report, None, folder)

    def _fetched(self: Any, report: Report | None, error: str | None, folder: Path | None) -> None:
        progress = self.main.query_one(ProgressLine)
        progress.display, progress.verb = False, "Analysing"
        if error is not None:
            self.notify(printable(error), title="Fetching failed", severity="error", markup=False, timeout=15)
            return
        if report is None:
            self.notify("No subscriptions yet: add one with `reader feeds add URL`.", markup=False, timeout=8)
            return
        self.notify(report.summary(), title="Feeds", severity="warning" if report.failed else "information", markup=False, timeout=10)
        if report.new and folder is not None:
            self.paths = (folder,)  # the archive, with what just came in
            self.analyse()
