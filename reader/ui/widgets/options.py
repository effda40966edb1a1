"""`OptionList` with one fix for speed: the content region is measured once per paint.

Textual's `OptionList.render_line` asks for `scrollable_content_region` twice
per row, and each call walks styles and scrollbars; on a cursor move that was
a third of the time spent painting the two lists.
"""

from __future__ import annotations

from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import OptionList


class Options(OptionList):
    """An `OptionList` that caches its content region while it paints."""

    _painting_region: Region | None = None

    @property
    def scrollable_content_region(self) -> Region:
        if self._painting_region is not None:
            return self._painting_region
        return super().scrollable_content_region

    def render_lines(self, crop: Region) -> list[Strip]:
        self._painting_region = None
        self._painting_region = self.scrollable_content_region
        try:
            return super().render_lines(crop)
        finally:
            self._painting_region = None
