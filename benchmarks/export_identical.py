"""Does the export of a fixed corpus stay byte for byte what it was?

    python benchmarks/export_identical.py save DIR    # before a refactoring: write the exports to DIR
    python benchmarks/export_identical.py check DIR   # after it: compare, and say where they differ

Two corpora, of different kinds: the bundled seeds (copied web pages) and the
413 ECB+ development articles (one sentence a line), written to DIR/ecb as
files first. Both are exported as JSON and Markdown with `--no-cache`, in a
fresh process, as a user would run it.
"""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ECB = Path("/work/shared/data/ecbplus-dev.jsonl")


def _corpora(folder: Path) -> dict[str, Path]:
    ecb = folder / "ecb"
    if not ecb.is_dir():
        ecb.mkdir(parents=True)
        for line in ECB.read_text("utf-8").splitlines():
            row = json.loads(line)
            (ecb / f"{row['id']}.txt").write_text(row["text"].strip() + "\n", "utf-8")
    return {"seeds": Path("seeds"), "ecb": ecb}  # seeds relative to ROOT, so any checkout exports the same sources


def _export(corpus: Path, form: str) -> bytes:
    command = [sys.executable, "-m", "reader", "export", "--no-cache", "--format", form, str(corpus)]
    return subprocess.run(command, capture_output=True, check=False, cwd=ROOT).stdout


def main() -> int:
    action, folder = sys.argv[1], Path(sys.argv[2])
    differ = 0
    for name, corpus in _corpora(folder).items():
        for form, suffix in (("json", "json"), ("markdown", "md")):
            saved = folder / f"{name}.{suffix}"
            now = _export(corpus, form)
            if action == "save":
                saved.write_bytes(now)
                continue
            if saved.read_bytes() == now:
                print(f"{name} {form}: identical ({len(now):,} bytes)")
                continue
            differ += 1
            old, new = saved.read_text("utf-8").splitlines(), now.decode("utf-8").splitlines()
            diff = list(difflib.unified_diff(old, new, "before", "after", n=1, lineterm=""))
            print(f"{name} {form}: DIFFERS ({len(diff)} diff lines)")
            print("\n".join(diff[:60]))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
