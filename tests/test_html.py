"""Saved web pages: extraction and cleaning against hand-checked expected texts (golden files)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.analysis.clean import clean
from reader.analysis.model import Article
from reader.run.pipeline import analyse
from reader.sources.files import discover, read
from reader.sources.html import Provenance, provenance, read_html

PAGES = Path(__file__).parent / "data" / "web"


def render(article: Article) -> str:
    """The article as the golden files hold it: metadata lines, then one paragraph per block."""
    head = [f"{name}: {getattr(article, name)}" for name in ("title", "byline", "date", "outlet", "url")]
    return "\n".join(head) + "\n\n" + "\n\n".join(article.paragraphs) + "\n"


@pytest.mark.parametrize("name", ["nav_ads_comments", "live_blog", "amp", "teaser"])
def test_page_text_matches_the_hand_checked_text(name: str) -> None:
    document, problems = read(PAGES / f"{name}.html")
    assert document is not None and problems == []
    expected = (PAGES / f"{name}.expected.txt").read_text("utf-8")
    assert render(clean(document)) == expected


def test_a_folder_of_saved_pages_opens_like_a_folder_of_text(tmp_path: Path) -> None:
    for page in PAGES.glob("*.html"):
        shutil.copy(page, tmp_path / page.name)
    (tmp_path / "notes.txt").write_text("Plain text still opens.\n", "utf-8")
    files, _ = discover([tmp_path])
    assert sorted(f.suffix for f in files) == [".html"] * 4 + [".txt"]
    corpus = analyse([tmp_path])
    titles = {a.title for a in corpus.articles}
    assert {"Port strike ends after wage deal", "Rail fares to rise in January"} <= titles
    assert corpus.problems == ()


def test_the_archive_header_carries_url_feed_time_and_a_note() -> None:
    origin = Provenance(url="http://127.0.0.1/a?x=1--2", feed="http://127.0.0.1/feed", fetched="2024-01-01T00:00:00+00:00", note="text from the feed")
    page = origin.header() + (PAGES / "amp.html").read_bytes()
    assert provenance(page) == origin
    document, problems = read_html(page, "a.html", "a")
    assert document is not None
    assert (document.url, document.feed, document.fetched) == (origin.url, origin.feed, origin.fetched)
    assert problems[0].message == "text from the feed" and problems[0].severity == "warning"
    assert clean(document).fetched == origin.fetched


def test_a_browser_saved_page_keeps_its_address() -> None:
    page = b"<!-- saved from url=(0027)https://example.org/story -->\n<html><body><p>Too short.</p></body></html>"
    assert provenance(page).url == "https://example.org/story"


def test_a_page_without_text_is_a_problem() -> None:
    document, problems = read_html(b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "e.html", "e")
    assert document is None and problems[-1].message == "no article text found in the page"
