"""Which events are folded in the article list, kept with the reading state so that they outlast the run.

A fold is stored as the state keys (`storage.state.state_key`: content
hashes) of the folded event's articles, not as the event's id, which a
changed corpus numbers anew. An event is folded when any of its articles
was in a folded event, so a fold follows an event that gained an article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lookup import CorpusIndex

if TYPE_CHECKING:
    from .reading import StateStore

FOLDED = "list.folded"
"""The setting that holds the folded events' article keys, one a line."""


def _stored(state: StateStore) -> list[str]:
    return [key for key in (state.setting(FOLDED) or "").split("\n") if key]


def _keys(index: CorpusIndex, event_id: str) -> list[str]:
    from ..storage.state import state_key  # the one rule for keying state, imported once folds are used

    event = index.events.get(event_id)
    return [state_key(index.articles[a]) for a in (event.articles if event else ()) if a in index.articles]


def folded_events(state: StateStore, index: CorpusIndex) -> set[str]:
    """The ids of `index`'s events folded in this run or an earlier one."""
    stored = set(_stored(state))
    if not stored:
        return set()
    return {event for event in index.events if stored.intersection(_keys(index, event))}


def keep_fold(state: StateStore, index: CorpusIndex, event_id: str, folded: bool) -> None:
    """Remember that the event is folded now, or forget that it was."""
    keys = _keys(index, event_id)
    kept = [key for key in _stored(state) if key not in keys]
    state.set_setting(FOLDED, "\n".join([*kept, *keys] if folded else kept))
