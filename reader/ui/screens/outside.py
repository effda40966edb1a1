"""Leaving the reader for a moment: copy with a citation, open the file in an editor or pager, list problems."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import SuspendNotSupported

from ..citation import cite, cite_quote
from ..sanitize import printable
from .marks import MarksScreen


class OutsideScreen(MarksScreen):
    """Commands that hand the article to something outside the reader."""

    def action_copy(self) -> None:
        article = self.view.article
        if article is None or not article.paragraphs:
            return
        self.app.copy_to_clipboard(cite(article, self.view.paragraph))
        self.notify(f"Copied ¶ {self.view.paragraph + 1} with its citation.", markup=False, timeout=2)

    def action_copy_quote(self) -> None:
        article = self.view.article
        quotes = [q for q in article.quotes if q.paragraph == self.view.paragraph and q.kind != "term"] if article else []
        if article is None or not quotes or self.index is None:
            self.notify("No quotation in this paragraph (y copies the paragraph).", markup=False, timeout=2)
            return
        quote = quotes[0]
        speaker = self.index.entity_name(quote.speaker) if quote.speaker else None
        self.app.copy_to_clipboard(cite_quote(article, quote, speaker))
        self.notify("Copied the quotation with its citation.", markup=False, timeout=2)

    def action_open_file(self) -> None:
        """Open the article's file in `$EDITOR` (or `$PAGER`, or `less`), and come back to the same place."""
        article = self.view.article
        if article is None or not Path(article.source).is_file():
            self.notify("This article has no file to open.", markup=False, timeout=3)
            return
        command = os.environ.get("EDITOR") or os.environ.get("PAGER") or "less"
        try:
            with self.app.suspend():
                subprocess.run([*shlex.split(command), article.source], check=False)
        except (OSError, ValueError, SuspendNotSupported) as error:
            self.notify(printable(f"Could not run {command}: {error}"), severity="error", markup=False, timeout=5)
            return
        self.refresh()

    def action_problems(self) -> None:
        problems = self.index.corpus.problems if self.index is not None else ()
        if not problems:
            self.notify("No problems: every file was read.", markup=False, timeout=2)
            return
        from .problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(problems))
