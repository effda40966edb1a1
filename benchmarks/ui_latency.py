"""How quickly the reader paints: start-up against a Textual hello-world, and key presses on a long article and a long list.

    python benchmarks/ui_latency.py [--runs 7] [--paragraphs 2000] [--articles 10000]

Start-up: each app runs in a real pseudo-terminal, and the clock stops when
the terminal has received a frame containing the app's text. Both apps are
measured alternately in the same run, so machine load affects them alike.
Both run from bytecode, as after `pip install`: the reader package is
compiled first, because an editable checkout run with PYTHONDONTWRITEBYTECODE
set would otherwise be compiled from source at every start (about 40 ms).

Key presses: the reader runs headless on a generated corpus of two articles
of N paragraphs, linked to each other, then on one of M short articles in
events of five (moves in the focused list, and filter keystrokes, each of
which narrows the whole list); the key is posted to the app as the
terminal driver posts it. Reported: the first frame after the key (the
text has moved or the other article is on screen), the settled frame (the
links panel and list have caught up) and the CPU time the process spent
until then.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELLO = """
from textual.app import App
from textual.widgets import Static
class Hello(App):
    def compose(self):
        yield Static("Hello, World!")
Hello().run()
"""
READER = """
import sys
from reader.cli import main
sys.exit(main(sys.argv[1:]))
"""
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\\\)|\x1b.")


def time_to_text(code: str, marker: bytes, size: tuple[int, int] = (120, 40), timeout: float = 30.0) -> float:
    """Seconds from spawning `python -c code` in a pty until `marker` appears on its screen."""
    return times_to_text(code, [marker], size, timeout)[0]


RECENT = 1 << 18
"""Bytes of output searched for a marker: a whole screen's redraw, without rescanning a long run's output."""


def times_to_text(code: str, markers: Sequence[bytes], size: tuple[int, int] = (120, 40), timeout: float = 30.0) -> list[float]:
    """Seconds from spawning `python -c code` in a pty until each of `markers`, in turn, appears on its screen."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the app
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", code])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
    recent = b""
    found: list[float] = []
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            recent = (recent + chunk)[-RECENT:]
            shown = ANSI.sub(b"", recent)
            while markers[len(found)] in shown:
                found.append(time.perf_counter() - start)
                if len(found) == len(markers):
                    return found
        raise RuntimeError(f"{markers[len(found)]!r} never appeared")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def compile_reader() -> None:
    """Write the reader's bytecode next to its sources, as an install does (no-op when current)."""
    import reader

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)


def startup(runs: int) -> dict[str, float]:
    """Median first-paint times of the hello-world and of the reader on the bundled seeds."""
    compile_reader()
    hello: list[float] = []
    first: list[float] = []
    loaded: list[float] = []
    time_to_text(HELLO, b"Hello, World!")  # warm the file cache for both
    time_to_text(READER, b"Articles")
    for _ in range(runs):
        hello.append(time_to_text(HELLO, b"Hello, World!"))
        first.append(time_to_text(READER, b"Articles"))
        # The first frame shows the panels while the analysis runs; this is when the text is there.
        loaded.append(time_to_text(READER, "¶ ".encode()))
    return {
        "hello_world_first_paint_ms": statistics.median(hello) * 1000,
        "reader_first_paint_ms": statistics.median(first) * 1000,
        "reader_seeds_shown_ms": statistics.median(loaded) * 1000,
    }


def long_corpus(paragraphs: int):  # type: ignore[no-untyped-def]
    from reader.analysis.model import Anchor, Article, Corpus, EntityMention, Link

    body = tuple(
        f"Paragraph {n}: the committee heard evidence from Dana Reyes about the harbour, the budget "
        f"and the schedule of works, and several members asked detailed questions about item {n}."
        for n in range(paragraphs)
    )
    mentions = tuple(EntityMention(n, body[n].index("Dana"), body[n].index("Dana") + 10, "Dana Reyes", "PERSON", "p") for n in range(paragraphs))
    first = Article(id="a", source="a.txt", title="A long report", paragraphs=body, outlet="Record", entities=mentions)
    second = Article(id="b", source="b.txt", title="Another long report", paragraphs=body, outlet="Journal", entities=mentions)
    links = tuple(Link("passage", 0.9, Anchor("a", n), Anchor("b", (n * 7) % paragraphs)) for n in range(paragraphs))
    return Corpus(articles=(first, second), links=links)


def many_articles(count: int):  # type: ignore[no-untyped-def]
    """`count` short articles in events of five, for keys in a long article list."""
    from reader.analysis.model import Article, Corpus, Event

    articles = tuple(
        Article(
            id=f"a{n:05d}",
            source=f"a{n:05d}.txt",
            title=f"Report {n} on the harbour works",
            paragraphs=(f"Report {n} on the works.", f"The harbour works went on in week {n % 52}.", "Nothing else happened."),
            outlet="Wire",
        )
        for n in range(count)
    )
    events = tuple(
        Event(f"e{n}", f"Harbour works, part {n}", f"20{n % 30:02d}-01-01", tuple(a.id for a in articles[n * 5 : n * 5 + 5]))
        for n in range(count // 5)
    )
    return Corpus(articles=articles, events=events)


async def key_latency(paragraphs: int, presses: int, articles: int) -> dict[str, float]:
    """Median and worst key-to-frame times for paragraph moves and link following in a long
    article, for moves and filter keystrokes in a long article list, and for the list of
    search hits across it."""
    summary = await _key_latency(long_corpus(paragraphs), presses, long_article=True)
    summary.update(await _key_latency(many_articles(articles), presses, long_article=False))
    return summary


def record_frames(app) -> list[tuple[float, float]]:  # type: ignore[no-untyped-def]
    """A list that gets the wall and CPU time of every frame `app` draws from now on."""
    frames: list[tuple[float, float]] = []
    display = app._display

    def timed_display(screen, renderable):  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if renderable is not None:
            frames.append((time.perf_counter(), time.process_time()))

    app._display = timed_display
    return frames


async def _key_latency(corpus, presses: int, *, long_article: bool) -> dict[str, float]:  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT))
    from textual import events

    from reader.run.collector import spare_the_collector
    from reader.ui.app import ReaderApp

    # The app loads every corpus through the runner, which sets the collector's thresholds
    # (`collector.spare_the_collector`); a corpus handed in directly, as here, needs them set
    # too, or full collections over its objects land in the middle of key presses.
    spare_the_collector()
    app = ReaderApp([], corpus=corpus)
    frames = record_frames(app)

    async def measure(pilot, key: str) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
        """Post the key as the terminal driver would, then wait for the frames to settle."""
        await pilot.pause(0.05)
        frames.clear()
        start, start_cpu = time.perf_counter(), time.process_time()
        app.post_message(events.Key(key, key if len(key) == 1 else None))
        while time.perf_counter() - start < 8:  # a busy machine can take seconds
            await asyncio.sleep(0.001)
            if frames and time.perf_counter() - frames[-1][0] > 0.05:
                break
        if not frames:
            return float("nan"), float("nan"), float("nan")
        end, end_cpu = frames[-1]
        # First frame: the text has moved; last frame: the side panel has caught up too.
        return (frames[0][0] - start) * 1000, (end - start) * 1000, (end_cpu - start_cpu) * 1000

    results: dict[str, list[tuple[float, float, float]]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        if long_article:
            results = {"paragraph_move": [], "link_follow": [], "back": [], "shared_words": []}
            app.main.view.move_to(len(corpus.articles[0].paragraphs) // 2)  # far from either end
            for n in range(presses):
                results["paragraph_move"].append(await measure(pilot, "j" if n % 4 != 3 else "k"))
            for _ in range(presses):
                results["link_follow"].append(await measure(pilot, "enter"))
                results["back"].append(await measure(pilot, "b"))
                await measure(pilot, "j")
            for _ in range(presses // 2):
                # Tab into the links panel: the words the chosen link shares are tinted in the text;
                # Shift+Tab back: they are not.
                results["shared_words"].append(await measure(pilot, "tab"))
                results["shared_words"].append(await measure(pilot, "shift+tab"))
        else:
            results = {"list_move": [], "list_filter_key": [], "search_results": [], "search_results_all": []}
            app.main.article_list.entries.focus()
            await pilot.pause()
            for n in range(presses):
                results["list_move"].append(await measure(pilot, "down" if n % 4 != 3 else "up"))
            await pilot.press("l")  # the filter input
            await pilot.pause()
            for _ in range(presses // 2):
                # One keystroke of the filter narrows the whole list; Backspace widens it again.
                results["list_filter_key"].append(await measure(pilot, "7"))
                results["list_filter_key"].append(await measure(pilot, "backspace"))
            await pilot.press("escape")
            # The app builds the search text on its worker thread with the index; a corpus
            # handed in directly, as here, has it built now, as the app would have.
            app.main.index.prepare_search()
            # Enter in the search prompt until the list of hits is on screen: a term in a few
            # articles, and one in every article (10,000 hits).
            for term, name in (("report 4321", "search_results"), ("harbour", "search_results_all")):
                for _ in range(max(3, presses // 8)):
                    await pilot.press("slash", *term)
                    await pilot.pause()
                    results[name].append(await measure(pilot, "enter"))
                    await pilot.press("escape", "escape")
    # Wall time includes waiting for the CPU on a busy machine; CPU time is the work itself.
    summary: dict[str, float] = {}
    for name, pairs in results.items():
        columns = (("first_frame", 0), ("settled", 1), ("cpu", 2))
        for label, column in columns:
            times = [p[column] for p in pairs]
            summary[f"{name}_{label}_median_ms"] = statistics.median(times)
            summary[f"{name}_{label}_p90_ms"] = sorted(times)[int(len(times) * 0.9) - 1]
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per app (default 7)")
    parser.add_argument("--paragraphs", type=int, default=2000, help="paragraphs in the long article (default 2000)")
    parser.add_argument("--presses", type=int, default=40, help="key presses per measurement (default 40)")
    parser.add_argument("--articles", type=int, default=10000, help="articles in the long list (default 10000)")
    parser.add_argument("--keys-only", action="store_true", help="key presses only, no start-up runs")
    args = parser.parse_args()
    os.chdir(ROOT)
    figures: dict[str, float] = {}
    if not args.keys_only:
        figures = startup(args.runs)
        # The target: the articles and the first article's text on screen, against a hello-world's first paint.
        figures["startup_ratio"] = figures["reader_seeds_shown_ms"] / figures["hello_world_first_paint_ms"]
    figures.update(asyncio.run(key_latency(args.paragraphs, args.presses, args.articles)))
    for name, value in figures.items():
        print(f"{name:32} {value:8.2f}")


if __name__ == "__main__":
    main()
