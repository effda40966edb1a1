"""YAML front matter of a Markdown article (``---`` … ``---`` at the top) read as metadata.

Only the subset articles use is read: ``key: value`` lines, quoted strings,
inline lists (``[a, b]``) and block lists (``- a``), and ``|``/``>`` text
blocks. Nothing is ever constructed or executed (no tags, no anchors), so a
hostile file can at worst give odd strings. A full YAML library would be a new
dependency for four fields; this reads them and says plainly what it skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LINES = 200
"""Front matter longer than this is not front matter: the file is read as Markdown."""

_FENCE = "---"
_CLOSERS = ("---", "...")
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w -]{0,40}?)\s*:(?:\s+(?P<value>.*))?$")
_ITEM = re.compile(r"^\s+-\s+(?P<value>.*)$|^-\s+(?P<top>.*)$")
_SINGLE = re.compile(r"'((?:[^']|'')*)'(?:\s+#.*)?$")
_DOUBLE = re.compile(r'"((?:[^"\\]|\\.)*)"(?:\s+#.*)?$')
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}

TITLE_KEYS = ("title", "headline")
AUTHOR_KEYS = ("author", "authors", "byline", "by")
DATE_KEYS = ("date", "published", "pubdate", "publish_date", "created")
URL_KEYS = ("url", "link", "canonical", "canonical_url", "source_url", "permalink")
SITE_KEYS = ("outlet", "publication", "site", "site_name", "publisher", "source")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The fields of a front matter block, as strings or lists of strings."""

    fields: dict[str, str | list[str]]

    def first(self, keys: tuple[str, ...]) -> str | None:
        """The first of `keys` present, lists joined with commas ("Jane Doe, Ali Khan")."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, list):
                value = ", ".join(item for item in value if item)
            if value:
                return value
        return None


def split(text: str) -> tuple[FrontMatter | None, str, int, str | None]:
    """Front matter, the rest of the text, how many lines the front matter took, and a warning.

    Text that does not open with ``---`` has no front matter. An opening fence
    that is never closed (within `MAX_LINES`) is not front matter either: the
    whole text is read as Markdown and the warning says why.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FENCE:
        return None, text, 0, None
    for number, line in enumerate(lines[1 : MAX_LINES + 1], start=1):
        if line.rstrip() in _CLOSERS:
            return parse(lines[1:number]), "\n".join(lines[number + 1 :]), number + 1, None
    return None, text, 0, "front matter opened with --- but never closed: read as text"


def _unquote(value: str) -> str:
    """A scalar without its quotes or a trailing comment."""
    value = value.strip()
    if single := _SINGLE.match(value):
        return single.group(1).replace("''", "'")
    if double := _DOUBLE.match(value):
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), double.group(1))
    return re.sub(r"\s+#.*$", "", value).strip()


def _inline_list(value: str) -> list[str]:
    """``[a, "b, c"]`` → ["a", "b, c"]: commas inside quotes do not split."""
    items = re.findall(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'|[^,]+', value.strip()[1:-1])
    return [item for item in (_unquote(raw) for raw in items) if item]


def _value(value: str) -> str | list[str] | None:
    if value.startswith(("!", "&", "*")):
        return None  # tags and anchors are YAML's ways to build objects: never followed
    if value.startswith("[") and value.endswith("]"):
        return _inline_list(value)
    return _unquote(value)


def parse(lines: list[str]) -> FrontMatter:
    """The ``key: value`` fields of front matter lines (keys lower-cased); anything else is skipped."""
    fields: dict[str, str | list[str]] = {}
    key: str | None = None
    block: list[str] | None = None  # lines of a | or > text block
    for line in lines:
        if block is not None and (line.startswith((" ", "\t")) or not line.strip()):
            block.append(line.strip())
            continue
        if block is not None and key is not None:
            fields[key] = " ".join(part for part in block if part)
            block = None
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = _ITEM.match(line)
        if item and key is not None and isinstance(fields.get(key), list):
            value = _value(item.group("value") if item.group("value") is not None else item.group("top"))
            if isinstance(value, str) and value:
                fields[key].append(value)  # type: ignore[union-attr]
            continue
        match = _KEY.match(line)
        if match is None or line.startswith((" ", "\t")):
            continue  # nested mappings and other YAML are not metadata the reader shows
        key = match.group("key").strip().lower().replace(" ", "_").replace("-", "_")
        raw = (match.group("value") or "").strip()
        if raw in ("|", ">", "|-", ">-", "|+", ">+"):
            block = []
        elif not raw:
            fields[key] = []  # a block list may follow
        elif (value := _value(raw)) is not None:
            fields[key] = value
    if block is not None and key is not None:
        fields[key] = " ".join(part for part in block if part)
    return FrontMatter(fields)
