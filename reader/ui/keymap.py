"""The user's key map: a TOML file of binding ids and keys, applied with Textual's `set_keymap`.

    # ~/.config/reader/keymap.toml
    "article.next" = "J,ctrl+n"
    "read.toggle" = "x"

Every binding has an id (press `?` to see them). A file that cannot be read
or holds something other than strings leaves the default keys and says why.
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_ENV = "READER_CONFIG_DIR"
FILE_NAME = "keymap.toml"


def keymap_path() -> Path:
    """`$READER_CONFIG_DIR/keymap.toml`, else the platform's per-user config folder for the reader."""
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override).expanduser() / FILE_NAME
    import platformdirs

    return Path(platformdirs.user_config_dir("reader", appauthor=False)) / FILE_NAME


def load_keymap(path: Path) -> tuple[dict[str, str], str | None]:
    """Binding id -> keys from `path` (empty if there is no file), and a sentence if something was wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as error:
        return {}, f"Key map {path} not read ({error}); the default keys apply."
    import tomllib  # only when there is a file to read: most starts have none

    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return {}, f"Key map {path} is not valid TOML ({error}); the default keys apply."
    keymap = {str(key): value.strip() for key, value in table.items() if isinstance(value, str) and value.strip()}
    wrong = sorted(str(key) for key in table if str(key) not in keymap)
    notice = f"Key map {path}: ignored {', '.join(wrong)} (each value must be keys in quotes, like \"J,ctrl+n\")." if wrong else None
    return keymap, notice
