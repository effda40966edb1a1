"""`OptionList`s made fast: the content region is measured once per paint, and long lists lay out lazily.

Textual's `OptionList.render_line` asks for `scrollable_content_region` twice
per row, and each call walks styles and scrollbars; on a cursor move that was
a third of the time spent painting the two lists.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region, Size
from textual.strip import Strip
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option


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


class LazyOption(Option):
    """An option whose prompt is built when it is first drawn, and whose height is known up front.

    A list of thousands of articles draws a screenful; building and measuring
    every prompt before the first frame cost seconds.
    """

    def __init__(self, make: Callable[[], VisualType], height: int, id: str | None = None, disabled: bool = False) -> None:
        super().__init__("", id=id, disabled=disabled)
        self._make: Callable[[], VisualType] | None = make
        self.height = height
        """Lines the prompt takes; it must not wrap (the list's CSS says `text-wrap: nowrap`)."""

    @property
    def prompt(self) -> VisualType:
        if self._make is not None:
            self._prompt, self._make = self._make(), None
        return self._prompt

    def _set_prompt(self, prompt: VisualType) -> None:
        self._make = None
        super()._set_prompt(prompt)


class LongOptions(Options):
    """`Options` for long lists of `LazyOption`s: lines are laid out from the known heights.

    Textual's `OptionList._update_lines` measures every option's prompt to lay
    out its lines. This override does the same bookkeeping (it writes the same
    `_line_cache` and virtual size; textual is pinned, and the article-list
    tests exercise it) without building a prompt that is not on screen.
    """

    def _update_lines(self) -> None:
        options = self.options
        if not self.scrollable_content_region:
            return
        cache = self._line_cache
        lines = cache.lines
        first = lines[-1][0] + 1 if lines else 0
        index_to_line, heights, add = cache.index_to_line, cache.heights, lines.append
        for index in range(first, len(options)):
            option = options[index]
            if type(option) is not LazyOption:
                super()._update_lines()  # a measured option among lazy ones: measure from here on
                return
            index_to_line[index] = len(lines)
            heights[index] = count = option.height + option._divider
            for line in range(count):
                add((index, line))
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        size = Size(width, len(lines) - (1 if options and options[-1]._divider else 0))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)
