"""Markdown articles: front matter as metadata, code kept literal and out of the analysis, structure in the view."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app import SIZE, pilot_test, screen_text

from reader.analysis import clean
from reader.analysis.clean import metadata
from reader.analysis.model import Block, Document
from reader.run import pipeline
from reader.run.pool import Workers
from reader.sources import files, front_matter
from reader.ui.app import ReaderApp
from reader.ui.layout import BLANK, article_blocks, lay_out

STORY = """---
title: "Harbour bridge reopens: 'at last'"   # the headline
author: [Jane Doe, "Ali Khan"]
date: 2024-03-05T10:00:00Z
url: https://example.org/bridge
outlet: The Harbour Times
tags:
  - bridges
  - transport
evil: !!python/object/apply:os.system ["echo pwned"]
---

# Harbour bridge reopens

The bridge reopened on Monday, Mayor Anna Smith said. "It is a great day," she told reporters.

## What changed

- New lanes for *cyclists*
- A toll of $2
  1. for cars
  2. for trucks

| Vehicle | Toll |
|---|---|
| Car | $2 |
| Motorbike | $1 |

```python
print("Barack Obama said: 'this is not a quotation'")
    indented = True   # kept as written
```

### [bold]Not bold[/bold] \x1b[31mred?

Closing words from the harbour master, Gregor Lindqvist, on Tuesday.
"""


def read(tmp_path: Path, text: str, name: str = "story.md") -> Document:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    document, problems = files.read(path)
    assert document is not None, problems
    return document


def test_front_matter_is_metadata_not_the_title(tmp_path: Path) -> None:
    document = read(tmp_path, STORY)
    assert (document.title, document.author, document.date) == ("Harbour bridge reopens: 'at last'", "Jane Doe, Ali Khan", "2024-03-05")
    assert (document.url, document.site) == ("https://example.org/bridge", "The Harbour Times")
    article = clean.clean(document)
    assert article.title == "Harbour bridge reopens: 'at last'"
    assert (article.byline, article.outlet, article.date) == ("Jane Doe, Ali Khan", "The Harbour Times", "2024-03-05")
    assert not any("title:" in p or "author" in p for p in article.paragraphs)


def test_front_matter_subset_never_builds_objects() -> None:
    matter = front_matter.parse(
        ["title: 'It''s here'", 'quote: "a \\"b\\" c"', "evil: !!python/object:os.system x", "anchor: &a 1",
         "nested:", "  inner: value", "summary: >", "  two", "  lines", "authors:", "- One Person", "- Two People"]
    )
    assert matter.fields["title"] == "It's here" and matter.fields["quote"] == 'a "b" c'
    assert "evil" not in matter.fields and "anchor" not in matter.fields and "inner" not in matter.fields
    assert matter.fields["summary"] == "two lines"
    assert matter.first(front_matter.AUTHOR_KEYS) == "One Person, Two People"


def test_unterminated_front_matter_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "open.md"
    path.write_text("---\ntitle: Never closed\n\n# Storm closes the port\n\nShips waited off the coast on Friday.\n", "utf-8")
    document, problems = files.read(path)
    assert document is not None and document.title is None
    assert [p.severity for p in problems] == ["warning"] and "never closed" in problems[0].message
    article = clean.clean(document)
    assert "Ships waited off the coast on Friday." in article.paragraphs


def test_code_blocks_are_literal_and_never_analysed(tmp_path: Path) -> None:
    document = read(tmp_path, STORY)
    corpus = pipeline.analyse_documents([document], workers=Workers(cores=1))
    article = corpus.articles[0]
    assert [code.language for code in article.code] == ["python"]
    assert article.code[0].text.splitlines()[1] == "    indented = True   # kept as written"
    assert not any("Barack Obama" in p for p in article.paragraphs)
    assert "Barack Obama" not in {e.name for e in corpus.entities}
    assert all("not a quotation" not in q.text for q in article.quotes)
    assert any(e.name == "Anna Smith" for e in corpus.entities)  # the prose around it still is


def test_binary_in_a_code_block(tmp_path: Path) -> None:
    controls = read(tmp_path, "# Log\n\nThe server printed this on Monday.\n\n```\n\x07\x1b[2Jbell \x1b]0;title\x07\n```\n")
    assert "\x1b[2J" in clean.clean(controls).code[0].text  # kept as written; the view makes it visible
    layout = lay_out(article_blocks(clean.clean(controls), False), 60)
    code = next(block for block in layout.blocks if block.kind == "code")
    assert "\x1b" not in code.text and "␛[2J" in code.text
    (tmp_path / "nul.md").write_bytes(b"# Nul\n\n```\n\x00\x01binary\n```\n")
    documents, problems = files.load([tmp_path])
    assert [d.source.endswith("story.md") or d.source.endswith("nul.md") for d in documents] == [True]
    assert any("nul.md" in p.source and "binary" in p.message for p in problems)


def test_headings_lists_and_tables_keep_their_shape(tmp_path: Path) -> None:
    article = clean.clean(read(tmp_path, STORY))
    shapes = {article.paragraphs[s.paragraph]: (s.kind, s.depth, s.marker) for s in article.shapes}
    assert shapes["What changed"] == ("heading", 0, "")
    assert shapes["New lanes for cyclists"] == ("item", 0, "•")
    assert shapes["for trucks"] == ("item", 1, "2.")
    assert shapes["Vehicle │ Toll"] == ("header", 0, "")
    assert shapes["Motorbike │ $1"] == ("row", 0, "")
    layout = lay_out(article_blocks(article, False), 60)
    lines = [layout.blocks[b].marker + layout.blocks[b].text[s:e] if b != BLANK else "" for b, s, e in layout.rows]
    items = lines.index("• New lanes for cyclists")
    assert lines[items : items + 4] == ["• New lanes for cyclists", "• A toll of $2", "  1. for cars", "  2. for trucks"]
    table = next(block for block in layout.blocks if block.shape == "header")
    assert table.widths == (9, 4)  # "Motorbike", "Toll": the cells are padded to them when painted


@pilot_test
async def test_the_view_shows_structure_code_and_markup_literally(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text(STORY, "utf-8")
    corpus = pipeline.analyse_documents(files.load([tmp_path])[0], workers=Workers(cores=1))
    app = ReaderApp([], corpus=corpus)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "• New lanes for cyclists" in text and "  1. for cars" in text
        assert "Vehicle   │ Toll" in text and "Car       │ $2" in text
        assert "[bold]Not bold[/bold] ␛[31mred?" in text  # markup and escapes as written
        assert "    indented = True   # kept as written" in text  # indentation kept
        assert "Harbour bridge reopens: 'at last'" in text and "Jane Doe, Ali Khan · The Harbour Times" in text


@pytest.mark.parametrize(
    ("line", "names", "outlet", "date"),
    [
        ("By Jane Doe, Reuters · March 3, 2015", "Jane Doe", "Reuters", "2015-03-03"),
        ("By Jane Doe and Ali Khan", "Jane Doe and Ali Khan", None, None),
        ("By Jane Doe | The Guardian", "Jane Doe", "The Guardian", None),
        ("By Jane Doe and Ali Khan, Associated Press", "Jane Doe and Ali Khan", "Associated Press", None),
        ("By Jane Doe, March 3, 2015", "Jane Doe", None, "2015-03-03"),
        ("Jane Doe · 3 March 2015", "Jane Doe", None, "2015-03-03"),
        ("By Jane Doe - BBC News - 4 May 2020", "Jane Doe", "BBC News", "2020-05-04"),
        ("By Jane Doe, John Smith", "Jane Doe, John Smith", None, None),
    ],
)
def test_byline_variants(line: str, names: str, outlet: str | None, date: str | None) -> None:
    assert metadata.byline(line) == metadata.Byline(names, outlet, date)


@pytest.mark.parametrize(
    "line", ["By Tuesday, the army had withdrawn from the city", "Politics | World", "Friday 08 June 2018 16:29 BST", "•", " · | "]
)
def test_not_bylines(line: str) -> None:
    assert metadata.byline(line) is None


@pytest.mark.parametrize("kind", ["line", "paragraph"])
def test_a_byline_under_the_headline_is_not_a_standfirst(kind: str) -> None:
    lines = ["Harbour bridge reopens after two years", "", "By Jane Doe, The Harbour Times · March 5, 2024", "",
             "The bridge reopened on Monday after two years of repairs, the council said in a statement."]
    # Plain text (lines), or a page's blocks (HTML, Markdown), whose headline is a heading.
    blocks = tuple(Block(line, "heading" if kind == "paragraph" and n == 0 else kind) for n, line in enumerate(lines))
    article = clean.clean(Document("t", "t.txt", blocks, "h"))
    assert article.subtitle is None
    assert (article.byline, article.outlet, article.date) == ("Jane Doe", "The Harbour Times", "2024-03-05")


@pilot_test
async def test_a_click_on_a_name_in_a_list_item_picks_it() -> None:
    from snapshot_apps.sample import markdown_corpus

    app = ReaderApp([], corpus=markdown_corpus())
    async with app.run_test(size=SIZE) as pilot:
        view = app.main.view
        layout = view._layout
        assert layout is not None
        block = layout.blocks[layout.paragraph_block[2]]
        last = block.text.index("Kestrel Island") + len("Kestrel Island") - 1  # the name's last letter
        column = 3 + len(block.marker) + last  # the gutter, "• ", then the words
        await pilot.click(view, offset=(column + 1, layout.first_row[layout.paragraph_block[2]] + 1))  # +1: the border
        assert view.paragraph == 2 and view.focus_entity is not None and view.focus_entity.entity == "kestrel-island"
