"""Executors named on the command line: where the per-article work of a large archive may run.

`--executor dask://HOST:PORT` hands every chunk of per-article and per-event
work to a running Dask cluster through `distributed.Client(...).get_executor()`,
which has the standard `concurrent.futures.Executor` interface, so the runner
treats it like its own process pool. The corpus stages still run in this
process (see docs/scale.md for what a cluster would need beyond that).
Dask is an optional extra: `pip install 'reader[dask]'`.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from urllib.parse import urlsplit

SCHEMES = ("dask",)


class ExecutorError(Exception):
    """The executor named cannot be used (bad address, missing extra, cluster unreachable)."""


def open_executor(address: str) -> tuple[Executor, Callable[[], None]]:
    """The executor `address` names, and how to let go of it when the analysis is done."""
    parts = urlsplit(address)
    if parts.scheme not in SCHEMES or not parts.hostname or parts.port is None:
        raise ExecutorError(f"{address!r} is not an executor address; expected dask://HOST:PORT")
    try:
        from distributed import Client
    except ImportError as error:
        raise ExecutorError("the Dask executor needs the dask extra: pip install 'reader[dask]'") from error
    try:
        client = Client(f"tcp://{parts.hostname}:{parts.port}", timeout="10s")
    except OSError as error:
        raise ExecutorError(f"cannot reach the Dask scheduler at {parts.hostname}:{parts.port}: {error}") from error
    return client.get_executor(), client.close
