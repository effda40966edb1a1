"""The reader's stylesheets, all read when the app starts.

The comparison screens' rules (`compare.tcss`) are read with the app's own:
a stylesheet first read when a screen is pushed makes Textual parse every
rule again and restyle every widget of every screen, which was most of the
quarter of a second the first event page took to open. Its rules name only
the comparison screens' widgets, so reading them early changes no other look.
"""

from pathlib import Path

HERE = Path(__file__).parent
READER_CSS = HERE / "reader.tcss"
COMPARE_CSS = HERE / "compare.tcss"
