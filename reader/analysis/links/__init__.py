"""Links between paragraphs: the same quotation, the same fact, a reference to another event."""

from __future__ import annotations

from reader.analysis.links.linking import EventJob, Pieces, event_jobs, event_links, find_links, in_order, quote_score, slim

__all__ = ["EventJob", "Pieces", "event_jobs", "event_links", "find_links", "in_order", "quote_score", "slim"]
