"""No worker outlives the reader: killing an export mid-analysis leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc's children lists."""
    found: set[int] = set()
    queue = [pid]
    while queue:
        parent = queue.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                continue
            queue.extend(children - found)
            found |= children
    return found


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def write_corpus(folder: Path, count: int) -> None:
    """`count` distinct articles made from the seeds: enough for the reader to start its workers."""
    folder.mkdir()
    texts = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for n in range(count):
        (folder / f"{n:05d}.txt").write_text(f"Report {n}\n\n{texts[n % len(texts)]}\n\nUpdate {n}.\n", "utf-8")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_killing_a_cold_export_leaves_no_process_behind(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 1500)
    command = [sys.executable, "-m", "reader", "export", "--no-cache", str(corpus)]
    export = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline and len(workers) < 2 and export.poll() is None:
            workers = descendants(export.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the export never started its workers"
        time.sleep(0.3)  # well into the analysis
        workers = descendants(export.pid)
        export.send_signal(sig)
        export.wait(timeout=30)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(alive(pid) for pid in workers):
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "workers outlived the export"
    finally:
        if export.poll() is None:
            export.kill()
        for pid in descendants(export.pid) if export.poll() is None else ():
            os.kill(pid, signal.SIGKILL)
