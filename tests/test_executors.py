"""The per-article work on any `concurrent.futures` executor: a Dask cluster gives the same corpus."""

from __future__ import annotations

import io
import sys
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest

from reader import cli
from reader.run import pipeline
from reader.run.executors import ExecutorError, open_executor
from reader.run.pool import Workers

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class Counting(Executor):
    """Wraps an executor and counts what is handed to it."""

    def __init__(self, inner: Executor) -> None:
        self.inner = inner
        self.submitted = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.submitted += 1
        return self.inner.submit(fn, *args, **kwargs)


@pytest.fixture(scope="module")
def cluster() -> Any:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, protocol="tcp://", host="127.0.0.1", dashboard_address=None
    ) as local:
        yield local


def test_a_dask_cluster_analyses_the_seeds_as_this_machine_does(cluster: Any) -> None:
    from distributed import Client

    here = pipeline.analyse([SEEDS])
    with Client(cluster) as client:
        executor = Counting(client.get_executor())
        there = pipeline.analyse([SEEDS], workers=Workers(executor))
    assert there == here
    # Five articles are far too few for this machine's own pool, but a named executor gets every chunk.
    assert executor.submitted >= 5


def test_the_command_line_names_a_dask_cluster(cluster: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    address = cluster.scheduler_address.removeprefix("tcp://")
    outputs = []
    for extra in ([], ["--executor", f"dask://{address}"]):
        buffer = io.BytesIO()
        monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(buffer, encoding="utf-8"))
        assert cli.main(["export", "--no-cache", *extra, str(SEEDS)]) == 0
        sys.stdout.flush()
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 10_000


@pytest.mark.parametrize("address", ["dask://", "http://example.org:80", "dask://host-without-port"])
def test_a_bad_executor_address_is_a_clear_message(address: str) -> None:
    with pytest.raises(ExecutorError, match="executor address"):
        open_executor(address)


def test_an_unreachable_cluster_is_one_line_and_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("distributed")
    assert cli.main(["export", "--executor", "dask://127.0.0.1:9", str(SEEDS)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("reader: cannot reach the Dask scheduler") and err.count("\n") == 1
