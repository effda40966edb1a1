"""From a copied page to clean paragraphs and metadata, keeping every line it removed and why."""

from __future__ import annotations

from reader.analysis.clean.cleaner import clean, normalise, wrap_width
from reader.analysis.clean.duplicates import drop_duplicates

__all__ = ["clean", "drop_duplicates", "normalise", "wrap_width"]
