"""The coverage report: `reader export --format markdown`, one section per event.

Written for an analyst to paste into a memo: who covered the event and when,
which quotations each outlet carried and how their wording differs, what
only one outlet reports, where the figures disagree and who is named. Every
reference points at a numbered paragraph in the articles section at the end
(`[¶3](#a-<article>-3)`). Every field from an article goes through the
export's one escaping function, so article text never becomes markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .analysis.model import Article, Corpus, DiffRun, Event, EventComparison
from .markdown_escape import escape as _escape
from .markdown_escape import line as _line

_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def anchor(article: str, paragraph: int) -> str:
    """The id of a paragraph in the report (paragraphs are numbered from 1, as shown)."""
    return f"a-{_ANCHOR_UNSAFE.sub('-', article)}-{paragraph + 1}"


def _ref(article: str, paragraph: int) -> str:
    """A reference to a numbered paragraph of an article in the articles section (no raw HTML anchors)."""
    return f"¶{paragraph + 1}"


def _outlet(article: Article) -> str:
    return _escape(article.outlet or article.source.rsplit("/", 1)[-1])


def _diff(runs: Sequence[DiffRun]) -> str:
    """Cut words struck through, changed words in bold, shared words plain."""
    marks = {"delete": "~~{}~~", "insert": "**{}**", "equal": "{}"}
    return " ".join(marks.get(run.op, "{}").format(_escape(run.text)) for run in runs)


def _header(event: Event, members: Sequence[Article], n: int) -> list[str]:
    outlets = {a.outlet or a.source for a in members}
    dated = sorted(a.date for a in members if a.date)
    span = f"{dated[0]} → {dated[-1]}" if dated else "dates unknown"
    origin = "grouped by you" if event.origin == "user" else "grouped automatically"
    facts = [
        f"Date: {_escape(event.date or 'unknown')}",
        f"{len(outlets)} outlet{'s' * (len(outlets) != 1)}, {len(members)} article{'s' * (len(members) != 1)}",
        f"coverage {span}",
        origin,
    ]
    return [f"## {n}. {_escape(event.label)}", "", " · ".join(facts), ""]


def _coverage(members: Sequence[Article]) -> list[str]:
    lines = ["### Coverage", "", "| # | Outlet | Date | Paragraphs | Byline | Title |", "| ---: | --- | --- | ---: | --- | --- |"]
    # First report first, follow-ups in time order (undated articles last).
    ordered = sorted(members, key=lambda a: (a.date is None, a.date or "", a.id))
    for number, article in enumerate(ordered, start=1):
        first = " (first report)" if number == 1 and article.date else ""
        lines.append(
            f"| {number} | {_outlet(article)}{first} | {_escape(article.date or '')} | {len(article.paragraphs)} "
            f"| {_escape(article.byline or '')} | {_escape(article.title)} |"
        )
    return [*lines, ""]


def _ledger(found: EventComparison, by_id: Mapping[str, Article], names: Mapping[str, str]) -> list[str]:
    if not found.ledger:
        return []
    lines = ["### Quotations", ""]
    for entry in found.ledger:
        speaker = _escape(names.get(entry.speaker or "", "unattributed"))
        carried = ", ".join(f"{_outlet(by_id[r.article])} {_ref(r.article, r.paragraph)}" for r in entry.renderings)
        lines.append(f"- **{speaker}**: “{_escape(entry.fullest.text)}” — {carried}")
        for r in entry.renderings:
            if r.diff and any(run.op != "equal" for run in r.diff):
                lines.append(f"  - {_outlet(by_id[r.article])}: {_diff(r.diff)}")
    return [*lines, ""]


def _single(found: EventComparison, by_id: Mapping[str, Article]) -> list[str]:
    if not found.single_source:
        return []
    lines = ["### Only one outlet reports", ""]
    current = None
    for item in found.single_source:
        if item.article != current:
            current = item.article
            lines += ["", f"**{_outlet(by_id[item.article])}**", ""]
        lines.append(f"- {_escape(item.sentence)} {_ref(item.article, item.paragraph)}")
    return [*lines, ""]


def _disagreements(found: EventComparison, by_id: Mapping[str, Article]) -> list[str]:
    lines = ["### Outlets disagree", ""]
    if not found.disagreements:
        return [*lines, "No figures differ between the outlets.", ""]
    for item in found.disagreements:
        what = "contradict each other" if item.kind == "conflict" else "differ in kind (a bound or range against a figure)"
        lines.append(f"- **{_escape(item.measure)}**: the figures {what}")
        for claim in item.claims:
            lines.append(
                f"  - {_outlet(by_id[claim.article])}: **{_escape(claim.figure)}** — {_escape(claim.sentence)} "
                f"{_ref(claim.article, claim.paragraph)}"
            )
    return [*lines, ""]


def _named(found: EventComparison, members: Sequence[Article]) -> list[str]:
    if not found.named:
        return []
    head = "| Name | " + " | ".join(f"{n}. {_outlet(a)}" for n, a in enumerate(members, start=1)) + " |"
    lines = ["### Who is named", "", head, "| --- |" + " :---: |" * len(members)]
    for item in found.named:
        marks = " | ".join("✓" if a.id in item.articles else "" for a in members)
        lines.append(f"| {_escape(item.name)} ({_escape(item.type)}) | {marks} |")
    return [*lines, ""]


def _articles(corpus: Corpus) -> list[str]:
    lines = ["## Articles", ""]
    for article in corpus.articles:
        lines += [f"### {_escape(article.title)}", "", f"{_outlet(article)} · {_escape(article.date or 'undated')}", ""]
        for number, paragraph in enumerate(article.paragraphs):
            # A numbered label on its own line ("¶3", as the references read), then the paragraph as written.
            lines += [f"**¶{number + 1}**", "", _line(paragraph), ""]
    return lines


def coverage_report(corpus: Corpus) -> str:
    """The whole report as one text."""
    return "\n".join(report_lines(corpus))


def report_lines(corpus: Corpus) -> list[str]:
    """The whole report: every event (newest first), then the articles, then problems."""
    by_id = {a.id: a for a in corpus.articles}
    names = {e.id: e.name for e in corpus.entities}
    compared = {c.event: c for c in corpus.comparisons}
    outlets = {a.outlet or a.source for a in corpus.articles}
    lines = [
        "# Coverage report",
        "",
        f"{len(corpus.events)} events, {len(corpus.articles)} articles, {len(outlets)} outlets.",
        "",
    ]
    events = sorted(corpus.events, key=lambda e: (e.date is None, "" if e.date is None else _desc(e.date), e.id))
    for n, event in enumerate(events, start=1):
        members = [by_id[a] for a in event.articles if a in by_id]
        lines += _header(event, members, n) + _coverage(members)
        found = compared.get(event.id)
        if found is not None:
            lines += _ledger(found, by_id, names) + _single(found, by_id)
            lines += _disagreements(found, by_id) + _named(found, members)
    lines += _articles(corpus)
    if corpus.links:
        lines += ["## Links", ""]
        for link in corpus.links:
            lines.append(
                f"- {_escape(link.kind)} {link.score:.0f}: {_escape(link.source.article)} ¶{link.source.paragraph + 1} → "
                f"{_escape(link.target.article)} ¶{link.target.paragraph + 1} ({_escape(link.why)})"
            )
        lines.append("")
    if corpus.problems:
        lines += ["## Problems", ""]
        lines += [f"- {p.severity}: {_escape(p.source)}: {_escape(p.message)}" for p in corpus.problems]
        lines.append("")
    return lines


def _desc(day: str) -> str:
    """A key that sorts ISO dates newest first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in day)
