"""The right panel: what the rest of the corpus says about the paragraph under the cursor.

It lists who is quoted here, the same passage in other articles (with the
words that differ highlighted), the event this article belongs to and its
sibling articles, other events it refers to, and where the entity under the
cursor appears elsewhere. Enter (or a click) on an entry follows it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import on
from textual.message import Message
from textual.reactive import reactive

from ...analysis.model import Anchor, Article, DiffRun, EntityMention, Link
from ...analysis.text.normalise import STOPWORDS
from ...analysis.text.worddiff import shared_spans
from .. import highlights
from ..explain import explain
from ..lookup import CorpusIndex
from ..sanitize import clip, literal
from .line_list import LineList, Row

_OWN = {"heading": "panel-heading", "speaker": "person", "shared": "panel-shared"}
"""The panel's names for styles of `highlights` it calls otherwise."""


class LinksPanel(LineList):
    """Cross-links for the current paragraph; choosing one posts `LinkChosen`."""

    HELP = """
## Links panel

For the paragraph under the cursor: the speaker of each quotation, the same
quotation or passage in other articles, each saying in plain words why it
is linked and how similar it is ("same passage, 3 words differ · 88%
similar"), with the other outlet's words inserted (underlined) and dropped
(struck through); this article's event and its other articles, and for an
entity under the cursor (`e`) the other articles that mention it.
`j`/`k` move, Enter follows the highlighted entry; `b` comes back. While
the panel has the focus, the words the highlighted passage shares with the
paragraph are tinted in the text as in the panel.
"""

    index: reactive[CorpusIndex | None] = reactive(None, repaint=False)

    class LinkChosen(Message):
        """The user chose an entry that leads to another paragraph."""

        def __init__(self, panel: LinksPanel, target: Anchor, link: Link | None) -> None:
            super().__init__()
            self.panel = panel
            self.target = target
            self.link = link

        @property
        def control(self) -> LinksPanel:
            return self.panel

    class SharedWords(Message):
        """The words a paragraph shares with the link chosen in the panel (none when no link is chosen)."""

        def __init__(self, panel: LinksPanel, paragraph: int, spans: tuple[tuple[int, int], ...]) -> None:
            super().__init__()
            self.panel = panel
            self.paragraph = paragraph
            self.spans = spans
            """Character spans in the paragraph's text."""

        @property
        def control(self) -> LinksPanel:
            return self.panel

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._targets: dict[str, tuple[Anchor, Link | None]] = {}
        self._where: tuple[str | None, int, EntityMention | None] = (None, 0, None)
        self._shown: tuple[object, ...] | None = None
        self.best: tuple[Anchor, Link] | None = None
        """The strongest link from the current paragraph (what Enter in the text follows)."""
        self._styles: dict[str, Style] = {}
        self._painted = False
        """False until the screen's first frame: the panel fills in on the frame after it,
        so the list and the text appear a twentieth of a second sooner."""

    def on_mount(self) -> None:
        self.border_title = "Links"
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        if not self._painted:
            self._painted = True
            self.show(*self._where)

    def strongest(self) -> tuple[Anchor, Link] | None:
        """What Enter in the text follows (`best`), the panel filled first if a key comes before the first frame."""
        self._after_first_frame()
        return self.best

    def watch_index(self) -> None:
        self.show(*self._where)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Rows carry the theme's colours: a new theme rebuilds them, a focus change does not.
        if self.is_mounted and highlights.styles(self.app) is not self._styles:
            self._shown = None
            self.call_later(lambda: self.show(*self._where))

    def _style(self, name: str) -> Style:
        return self._styles[_OWN.get(name, name)]

    def _heading(self, text: str) -> Row:
        return Row(Text(text, style=self._style("heading"), end=""), enabled=False)

    def _note(self, text: Text) -> Row:
        return Row(text, enabled=False)

    def _target(self, prompt: Text, anchor: Anchor, link: Link | None = None) -> Row:
        key = f"t{len(self._targets)}"
        self._targets[key] = (anchor, link)
        return Row(prompt, id=key)

    def show(self, article_id: str | None, paragraph: int, entity: EntityMention | None = None) -> None:
        """Rebuild the panel for one paragraph (and the entity under the cursor)."""
        self._where = (article_id, paragraph, entity)
        if not self._painted:
            return  # `_after_first_frame` shows it
        index = self.index
        article = index.articles.get(article_id) if index and article_id else None
        if index is None or article is None:
            self._shown = None
            self._targets = {}
            self.best = None
            self.set_rows([])
            return
        # Most paragraphs show what their neighbour showed (no links, no quotes):
        # then the panel is left alone, which keeps cursor moves cheap.
        here = Anchor(article.id, paragraph)
        signature = (
            id(index),
            article.id,
            index.links_at(here),
            tuple(q for q in article.quotes if q.paragraph == paragraph and q.kind != "term"),
            entity,
        )
        if signature == self._shown:
            return
        self._shown = signature
        self._styles = highlights.styles(self.app)
        self._targets = {}
        self.best = None
        sections = [
            self._quotes(index, article, paragraph),
            self._links(index, Anchor(article.id, paragraph)),
            self._entity(index, article, entity) if entity is not None else [],
            self._event(index, article),
        ]
        rows: list[Row] = []
        for section in sections:
            if section:
                rows.extend([Row.separator(), *section] if rows else section)
        if not rows:
            rows.append(self._note(Text("Nothing links here.", style="dim italic")))
        first = next((number for number, row in enumerate(rows) if row.enabled), None)
        self.set_rows(rows, highlighted=first)

    def _quotes(self, index: CorpusIndex, article: Article, paragraph: int) -> list[Row]:
        quotes = [q for q in article.quotes if q.paragraph == paragraph and q.kind != "term"]
        if not quotes:
            return []
        options = [self._heading("Quoted here")]
        for quote in quotes:
            line = Text("“", style=self._style("quote"), end="")
            line.append_text(literal(clip(quote.text, 90), self._style("quote")))
            line.append("”", style=self._style("quote"))
            line.append("\n  — ")
            speaker = index.entity_name(quote.speaker) if quote.speaker else "unattributed"
            line.append_text(literal(speaker, self._style("speaker") if quote.speaker else Style(dim=True)))
            details = [part for part in (quote.cue, quote.kind if quote.kind != "direct" else None) if part]
            if quote.continued:
                details.append("continued")
            if details:
                line.append_text(literal(f" ({', '.join(details)})", self._style("meta")))
            options.append(self._note(line))
        return options

    def _links(self, index: CorpusIndex, here: Anchor) -> list[Row]:
        found = [link for link in index.links_at(here) if link.target.article in index.articles]
        if not found:
            return []
        options = [self._heading("Elsewhere")]
        source = index.articles.get(here.article)
        for link in found:
            other = index.articles[link.target.article]
            if self.best is None and link.kind != "mention":
                self.best = (link.target, link)
            said = explain(link, _paragraph(source, here.paragraph), _paragraph(other, link.target.paragraph))
            head = literal(clip(other.outlet or other.title or other.source, 40), Style(bold=True))
            head.append(f"  {said.strength}", style=self._style("meta"))
            head.append("\n")
            head.append_text(literal(said.what, self._style("why")))
            if link.kind == "mention" and link.event in index.events:
                head.append("\n")
                head.append_text(literal(clip(index.events[link.event].label, 80)))
            head.append("\n")
            head.append_text(self._wording(said.diff, other, link))
            if link.why and link.kind != "quote":
                head.append("\n")
                head.append_text(literal(clip(link.why, 120), self._style("meta")))
            options.append(self._target(head, link.target, link))
        return options

    def _wording(self, diff: tuple[DiffRun, ...], other: Article, link: Link) -> Text:
        """The other article's wording: the word diff if there is one to show, else its paragraph."""
        if diff:
            text = Text(end="")
            shared = self._style("shared")
            for run in diff:
                style = {"insert": self._style("insert"), "delete": self._style("delete")}.get(run.op, Style())
                if run.op == "equal" and not all(word.lower().strip(".,;:“”\"'()") in STOPWORDS for word in run.text.split()):
                    style = shared  # the words both passages share, marked as in the article text
                text.append_text(literal(run.text, style))
                text.append(" ")
            text.rstrip()
            return text
        there = _paragraph(other, link.target.paragraph)
        text = literal(there)
        if link.kind != "mention":
            here_article, here_paragraph, _entity = self._where
            here = _paragraph(self.index.articles.get(here_article or "") if self.index else None, here_paragraph)
            for start, end in shared_spans(here, there)[1]:
                text.stylize(self._style("shared"), start, end)
        text.truncate(220, overflow="ellipsis")
        return text

    def _entity(self, index: CorpusIndex, article: Article, entity: EntityMention) -> list[Row]:
        name = index.entity_name(entity.entity) or entity.text
        title = f"{clip(name, 40)} ({entity.type.lower()}) also in"
        options = [self._note(literal(title, self._style("heading")))]
        elsewhere = [(a, p) for a, p in index.appearances(entity.entity).items() if a != article.id]
        if not elsewhere:
            options.append(self._note(Text("  no other article", style="dim italic")))
        for other_id, first in elsewhere:
            other = index.articles[other_id]
            options.append(self._target(literal(f"{clip(other.title or other.source, 70)}  ¶ {first + 1}"), Anchor(other_id, first)))
        return options

    def _event(self, index: CorpusIndex, article: Article) -> list[Row]:
        options: list[Row] = []
        event = index.event_of.get(article.id)
        if event is not None:
            label = f"Event: {clip(event.label, 60)}" + (f" · {event.date}" if event.date else "")
            options.append(self._note(literal(label, self._style("heading"))))
            for sibling in event.articles:
                if sibling != article.id and sibling in index.articles:
                    other = index.articles[sibling]
                    line = literal(clip(other.title or other.source, 70))
                    if other.outlet:
                        line.append_text(literal(f"  {clip(other.outlet, 30)}", self._style("meta")))
                    options.append(self._target(line, Anchor(sibling, 0)))
        # One line per event referred to, at its first mention.
        first: dict[str | None, Link] = {}
        for mention in index.mentions_in.get(article.id, ()):
            first.setdefault(mention.event, mention)
        mentions = list(first.values())
        if mentions:
            options.append(self._heading("Refers to other events"))
            for link in mentions:
                label = index.events[link.event].label if link.event in index.events else link.target.article
                options.append(self._target(literal(f"→ {clip(label, 70)}  (¶ {link.source.paragraph + 1})"), link.target, link))
        return options

    @on(LineList.Highlighted)
    def _highlighted(self) -> None:
        self._announce_shared(self.has_focus)

    def on_focus(self) -> None:
        self._announce_shared(True)  # `has_focus` is not yet true while the Focus event is handled

    def on_blur(self) -> None:
        self._announce_shared(False)

    def _announce_shared(self, focused: bool) -> None:
        """Say which words of the paragraph the highlighted link shares, while the panel has the focus."""
        article_id, paragraph, _entity = self._where
        spans: tuple[tuple[int, int], ...] = ()
        row = self.rows[self.highlighted] if focused and self.highlighted is not None and self.rows else None
        anchor, link = self._targets.get(row.id or "", (None, None)) if row is not None else (None, None)
        index = self.index
        if anchor is not None and link is not None and link.kind != "mention" and index is not None and article_id:
            here = _paragraph(index.articles.get(article_id), paragraph)
            there = _paragraph(index.articles.get(anchor.article), anchor.paragraph)
            spans = shared_spans(here, there)[0]
        self.post_message(self.SharedWords(self, paragraph, spans))

    @on(LineList.Selected)
    def _chosen(self, event: LineList.Selected) -> None:
        event.stop()
        target = self._targets.get(event.row_id or "")
        if target is not None:
            self.post_message(self.LinkChosen(self, *target))


def _paragraph(article: Article | None, number: int) -> str:
    paragraphs = article.paragraphs if article is not None else ()
    return paragraphs[number] if 0 <= number < len(paragraphs) else ""
