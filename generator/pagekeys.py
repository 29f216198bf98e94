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

from generator.config import Language
from generator.model import Document


def _encode(value: object, out: list[str]) -> None:
    if isinstance(value, Document):
        out.append(f"D({value.source_path}\0{value.digest})")
    elif isinstance(value, Language):  # its settings are in `setup`
        out.append(f"L({value.code})")
    elif value is None or isinstance(value, bool | int | float | str | dt.date):
        out.append(repr(value))
    elif isinstance(value, list | tuple):
        out.append("[")
        for item in value:
            _encode(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for name, item in sorted(value.items(), key=lambda kv: repr(kv[0])):
            out.append(repr(name))
            _encode(item, out)
        out.append("}")
    elif isinstance(value, set | frozenset):
        out.append(repr(sorted(value)))
    elif is_dataclass(value) and not isinstance(value, type):
        out.append(type(value).__name__ + "(")
        for f in fields(value):
            _encode(getattr(value, f.name), out)
        out.append(")")
    else:
        raise TypeError(f"no page-key encoding for {type(value).__name__}")


def page_key(setup: str, *parts: object) -> str:
    """The key of one page: the build's setup digest and what the page is rendered from."""
    out = [setup]
    _encode(parts, out)
    return hashlib.blake2b("\x1f".join(out).encode(), digest_size=16).hexdigest()
