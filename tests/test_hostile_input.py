"""Property-based tests: no input, however broken, makes the analysis raise.

The default profile runs a few hundred generated cases per property so CI
stays fast; `HYPOTHESIS_PROFILE=thorough pytest tests/test_hostile_input.py`
runs 10,000 per property.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.run import pipeline
from reader.analysis.model import Block, Document
from reader.analysis.model import Corpus

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
