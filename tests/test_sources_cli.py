"""`reader feeds …`, `reader fetch` and `reader URL` as a user types them, against the loopback site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from loopback import Loopback, serve_site

from reader.cli import main


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    with Loopback() as server:
        yield server, serve_site(server)


def export(capsys: pytest.CaptureFixture[str], *argv: str) -> dict:
    capsys.readouterr()
    main(["export", "--no-cache", *argv])
    return json.loads(capsys.readouterr().out)


def test_subscribe_fetch_and_fetch_again(site, capsys: pytest.CaptureFixture[str]) -> None:
    server, feeds = site
    assert main(["feeds", "add", feeds["rss"], feeds["atom"], feeds["empty"]]) == 0
    assert main(["feeds", "add", feeds["rss"]]) == 0
    assert "already subscribed to" in capsys.readouterr().out
    assert main(["fetch"]) == 0
    assert capsys.readouterr().out.strip() == "reader: 5 new articles from 3 feeds, 0 failed"
    assert main(["fetch"]) == 0
    assert capsys.readouterr().out.strip() == "reader: 0 new articles from 3 feeds, 0 failed"
    main(["feeds", "list"])
    listing = capsys.readouterr().out
    assert f"{feeds['rss']}\tHarbour Times\t3 articles\tchecked " in listing
    data = export(capsys)  # no path: the archive
    assert len(data["articles"]) == 5
    strike = next(a for a in data["articles"] if a["title"] == "Port strike ends after wage deal")
    assert strike["feed"] == feeds["rss"] and strike["fetched"] and strike["url"].startswith(server.base)
    assert len(export(capsys, "--seeds")["articles"]) == 5 and all(a["url"] is None for a in export(capsys, "--seeds")["articles"])


def test_remove_and_import_opml(site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, feeds = site
    opml = tmp_path / "subs.opml"
    outlines = "".join(f'<outline type="rss" text="{name}" xmlUrl="{url}"/>' for name, url in feeds.items())
    opml.write_text(f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News">{outlines}</outline></body></opml>', "utf-8")
    assert main(["feeds", "import", str(opml)]) == 0
    assert "4 feeds added" in capsys.readouterr().out
    assert main(["feeds", "remove", feeds["empty"]]) == 0
    assert main(["feeds", "remove", feeds["empty"]]) == 1
    capsys.readouterr()
    main(["feeds", "list"])
    assert feeds["empty"] not in capsys.readouterr().out
    assert main(["feeds", "import", str(tmp_path / "missing.opml")]) == 1


def test_no_subscriptions_says_how_to_add_one(site, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fetch"]) == 1
    assert "reader feeds add URL" in capsys.readouterr().err


def test_urls_and_paths_open_together_and_failures_are_problems(site, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    server, _ = site
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a.txt").write_text("Council approves budget\n\nThe city council approved the budget on Monday.\n", "utf-8")
    data = export(capsys, server.url("/amp/rail-fares?utm_source=x"), server.url("/nowhere"), str(folder))
    titles = sorted(a["title"] for a in data["articles"])
    assert titles == ["Council approves budget", "Rail fares to rise in January"]
    rail = next(a for a in data["articles"] if a["title"].startswith("Rail"))
    assert rail["outlet"] == "Transit Daily" and rail["byline"] == "Sam Okafor" and rail["fetched"]
    assert {"source": server.url("/nowhere"), "message": "HTTP 404 Not Found", "severity": "error"} in data["problems"]
    before = len(server.requests)
    export(capsys, server.url("/amp/rail-fares"))  # in the archive already: not fetched again
    assert len(server.requests) == before


def test_without_an_archive_the_seeds_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "fresh"))
    data = export(capsys)
    assert len(data["articles"]) == 5 and all("seeds" in a["source"] for a in data["articles"])
    assert not (tmp_path / "fresh").exists()  # looking for an archive does not make one
