"""Property-based tests: no input, however broken, makes the analysis raise.

The default profile runs a few hundred generated cases per property so CI
stays fast; `HYPOTHESIS_PROFILE=thorough pytest tests/test_hostile_input.py`
runs 10,000 per property.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis.model import Block, Corpus, Document
from reader.cli import report_lines
from reader.export import to_json, to_markdown
from reader.run import pipeline
from reader.sources import files as ingest
from reader.storage.cache import AnalysisCache
from reader.terminal import UNSAFE, path_text, printable

QUOTE_MARKS = "\"'“”‘’«»„‟‹›`´"
SCRIPTS = "Москва Кремль 北京 习近平 人民大会堂 القاهرة مصر العربية 😀👍🏽 ﷺ"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u2028\u2029\ufeff\u200b\u202e"
WORDS = (
    "The President said Mr Smith told Reuters that the United Nations in Geneva will meet on Friday June 8 2018 "
    "$1bn US$240 billion [bold] [/bold] [link=file:///etc/passwd] [@click=app.quit] \x1b[31m \x1b]52;c;aGk=\x07 "
    "Dr O'Neil U.S. Related article: https://example.org/x Join our commenting forum"
).split(" ")

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(QUOTE_MARKS + " \n.,a")),
    st.text(alphabet=st.sampled_from(SCRIPTS + QUOTE_MARKS + CONTROLS + " \n")),
    st.lists(st.sampled_from([*WORDS, *QUOTE_MARKS, "\n", "\n\n", " "]), max_size=300).map(" ".join),
    st.builds(lambda c, n: c * n, st.sampled_from([*QUOTE_MARKS, "a", "A ", "x" * 50]), st.integers(0, 5000)),
)


def check(corpus: Corpus) -> None:
    """Invariants every corpus must keep, whatever it was built from."""
    for article in corpus.articles:
        for mention in article.entities:
            assert article.paragraphs[mention.paragraph][mention.start : mention.end] == mention.text
        for quote in article.quotes:
            assert article.paragraphs[quote.paragraph][quote.start : quote.end] == quote.text
        for removed in article.removed:
            assert 0 <= removed.before <= len(article.paragraphs)
    ids = {a.id for a in corpus.articles}
    for link in corpus.links:
        assert link.source.article in ids and link.target.article in ids


def document(text: str, name: str = "x") -> Document:
    return Document(name, f"{name}.txt", tuple(Block(line) for line in text.split("\n")), name)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, min_size=1, max_size=3))
def test_any_text_goes_through_the_whole_pipeline(items: list[str]) -> None:
    articles = [pipeline.prepare(document(text, f"a{i}")) for i, text in enumerate(items)]
    check(pipeline.link_corpus(articles))


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=4000))
def test_any_bytes_in_a_file_give_an_article_or_a_problem(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "input.txt")
        path.write_bytes(data)
        corpus = pipeline.analyse([path])
    assert len(corpus.articles) + sum(p.severity == "error" for p in corpus.problems) == 1
    check(corpus)


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["Cs", "Cc", "Lo", "Zs"]), max_size=500))
def test_lone_surrogates_and_controls_in_text(text: str) -> None:
    check(pipeline.link_corpus([pipeline.prepare(document(text))]))


def test_very_long_line_and_paragraph() -> None:
    long_line = ("Mr Smith said “yes” to the plan in Paris. " * 20000).strip()
    corpus = pipeline.link_corpus([pipeline.prepare(document("Long article here\n" + long_line))])
    check(corpus)
    assert corpus.articles[0].paragraphs[0] == long_line


def test_empty_article_after_cleaning() -> None:
    corpus = pipeline.link_corpus([pipeline.prepare(document("https://example.org/only-a-link"))])
    check(corpus)
    assert corpus.articles[0].paragraphs == ()


# -- hostile folders: names and special files over the whole pipeline (issue 20) ----------------------

FRAGMENTS = [
    "report", "report-2", "a", "Ünïcödé", "北京", "عربي", "\u202e", "\u200b", "\u200f", "\u2066",
    "\x1b]52;c;aGk=\x07", "\x1b]0;title\x07", "\x1b[2J", "\x9b31m", "\x7f", "\x85", "\n", "\r", "\t",
    "[bold]", "[@click=app.quit]", "<img src=x onerror=alert(1)>", "- ", "1. ", "---", "~~", "#", ">", "`", "_", "*", "\\", " ",
]
NOT_UTF8 = [b"\xff", b"\xe9", b"\xc3", b"\xed\xa0\x80"]
PIECES = [fragment.encode() for fragment in FRAGMENTS] + NOT_UTF8
FOLDERS = [b"", b"2019", b"2020/x", b"\x1b[2J", "Ünï\u202e".encode(), b"bad\xff"]
KINDS = ["text", "binary", "fifo", "text", "socket", "device", "text", "empty", "vanished", "markdown"]
"""What each entry is: readable articles most often, then everything that must be skipped and reported."""
GOOD_KINDS = frozenset({"text", "markdown"})
TERMINAL_UNSAFE = frozenset(chr(code) for code in UNSAFE) - {"\n", "\t"}
"""What may appear in no output (newlines only as line breaks; tabs, harmless, are kept in Markdown)."""
Entry = tuple[bytes, bytes, str, bool]


def entries_of(data: bytes, most: int = 8) -> list[Entry]:
    """A folder's entries (folder, name, kind, hostile text) spelled by `data`, a few bytes each.

    Hypothesis draws one byte string per case instead of a nested structure:
    that costs a fifth of the time, and shrinking still works (shorter data
    means fewer files, zero bytes the plainest choices).
    """
    entries: list[Entry] = []
    at = 0

    def take() -> int:
        nonlocal at
        at += 1
        return data[at - 1] if at <= len(data) else 0

    while at < len(data) and len(entries) < most:
        kind, folder, count = KINDS[take() % len(KINDS)], FOLDERS[take() % len(FOLDERS)], take()
        name = b"".join(PIECES[take() % len(PIECES)] for _ in range(1 + count % 4))
        entries.append((folder, name, kind, count >= 128))
    return entries


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where generated folders are laid out: memory-backed when the machine has it, as thousands are made."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="reader-hostile-", dir=shm))
        yield folder
        shutil.rmtree(folder, ignore_errors=True)
    else:
        yield tmp_path_factory.mktemp("hostile")


def make(root: Path, entries: list[Entry]) -> dict[bytes, str]:
    """Lay the entries out under `root` (bytes paths, so any name is possible); returns path → kind."""
    made: dict[bytes, str] = {}
    for number, (folder, name, kind, hostile_text) in enumerate(entries):
        directory = os.path.join(os.fsencode(root), folder)
        path = os.path.join(directory, name + (b".md" if kind == "markdown" else b".txt"))
        if path in made or len(os.path.basename(path)) > 255:
            continue
        os.makedirs(directory, exist_ok=True)
        made[path] = kind
        extra = "".join(FRAGMENTS) + f" ({number})" if hostile_text else ""
        text = f"Story {number} headline\n\nThe harbour master said ship {number} sailed on Monday. {extra}\n"
        if kind in GOOD_KINDS:
            Path(os.fsdecode(path)).write_text(("# " if kind == "markdown" else "") + text, "utf-8")
        elif kind in ("empty", "binary"):
            Path(os.fsdecode(path)).write_bytes(b"" if kind == "empty" else b"\x00\x01binary")
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            short = os.path.join(os.fsencode(root), b"s")  # a socket's path has a short limit: bound here, then moved
            with socket.socket(socket.AF_UNIX) as server:
                server.bind(short)  # the socket file stays after the socket closes
            os.rename(short, path)
        else:
            os.symlink("/dev/zero" if kind == "device" else os.path.join(directory, b"gone"), path)
    return made


def unsafe_in(text: str) -> set[str]:
    return set(text) & TERMINAL_UNSAFE


def check_outputs(corpus: Corpus) -> None:
    """No output holds a character a terminal would act on: stderr, JSON, Markdown, the screen."""
    from reader.ui.layout import article_blocks

    assert not unsafe_in("".join(report_lines(["notice\x1b[2J"], corpus.problems)))
    json_text = to_json(corpus)
    assert not unsafe_in(json_text) and len(json.loads(json_text)["articles"]) == len(corpus.articles)
    assert not unsafe_in(to_markdown(corpus))
    for article in corpus.articles:
        assert not unsafe_in("".join(block.text for block in article_blocks(article, show_removed=True)))
    assert not unsafe_in("".join(printable(p.source) + printable(p.message) for p in corpus.problems))


def check_folder(root: Path, made: dict[bytes, str]) -> Corpus:
    """Analyse `root` and check that nothing was lost, every skipped file said once, ids unique and stable."""
    corpus = pipeline.analyse([root])
    shown = {os.fsencode(path): path_text(os.fsencode(path)) for path in made}
    good = sorted(shown[p] for p, kind in made.items() if kind in GOOD_KINDS)
    bad = sorted(shown[p] for p, kind in made.items() if kind not in GOOD_KINDS)
    # No article lost: each readable file is an article, or a copy of one and said so.
    copies = [p.source for p in corpus.problems if p.message.startswith("duplicate of ")]
    assert sorted([*(a.source for a in corpus.articles), *copies]) == good
    assert sorted(p.source for p in corpus.problems if p.severity == "error") == bad  # each skipped file once
    ids = [a.id for a in corpus.articles]
    assert len(set(ids)) == len(ids)
    found, _ = ingest.find([root])
    again = dict(zip((path_text(path) for path, _ in found), ingest.assign_ids(found), strict=True))
    assert [again[a.source] for a in corpus.articles] == ids  # stable: the same ids when named again
    check(corpus)
    check_outputs(corpus)
    return corpus


@settings(settings.get_profile("thorough"), suppress_health_check=list(HealthCheck))
@given(st.binary(min_size=1, max_size=48))
def test_hostile_folders_lose_nothing_and_inject_nothing(scratch: Path, data: bytes) -> None:
    """The thorough property: 10,000 generated folders in every CI run (see tests/conftest.py)."""
    root = Path(tempfile.mkdtemp(dir=scratch))
    try:
        check_folder(root, make(root, entries_of(data)))
    finally:
        shutil.rmtree(root)


@settings(max_examples=40, suppress_health_check=list(HealthCheck))
@given(st.binary(min_size=1, max_size=48))
def test_ids_are_the_same_with_and_without_the_cache(scratch: Path, data: bytes) -> None:
    root = Path(tempfile.mkdtemp(dir=scratch))
    try:
        made = make(root, entries_of(data))
        plain = check_folder(root, made)
        with AnalysisCache(root / ".cache") as cache:
            cold = pipeline.analyse([root], cache=cache)
        with AnalysisCache(root / ".cache") as cache:
            warm = pipeline.analyse([root], cache=cache)
        for corpus in (cold, warm):
            assert [(a.id, a.source) for a in corpus.articles] == [(a.id, a.source) for a in plain.articles]
    finally:
        shutil.rmtree(root)
