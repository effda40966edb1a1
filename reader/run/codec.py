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
import gc
import importlib
import io
import operator
import pickle
import re
import sys
import typing
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
    exec(source, namespace)
    function = namespace[name]
    function.__module__ = __name__
    function.__qualname__ = name
    setattr(sys.modules[__name__], name, function)  # so pickle finds it by name
    return function


_CONSTRUCTORS: dict[type, Callable[..., Any]] = {}
SMALL = 2
"""A dataclass of at most this many fields is a small value (`Anchor`, `DiffRun`): equal ones are stored once."""


@dataclasses.dataclass(frozen=True, slots=True)
class _Reducer:
    """How to encode one dataclass: its constructor, a C-level getter of its field values, and
    which fields hold small values (`one`) or tuples of them (`many`) to store once each."""

    constructor: Callable[..., Any]
    values: Callable[[Any], Any]
    one: tuple[int, ...] = ()
    many: tuple[int, ...] = ()


_REDUCERS: dict[type, _Reducer] = {}
"""Per dataclass, made on first sight."""


def _constructor(cls: type) -> Callable[..., Any]:
    return _CONSTRUCTORS.get(cls) or _CONSTRUCTORS.setdefault(cls, _make_constructor(cls))


def _small(kind: Any) -> bool:
    return isinstance(kind, type) and dataclasses.is_dataclass(kind) and len(dataclasses.fields(kind)) <= SMALL


def _reducer(cls: type) -> _Reducer:
    if not dataclasses.is_dataclass(cls) or not (cls.__module__ + ".").startswith(TRUSTED):
        raise EncodeError(f"cannot encode {cls.__module__}.{cls.__qualname__}: not analysis data")
    names = [field.name for field in dataclasses.fields(cls)]
    # attrgetter of several names returns a tuple; of one name, a bare value.
    values = operator.attrgetter(*names) if len(names) > 1 else (lambda obj: (getattr(obj, names[0]),))
    try:
        hints = typing.get_type_hints(cls)
    except (NameError, TypeError):  # a hint that cannot be resolved: nothing to share, still encodable
        hints = {}
    kinds = [hints.get(name) for name in names]
    one = tuple(n for n, kind in enumerate(kinds) if _small(kind))
    many = tuple(n for n, kind in enumerate(kinds) if typing.get_origin(kind) is tuple and any(_small(k) for k in typing.get_args(kind)))
    return _REDUCERS.setdefault(cls, _Reducer(_constructor(cls), values, one, many))


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, protocol: int) -> None:
        super().__init__(file, protocol)
        self.canonical: dict[Any, Any] = {}
        """One instance per distinct small value: pickle's memo then stores each once. A large
        corpus has about five times as many link ends (`Anchor`s) as distinct paragraphs, and
        loading builds one object per stored one."""

    def reducer_override(self, obj: Any) -> Any:
        """Called only for what is not a built-in value (str, tuple, dict… pickle on their own)."""
        found = _REDUCERS.get(type(obj))
        if found is None:
            if getattr(obj, "__module__", None) == __name__ and obj in _CONSTRUCTORS.values():
                return NotImplemented  # one of our constructors, pickled by name
            found = _reducer(type(obj))
        if not (found.one or found.many):
            return found.constructor, found.values(obj)
        share = self.canonical.setdefault
        values = list(found.values(obj))
        for n in found.one:
            values[n] = share(values[n], values[n])
        for n in found.many:
            values[n] = tuple([share(item, item) for item in values[n]])
        return found.constructor, tuple(values)


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
    # Loading builds millions of objects at once (a large corpus from the cache), none of which
    # can form a cycle; the cyclic collector would visit every one as it is made. Paired, on the
    # 10,000-article benchmark corpus, the whole-corpus read took 1.85x as long with the
    # collector on as with this pause; it ends with the load, freezes nothing, and any cycle
    # another thread makes meanwhile is collected afterwards.
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(view[start:])).load()
    except Exception as error:  # any failure inside pickle means the blob is unusable
        raise DecodeError(f"cannot read stored result: {error}") from error
    finally:
        if was_on:
            gc.enable()
