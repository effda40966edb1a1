"""Links between paragraphs: the same quotation, the same fact, a reference to another event."""

from __future__ import annotations

from reader.analysis.links.linking import Groundwork, event_links, find_links, lay_groundwork, quote_score

__all__ = ["Groundwork", "event_links", "find_links", "lay_groundwork", "quote_score"]
