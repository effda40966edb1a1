"""How fast web articles come in: extraction per core, and fetching feeds over a slow network.

    python benchmarks/sources_bench.py [--runs 3] [--pages 300] [--hosts 20]

1. Extraction: `reader.sources.html.extract` on typical article pages, one
   process, so the figure is pages per second per core. A typical page here is
   an ECB+ news text (real reporting) set in a page of 60-120 KB with what news
   sites carry around it: navigation, scripts, inline JSON, ads, related links,
   a newsletter box and reader comments.
2. Fetching: 20 feeds of 25 entries (500 articles) from 20 loopback servers,
   one per outlet at 127.0.0.2-21 (all loopback on Linux), each answer delayed
   50-200 ms, with `reader fetch`'s own code into an empty archive. The floor
   printed beside the time is what the per-host limit alone imposes: the
   busiest host's total latency divided by the requests it may have in flight.
   A second run on a single host shows the limit, not the client, sets the pace.

Medians of `--runs` runs; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import html
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from loopback import Loopback, Reply, feed_reply  # noqa: E402

from reader.fetch.feeds import fetch_feeds  # noqa: E402
from reader.sources.html import extract  # noqa: E402
from reader.fetch.web import Limits  # noqa: E402
from reader.storage.archive import Archive  # noqa: E402

ECB = Path("/work/shared/data/ecbplus-dev.jsonl")
LATENCY = (0.05, 0.2)


def texts(count: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of `count` distinct stories from ECB+ (numbered, so none is a duplicate)."""
    rows = [json.loads(line) for line in ECB.read_text("utf-8").splitlines()]
    stories = []
    for number in range(count):
        lines = [line for line in rows[number % len(rows)]["text"].split("\n") if line.strip()]
        stories.append((f"{lines[0][:80]} ({number})", [*lines[1:], f"This is story number {number} of the benchmark."]))
    return stories


def page(title: str, paragraphs: list[str], number: int) -> bytes:
    """A news page as sites serve them: the story amid menus, scripts, ads, related links and comments."""
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    related = "".join(f'<li><a href="/story/{number}-{i}">Another headline about the day number {i}</a></li>' for i in range(25))
    comments = "".join(
        f'<div class="comment"><span class="user">reader{i}</span><p>I think this is comment {i}, and I disagree with most of it.</p></div>'
        for i in range(30)
    )
    script = "<script>window.dataLayer=window.dataLayer||[];" + "var x=" + json.dumps({"k": list(range(800))}) + ";</script>"
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)} | Benchmark News</title>"
        f"<meta property='og:site_name' content='Benchmark News'><meta name='author' content='Staff Reporter'>"
        f"<meta property='article:published_time' content='2024-05-{1 + number % 28:02d}T10:00:00Z'>{script * 6}"
        f"<style>{'.c{color:red}' * 400}</style></head><body><header><nav><ul>{menu}</ul></nav></header>"
        f"<div class='ad'>ADVERTISEMENT</div><main><article><h1>{html.escape(title)}</h1>"
        f"<p class='byline'>By Staff Reporter</p>{body}</article>"
        f"<aside><h3>Related</h3><ul>{related}</ul></aside></main>"
        f"<section id='comments'><h2>Comments</h2>{comments}</section>"
        f"<div class='newsletter'>Sign up for our newsletter</div><footer>{menu}<p>© 2024 Benchmark News</p></footer></body></html>"
    ).encode()


def bench_extraction(count: int, runs: int) -> tuple[float, float, int]:
    """Pages per second of CPU time (per core, whatever else the machine runs) and of wall time."""
    pages = [page(title, paragraphs, n) for n, (title, paragraphs) in enumerate(texts(count))]
    extract(pages[0])  # imports and warm caches are not what is measured
    cpu, wall = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        for data in pages:
            blocks, _ = extract(data)
            assert blocks
        cpu.append(count / (time.process_time() - used))
        wall.append(count / (time.perf_counter() - started))
    return statistics.median(cpu), statistics.median(wall), int(statistics.median(len(p) for p in pages))


def serve(hosts: list[str], per_feed: int) -> list[str]:
    """Start one server per host (in this process); feeds spread over them; returns the feed addresses."""
    servers = [Loopback(latency=LATENCY, host=host).__enter__() for host in hosts]
    stories = texts(20 * per_feed)
    feeds = []
    for f in range(20):
        server = servers[f % len(servers)]
        items = []
        for e in range(per_feed):
            number = f * per_feed + e
            title, paragraphs = stories[number]
            server.route(f"/story/{number}", Reply(page(title, paragraphs, number)))
            items.append(f"<item><title>{html.escape(title)}</title><link>{server.base}/story/{number}</link><guid>s{number}</guid></item>")
        body = f'<rss version="2.0"><channel><title>Outlet {f}</title>{"".join(items)}</channel></rss>'
        feeds.append(server.route(f"/feed/{f}.xml", feed_reply(body.encode())))
    return feeds


def bench_fetch(hosts: list[str], per_feed: int, runs: int, limits: Limits) -> tuple[float, float, int, float]:
    """Servers run in a child process, as a network would: they must not share this process's GIL."""
    command = [sys.executable, __file__, "--serve", ",".join(hosts), str(per_feed)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        feeds = json.loads(child.stdout.readline())  # type: ignore[union-attr]
        times, cpu = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder, Archive(Path(folder)) as archive:
                for url in feeds:
                    archive.subscribe(url, "2024-01-01T00:00:00+00:00")
                started, used = time.perf_counter(), time.process_time()
                report = fetch_feeds(archive, limits)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - used)
                assert report.new == 20 * per_feed and report.failed == 0, report.summary()
    finally:
        child.terminate()
        child.wait()
    requests = 20 * (per_feed + 1)
    floor = (requests / len(hosts)) * (sum(LATENCY) / 2) / limits.per_host
    return statistics.median(times), statistics.median(cpu), requests, floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--serve", nargs=2, metavar=("HOSTS", "PER_FEED"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.serve:  # the child process of `bench_fetch`
        print(json.dumps(serve(arguments.serve[0].split(","), int(arguments.serve[1]))), flush=True)
        threading.Event().wait()
    cpu, wall, size = bench_extraction(arguments.pages, arguments.runs)
    print(
        f"extraction: {cpu:.0f} pages per CPU-second on one core, {wall:.0f} per wall-clock second "
        f"(median page {size / 1024:.0f} KB, {arguments.pages} pages, median of {arguments.runs})"
    )
    limits = Limits()
    hosts = [f"127.0.0.{n}" for n in range(2, 22)]
    for label, where, runs in (("20 hosts", hosts, arguments.runs), ("1 host", ["127.0.0.1"], 1)):
        took, cpu, requests, floor = bench_fetch(where, 25, runs, limits)
        print(
            f"fetch, {label}: 500 articles from 20 feeds ({requests} requests, 50-200 ms each) in {took:.1f} s "
            f"({cpu:.1f} s of CPU in the fetching process); per-host floor {floor:.1f} s (limit {limits.per_host})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
