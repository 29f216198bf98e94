"""A page's key: a digest of everything its template is given, so that a page whose key is the
same as in the previous build can keep that build's bytes instead of being rendered again.

A Document stands in the key as its identity (source path + content digest): every field of
it is a pure function of those, the generator's code and the settings, and the last two are
in the `setup` part of every key (which also stands for a Language). A Head stands in as its
document's path and `head` digest, which covers all a Head shows. Any other value a
template sees is encoded whole. A value of a type this module does not know is an error,
not a guess: a key that misses a dependency would keep a stale page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import fields, is_dataclass
from functools import cache
from itertools import chain

from generator.content.config import Language
from generator.model import Document
from generator.render.heads import Head

# Values whose repr() is all of them.
_SCALARS = frozenset((str, int, bool, float, type(None), dt.date, dt.datetime))


def _encode(value: object, out: list[str]) -> None:
    """A container and what is in it. Items are encoded inline, and containers in their own
    order (a template that iterates a dict shows that order): most pages' keys are thousands
    of small values, and a call for each was most of an incremental build's key time."""
    kind = type(value)
    items: Iterable[object]
    if kind is list or kind is tuple:
        out.append("[")
        items, close = value, "]"  # type: ignore[assignment]
    elif kind is dict:
        out.append("{")
        items, close = chain.from_iterable(value.items()), "}"  # type: ignore[attr-defined]
    elif kind is set or kind is frozenset:
        out.append(repr(sorted(value)))  # type: ignore[call-overload]
        return
    elif is_dataclass(value) and not isinstance(value, type):
        out.append(kind.__name__ + "(")
        items, close = (getattr(value, name) for name in _field_names(kind)), ")"
    else:
        raise TypeError(f"no page-key encoding for {kind.__name__}")
    for item in items:
        item_kind = type(item)
        if item_kind in _SCALARS:
            out.append(repr(item))
        elif item_kind is Document:
            out.append(f"D({item.source_path}\0{item.digest})")  # type: ignore[attr-defined]
        elif item_kind is Head:
            out.append(f"H({item.identity})")  # type: ignore[attr-defined]
        elif item_kind is Language:  # its settings are in `setup`
            out.append(f"L({item.code})")  # type: ignore[attr-defined]
        else:
            _encode(item, out)
    out.append(close)


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def page_key(setup: str, *parts: object) -> str:
    """The key of one page: the build's setup digest and what the page is rendered from."""
    out = [setup]
    _encode(parts, out)
    return hashlib.blake2b("\x1f".join(out).encode(), digest_size=16).hexdigest()
