"""Messages the analysis worker sends to the screens (posted from its thread, handled on the UI's)."""

from __future__ import annotations

from textual.message import Message

from .lookup import CorpusIndex


class AnalysisProgressed(Message):
    """`done` of `total` articles have been analysed."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        # A burst of progress ticks collapses into the latest one.
        return isinstance(message, AnalysisProgressed)


class ArticlesArrived(Message):
    """Part of a corpus to show while the rest is worked out: articles cleaned so far, or text read from the cache."""

    def __init__(self, index: CorpusIndex) -> None:
        super().__init__()
        self.index = index
        """Built on the worker's thread, so the UI thread only has to display it."""

    def can_replace(self, message: Message) -> bool:
        # Each message holds everything known so far, so only the latest matters.
        return isinstance(message, ArticlesArrived)


class AnalysisFinished(Message):
    """The analysis produced a corpus to display."""

    def __init__(self, index: CorpusIndex) -> None:
        super().__init__()
        self.index = index
        """Built on the worker's thread, so the UI thread only has to display it."""


class AnalysisFailed(Message):
    """The analysis raised; the reader shows the error instead of crashing."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
