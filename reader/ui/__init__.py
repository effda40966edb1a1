"""The Textual shell of the reader: it displays a `Corpus` and computes nothing itself."""

from .app import ReaderApp

__all__ = ["ReaderApp"]
