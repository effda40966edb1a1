"""Putting an analysis on screen: partial lists while it runs, the finished corpus, its problems."""

from __future__ import annotations

from textual import on

from ...analysis.model import Anchor, Corpus
from ..lookup import CorpusIndex
from ..messages import (
    AnalysisFailed,
    AnalysisFinished,
    AnalysisProgressed,
    ArticlesArrived,
)
from ..sanitize import clip, printable
from ..widgets.problems import ProblemsList
from ..widgets.progress_line import ProgressLine
from .navigation import NavigationScreen


class LoadingScreen(NavigationScreen):
    """Shows each result the analysis worker posts, keeping the reader's place."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.finished = False
        """True once the complete analysis is on screen (later partial results are stale)."""

    def show_corpus(self, corpus: Corpus, *, final: bool = True) -> None:
        """Display an analysis, keeping the reader's place if the article still exists."""
        self.show_index(CorpusIndex(corpus), final=final)

    def show_index(self, index: CorpusIndex, *, final: bool = True) -> None:
        """`show_corpus` for a corpus whose lookups were built elsewhere (off this thread)."""
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
        first = self.index.neighbour(None, 0)
        if first is None:
            self.current_article = None
            return
        self.go(self.resume(first), remember=False, chosen=False)
        self.placed = None if final else Anchor(first, self.view.paragraph)

    def show_problems(self, corpus: Corpus) -> None:
        """List the files that could not be read, and say so in a few notifications."""
        if corpus.problems:
            # Mounted only when needed: fewer widgets make the first frame quicker.
            shown = self.query(ProblemsList)
            if shown:
                shown.first().show(corpus.problems)
            else:
                self.query_one("#left").mount(ProblemsList(corpus.problems, id="problems"))
        if not corpus.articles:
            self.notify("No articles found.", severity="warning", markup=False)
        for problem in corpus.problems[:3]:
            self.notify(
                printable(clip(problem.message, 200)),
                title=printable(clip(problem.source, 60)),
                severity="error" if problem.severity == "error" else "warning",
                markup=False,
            )
        if len(corpus.problems) > 3:
            self.notify(f"…and {len(corpus.problems) - 3} more problems (see the list)", severity="warning", markup=False)

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
