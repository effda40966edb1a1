"""Entity recognition: exact-span F1 on a development set, and throughput.

The development set is the Groningen Meaning Bank's named-entity extract
(Voice of America news; the ``ner_dataset.csv`` of GMB 2.2.0: one token per
row, IOB tags per/org/geo/gpe/...), kept outside the repository:

    python benchmarks/entities_eval.py /work/devdata/gmb/ner_dataset.csv [--split dev|check|all] \
        [--errors N] [--ecb /work/shared/data/ecbplus-dev.jsonl]

Tags map to our types as per -> PERSON, org -> ORG, geo -> PLACE, and gpe ->
PLACE when the token is a proper noun (``Iran``) but not when it is a demonym
(``Iranian``, ``Germans``), which we do not emit, like CoNLL's MISC. GMB puts
titles inside person spans ("President Mahmoud Ahmadinejad"); we strip leading
title words from the gold spans, as our mentions exclude titles by design.
Sentences are rebuilt into text (three to a paragraph, thirty to an article)
so that sentence starts fall mid-paragraph as in real articles.

Throughput is recognition plus unification over the same articles, on one core.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.analysis.names import recognise, unify  # noqa: E402
from reader.analysis.model import Article  # noqa: E402
from reader.analysis.names import lexicon  # noqa: E402

_NO_SPACE_BEFORE = {".", ",", ":", ";", "?", "!", "'s", "n't", "'", ")", "%", "'re", "'ve", "'ll", "'d", "'m", "]"}
_NO_SPACE_AFTER = {"(", "$", "["}
_TITLES = lexicon.HONORIFICS | lexicon.ROLE_WORDS | {w + "." for w in lexicon.HONORIFICS}
Span = tuple[int, int, int, str]  # paragraph, start, end, type


def read_sentences(path: Path) -> list[list[tuple[str, str, str]]]:
    """Rows of (word, POS, tag), grouped by sentence."""
    sentences: list[list[tuple[str, str, str]]] = []
    with path.open(encoding="latin-1", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if len(row) < 4:
                continue
            if row[0].strip():
                sentences.append([])
            if sentences:
                sentences[-1].append((row[1], row[2], row[3]))
    return sentences


def detokenise(tokens: list[tuple[str, str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """Sentence text, and gold spans (start, end, TYPE) in it."""
    text = ""
    offsets = []
    quote_open = False
    prev = ""
    for word, _pos, _tag in tokens:
        space = bool(text) and word not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER
        if word == '"':
            space = bool(text) and not quote_open
            quote_open = not quote_open
        elif prev == '"' and quote_open:
            space = False
        if space:
            text += " "
        offsets.append((len(text), len(text) + len(word)))
        text += word
        prev = word
    spans = []
    i = 0
    while i < len(tokens):
        tag = tokens[i][2]
        if not tag.startswith("B-"):
            i += 1
            continue
        kind = tag[2:]
        j = i + 1
        while j < len(tokens) and tokens[j][2] == f"I-{kind}":
            j += 1
        span = list(range(i, j))
        mapped = {"per": "PERSON", "org": "ORG", "geo": "PLACE", "gpe": "PLACE"}.get(kind)
        if kind == "gpe" and not all(tokens[k][1] == "NNP" for k in span):
            mapped = None
        if mapped == "PERSON":
            while len(span) > 1 and tokens[span[0]][0] in _TITLES:
                span = span[1:]
            if tokens[span[0]][0] in _TITLES:
                mapped = None
        if mapped:
            spans.append((offsets[span[0]][0], offsets[span[-1]][1], mapped))
        i = j
    return text, spans


def build(path: Path, split: str) -> tuple[list[Article], list[set[Span]]]:
    sentences = read_sentences(path)
    articles, golds = [], []
    for a in range(0, len(sentences), 30):
        paragraphs, gold = [], set()
        for p in range(a, min(a + 30, len(sentences)), 3):
            text = ""
            for s in sentences[p : min(p + 3, a + 30, len(sentences))]:
                sent, spans = detokenise(s)
                base = len(text) + (1 if text else 0)
                text = f"{text} {sent}" if text else sent
                gold |= {(len(paragraphs), base + s0, base + e0, k) for s0, e0, k in spans}
            paragraphs.append(text)
        articles.append(Article(id=f"gmb-{a // 30:04d}", source="", title="", paragraphs=tuple(paragraphs)))
        golds.append(gold)
    half = len(articles) // 2
    if split == "dev":
        return articles[:half], golds[:half]
    if split == "check":
        return articles[half:], golds[half:]
    return articles, golds


def score(articles: list[Article], golds: list[set[Span]], show: int) -> None:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    errors: list[str] = []
    for article, gold in zip(articles, golds):
        pred = {(m.paragraph, m.start, m.end, m.type) for m in article.entities if m.type in ("PERSON", "ORG", "PLACE")}
        for s in pred & gold:
            tp[s[3]] += 1
        for label, spans, counter in (("FP", pred - gold, fp), ("FN", gold - pred, fn)):
            for p, start, end, kind in spans:
                counter[kind] += 1
                text = article.paragraphs[p]
                errors.append(f"{label} {kind:6} {text[start:end]!r}  | {text[max(0, start - 40) : end + 30]!r}")
    print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
    for kind in ("PERSON", "ORG", "PLACE", "ALL"):
        t = sum(tp.values()) if kind == "ALL" else tp[kind]
        f_p = sum(fp.values()) if kind == "ALL" else fp[kind]
        f_n = sum(fn.values()) if kind == "ALL" else fn[kind]
        p = t / (t + f_p) if t + f_p else 0.0
        r = t / (t + f_n) if t + f_n else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:8} {p:6.3f} {r:6.3f} {f1:6.3f}  {t}/{f_p}/{f_n}")
    if show:
        import random

        random.Random(1).shuffle(errors)
        print("\n".join(errors[:show]))


def throughput(articles: list[Article], rounds: int = 3) -> float:
    words = sum(len(p.split()) for a in articles for p in a.paragraphs)
    best = float("inf")
    for _ in range(rounds):
        # CPU time of this one process: the figure for one core, whatever else the machine runs.
        t0 = time.process_time()
        done = [replace(a, entities=recognise(a.paragraphs)) for a in articles]
        unify(done)
        best = min(best, time.process_time() - t0)
    return words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", type=Path)
    parser.add_argument("--split", choices=("dev", "check", "all"), default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print this many sampled errors")
    parser.add_argument("--ecb", type=Path, help="also time ECB+ articles (JSON lines with a 'text' field)")
    args = parser.parse_args()
    articles, golds = build(args.csv, args.split)
    recognise(("warm-up",))  # load the gazetteers outside the timing
    done, _ = unify([replace(a, entities=recognise(a.paragraphs)) for a in articles])
    print(f"{len(articles)} articles, {sum(len(g) for g in golds)} gold spans ({args.split}), scored after unification")
    score(list(done), golds, args.errors)
    rate = throughput(articles)
    print(f"throughput: {rate:,.0f} words/s (recognise + unify, one core)")
    if args.ecb:
        ecb = [
            Article(id=str(i), source="", title="", paragraphs=tuple(filter(None, json.loads(line)["text"].split("\n"))))
            for i, line in enumerate(args.ecb.read_text(encoding="utf-8").splitlines())
        ]
        words = sum(len(p.split()) for a in ecb for p in a.paragraphs)
        print(f"ECB+ throughput: {throughput(ecb):,.0f} words/s over {len(ecb)} articles, {words:,} words")


if __name__ == "__main__":
    main()
