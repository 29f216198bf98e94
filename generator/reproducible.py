"""Make a Pagefind 1.5 bundle byte-reproducible.

Pagefind writes each filter's values, and the list of filters in each language's meta file,
in hash-map order, which changes from run to run, and names those files by a hash of their
bytes. This puts the values and the filters in sorted order, renames the files by a hash of
the sorted bytes and points the meta and entry files at the new names. The bundle means the
same to Pagefind; a test builds twice and compares every byte. Tied to the pinned version.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

MAGIC = b"pagefind_dcd"


def _load(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path} is not a Pagefind data file")
    return cbor2.loads(data[len(MAGIC):])


def _dump(value: object) -> tuple[bytes, str]:
    """Compressed file bytes (no timestamp) and the hex digest that names them."""
    raw = MAGIC + cbor2.dumps(value)
    return gzip.compress(raw, compresslevel=9, mtime=0), hashlib.sha256(raw).hexdigest()


def _rename(path: Path, value: object, prefix: str, old_hash: str, suffix: str) -> str:
    """Rewrite `path` as `value` under a name from its new content; return the new hash."""
    data, digest = _dump(value)
    lang, _, old = old_hash.rpartition("_")
    new_hash = f"{lang}_{digest[:len(old)]}"
    path.unlink()
    (path.parent / f"{prefix}{new_hash}{suffix}").write_bytes(data)
    return new_hash


def canonicalize(bundle: Path) -> None:
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _load(path)  # [filter name, [[value, [page numbers]], ...]]
        old = path.name.removesuffix(".pf_filter")
        renamed[old] = _rename(path, [name, sorted(values)], "", old, ".pf_filter")
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _point(_load(path), renamed)
        language["hash"] = _rename(path, meta, "pagefind.", language["hash"], ".pf_meta")
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _point(value: object, renamed: dict[str, str]) -> object:
    """Replace old filter file names, and sort the [filter, file] list by filter name."""
    if isinstance(value, str):
        return renamed.get(value, value)
    if isinstance(value, list):
        items = [_point(item, renamed) for item in value]
        is_filter_list = items and all(isinstance(i, list) and len(i) == 2 and i[1] in
                                       renamed.values() for i in items)
        return sorted(items) if is_filter_list else items
    return value
