"""Feeds into the archive, against the loopback fixture site: parsing, fallback, conditional GET, dedup."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import WEB, Loopback, Reply, feed_reply, serve_site

from reader.fetch.feeds import fetch_feeds, parse_feed
from reader.sources.files import read
from reader.fetch.web import Limits
from reader.storage.archive import Archive, canonical_url

FAST = Limits(timeout=3.0, backoff=0.05)


@pytest.fixture
def site():
    with Loopback() as server:
        yield server, serve_site(server)


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "data") as opened:
        yield opened


def subscribe(archive: Archive, *urls: str) -> None:
    for url in urls:
        archive.subscribe(url, "2024-01-01T00:00:00+00:00")


def stored(archive: Archive) -> dict[str, object]:
    """Each stored page's document, by its title."""
    documents = [read(path)[0] for path in sorted(archive.folder.glob("*.html"))]
    return {d.title: d for d in documents if d is not None}


def test_rss_and_atom_entries_become_archived_pages(site, archive: Archive) -> None:
    server, feeds = site
    subscribe(archive, feeds["rss"], feeds["atom"], feeds["empty"])
    report = fetch_feeds(archive, FAST)
    documents = stored(archive)
    strike = documents["Port strike ends after wage deal"]
    assert strike.feed == feeds["rss"] and strike.url == server.url("/business/port-strike-ends")  # tracking parameters dropped
    assert strike.fetched and strike.site == "Harbour Times" and strike.author == "Maria Lopez"
    assert set(documents) == {
        "Port strike ends after wage deal",
        "Rail fares to rise in January",
        "Central bank holds rates",
        "Live: Election night in Norland",
        "Bridge closed for repairs",
    }
    assert report.summary() == "5 new articles from 3 feeds, 0 failed"


def test_a_teaser_page_or_a_dead_page_falls_back_on_the_feed_and_says_so(site, archive: Archive) -> None:
    server, feeds = site
    subscribe(archive, feeds["rss"], feeds["atom"])
    report = fetch_feeds(archive, FAST)
    notes = {p.source.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert notes["central-bank-holds"].startswith("text from the feed, not the page: the page shows less")
    assert notes["bridge"] == "text from the feed, not the page: HTTP 404 Not Found"
    bank = read(next(archive.folder.glob("central-bank-holds-*.html")))
    assert bank[0] is not None and "too early to cut" in " ".join(b.text for b in bank[0].blocks)
    assert bank[1][0].severity == "warning" and "text from the feed" in bank[1][0].message
    bridge, _ = read(next(archive.folder.glob("bridge-closed-for-repairs-*.html")))
    assert bridge is not None and bridge.author == "Ivo Marsh" and bridge.url == server.url("/gone/bridge")


def test_a_malformed_feed_is_read_as_far_as_it_goes(site) -> None:
    server, feeds = site
    body = (WEB / "feeds" / "malformed.xml").read_text("utf-8").replace("{base}", server.base).encode()
    title, entries, problem = parse_feed(body, feeds["malformed"])
    assert problem is None and title == "Broken Gazette"
    assert entries[0].guid.endswith("gazette-77") and entries[0].url.endswith("utm_source=gazette")


def test_garbage_is_not_a_feed_and_does_not_stop_the_others(site, archive: Archive) -> None:
    server, feeds = site
    junk = server.route("/feeds/junk", Reply(b"\x00\x01 this is not xml at all", headers={"Content-Type": "text/plain"}))
    subscribe(archive, junk, server.url("/feeds/missing.xml"), feeds["atom"])
    report = fetch_feeds(archive, FAST)
    assert report.failed == 2 and report.feeds == 3 and report.new == 2
    messages = {p.source: p.message for p in report.problems}
    assert messages[server.url("/feeds/missing.xml")] == "HTTP 404 Not Found"
    assert messages[junk].startswith("not a readable feed")
    errors = {s.url: s.error for s in archive.subscriptions()}
    assert errors[junk].startswith("not a readable feed") and errors[feeds["atom"]] is None


def test_an_unchanged_feed_costs_one_request_and_stores_nothing(site, archive: Archive) -> None:
    server, feeds = site
    subscribe(archive, feeds["rss"])
    assert fetch_feeds(archive, FAST).new == 3
    before = len(server.requests)
    again = fetch_feeds(archive, FAST)
    assert again.new == 0 and again.failed == 0
    assert [r.path for r in server.requests[before:]] == ["/feeds/rss.xml"]
    assert server.hits("/feeds/rss.xml")[-1].headers["if-none-match"]  # answered 304
    assert archive.count() == 3


def test_a_changed_feed_adds_only_its_new_entries(site, archive: Archive) -> None:
    server, feeds = site
    subscribe(archive, feeds["rss"])
    fetch_feeds(archive, FAST)
    body = (WEB / "feeds" / "rss.xml").read_text("utf-8").replace("{base}", server.base)
    item = f"<item><title>Live: Election night in Norland</title><link>{server.base}/live/election-night</link><guid>harbour-1004</guid></item>"
    server.route("/feeds/rss.xml", feed_reply(body.replace("</channel>", item + "</channel>").encode()))
    before = len(server.requests)
    report = fetch_feeds(archive, FAST)
    assert report.new == 1 and archive.count() == 4
    assert sorted(r.path for r in server.requests[before:]) == ["/feeds/rss.xml", "/live/election-night"]


def test_the_same_story_through_two_feeds_is_stored_once(site, archive: Archive) -> None:
    server, feeds = site
    subscribe(archive, feeds["rss"])
    fetch_feeds(archive, FAST)
    subscribe(archive, feeds["malformed"])  # the strike story again, under another utm_source
    before = len(server.requests)
    report = fetch_feeds(archive, FAST)
    assert report.new == 0 and archive.count() == 3
    assert "/business/port-strike-ends" not in {r.path.split("?")[0] for r in server.requests[before:]}


def test_the_same_text_under_another_address_is_stored_once(site, archive: Archive) -> None:
    server, feeds = site
    server.route("/mirror/strike", Reply((WEB / "nav_ads_comments.html").read_bytes()))
    body = f'<rss version="2.0"><channel><title>Mirror</title><item><title>x</title><link>{server.base}/mirror/strike</link></item></channel></rss>'
    mirror = server.route("/feeds/mirror.xml", feed_reply(body.encode()))
    subscribe(archive, feeds["rss"])
    fetch_feeds(archive, FAST)
    subscribe(archive, mirror)
    assert fetch_feeds(archive, FAST).new == 0 and archive.count() == 3


def test_tracking_parameters_do_not_make_a_new_address() -> None:
    assert canonical_url("HTTP://Example.org:80/a?utm_source=rss&id=3&fbclid=x#top") == "http://example.org/a?id=3"
    assert canonical_url("https://example.org/a?id=3") != canonical_url("https://example.org/a?id=4")


def test_a_page_that_cannot_be_written_leaves_no_row(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.storage.archive import Stored

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OSError):
        archive.store(Stored("http://127.0.0.1/a", b"<p>x</p>", "hash", "2024-01-01T00:00:00+00:00", "A"))
    assert archive.count() == 0 and not archive.known("http://127.0.0.1/a")


def test_a_full_disk_is_a_problem_per_article_not_a_crash(site, archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    _, feeds = site
    subscribe(archive, feeds["atom"])

    def full(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    report = fetch_feeds(archive, FAST)
    assert report.new == 0 and report.failed == 0
    assert sum(p.message == "cannot store in the archive: No space left on device" for p in report.problems) == 2
