"""Read state like a mail client: toggle read, mark an event read, hide read articles, jump to the next unread."""

from __future__ import annotations

from ..arrange import SORT_NAMES
from ..words import plural
from .searching import SearchingScreen


class MarksScreen(SearchingScreen):
    """Commands on read marks and the list's order; the marks themselves live in the list and the store."""

    def action_toggle_read(self) -> None:
        article = self.current_article
        if article is None:
            return
        read = not self.article_list.is_read(article)
        self.article_list.set_read([article], read)
        self.notify("Marked read." if read else "Marked unread.", markup=False, timeout=2)

    def action_mark_event_read(self) -> None:
        if self.index is None or self.current_article is None:
            return
        event = self.index.event_of.get(self.current_article)
        if event is None:
            self.notify("This article belongs to no event.", markup=False, timeout=2)
            return
        changed = self.article_list.set_read(event.articles, True)
        self.notify(f"Marked {plural(changed, 'article')} of this event read.", markup=False, timeout=2)

    def action_toggle_hide_read(self) -> None:
        hidden = self.article_list.toggle_hide_read()
        self.notify("Hiding read articles." if hidden else "Showing read articles.", markup=False, timeout=2)

    def action_next_unread(self) -> None:
        target = self.article_list.next_unread(self.current_article)
        if target is None:
            self.notify("No unread articles.", markup=False, timeout=2)
            return
        self.open_place(self.resume(target))

    def action_sort(self) -> None:
        self.article_list.cycle_sort()
        self.notify(f"Sorted: {SORT_NAMES[self.article_list.sort]}.", markup=False, timeout=2)

    async def action_filter(self) -> None:
        await self.article_list.open_filter()
