"""Paired throughput of entity recognition plus unification: this checkout against another.

    python benchmarks/entities_speed.py OTHER_CHECKOUT [--rounds 5] [--gmb CSV] [--ecb JSONL]

The machine is shared and its speed drifts within minutes, so the two versions run in turns:
each round measures one checkout, then the other (the order flips every round), each in a
fresh process that imports its own `reader`. A measure is words per CPU second of one process
(best of three passes) over the GMB prefix and over ECB+ dev. Prints each version's median and
best, and the per-round ratios (this checkout / the other).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
GMB = Path("/work/devdata/gmb/ner_dataset.csv")
ECB = Path("/work/shared/data/ecbplus-dev.jsonl")


def measure(checkout: Path, gmb: Path, ecb: Path) -> dict[str, float]:
    """Words/s of `checkout`'s recogniser and unifier on both corpora, in this process."""
    sys.path[:0] = [str(checkout), str(checkout / "benchmarks")]
    import entities_eval

    from reader.analysis.model import Article
    from reader.analysis.names import recognise, unify

    recognise(("warm-up",))
    articles, _ = entities_eval.build(gmb, "all")
    lines = ecb.read_text(encoding="utf-8").splitlines()
    ecb_articles = [
        Article(id=str(i), source="", title="", paragraphs=tuple(filter(None, json.loads(line)["text"].split("\n"))))
        for i, line in enumerate(lines)
    ]
    unify([replace(a, entities=recognise(a.paragraphs)) for a in articles])
    return {"gmb": entities_eval.throughput(articles), "ecb": entities_eval.throughput(ecb_articles)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other", type=Path, nargs="?")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--gmb", type=Path, default=GMB)
    parser.add_argument("--ecb", type=Path, default=ECB)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.gmb, args.ecb)))
        return
    if args.other is None:
        parser.error("give the other checkout")
    runs: dict[str, list[dict[str, float]]] = {"this": [], "other": []}
    for r in range(args.rounds):
        order = [("this", HERE), ("other", args.other.resolve())]
        for name, checkout in order if r % 2 == 0 else order[::-1]:
            cmd = [sys.executable, __file__, "--measure", str(checkout), "--gmb", str(args.gmb), "--ecb", str(args.ecb)]
            out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=checkout).stdout
            runs[name].append(json.loads(out.splitlines()[-1]))
        print(f"round {r + 1}: " + "  ".join(f"{n} gmb {runs[n][-1]['gmb']:,.0f} ecb {runs[n][-1]['ecb']:,.0f}" for n in runs))
    for corpus in ("gmb", "ecb"):
        this = [x[corpus] for x in runs["this"]]
        other = [x[corpus] for x in runs["other"]]
        ratios = [a / b for a, b in zip(this, other)]
        print(
            f"{corpus}: this median {statistics.median(this):,.0f} best {max(this):,.0f} words/s; "
            f"other median {statistics.median(other):,.0f} best {max(other):,.0f}; "
            f"ratio median {statistics.median(ratios):.3f} ({', '.join(f'{x:.2f}' for x in ratios)})"
        )


if __name__ == "__main__":
    main()
