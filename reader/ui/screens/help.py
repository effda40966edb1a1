"""The `?` screen: every key, generated from the bindings the app really has."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType, Keymap
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from ..sanitize import printable


class HelpScreen(ModalScreen[None]):
    """Keys grouped by where they work, read from each node's `BINDINGS` and keymap."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[tuple[str, DOMNode]], notes: list[str], keymap_path: Path | None = None) -> None:
        super().__init__()
        self.keymap_path = keymap_path
        """Where the user's key map is read from, named at the end of the key table."""
        self.sections = sections
        """(title, node) pairs whose bindings are listed."""
        self.notes = notes
        """Markdown from the widgets' `HELP`, shown after the keys."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._table(), id="help-keys")
            for note in self.notes:
                yield Markdown(note)

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = "Keys  (Esc closes)"

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_column(style="dim", no_wrap=True)
        seen: set[str] = set()
        for title, node in self.sections:
            # One row per action, with all the keys that trigger it.
            keys_of: dict[str, list[str]] = {}
            described: dict[str, str] = {}
            ids: dict[str, str] = {}
            for key, binding in _bindings(node, self.app._keymap):
                if binding.system or f"{key} {binding.action}" in seen:
                    continue
                seen.add(f"{key} {binding.action}")
                keys_of.setdefault(binding.action, []).append(self.app.get_key_display(binding.with_key(key)))
                described.setdefault(binding.action, binding.tooltip or binding.description)
                ids.setdefault(binding.action, binding.id or "")
            rows = [(" ".join(keys), described[action], ids[action]) for action, keys in keys_of.items()]
            if rows:
                table.add_row(Text(title, style="underline"), "", "" if table.row_count else "id, for the key map")
                for keys, description, binding_id in rows:
                    table.add_row(Text(keys), Text(description), Text(binding_id))
                table.add_row("", "", "")
        if self.keymap_path is not None:
            table.add_row(Text("Your keys", style="underline"), Text(printable(f"change any key in {self.keymap_path}, e.g. \"read.toggle\" = \"x\"")), "")
        return table

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)


def _bindings(node: DOMNode, keymap: Keymap) -> list[tuple[str, Binding]]:
    """The node's bindings after the user's keymap, one row per key (as Screen does it)."""
    bindings_map = node._bindings.copy()
    if keymap:
        bindings_map.apply_keymap(keymap)
    rows: list[tuple[str, Binding]] = []
    for key, bindings in bindings_map.key_to_bindings.items():
        rows.extend((key, binding) for binding in bindings)
    return rows
