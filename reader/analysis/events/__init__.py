"""Grouping articles that report the same real-world occurrence, and naming each group."""

from __future__ import annotations

from reader.analysis.events.grouping import group_events

__all__ = ["group_events"]
