"""Loaders for the development sets kept outside the repository (see benchmarks/DEVDATA.md).

Every loader returns plain articles plus gold annotations in the reader's own
terms, so that `errors.py` can compare like with like:

- entities: (paragraph, start, end, TYPE) spans with TYPE in PERSON/ORG/PLACE;
- speakers: per article, (start, end, source) spans of attributed content in
  the article's joined text, where `source` is the gold source's words.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.analysis.model import Article

DEVDATA = Path("/work/devdata")
Span = tuple[int, int, int, str]  # paragraph, start, end, type
_UNER_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
_STOPS = (".", "?", "!", '"', "”", "'", "’", ")", ":")


@dataclass(frozen=True)
class EntitySet:
    """A named-entity development set rebuilt into articles."""

    name: str
    articles: list[Article]
    gold: list[set[Span]]


def _sentences_uner(path: Path) -> list[tuple[str, str, list[tuple[int, int, str]]]]:
    """(document id, sentence text, gold spans) from a Universal NER IOB2 file."""
    out: list[tuple[str, str, list[tuple[int, int, str]]]] = []
    doc, text, tokens = "", "", []

    def flush() -> None:
        if not tokens:
            return
        pos, spans, open_ = 0, [], None
        for token, tag in tokens:
            at = text.find(token, pos)
            if at < 0:
                at = pos
            start, pos = at, at + len(token)
            kind = tag[2:] if tag != "O" else ""
            if tag.startswith("B-") or (tag.startswith("I-") and (open_ is None or open_[2] != kind)):
                if open_:
                    spans.append(open_)
                open_ = (start, pos, kind)
            elif tag.startswith("I-") and open_:
                open_ = (open_[0], pos, kind)
            else:
                if open_:
                    spans.append(open_)
                open_ = None
        if open_:
            spans.append(open_)
        typed = [(s, e, _UNER_TYPES[k]) for s, e, k in spans if k in _UNER_TYPES]
        out.append((doc, text, typed))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# sent_id") and not doc:
            doc = line.split("=", 1)[1].strip().rsplit("-", 1)[0]
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.strip():
            flush()
            tokens = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) >= 3 and "-" not in cols[0] and "." not in cols[0]:
                tokens.append((cols[1], cols[2]))
    flush()
    return out


def uner(path: Path, name: str) -> EntitySet:
    """A Universal NER English file as articles: sentences ending in a stop share paragraphs (three
    at most); a sentence without one (a heading, a signature, a list item) is a line of its own."""
    docs: dict[str, list[tuple[str, list[tuple[int, int, str]]]]] = {}
    for doc, text, spans in _sentences_uner(path):
        docs.setdefault(doc, []).append((text, spans))
    articles, golds = [], []
    for doc, sentences in docs.items():
        paragraphs: list[str] = []
        gold: set[Span] = set()
        current, count = "", 0
        for text, spans in sentences:
            line = not text.rstrip().endswith(_STOPS)
            if current and (line or count >= 3):
                paragraphs.append(current)
                current, count = "", 0
            base = len(current) + (1 if current else 0)
            current = f"{current} {text}" if current else text
            count += 1
            gold |= {(len(paragraphs), base + s, base + e, k) for s, e, k in spans}
            if line:
                paragraphs.append(current)
                current, count = "", 0
        if current:
            paragraphs.append(current)
        articles.append(Article(id=f"{name}-{doc}", source="", title="", paragraphs=tuple(paragraphs)))
        golds.append(gold)
    return EntitySet(name, articles, golds)


def gmb(path: Path) -> EntitySet:
    """The Groningen Meaning Bank extract, rebuilt as `entities_eval.py` rebuilds it."""
    from entities_eval import build

    articles, golds = build(path, "all")
    return EntitySet("gmb", articles, golds)


def entity_sets(root: Path = DEVDATA) -> list[EntitySet]:
    """Every entity development set found under `root`."""
    found = []
    if (root / "gmb" / "ner_dataset.csv").exists():
        found.append(gmb(root / "gmb" / "ner_dataset.csv"))
    for file, name in (("en_ewt-ud-dev.iob2", "uner-ewt-dev"), ("en_pud-ud-test.iob2", "uner-pud")):
        if (root / "uner" / file).exists():
            found.append(uner(root / "uner" / file, name))
    return found


# -- quotation attribution ------------------------------------------------------------


@dataclass(frozen=True)
class QuoteArticle:
    """An article with gold attributions: (paragraph, start, end, speaker name or None, kind)."""

    article: Article
    gold: list[tuple[int, int, int, str | None, str]]


_PRONOUN_OR_DET = frozenset(
    "He She They It We I You The A An His Her Their Its This That These Those Some Many One Another Other "
    "Both Most Several Our My Your".split()
)


def named_source(source: str) -> str | None:
    """The source's name when it holds one ("Clinton", "the Clinton campaign"), else None."""
    words = [w for w in re.findall(r"[A-Za-z][\w.'’-]*", source) if w[0].isupper() and w not in _PRONOUN_OR_DET]
    return " ".join(words) if words else None


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside paired double quotation marks (straight or curly), marks excluded."""
    spans, open_ = [], None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and open_ is None):
            open_ = i + 1
        elif (ch == "”" or ch == '"') and open_ is not None:
            spans.append((open_, i))
            open_ = None
        elif ch == "\n" and open_ is not None and text[i + 1 : i + 2] == "\n":
            open_ = None
    return spans


def polnear(root: Path = DEVDATA / "polnear" / "data", splits: tuple[str, ...] = ("train", "dev")) -> list[QuoteArticle]:
    """PolNeAR (political news, 2016) train and dev: direct quotations inside attributed content.

    A quotation's gold speaker is the attribution's source when the source holds a
    name; quotations whose source is a pronoun or a common noun ("he", "officials")
    are kept with speaker None and kind "unnamed" so they count for detection only.
    Never the test split: it is held out.
    """
    out = []
    for split in splits:
        for ann in sorted((root / split / "attributions").glob("*.ann")):
            stem = ann.name.rsplit("_", 1)[0]
            if out and out[-1].article.id == stem:
                continue  # one annotator per article
            text = (root / split / "text" / f"{stem}.txt").read_text(encoding="utf-8")
            out.append(_polnear_article(stem, text, ann.read_text(encoding="utf-8")))
    return out


def _polnear_article(stem: str, text: str, ann: str) -> QuoteArticle:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    relations = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) == 3:
            kind, *ranges = cols[1].replace(";", " ").split()
            pairs = [(int(ranges[i]), int(ranges[i + 1])) for i in range(0, len(ranges) - 1, 2)]
            spans[cols[0]] = (kind, pairs, cols[2])
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(part.split(":", 1) for part in cols[1].split() if ":" in part))
    contents: list[tuple[int, int, str | None]] = []
    for rel in relations:
        content, source = spans.get(rel.get("Content", "")), spans.get(rel.get("Source", ""))
        if content:
            speaker = named_source(source[2]) if source else None
            contents.extend((s, e, speaker) for s, e in content[1])
    # Paragraphs are the blank-line-separated blocks; offsets map back into the file.
    paragraphs, starts = [], []
    for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text):
        paragraphs.append(m.group().replace("\n", " "))
        starts.append(m.start())
    gold = []
    for qs, qe in _quote_spans(text):
        if len(text[qs:qe].split()) < 3:
            continue  # a term in quotation marks, not speech
        # The innermost attribution holding it: "CNN reports that ... “...,” King said" is King's.
        owners = [c for c in contents if min(qe, c[1]) - max(qs, c[0]) >= 0.8 * (qe - qs)]
        if not owners:
            continue
        owner = min(owners, key=lambda c: c[1] - c[0])
        p = max(i for i, s in enumerate(starts) if s <= qs)
        gold.append((p, qs - starts[p], qe - starts[p], owner[2], "direct" if owner[2] else "unnamed"))
    article = Article(id=stem, source=stem, title=paragraphs[0] if paragraphs else "", paragraphs=tuple(paragraphs))
    return QuoteArticle(article, gold)


def ecb_quotes(path: Path) -> list[QuoteArticle]:
    """The hand-annotated ECB+ quotations (tests/data/quotes_dev.jsonl), every split."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        article = Article(row["id"], row["id"], row["id"], tuple(row["paragraphs"]))
        gold = [(q["paragraph"], q["start"], q["end"], q["speaker"], q["kind"]) for q in row["quotes"]]
        out.append(QuoteArticle(article, gold))
    return out
