"""Quotations and who said them: detection needs only the paragraphs, attribution the unified entities."""

from __future__ import annotations

from reader.analysis.quotes.find import Scan, Scanned, detect, find_quotes, headline_quotes, scan_article

__all__ = ["Scan", "Scanned", "detect", "find_quotes", "headline_quotes", "scan_article"]
