"""Compiled templates kept in the build cache, so a rebuild does not compile the theme again.

Jinja checks each entry against its template's source (and Python's bytecode version) before
using it, so an edited template or another Python is compiled afresh. One store serves every
language's environment; a template's entry is per catalog, since literal translations are
compiled in (`translated`).
"""

from __future__ import annotations

import pickle

import jinja2


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self, data: bytes | None = None):
        self.stored: dict[str, bytes] = {}
        self.changed = False
        if data:
            try:
                self.stored = dict(pickle.loads(data))
            except Exception:  # noqa: BLE001 - an unreadable cache only costs compiling
                self.stored = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        key = f"{self.get_cache_key(name, filename)}-{getattr(environment, 'catalog_key', '')}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.stored.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()
        self.changed = True

    def dump(self) -> bytes:
        return pickle.dumps(self.stored, protocol=pickle.HIGHEST_PROTOCOL)
