"""The user's corrections of the event grouping, as the screens ask for them (#18).

Both the reading screen and the event page merge, move, split out and
rename; this module turns "this event", "that article" into the
`Correction` the app stores, and lists the events to choose from, so the
two screens cannot drift apart.
"""

from __future__ import annotations

from ...analysis.model import Article, Correction
from ..lookup import CorpusIndex

NEW_EVENT = "\x00new-event"
"""The choice "an event of its own" in the list of events to move an article to."""


def article_key(article: Article) -> str:
    """The key corrections name an article by (`analysis.compare.corrections.article_key`)."""
    from ...analysis.compare.corrections import article_key as key

    return key(article)


def _key(index: CorpusIndex, article_id: str) -> str:
    return article_key(index.articles[article_id])


def event_choices(index: CorpusIndex, exclude: str | None, *, new_event: bool = False) -> list[tuple[str, str]]:
    """(event id, "date · label (count)") for every event but `exclude`, newest first as the list shows them.

    With `new_event`, the first choice is an event of its own (`NEW_EVENT`).
    """
    choices = [(NEW_EVENT, "A new event of its own")] if new_event else []
    choices += [
        (g.event.id, f"{g.event.date or 'undated'} · {g.event.label} ({len(g.event.articles)})")
        for g in index.groups
        if g.event is not None and g.event.id != exclude
    ]
    return choices


def merge(index: CorpusIndex, other: str | None, into: str | None) -> Correction | None:
    """Merge event `other` into event `into` (None if either is unknown or they are the same)."""
    source, target = index.events.get(other or ""), index.events.get(into or "")
    if source is None or target is None or source.id == target.id:
        return None
    return Correction("merge", _key(index, source.articles[0]), _key(index, target.articles[0]))


def move(index: CorpusIndex, article: str | None, event: str | None) -> Correction | None:
    """Move `article` to `event`, or to an event of its own when `event` is `NEW_EVENT` (None: nothing to do)."""
    if article is None or article not in index.articles:
        return None
    home = index.event_of.get(article)
    if event == NEW_EVENT:
        return Correction("split", _key(index, article)) if home is None or len(home.articles) > 1 else None
    target = index.events.get(event or "")
    if target is None or (home is not None and home.id == target.id):
        return None
    return Correction("move", _key(index, article), _key(index, target.articles[0]))


def rename(index: CorpusIndex, event: str | None, label: str | None) -> Correction | None:
    """Give `event` the label `label` (None if the event is unknown or the label empty)."""
    found = index.events.get(event or "")
    if found is None or not label:
        return None
    return Correction("rename", _key(index, found.articles[0]), label=label)


def saying(correction: Correction | None) -> str:
    """What the notification says once a correction is stored (None: an undo)."""
    if correction is None:
        return "Undone."
    done = {"merge": "Events merged", "move": "Article moved", "split": "Article given an event of its own", "rename": "Event renamed"}
    return f"{done.get(correction.kind, 'Correction saved')} (z undoes it)."
