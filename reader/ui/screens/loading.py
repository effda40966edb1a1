"""Putting an analysis on screen: partial lists while it runs, the finished corpus, its problems."""

from __future__ import annotations

from textual import on
from textual.widgets import Static

from ...analysis.model import Anchor, Corpus
from ..lookup import CorpusIndex
from ..messages import (
    AnalysisFailed,
    AnalysisFinished,
    AnalysisProgressed,
    ArticlesArrived,
)
from ..sanitize import printable
from ..widgets.progress_line import ProgressLine
from ..words import plural
from .navigation import NavigationScreen

EMPTY = """No articles here.

The reader reads plain-text (.txt) and Markdown (.md) articles in the files and
folders you name, searching folders recursively:

    reader ~/news/archive

Add articles to the folder and press R to read it again."""
"""What the text panel says when the folder holds no article."""


class LoadingScreen(NavigationScreen):
    """Shows each result the analysis worker posts, keeping the reader's place."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.finished = False
        """True once the complete analysis is on screen (later partial results are stale)."""
        self.newest_first = True
        """Events newest first in the list (`O` switches)."""

    def reloading(self) -> None:
        """The folders are being read again: take the coming results, keeping the reader's place."""
        self.finished = False
        progress = self.query_one(ProgressLine)
        progress.total = progress.done = 0
        progress.waiting = "Reading again…"
        progress.display = True

    def show_corpus(self, corpus: Corpus, *, final: bool = True) -> None:
        """Display an analysis, keeping the reader's place if the article still exists."""
        self.show_index(CorpusIndex(corpus, newest_first=self.newest_first), final=final)

    def show_index(self, index: CorpusIndex, *, final: bool = True) -> None:
        """`show_corpus` for a corpus whose lookups were built elsewhere (off this thread)."""
        if index.newest_first != self.newest_first:
            index = CorpusIndex(index.corpus, newest_first=self.newest_first)
        paragraph = self.view.paragraph
        self.index = index
        untouched = self.placed is not None and self.placed == Anchor(self.current_article or "", paragraph)
        if self.current_article not in index.articles or (final and untouched and not self.history.can_go_back):
            self._open_first(final)
        elif paragraph:
            self.view.move_to(paragraph, scroll="center", by_user=False)
        if final:
            self.finished = True
            self.query_one(ProgressLine).display = False
            self.show_problems(index.corpus)

    def _open_first(self, final: bool) -> None:
        """Open the list's first article (shown, not chosen: it counts as read once the user reads on in it)."""
        assert self.index is not None
        first = self.remembered_article() or self.article_list.neighbour(None, 0) or self.index.neighbour(None, 0)
        if first is None:
            self.current_article = None
            return
        self.go(self.resume(first), remember=False, chosen=False)
        self.placed = None if final else Anchor(first, self.view.paragraph)

    def show_problems(self, corpus: Corpus) -> None:
        """Say once how many files could not be read (`!` lists them), and show the empty state if nothing could."""
        empty = not corpus.articles
        if empty and not self.query("#empty"):
            # Made only for an empty folder: every start would otherwise style it, hidden.
            self.query_one("#centre").mount(Static(EMPTY, id="empty"))
        self.set_class(empty, "-empty")
        if corpus.problems:
            self.notify(self.problems_summary(len(corpus.problems)), title="Problems", severity="warning", markup=False, timeout=8)

    def problems_summary(self, count: int) -> str:
        """The one start-up notification about files that could not be read."""
        return f"{plural(count, 'file')} could not be read. Press ! to see which and why."

    @on(AnalysisProgressed)
    def _progressed(self, message: AnalysisProgressed) -> None:
        if self.finished:
            return
        progress = self.query_one(ProgressLine)
        progress.display = True
        progress.total, progress.done = message.total, message.done

    @on(ArticlesArrived)
    def _arrived(self, message: ArticlesArrived) -> None:
        if self.finished:
            return
        progress = self.query_one(ProgressLine)
        if not progress.total:
            # Text before any count: a saved analysis is being read back, not worked out.
            progress.waiting = "Loading links…"
        self.show_index(message.index, final=False)

    @on(AnalysisFinished)
    def _finished(self, message: AnalysisFinished) -> None:
        self.show_index(message.index)

    @on(AnalysisFailed)
    def _failed(self, message: AnalysisFailed) -> None:
        self.query_one(ProgressLine).display = False
        self.notify(printable(message.error), title="Analysis failed", severity="error", markup=False, timeout=30)
