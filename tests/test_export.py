"""The export contract: its shape, and `reader export` end to end on the seeds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import (
    Anchor,
    Article,
    Corpus,
    DiffRun,
    Entity,
    EntityMention,
    Event,
    Link,
    Problem,
    Quote,
    Removed,
)
from reader.cli import main
from reader.export import to_dict, to_markdown

ARTICLE_KEYS = {
    "id", "source", "title", "subtitle", "byline", "date", "outlet",
    "paragraphs", "removed", "entities", "quotes",
}
TOP_KEYS = {"version", "articles", "entities", "events", "links", "problems"}


def small_corpus() -> Corpus:
    text = "Mayor Ana Ruiz said the [bold]bridge[/bold] \x1b[31mwould\x1b[0m reopen."
    article = Article(
        id="a",
        source="a.txt",
        title="Bridge",
        paragraphs=(text,),
        removed=(Removed("https://x.test/1", "bare URL", 1),),
        entities=(EntityMention(0, 6, 13, "Ana Ruiz", "PERSON", "person:ana-ruiz", "Mayor"),),
        quotes=(Quote(0, 20, 30, text[20:30], "person:ana-ruiz", "partial", "said"),),
    )
    return Corpus(
        articles=(article,),
        entities=(Entity("person:ana-ruiz", "Ana Ruiz", "PERSON", ("Ruiz",), ("a",)),),
        events=(Event("event-1", "Bridge reopens", "2020-01-02", ("a",)),),
        links=(Link("quote", 93.456, Anchor("a", 0), Anchor("b", 2), "same quotation, 93", (DiffRun("equal", "x"),)),),
        problems=(Problem("bad.bin", "binary file, not text"),),
    )


def test_json_shape() -> None:
    data = to_dict(small_corpus())
    assert set(data) == TOP_KEYS and data["version"] == 1
    article = data["articles"][0]
    assert ARTICLE_KEYS <= set(article)
    assert article["entities"][0] == {
        "paragraph": 0, "start": 6, "end": 13, "text": "Ana Ruiz", "type": "PERSON",
        "entity": "person:ana-ruiz", "title": "Mayor",
    }
    assert article["removed"] == [{"text": "https://x.test/1", "reason": "bare URL", "before": 1}]
    assert data["links"][0]["from"] == {"article": "a", "paragraph": 0}
    assert data["links"][0]["to"] == {"article": "b", "paragraph": 2}
    assert data["links"][0]["score"] == 93.5
    assert data["problems"] == [{"source": "bad.bin", "message": "binary file, not text", "severity": "error"}]
    json.dumps(data)  # plain JSON values only


def test_markdown_report_shows_markup_literally() -> None:
    report = to_markdown(small_corpus())
    assert "\x1b" not in report
    assert "\\[bold\\]bridge\\[/bold\\]" in report
    assert "Bridge reopens" in report and "binary file" in report


def test_markdown_report_per_event_with_anchors_on_numbered_paragraphs() -> None:
    from reader.analysis.compare import compare_events
    from reader.report import anchor

    quote = "the bridge will reopen in the spring"
    first = Article("a|1", "a.txt", "Bridge | reopens", (f"Ruiz said “{quote}”.", "It cost $1bn, she said."),
                    outlet="Daily [red]", date="2020-01-02",
                    quotes=(Quote(0, 11, 11 + len(quote), quote, "person:ana-ruiz"),))
    second = Article("b", "b.txt", "Spring date for bridge", ("Other.", f"“{quote},” Ruiz said.", "It cost $1 billion."),
                     outlet="Gazette", date="2020-01-03", quotes=(Quote(1, 1, 1 + len(quote), quote, "person:ana-ruiz"),))
    events = (Event("event-1", "Bridge | reopens", "2020-01-02", ("a|1", "b")),)
    links = (Link("quote", 100.0, Anchor("a|1", 0), Anchor("b", 1), "same quotation", event="event-1"),)
    entities = (Entity("person:ana-ruiz", "Ana Ruiz", "PERSON"),)
    corpus = Corpus((first, second), entities, events, links, comparisons=compare_events((first, second), events, entities, links))
    report = to_markdown(corpus)
    assert "## 1. Bridge \\| reopens" in report and "Daily \\[red\\] (first report)" in report
    assert "### Coverage" in report and "### Quotations" in report and "No figures differ" in report
    # References name paragraphs as the articles section numbers them, from 1.
    assert "Gazette ¶2" in report and "**¶2**" in report
    assert "|" not in anchor("a|1", 0)


def run_export(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "export", *args], capture_output=True, text=True, encoding="utf-8", check=False
    )


@pytest.fixture(scope="module")
def seeds_export() -> dict:
    result = run_export("--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_seeds_export_holds_five_clean_articles(seeds_export: dict) -> None:
    assert set(seeds_export) == TOP_KEYS
    articles = {a["id"][:3]: a for a in seeds_export["articles"]}
    assert sorted(articles) == ["000", "001", "002", "003", "004"]
    for article in articles.values():
        assert ARTICLE_KEYS <= set(article)
        assert article["paragraphs"]
    assert articles["002"]["date"] == "2018-06-08"
    assert articles["002"]["byline"] == "Adam Withnall, Asia Editor"
    assert seeds_export["problems"] == []


def test_export_spans_match_their_text(seeds_export: dict) -> None:
    for article in seeds_export["articles"]:
        for item in [*article["entities"], *article["quotes"]]:
            paragraph = article["paragraphs"][item["paragraph"]]
            assert paragraph[item["start"] : item["end"]] == item["text"]


def test_export_reports_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Port reopens\nShips sailed again on Monday.\n", "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    result = run_export(str(tmp_path))
    data = json.loads(result.stdout)
    assert [a["id"] for a in data["articles"]] == ["good"]
    assert data["problems"][0]["message"] == "binary file, not text"
    assert "bad.txt" in result.stderr


def test_export_markdown_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Port reopens\nShips sailed again on Monday.\n", "utf-8")
    assert main(["export", "--format", "markdown", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Coverage report") and "### Port reopens" in out


def test_export_with_nothing_readable_fails(tmp_path: Path) -> None:
    result = run_export(str(tmp_path / "missing"))
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr


def test_duplicate_articles_are_reported_not_doubled(tmp_path: Path) -> None:
    text = "Port reopens\nShips sailed again on Monday.\n"
    (tmp_path / "one.txt").write_text(text, "utf-8")
    (tmp_path / "two.txt").write_text(text, "utf-8")
    data = json.loads(run_export(str(tmp_path)).stdout)
    assert [a["id"] for a in data["articles"]] == ["one"]
    assert "duplicate of" in data["problems"][0]["message"]
