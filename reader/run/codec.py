"""Turning analysis values into bytes and back, fast enough to reopen 10,000 articles in about a second.

Pickle (protocol 5) of the model's frozen dataclasses is the fastest format
the standard library offers, but its default path for frozen slotted classes
calls a generic `__setstate__` per object and takes seconds for a large
corpus. Each model class is therefore pickled as a call to a small
constructor generated here, which sets the slots directly (about 5× faster to
load), and loading runs with the cyclic garbage collector paused (about 2×)
and moves what it loaded out of the collector's sight.

Loading accepts only those constructors and plain values, so a cache file
another program wrote cannot make the reader run arbitrary code, and every
blob carries a checksum so that damage shows as `DecodeError`, not as a
wrong result.
"""

from __future__ import annotations

import dataclasses
import io
import operator
import pickle
import sys
import zlib
from collections.abc import Callable
from typing import Any

from reader.run import collector
from reader.analysis.text import dates
from reader.analysis.links import mentions
from reader.analysis import model

PROTOCOL = 5
_HEADER = b"RDR1"
"""Marks a blob as ours and names its layout; changes whenever the encoding does."""


class DecodeError(Exception):
    """The bytes are not a sound encoding of analysis results."""


_CLASSES: tuple[type, ...] = tuple(
    cls
    # Results, the documents sent to worker processes, and what corpus stages' workers send back.
    for module in (model, dates, mentions)
    for cls in vars(module).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == module.__name__
)
_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES}


def _make_constructor(cls: type) -> Callable[..., Any]:
    """A module-level function `_new_<Class>(*values)` that fills the slots without `__init__`.

    The body is unrolled (one setter call per field) because a loop over the
    fields costs a quarter more on load; the values come from an instance of
    the same class, so they were already validated when it was built.
    """
    names = _FIELDS[cls]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    for name in names:
        namespace[f"_set_{name}"] = cls.__dict__[name].__set__
    body = "".join(f"    _set_{name}(obj, {name})\n" for name in names)
    source = f"def _new_{cls.__name__}({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    exec(source, namespace)  # noqa: S102 - source is built from the model's own field names
    function = namespace[f"_new_{cls.__name__}"]
    function.__module__ = __name__
    function.__qualname__ = function.__name__
    return function


_CONSTRUCTORS: dict[type, Callable[..., Any]] = {cls: _make_constructor(cls) for cls in _CLASSES}
for _function in _CONSTRUCTORS.values():
    setattr(sys.modules[__name__], _function.__name__, _function)
_ALLOWED = {_function.__name__: _function for _function in _CONSTRUCTORS.values()}


def _make_reducer(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    constructor = _CONSTRUCTORS[cls]
    names = _FIELDS[cls]
    if len(names) == 1:  # attrgetter returns a bare value, not a tuple, for one name
        return lambda obj: (constructor, (getattr(obj, names[0]),))
    values = operator.attrgetter(*names)
    return lambda obj: (constructor, values(obj))


# Consulted only for objects that are not built-in types, unlike `reducer_override`,
# which would add a Python call to every string and tuple.
_DISPATCH = {cls: _make_reducer(cls) for cls in _CLASSES}


_SHARED = frozenset({model.Anchor, model.DiffRun})


def _link_reducer(canonical: dict[Any, Any]) -> Callable[[model.Link], tuple[Any, ...]]:
    """Links share their ends: one stored `Anchor` per distinct paragraph, not two per link.

    A large corpus has about five times as many link ends as distinct
    paragraphs; pickle's memo stores an object once, so mapping equal anchors
    to one instance removes most anchor constructions from loading.
    """
    constructor = _CONSTRUCTORS[model.Link]
    names = _FIELDS[model.Link]

    def share(value: Any) -> Any:
        if type(value) is tuple:
            return tuple([canonical.setdefault(item, item) for item in value])
        return canonical.setdefault(value, value) if type(value) in _SHARED else value

    def reduce(link: model.Link) -> tuple[Any, ...]:
        return constructor, tuple([share(getattr(link, name)) for name in names])

    return reduce


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name in _ALLOWED:
            return _ALLOWED[name]
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def encode(value: object) -> bytes:
    """Bytes for `value` (model dataclasses, tuples, lists, dicts, str, numbers, None)."""
    buffer = io.BytesIO()
    buffer.write(_HEADER + b"\0\0\0\0")
    pickler = pickle.Pickler(buffer, PROTOCOL)
    pickler.dispatch_table = {**_DISPATCH, model.Link: _link_reducer({})}
    with collector.paused():
        pickler.dump(value)
    data = buffer.getbuffer()
    checksum = zlib.crc32(data[len(_HEADER) + 4 :])
    data[len(_HEADER) : len(_HEADER) + 4] = checksum.to_bytes(4, "big")
    del data
    return buffer.getvalue()


def decode(blob: bytes) -> Any:
    """The value `encode` turned into `blob`; `DecodeError` if the bytes are damaged or foreign."""
    start = len(_HEADER) + 4
    if len(blob) < start or blob[: len(_HEADER)] != _HEADER:
        raise DecodeError("not an analysis result")
    view = memoryview(blob)
    if zlib.crc32(view[start:]) != int.from_bytes(blob[len(_HEADER) : start], "big"):
        raise DecodeError("checksum mismatch")
    try:
        with collector.paused():
            value = _Unpickler(io.BytesIO(view[start:])).load()
            # Analysis results are long-lived, acyclic data (freed by reference counting).
            # Left in the collector's young generation, the next few collections would
            # each walk every one of their millions of objects: about a second for a
            # large corpus, on whichever thread happens to allocate next.
            collector.keep()
            return value
    except Exception as error:  # any failure inside pickle means the blob is unusable
        raise DecodeError(f"cannot read stored result: {error}") from error
