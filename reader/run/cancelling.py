"""How a caller stops an analysis it no longer wants (the user quit, or asked for another one)."""

from __future__ import annotations

from collections.abc import Callable

Cancelled = Callable[[], bool]
"""Asked between steps of the analysis; True stops it with `AnalysisCancelled`."""


class AnalysisCancelled(Exception):
    """The caller no longer wants the analysis."""


def check(cancelled: Cancelled | None) -> None:
    """Stop with `AnalysisCancelled` if the caller said so."""
    if cancelled is not None and cancelled():
        raise AnalysisCancelled
