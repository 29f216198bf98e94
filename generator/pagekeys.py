"""A page's key: a digest of everything its template is given, so that a page whose key is the
same as in the previous build can keep that build's bytes instead of being rendered again.

A Document stands in the key as its identity (source path + content digest): every field of
it is a pure function of those, the generator's code and the settings, and the last two are
in the `setup` part of every key (which also stands for a Language). Any other value a
template sees is encoded whole. A value of a type this module does not know is an error,
not a guess: a key that misses a dependency would keep a stale page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import fields, is_dataclass
from functools import cache

from generator.config import Language
from generator.model import Document

_SCALARS = (str, int, bool, float, type(None), dt.date, dt.datetime)


def _encode(value: object, out: list[str]) -> None:
    kind = type(value)
    if kind in _SCALARS:
        out.append(repr(value))
    elif kind is Document:
        out.append(f"D({value.source_path}\0{value.digest})")  # type: ignore[attr-defined]
    elif kind is Language:  # its settings are in `setup`
        out.append(f"L({value.code})")  # type: ignore[attr-defined]
    elif kind is list or kind is tuple:
        out.append("[")
        for item in value:  # type: ignore[attr-defined]
            _encode(item, out)
        out.append("]")
    elif kind is dict:
        out.append("{")
        for name, item in _sorted_items(value):  # type: ignore[arg-type]
            out.append(repr(name))
            if type(item) is str:  # the common case, without a call
                out.append(repr(item))
            else:
                _encode(item, out)
        out.append("}")
    elif kind is set or kind is frozenset:
        out.append(repr(sorted(value)))  # type: ignore[call-overload]
    elif is_dataclass(value) and not isinstance(value, type):
        out.append(kind.__name__ + "(")
        for name in _field_names(kind):
            _encode(getattr(value, name), out)
        out.append(")")
    else:
        raise TypeError(f"no page-key encoding for {kind.__name__}")


def _sorted_items(value: dict) -> list[tuple[object, object]]:
    try:
        return sorted(value.items())  # string keys, as ours are
    except TypeError:
        return sorted(value.items(), key=lambda kv: repr(kv[0]))


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def page_key(setup: str, *parts: object) -> str:
    """The key of one page: the build's setup digest and what the page is rendered from."""
    out = [setup]
    _encode(parts, out)
    return hashlib.blake2b("\x1f".join(out).encode(), digest_size=16).hexdigest()
