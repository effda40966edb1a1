"""Hostile data on its way out (issue 20): the terminal, the reports, a full disk, a memory limit.

Whatever an article or a file name holds, nothing reaches a terminal that it
would act on (escape sequences, C1 and bidirectional controls), the Markdown
report shows every field as text, and the JSON export is written article by
article, so neither its size nor a failing disk ends in a traceback.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reader.analysis.model import Anchor, Article, Corpus, Link, Problem
from reader.export import to_json, to_markdown, write_json, write_markdown
from reader.terminal import UNSAFE

OSC52 = "\x1b]52;c;aGk=\x07"
OSC0 = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
HOSTILE_NAMES = [f"clip{OSC52}", f"title{OSC0}", f"clear{CLEAR}"]
STORY = "Port reopens\nShips sailed again on Monday, the harbour master said.\n"


def export(*args: str) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "reader", "export", "--no-cache", *args]
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


def unsafe(text: str) -> list[str]:
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in UNSAFE and c not in "\n\t"})


# -- 3. stderr ------------------------------------------------------------------------------------


def test_no_escape_sequence_from_a_file_name_reaches_stderr(tmp_path: Path) -> None:
    for name in HOSTILE_NAMES:
        (tmp_path / f"{name}.txt").write_text(STORY, "utf-8")  # duplicates: each message names another file
    (tmp_path / f"bin{CLEAR}.txt").write_bytes(b"\x00binary")
    result = export(str(tmp_path))
    assert result.returncode == 0
    stderr = result.stderr.decode("utf-8")
    assert stderr.count("\n") == 3 and "duplicate of" in stderr and "binary file" in stderr
    assert unsafe(stderr.replace("\n", "")) == []
    assert "clip␛]52;c;aGk=␇" in stderr  # visible, as the app shows it


# -- 5. markdown ----------------------------------------------------------------------------------


def article(id: str, *paragraphs: str, title: str = "Title") -> Article:
    return Article(id=id, source=f"{id}.txt", title=title, paragraphs=paragraphs)


def hostile_corpus() -> Corpus:
    bad_id = "<img src=x onerror=alert(1)>\x1b[2J\nnext"
    lines = ("- not a list", "1. not a list", "---", "~~~", "# not a heading", "> not a quote", "+ no", "    not code", "=== no")
    articles = (article(bad_id, *lines, title="1) Title"), article("b", "Plain text here."))
    links = (Link("quote", 90.0, Anchor(bad_id, 0), Anchor("b", 0), "same \x85 quotation\u202e", ()),)
    return Corpus(articles=articles, links=links, problems=(Problem(f"{bad_id}.txt", "binary\x9b file"),))


def test_markdown_escapes_every_field_and_line_start() -> None:
    report = to_markdown(hostile_corpus())
    assert not re.search(r"(?<!\\)[<>]", report) and "\\<img src=x onerror=alert(1)\\>" in report
    assert unsafe(report) == []
    body = report.splitlines()
    for line in ("- not a list", "1. not a list", "---", "~~~", "# not a heading", "> not a quote", "+ no", "=== no"):
        assert line not in body
    assert not any(line.startswith("    not code") for line in body)
    links = [line for line in body if "quote 90" in line]
    assert len(links) == 1 and "\\<img" in links[0]  # the id, newline and all, stays on its line


def test_markdown_keeps_plain_text_as_it_was() -> None:
    plain = Corpus(articles=(article("a", "Plain - text 1. here, 50% of it."),))
    assert "Plain - text 1. here, 50% of it." in to_markdown(plain).splitlines()


# -- 9. controls in the reports -----------------------------------------------------------------------


def test_json_escapes_what_a_terminal_would_act_on_and_stays_lossless() -> None:
    text = "del\x7f c1\x85\x9b bidi\u202e\u2066 esc\x1b"
    corpus = Corpus(articles=(article("a", text),))
    out = to_json(corpus)
    assert unsafe(out.replace("\n", "")) == []
    assert "\\u007f" in out and "\\u009b" in out and "\\u202e" in out
    assert json.loads(out)["articles"][0]["paragraphs"] == [text]
    markdown = io.BytesIO()
    write_markdown(Corpus(articles=(article("a", text + " lone\ud800"),)), markdown)  # a lone surrogate too
    assert unsafe(markdown.getvalue().decode("utf-8")) == [] and b"\\\\ud800" in markdown.getvalue()


# -- 8. streaming, full disks and memory limits -----------------------------------------------------


def test_streamed_json_is_what_json_dumps_gives() -> None:
    corpus = hostile_corpus()
    stream = io.BytesIO()
    write_json(corpus, stream)
    expected = json.dumps(json.loads(to_json(corpus)), ensure_ascii=False, indent=2)
    assert json.loads(stream.getvalue()) == json.loads(expected)
    empty = io.BytesIO()
    write_json(Corpus(), empty)
    assert empty.getvalue().decode() == json.dumps(json.loads(empty.getvalue()), indent=2) + "\n"
    markdown = io.BytesIO()
    write_markdown(corpus, markdown)
    assert markdown.getvalue().decode("utf-8") == to_markdown(corpus) + "\n"


@pytest.mark.parametrize("form", ["json", "markdown"])
def test_a_full_disk_gives_one_line_and_status_1(form: str) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "export", "--no-cache", "--format", form],
            stdout=full, stderr=subprocess.PIPE, timeout=120, check=False,
        )
    assert result.returncode == 1
    assert result.stderr.decode() == "reader: cannot write the export: No space left on device\n"


CAPPED = """
import os, resource, sys
from reader.analysis.model import Article, Corpus
from reader.export import write_json
paragraph = "Ships sailed again on Monday, the harbour master said. " * 2000
articles = tuple(Article(id=f"a{n}", source=f"a{n}.txt", title="Port", paragraphs=(paragraph,) * 4) for n in range(200))
corpus = Corpus(articles=articles)  # 88 MB of JSON, every paragraph one shared string
size = int(open("/proc/self/statm").read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
resource.setrlimit(resource.RLIMIT_AS, (size + (64 << 20),) * 2)
with open(os.devnull, "wb") as sink:
    write_json(corpus, sink)
print("done")
"""


def test_a_large_export_streams_under_a_memory_limit() -> None:
    """The JSON of 200 articles is larger than the memory the export may use: it must be written as it is made."""
    result = subprocess.run([sys.executable, "-c", CAPPED], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0 and result.stdout == "done\n", result.stderr[-800:]
