"""Do recognition and unification find exactly what they found before a change to how they run?

    python benchmarks/entities_identical.py save FILE    # before: write every mention and entity to FILE
    python benchmarks/entities_identical.py check FILE   # after: compare, and say where they differ

For changes meant to make the entity stages faster without changing what they find. The
corpora are the entity development sets (GMB prefix, UNER EWT dev, UNER PUD; see DEVDATA.md)
and the ECB+ development articles, in that order, in one process as the runner would see them
(`recognise` remembers analyses across articles). Each line is one article's mentions after
recognition, then after unification, then each corpus's entity table.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections.abc import Iterator
from dataclasses import astuple, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devsets

from reader.analysis.model import Article
from reader.analysis.names import recognise, unify

ECB = Path("/work/shared/data/ecbplus-dev.jsonl")


def _corpora() -> dict[str, list[Article]]:
    corpora = {s.name: s.articles for s in devsets.entity_sets()}
    corpora["ecb"] = [
        Article(id=str(i), source="", title="", paragraphs=tuple(filter(None, json.loads(line)["text"].split("\n"))))
        for i, line in enumerate(ECB.read_text(encoding="utf-8").splitlines())
    ]
    return corpora


def lines() -> Iterator[str]:
    """One JSON line per article and stage, then one per entity."""
    for name, articles in _corpora().items():
        found = [replace(a, entities=recognise(a.paragraphs)) for a in articles]
        for a in found:
            yield json.dumps([name, a.id, "recognised", [astuple(m) for m in a.entities]])
        unified, table = unify(found)
        for a in unified:
            yield json.dumps([name, a.id, "unified", [astuple(m) for m in a.entities]])
        for entity in table:
            yield json.dumps([name, "entity", astuple(entity)])


def main() -> int:
    action, path = sys.argv[1], Path(sys.argv[2])
    now = list(lines())
    if action == "save":
        path.write_text("\n".join(now) + "\n", encoding="utf-8")
        print(f"saved {len(now):,} lines to {path}")
        return 0
    saved = path.read_text(encoding="utf-8").splitlines()
    if saved == now:
        print(f"identical ({len(now):,} lines)")
        return 0
    diff = list(difflib.unified_diff(saved, now, "before", "after", n=0, lineterm=""))
    print(f"DIFFERS ({len(diff)} diff lines)")
    print("\n".join(line[:300] for line in diff[:40]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
