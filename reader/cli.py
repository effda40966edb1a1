"""The `reader` command: open the reader, or export the analysis.

    reader [PATH|URL ...]                    open the reader (no PATH: the archive, or the seeds the first time)
    reader --seeds                           open the bundled seeds
    reader export [--format json|markdown] [PATH|URL ...]
    reader feeds add|import|list|remove ...  feed subscriptions (see `reader feeds --help`)
    reader fetch                             fetch every subscribed feed into the archive
    reader cache clear                       forget every cached analysis
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from . import __version__
from .terminal import path_text, printable

if TYPE_CHECKING:
    from .analysis.model import Corpus, Problem
    from .run.pool import Workers
    from .storage.cache import AnalysisCache

COMMANDS = ("export", "cache", "feeds", "fetch")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH|URL",
        help="article files, folders or web addresses (default: the archive of fetched articles, else the bundled seeds)",
    )
    parser.add_argument("--seeds", action="store_true", help="open the bundled seed articles")
    parser.add_argument(
        "--max-size",
        type=float,
        default=5.0,
        metavar="MB",
        help="refuse files larger than this many megabytes (default: 5)",
    )
    parser.add_argument("--no-cache", action="store_true", help="analyse from scratch; neither read nor write the cache")
    parser.add_argument(
        "--executor",
        metavar="dask://HOST:PORT",
        help="run the per-article work on a Dask cluster (needs the dask extra) instead of this machine's cores",
    )


def build_parser(command: str | None) -> argparse.ArgumentParser:
    """The parser for the app (command None) or for one subcommand."""
    if command == "cache":
        parser = argparse.ArgumentParser(prog="reader cache", description="Manage the analysis cache.")
        parser.add_argument("action", choices=("clear",), help="clear: forget every cached analysis")
        return parser
    if command == "export":
        parser = argparse.ArgumentParser(prog="reader export", description="Print the analysis of the articles.")
        parser.add_argument("--format", choices=("json", "markdown"), default="json", help="output format (default: json)")
    else:
        parser = argparse.ArgumentParser(
            prog="reader",
            description="Read and compare news articles. Subcommands: export, feeds, fetch, cache clear (see `reader feeds --help`).",
        )
        parser.add_argument("--version", action="version", version=f"reader {__version__}")
    _common(parser)
    return parser


def _paths(args: argparse.Namespace) -> tuple[list[Path], list[Problem]]:
    """What to open, and why any web address could not be: URLs are fetched into the archive first."""
    from reader.sources.files import bundled_seeds

    if args.seeds:
        return [bundled_seeds()], []
    urls = [argument for argument in args.paths if argument.partition(":")[0].lower() in ("http", "https")]
    paths = [Path(argument) for argument in args.paths if argument not in urls]
    problems: list[Problem] = []
    if urls:
        from reader.fetch.pages import fetch_pages
        from reader.fetch.web import Limits
        from reader.storage.archive import Archive

        with Archive() as archive:
            fetched, problems = fetch_pages(archive, urls, Limits(max_bytes=_max_bytes(args)))
        paths += fetched
    if not args.paths:
        paths = [_archive_folder() or bundled_seeds()]
    return paths, problems


def _archive_folder() -> Path | None:
    """The archive's folder of fetched articles when it holds any (checked without opening the database)."""
    from reader.storage.archive import default_data_dir

    folder = default_data_dir() / "articles"
    try:
        return folder if any(entry.suffix == ".html" for entry in folder.iterdir()) else None
    except OSError:
        return None


def _cache(args: argparse.Namespace) -> AnalysisCache:
    from .storage.cache import AnalysisCache

    return AnalysisCache.disabled() if args.no_cache else AnalysisCache()


def _max_bytes(args: argparse.Namespace) -> int:
    """The size limit per file, `--max-size` megabytes."""
    return int(args.max_size * 1024 * 1024)


def _small_from_cache(args: argparse.Namespace, paths: Sequence[Path]) -> tuple[Corpus | None, str | None]:
    """A small corpus read from the cache unchanged, so the first frame shows its list and text
    (None: analyse as usual), and the files' fingerprint taken to find it."""
    if args.no_cache:
        return None, None
    from .run.pipeline import unchanged_small
    from .storage.cache import AnalysisCache

    cache = AnalysisCache()
    try:
        return unchanged_small(paths, cache, max_bytes=_max_bytes(args))
    finally:
        cache.close()


def _workers(args: argparse.Namespace) -> tuple[Workers | None, Callable[[], None]]:
    """Where the per-article work runs (a named executor, or None for this machine's cores),
    and how to let go of it afterwards."""
    if not args.executor:
        return None, lambda: None
    from .run.executors import open_executor
    from .run.pool import Workers

    executor, close = open_executor(args.executor)
    return Workers(executor), close


def export(args: argparse.Namespace) -> int:
    """Analyse and print; problems also go to stderr so a pipeline shows them."""
    from reader.analysis.compare.corrections import apply_corrections
    from reader.run.pipeline import analyse

    from .export import write_json, write_markdown
    from .run.executors import ExecutorError
    from .storage.corrections import Corrections

    try:
        workers, let_go = _workers(args)
    except ExecutorError as error:
        print(f"reader: {printable(str(error))}", file=sys.stderr)
        return 1
    cache = _cache(args)
    try:
        paths, fetch_problems = _paths(args)
        corpus = analyse(paths, max_bytes=_max_bytes(args), cache=cache, workers=workers)
    finally:
        let_go()
    corpus = replace(corpus, problems=(*corpus.problems, *fetch_problems))
    corrections = Corrections()
    corpus = apply_corrections(corpus, corrections.all())  # the user's own grouping, as the reader shows it
    corrections.close()
    for notice in corrections.notices:
        print(f"reader: {notice}", file=sys.stderr)
    failed = _write(corpus, write_json if args.format == "json" else write_markdown)
    cache.close()  # the results are written while the output is made; notices include any trouble doing so
    for line in report_lines(cache.notices, corpus.problems):
        print(line, file=sys.stderr)
    if failed is not None:
        print(f"reader: cannot write the export: {printable(failed.strerror or str(failed))}", file=sys.stderr)
        return 1
    return 0 if corpus.articles else 1


def report_lines(notices: Sequence[str], problems: Sequence[Problem]) -> list[str]:
    """The lines `reader export` writes to stderr, shown literally (`reader.terminal.printable`):
    file names and messages may hold escape sequences, which must not reach the terminal."""
    said = [*notices, *(f"{p.severity}: {p.source}: {p.message}" for p in problems)]
    return [f"reader: {printable(text)}" for text in said]


def _write(corpus: Corpus, write: Callable[[Corpus, BinaryIO], None]) -> OSError | None:
    """Write the export to stdout as it is made; the error if stdout fails (a full disk, a closed pipe)."""
    try:
        write(corpus, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except OSError as error:
        # What is still buffered would fail again, as a traceback, when Python exits.
        sink = os.open(os.devnull, os.O_WRONLY)
        os.dup2(sink, sys.stdout.fileno())
        os.close(sink)
        return error
    return None


def missing_paths(args: argparse.Namespace) -> int:
    """Say which named paths do not exist; 1 if any, so the reader never opens on nothing by mistake."""
    files = [Path(a) for a in args.paths if a.partition(":")[0].lower() not in ("http", "https")]  # web addresses are fetched
    missing = [path for path in files if not path.exists()]
    for path in missing:
        print(f"reader: {path}: no such file or folder", file=sys.stderr)
    return 1 if missing else 0


def run_app(args: argparse.Namespace) -> int:
    if missing_paths(args):
        return 1
    from .run.executors import ExecutorError

    paths, problems = _paths(args)  # web addresses are fetched before the interface (and any worker) starts
    try:
        workers, let_go = _workers(args)
    except ExecutorError as error:
        print(f"reader: {printable(str(error))}", file=sys.stderr)
        return 1
    from .storage.state import ReadingState

    # Started first: its thread opens the state file while the interface is imported.
    state = ReadingState()
    corpus, fingerprint = _small_from_cache(args, paths)
    from .storage.corrections import Corrections
    from .ui.app import ReaderApp
    from .ui.keymap import keymap_path

    corrections = Corrections()
    try:
        ReaderApp(
            paths,
            corpus=corpus,
            fingerprint=fingerprint,
            max_bytes=_max_bytes(args),
            open_cache=lambda: _cache(args),
            state=state,
            workers=workers,
            corrections=corrections,
            problems=problems,
            keymap_path=keymap_path(),
        ).run()
    finally:
        state.close()  # waits for the last action to be written
        corrections.close()
        let_go()
    return 0


def clear_cache() -> int:
    from .storage.cache import AnalysisCache

    cache = AnalysisCache()
    cache.clear()
    print(f"reader: cache cleared ({printable(path_text(cache.path or ''))})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` console script."""
    from .run.collector import spare_the_collector

    spare_the_collector()  # before the interface is imported and drawn, which make many long-lived objects too
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    if command in ("feeds", "fetch"):
        from .fetch import commands

        return commands.feeds(argv[1:]) if command == "feeds" else commands.fetch(argv[1:])
    args = build_parser(command).parse_args(argv[1:] if command else argv)
    if command == "export":
        return export(args)
    if command == "cache":
        return clear_cache()
    return run_app(args)
