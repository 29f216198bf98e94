"""Make a Pagefind 1.6 bundle byte-reproducible.

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

import cbor2

MAGIC = b"pagefind_dcd"


def _load(data: bytes) -> object:
    data = gzip.decompress(data)
    if not data.startswith(MAGIC):
        raise ValueError("not a Pagefind data file")
    return cbor2.loads(data[len(MAGIC):])


def _dump(value: object, old_name: str, prefix: str, suffix: str) -> tuple[str, str, bytes]:
    """(new hash, new file name, compressed bytes without a timestamp) for `value`."""
    raw = MAGIC + cbor2.dumps(value)
    lang, _, old = old_name.removeprefix(prefix).removesuffix(suffix).rpartition("_")
    new_hash = f"{lang}_{hashlib.sha256(raw).hexdigest()[:len(old)]}"
    return new_hash, f"{prefix}{new_hash}{suffix}", gzip.compress(raw, compresslevel=9, mtime=0)


def canonicalize(files: dict[str, bytes]) -> dict[str, bytes]:
    """The same bundle with sorted filters and names that follow from the sorted bytes."""
    out = dict(files)
    renamed: dict[str, str] = {}
    for path in sorted(p for p in files if p.endswith(".pf_filter")):
        name, values = _load(out.pop(path))  # [filter name, [[value, [page numbers]], ...]]
        folder, _, file_name = path.rpartition("/")
        new_hash, new_name, data = _dump([name, sorted(values)], file_name, "", ".pf_filter")
        renamed[file_name.removesuffix(".pf_filter")] = new_hash
        out[f"{folder}/{new_name}"] = data
    entry = json.loads(out["pagefind-entry.json"])
    for language in entry["languages"].values():
        old_name = f"pagefind.{language['hash']}.pf_meta"
        meta = _point(_load(out.pop(old_name)), renamed)
        language["hash"], new_name, data = _dump(meta, old_name, "pagefind.", ".pf_meta")
        out[new_name] = data
    entry["languages"] = dict(sorted(entry["languages"].items()))
    out["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False,
                                            separators=(",", ":")).encode("utf-8")
    return out


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
