"""Turning analysis values into bytes and back: for worker processes and for the cache.

Whatever a stage returns (frozen dataclasses of the analysis, tuples, lists,
dicts, sets, strings, numbers) is encoded without being registered anywhere.
Pickle's default path for frozen slotted dataclasses calls a generic
`__setstate__` per object and takes seconds for a large corpus, so every
dataclass is pickled as a call to a small constructor derived from its fields
(about 5x faster to load). Constructors are made on first use, in the process
that needs them, from the class's module and name alone.

Loading accepts only those constructors, for dataclasses under
`reader.analysis`, and plain values: a cache file another program wrote cannot
make the reader run arbitrary code. Every blob carries a checksum, so damage
shows as `DecodeError`, not as a wrong result. A value that cannot be encoded
(a lambda, an open file, a class from elsewhere) raises `EncodeError` at once.
"""

from __future__ import annotations

import dataclasses
import importlib
import io
import operator
import pickle
import re
import sys
import zlib
from collections.abc import Callable
from typing import Any

PROTOCOL = 5
_HEADER = b"RDR2"
"""Marks a blob as ours and names its layout; changes whenever the encoding does."""
TRUSTED = "reader.analysis."
"""Dataclasses from modules under this prefix are the only classes a blob may name."""


class DecodeError(Exception):
    """The bytes are not a sound encoding of analysis results."""


class EncodeError(TypeError):
    """The value holds something that is not analysis data (see the module docs)."""


def _constructor_name(cls: type) -> str:
    """A module-level name that spells the class's module and name unambiguously."""
    parts = [*cls.__module__.split("."), cls.__qualname__]
    return "_new" + "".join(f"_{len(part)}{part}" for part in parts)


_NAME = re.compile(r"_(\d+)")


def _class_of(name: str) -> type:
    """The trusted dataclass a constructor name spells, imported if need be; else UnpicklingError."""
    parts, position = [], len("_new")
    while position < len(name):
        match = _NAME.match(name, position)
        if match is None:
            raise pickle.UnpicklingError(f"refusing to load {name}")
        length, start = int(match.group(1)), match.end()
        parts.append(name[start : start + length])
        position = start + length
    module, qualname = ".".join(parts[:-1]), parts[-1] if parts else ""
    if not (module + ".").startswith(TRUSTED) or not qualname.isidentifier():
        raise pickle.UnpicklingError(f"refusing to load {module}.{qualname}")
    cls = getattr(importlib.import_module(module), qualname, None)
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)) or _constructor_name(cls) != name:
        raise pickle.UnpicklingError(f"refusing to load {module}.{qualname}")
    return cls


def _make_constructor(cls: type) -> Callable[..., Any]:
    """A module-level function `_new_…(*values)` that fills the object without `__init__`.

    The body is unrolled (one setter call per field) because a loop over the
    fields costs a quarter more on load; the values come from an instance of
    the same class, so they were already validated when it was built.
    """
    names = [field.name for field in dataclasses.fields(cls)]
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_setattr": object.__setattr__}
    if hasattr(cls, "__slots__"):
        for field in names:
            namespace[f"_set_{field}"] = cls.__dict__[field].__set__
        body = "".join(f"    _set_{field}(obj, {field})\n" for field in names)
    else:
        body = "".join(f"    _setattr(obj, {field!r}, {field})\n" for field in names)
    name = _constructor_name(cls)
    source = f"def {name}({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n"
    exec(source, namespace)  # noqa: S102 - built from the dataclass's own field names
    function = namespace[name]
    function.__module__ = __name__
    function.__qualname__ = name
    setattr(sys.modules[__name__], name, function)  # so pickle finds it by name
    return function


_CONSTRUCTORS: dict[type, Callable[..., Any]] = {}
_REDUCERS: dict[type, tuple[Callable[..., Any], Callable[[Any], Any]]] = {}
"""Per dataclass: its constructor and a C-level getter of its field values, made on first sight."""


def _constructor(cls: type) -> Callable[..., Any]:
    return _CONSTRUCTORS.get(cls) or _CONSTRUCTORS.setdefault(cls, _make_constructor(cls))


def _reducer(cls: type) -> tuple[Callable[..., Any], Callable[[Any], Any]]:
    if not dataclasses.is_dataclass(cls) or not (cls.__module__ + ".").startswith(TRUSTED):
        raise EncodeError(f"cannot encode {cls.__module__}.{cls.__qualname__}: not analysis data")
    names = [field.name for field in dataclasses.fields(cls)]
    # attrgetter of several names returns a tuple; of one name, a bare value.
    values = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
    return _REDUCERS.setdefault(cls, (_constructor(cls), values))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        """Called only for what is not a built-in value (str, tuple, dict… pickle on their own)."""
        found = _REDUCERS.get(type(obj))
        if found is None:
            if getattr(obj, "__module__", None) == __name__ and obj in _CONSTRUCTORS.values():
                return NotImplemented  # one of our constructors, pickled by name
            found = _reducer(type(obj))
        return found[0], found[1](obj)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if module == __name__ and name.startswith("_new_"):
            return _constructor(_class_of(name))
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def __getattr__(name: str) -> Any:
    """A constructor asked for by name (by pickle in a worker) before this process made it."""
    if name.startswith("_new_"):
        return _constructor(_class_of(name))
    raise AttributeError(name)


def encode(value: object) -> bytes:
    """Bytes for `value`: analysis dataclasses and plain values; `EncodeError` for anything else."""
    buffer = io.BytesIO()
    buffer.write(_HEADER + b"\0\0\0\0")
    try:
        _Pickler(buffer, PROTOCOL).dump(value)
    except (pickle.PicklingError, AttributeError) as error:
        raise EncodeError(str(error)) from error
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
        return _Unpickler(io.BytesIO(view[start:])).load()
    except Exception as error:  # any failure inside pickle means the blob is unusable
        raise DecodeError(f"cannot read stored result: {error}") from error
