"""How many "same figure" passage links the seeds and the ECB+ dev set get, and on which figures.

A "same figure" link needs a figure in context (an amount, a count, a
percentage, a date); numbers that are names ("Q10", "F-35", "Flight 370") are
not figures (`reader.analysis.text.normalise`). Run it before and after a
change to that rule to see which links it gains or loses:

    .venv/bin/python benchmarks/figure_links.py [--data FILE] [--show N]

The ECB+ rows go through the whole pipeline as plain-text documents (one line
a block), in this process.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.analysis.model import Block, Corpus, Document
from reader.run import pipeline
from reader.run.pool import Workers
from reader.sources import files

DEFAULT_DATA = Path("/work/shared/data/ecbplus-dev.jsonl")


def ecb_documents(path: Path) -> list[Document]:
    """ECB+ rows as plain-text documents, blank lines between their lines so each is a paragraph."""
    documents = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        lines = [part.strip() for part in row["text"].split("\n") if part.strip()]
        blocks = tuple(Block(text) for part in lines for text in (part, ""))
        documents.append(Document(row["id"], row["id"], blocks, row["id"]))
    return documents


def figure_links(corpus: Corpus) -> Counter[str]:
    """The figures "same figure" links were made on, counted."""
    return Counter(
        link.why.removeprefix("same figure ").rsplit(" and ", 1)[0]
        for link in corpus.links
        if link.kind == "passage" and link.why.startswith("same figure")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=40, help="figures to list for each set")
    args = parser.parse_args()
    seeds, _ = files.load([files.bundled_seeds()])
    for name, documents in (("seeds", seeds), ("ECB+ dev", ecb_documents(args.data))):
        corpus = pipeline.analyse_documents(documents, workers=Workers(cores=1))
        found = figure_links(corpus)
        passages = sum(1 for link in corpus.links if link.kind == "passage")
        print(f"{name}: {len(documents)} articles, {passages} passage links, {sum(found.values())} by the same figure")
        for figure, count in sorted(found.items(), key=lambda item: (-item[1], item[0]))[: args.show]:
            print(f"  {count:3d}  {figure}")


if __name__ == "__main__":
    main()
