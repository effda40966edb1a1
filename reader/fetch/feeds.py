"""Fetching subscribed feeds into the archive: each new entry's page, extracted, stored once.

A feed is fetched with a conditional GET, so an unchanged one costs one small
request and stores nothing. Entries already in the archive (by address,
tracking parameters aside, or by GUID) are not fetched again. For a new entry
the page is fetched and its text extracted; when the page fails, or shows less
than the feed itself carries (a paywall, a teaser), the feed's own content is
stored instead, with a note that says so. One failing feed or page never stops
the others: each failure is a `Problem` with its reason.
"""

from __future__ import annotations

import asyncio
import functools
import html
import io
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from reader.analysis.model import Block, Problem
from reader.fetch.web import Fetcher, Limits, Page
from reader.sources.html import Provenance, extract
from reader.storage.archive import Archive, Stored, Subscription, canonical_url, text_hash

_TAGS = re.compile(r"<[^>]*>")

Progress = Callable[[int, int], None]
"""Called with (feeds done, feeds in all)."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One item of a feed, as feedparser read it."""

    url: str
    guid: str | None = None
    title: str | None = None
    content: str = ""
    """The entry's own HTML (full text, summary or nothing), sanitised by feedparser."""
    author: str | None = None
    published: str | None = None
    """ISO date (YYYY-MM-DD)."""


@dataclass(frozen=True, slots=True)
class Report:
    """What a fetch did: the figures of the summary line and every problem met."""

    new: int = 0
    feeds: int = 0
    failed: int = 0
    problems: tuple[Problem, ...] = ()

    def summary(self) -> str:
        """The line the user sees: "n new articles from m feeds, k failed"."""
        articles = "article" if self.new == 1 else "articles"
        feeds = "feed" if self.feeds == 1 else "feeds"
        return f"{self.new} new {articles} from {self.feeds} {feeds}, {self.failed} failed"


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def parse_feed(data: bytes, url: str) -> tuple[str | None, list[Entry], Problem | None]:
    """The feed's title and entries; a problem only when nothing usable could be read.

    feedparser reads malformed feeds as far as it can ("bozo"); entries it
    found are kept. It is handed a stream, never a string, which it could take
    for an address to download.
    """
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": url})
    entries = [entry for item in parsed.entries if (entry := _entry(item, url)) is not None]
    title = parsed.feed.get("title") or None
    if not entries and parsed.bozo and not parsed.feed:
        reason = type(parsed.bozo_exception).__name__ if parsed.get("bozo_exception") else "unreadable"
        return None, [], Problem(url, f"not a readable feed ({reason}: {parsed.get('bozo_exception', '')})")
    return title, entries, None


def _entry(item: dict, feed_url: str) -> Entry | None:
    link = item.get("link") or (item.get("id") if str(item.get("id", "")).startswith("http") else None)
    if not link or urlsplit(link).scheme not in ("http", "https"):
        return None
    contents = [c.get("value", "") for c in item.get("content", ())] or [item.get("summary", "")]
    published = item.get("published_parsed") or item.get("updated_parsed")
    return Entry(
        url=link,
        guid=item.get("id") or None,
        title=item.get("title") or None,
        content=max(contents, key=len) if contents else "",
        author=item.get("author") or None,
        published=time.strftime("%Y-%m-%d", published) if published else None,
    )


def feed_page(entry: Entry, outlet: str | None) -> bytes:
    """A page made of the entry's own content, for when the real page cannot be used."""
    content = entry.content if "<" in entry.content else "".join(f"<p>{html.escape(p)}</p>" for p in entry.content.split("\n\n"))
    meta = [f"<title>{html.escape(entry.title or '')}</title>"]
    for name, value in (("author", entry.author), ("og:site_name", outlet), ("article:published_time", entry.published)):
        if value:
            meta.append(f'<meta property="{name}" name="{name}" content="{html.escape(value)}">')
    heading = f"<h1>{html.escape(entry.title)}</h1>" if entry.title else ""
    head = '<meta charset="utf-8">' + "".join(meta)
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{heading}{content}</article></body></html>".encode()


def _words_in_html(fragment: str) -> int:
    """Words in the feed's own HTML, counted without a parser (only to compare with the page's)."""
    return len(_TAGS.sub(" ", fragment).split())


def _words(blocks: Sequence[Block]) -> int:
    return sum(len(block.text.split()) for block in blocks)


@dataclass
class _Run:
    """One `fetch_feeds` call: the shared client, the archive and the tally."""

    fetcher: Fetcher
    archive: Archive
    new: int = 0
    problems: list[Problem] = field(default_factory=list)

    async def article(self, entry: Entry, feed: Subscription) -> None:
        """Fetch, extract and store one entry, falling back on the feed's content."""
        page = await self.fetcher.get(entry.url, html=True)
        loop = asyncio.get_running_loop()
        text_of = functools.partial(extract, metadata=False)  # the analysis reads the metadata from the stored page
        blocks, _ = await loop.run_in_executor(None, text_of, page.content, page.url) if isinstance(page, Page) else ([], {})
        note = None
        body = page.content if isinstance(page, Page) else b""
        if _words_in_html(entry.content) > _words(blocks):
            # The feed carries more than the page shows: the page failed, or it is a paywall or teaser.
            why = page.message if isinstance(page, Problem) else "the page shows less than the feed (a paywall or teaser?)"
            note = f"text from the feed, not the page: {why}"
            body = feed_page(entry, feed.title)
            blocks, _ = await loop.run_in_executor(None, text_of, body, entry.url)
        if not blocks:
            missing = Problem(entry.url, "no article text in the page or the feed")
            self.problems.append(page if isinstance(page, Problem) else missing)
            return
        url = page.url if isinstance(page, Page) else entry.url
        header = Provenance(url=canonical_url(url), feed=feed.url, fetched=now(), note=note).header()
        stored = Stored(
            url=entry.url,
            page=header + body,
            text_hash=text_hash([b.text for b in blocks]),
            fetched=now(),
            title=entry.title,
            guid=entry.guid,
            feed=feed.url,
            outlet=feed.title or urlsplit(url).hostname,
        )
        try:
            kept = self.archive.store(stored)
        except OSError as error:  # a full disk: this article is lost, the others may still fit
            self.problems.append(Problem(entry.url, f"cannot store in the archive: {error.strerror or error}"))
            return
        if kept is not None:
            self.new += 1
            if note:
                self.problems.append(Problem(entry.url, note, "warning"))

    async def feed(self, feed: Subscription) -> bool:
        """Fetch one feed and its new entries; False when the feed itself failed."""
        answer = await self.fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        if isinstance(answer, Problem):
            self.archive.checked(replace(feed, checked=now(), error=answer.message))
            self.problems.append(answer)
            return False
        if answer.not_modified:
            self.archive.checked(replace(feed, checked=now(), error=None))
            return True
        title, entries, problem = parse_feed(answer.content, feed.url)
        if problem is not None:
            self.archive.checked(replace(feed, checked=now(), error=problem.message))
            self.problems.append(problem)
            return False
        feed = replace(feed, title=title or feed.title)
        fresh = [entry for entry in entries if not self.archive.known(entry.url, entry.guid)]
        await asyncio.gather(*(self.article(entry, feed) for entry in fresh))
        # Validators are saved last: a fetch cut short is repeated in full next time.
        self.archive.checked(replace(feed, etag=answer.etag, last_modified=answer.last_modified, checked=now(), error=None))
        return True


def fetch_feeds(archive: Archive, limits: Limits | None = None, progress: Progress | None = None) -> Report:
    """Fetch every subscription into `archive`; the report says what came in and what failed."""
    feeds = archive.subscriptions()

    async def run() -> Report:
        async with Fetcher(limits or Limits()) as fetcher:
            tally = _Run(fetcher, archive)
            done = 0

            async def one(feed: Subscription) -> bool:
                nonlocal done
                ok = await tally.feed(feed)
                done += 1
                if progress is not None:
                    progress(done, len(feeds))
                return ok

            results = await asyncio.gather(*(one(feed) for feed in feeds))
        return Report(tally.new, len(feeds), results.count(False), tuple(tally.problems))

    return asyncio.run(run())
