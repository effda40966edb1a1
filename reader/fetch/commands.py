"""`reader feeds add|import|list|remove` and `reader fetch`: subscriptions and the archive from the shell.

    reader feeds add URL [URL ...]      subscribe
    reader feeds import FILE.opml       subscribe to every feed an OPML file lists
    reader feeds list                   subscriptions, with articles stored and the last error
    reader feeds remove URL [URL ...]   unsubscribe (stored articles stay)
    reader fetch [--max-size MB]        fetch every subscription into the archive
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from reader.fetch.web import Limits


def feeds_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader feeds", description="Manage feed subscriptions.")
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="subscribe to feeds")
    add.add_argument("urls", nargs="+", metavar="URL")
    imported = actions.add_parser("import", help="subscribe to every feed in an OPML file")
    imported.add_argument("file", type=Path, metavar="FILE.opml")
    actions.add_parser("list", help="list subscriptions")
    remove = actions.add_parser("remove", help="unsubscribe (stored articles stay)")
    remove.add_argument("urls", nargs="+", metavar="URL")
    return parser


def fetch_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader fetch", description="Fetch every subscribed feed into the archive.")
    parser.add_argument("--max-size", type=float, default=5.0, metavar="MB", help="refuse pages larger than this (default: 5)")
    return parser


def opml_feeds(path: Path) -> list[tuple[str, str | None]]:
    """(address, title) of every feed an OPML file lists, in its order."""
    tree = ElementTree.parse(path)  # the standard parser fetches no external entity
    return [
        (outline.get("xmlUrl", "").strip(), outline.get("title") or outline.get("text"))
        for outline in tree.iter("outline")
        if outline.get("xmlUrl", "").strip()
    ]


def _articles(count: int) -> str:
    return f"{count} article" if count == 1 else f"{count} articles"


def feeds(argv: list[str]) -> int:
    """Run `reader feeds ...`."""
    from reader.fetch.feeds import now
    from reader.fetch.pages import is_url
    from reader.storage.archive import Archive

    args = feeds_parser().parse_args(argv)
    with Archive() as archive:
        if args.action == "list":
            counts = archive.feed_counts()
            for feed in archive.subscriptions():
                state = f"failed: {feed.error}" if feed.error else f"checked {feed.checked}" if feed.checked else "not fetched yet"
                print(f"{feed.url}\t{feed.title or ''}\t{_articles(counts.get(feed.url, 0))}\t{state}")
            return 0
        if args.action == "import":
            try:
                listed = opml_feeds(args.file)
            except (OSError, ElementTree.ParseError) as error:
                print(f"reader: cannot read {args.file}: {error}", file=sys.stderr)
                return 1
            added = sum(archive.subscribe(url, now(), title) for url, title in listed)
            print(f"reader: {added} feeds added ({len(listed) - added} already subscribed)")
            return 0
        status = 0
        for url in args.urls:
            if args.action == "add" and not is_url(url):
                print(f"reader: not a web address (http or https): {url}", file=sys.stderr)
                status = 1
            elif args.action == "add":
                print(f"reader: {'subscribed to' if archive.subscribe(url, now()) else 'already subscribed to'} {url}")
            elif archive.unsubscribe(url):
                print(f"reader: unsubscribed from {url}")
            else:
                print(f"reader: not subscribed to {url}", file=sys.stderr)
                status = 1
        return status


def fetch(argv: list[str]) -> int:
    """Run `reader fetch`: progress and problems on stderr, the summary line last."""
    from reader.fetch.feeds import fetch_feeds
    from reader.storage.archive import Archive

    args = fetch_parser().parse_args(argv)
    with Archive() as archive:
        if not archive.subscriptions():
            print("reader: no subscriptions yet; add one with `reader feeds add URL`", file=sys.stderr)
            return 1

        def progress(done: int, total: int) -> None:
            print(f"\rreader: {done}/{total} feeds", end="\n" if done == total else "", file=sys.stderr, flush=True)

        interactive = sys.stderr.isatty()  # a counter that rewrites its line is noise in a log
        report = fetch_feeds(archive, Limits(max_bytes=int(args.max_size * 1024 * 1024)), progress if interactive else None)
    for problem in report.problems:
        print(f"reader: {problem.severity}: {problem.source}: {problem.message}", file=sys.stderr)
    print(f"reader: {report.summary()}")
    return 0 if report.failed < report.feeds or not report.feeds else 1
