"""The reader application: loads a corpus in the background and shows the main screen.

Analysis modules are imported inside the worker, not at the top, so the first
frame appears as fast as a bare Textual app's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import Theme
from textual.worker import get_current_worker

from ..analysis.model import Corpus, Problem
from .lookup import CorpusIndex
from .messages import (
    AnalysisFailed,
    AnalysisFinished,
    AnalysisProgressed,
    ArticlesArrived,
)
from .sanitize import printable
from .screens.main import MainScreen
from .stylesheets import COMPARE_CSS, READER_CSS
from .themes import DEFAULTS, THEMES
from .web import WEB_BINDINGS, WebActions

if TYPE_CHECKING:
    from reader.analysis.model import Correction
    from reader.run.pipeline import ResultCache
    from reader.run.pool import Workers

    from ..storage.corrections import Corrections
    from .reading import StateStore


class ReaderApp(WebActions, App[None]):
    """Read and compare news articles: `ReaderApp(paths).run()`."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [READER_CSS, COMPARE_CSS]
    """Absolute, so subclasses elsewhere (tests, benchmarks) still find them; see `stylesheets`."""
    TITLE = "reader"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Show every key"),
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Quit the reader"),
        Binding("t", "next_theme", "Theme", show=False, id="app.theme", tooltip="Switch to the next colour theme"),
        *WEB_BINDINGS,
    ]

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        corpus: Corpus | None = None,
        fingerprint: str | None = None,
        max_bytes: int | None = None,
        open_cache: Callable[[], ResultCache] | None = None,
        state: StateStore | None = None,
        workers: Workers | None = None,
        corrections: Corrections | None = None,
        problems: Sequence[Problem] = (),
        keymap_path: Path | None = None,
    ) -> None:
        super().__init__()
        self.workers_for_analysis = workers
        """Where the analysis runs its per-article work (None: this machine's cores)."""
        self.paths: tuple[Path, ...] = tuple(paths)
        self.problems = tuple(problems)
        """Problems met before the analysis (web addresses that could not be fetched), listed with its own."""
        self.fingerprint = fingerprint
        """The files' fingerprint, taken just before the app started (None: the analysis takes it); used once."""
        self.max_bytes = max_bytes
        """Size limit per input file, passed on to the analysis (None: its default)."""
        self.open_cache = open_cache
        """Opens the store where analysis results persist between runs (None: analyse from scratch).
        Called in the analysis worker, so first paint never waits for SQLite."""
        if corpus is not None and self.problems:
            corpus = replace(corpus, problems=(*corpus.problems, *self.problems))
        self.corpus = corpus
        if state is None:
            # Imported only here: with a store given, start-up never loads this module.
            from ..storage.state import MemoryState

            state = MemoryState()
        self.state: StateStore = state
        """Read marks, positions and bookmarks; in memory only when none was given."""
        self.corrections = corrections
        """The user's corrections of the event grouping (None: in memory, made on first use)."""
        self.analysed = corpus
        """The corpus as the analysis made it, before the user's corrections."""
        if corpus is not None and corrections is not None and corrections.all():
            corpus = self.corrected(corpus)
        for theme in THEMES:
            self.register_theme(theme)
        self._start_in_theme(THEMES[0])
        self.main = MainScreen(corpus, self.state)
        self.main.place_key = "|".join(sorted(str(path) for path in self.paths))
        self.keymap_path = keymap_path
        """The user's key map file (None: the default keys only)."""
        self._keymap_notice: str | None = None
        if keymap_path is not None:
            from .keymap import load_keymap

            keymap, self._keymap_notice = load_keymap(keymap_path)
            if keymap:
                self.set_keymap(keymap)

    def _start_in_theme(self, theme: Theme) -> None:
        """Pick the first theme before the stylesheet is parsed.

        Assigning `self.theme` here would make Textual parse the whole
        stylesheet a second time once the app runs (about 7 ms of start-up).
        """
        self.set_reactive(ReaderApp.theme, theme.name)
        self.stylesheet.set_variables(self.get_css_variables())
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)
        self.add_class(f"-theme-{theme.name}", update=False)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        return dict(DEFAULTS)

    def get_default_screen(self) -> MainScreen:
        return self.main

    def on_mount(self) -> None:
        if self._keymap_notice:
            self.notify(printable(self._keymap_notice), title="Keys", severity="warning", markup=False, timeout=15)
        if self.corpus is None:
            # Start after the first frame: the analysis imports and work hold the GIL.
            self.call_after_refresh(self.analyse)

    @work(thread=True, exclusive=True, group="analysis", description="Analysing articles")
    def analyse(self) -> None:
        """Run the analysis off the UI thread and post the result to the main screen."""
        worker = get_current_worker()
        screen = self.main

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                screen.post_message(AnalysisProgressed(done, total))

        def on_preview(corpus: Corpus) -> None:
            # Articles to read while the rest is worked out or read from the cache.
            if not worker.is_cancelled:
                screen.post_message(ArticlesArrived(CorpusIndex(corpus)))

        try:
            from reader.run.pipeline import AnalysisCancelled, analyse
            from reader.sources.files import DEFAULT_MAX_BYTES

            max_bytes = DEFAULT_MAX_BYTES if self.max_bytes is None else self.max_bytes
            cache = self.open_cache() if self.open_cache is not None else None
            fingerprint, self.fingerprint = self.fingerprint, None  # a reload takes it again
            try:
                corpus = analyse(
                    self.paths,
                    progress,
                    max_bytes=max_bytes,
                    cache=cache,
                    on_preview=on_preview,
                    cancelled=lambda: worker.is_cancelled,
                    workers=self.workers_for_analysis,
                    fingerprint=fingerprint,
                )
            except AnalysisCancelled:
                return  # the app is quitting (Textual cancels its workers): nothing to show
            for notice in cache.notices if cache is not None else ():
                self.call_from_thread(
                    self.notify, printable(notice), title="Analysis cache", severity="warning", markup=False, timeout=15
                )
        except Exception as error:  # any failure is shown, never a crash
            screen.post_message(AnalysisFailed(f"{type(error).__name__}: {error}"))
            return
        if self.problems:
            corpus = replace(corpus, problems=(*corpus.problems, *self.problems))
        if not worker.is_cancelled:
            self.analysed = corpus
            screen.post_message(AnalysisFinished(CorpusIndex(self.corrected(corpus)).prepare_search()))

    # --- the user's corrections of events ---------------------------------

    def _corrections(self) -> Corrections:
        if self.corrections is None:
            from ..storage.corrections import Corrections

            self.corrections = Corrections(persist=False)
        return self.corrections

    def corrected(self, corpus: Corpus) -> Corpus:
        """`corpus` with the user's corrections applied (the analysis is imported only if there are any)."""
        if self.corrections is None or not self.corrections.all():
            return corpus
        from reader.analysis.compare.corrections import apply_corrections

        return apply_corrections(corpus, self.corrections.all())

    def correct(self, correction: Correction | None) -> bool:
        """Remember `correction` (None: undo the last one) and show the corrected corpus; False if nothing changed."""
        if self.analysed is None:
            return False
        store = self._corrections()
        if correction is None:
            if store.undo() is None:
                return False
        else:
            store.add(correction)
        for notice in store.notices:
            self.notify(printable(notice), title="Corrections", severity="warning", markup=False)
        self.main.show_corpus(self.corrected(self.analysed))
        return True

    def action_reload(self) -> None:
        """Read the folders again: changed and new files are analysed, the rest comes from the cache."""
        if not self.paths:
            self.notify("Nothing to reload: these articles were not read from files.", markup=False, timeout=3)
            return
        self.main.reloading()
        self.notify("Reading the folders again…", markup=False, timeout=2)
        self.analyse()

    def action_next_theme(self) -> None:
        names = [theme.name for theme in THEMES]
        position = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(position + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", markup=False, timeout=2)

    def action_help(self) -> None:
        # Imported here: the help screen pulls in Markdown, which first paint does not need.
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        main = self.main
        sections = [
            ("Everywhere", self),
            ("Reading", main),
            ("Article text", main.view),
            ("Lists", main.article_list.entries),
            ("Links panel", main.links),
        ]
        notes = [type(node).HELP for node in (main.view, main.article_list, main.links) if type(node).HELP]
        self.push_screen(HelpScreen(sections, notes, self.keymap_path))
