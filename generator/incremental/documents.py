"""The build cache: Documents already parsed, keyed by everything that shapes them.

A key is the source's path and content digest, the settings a Document depends on and a
digest of the generator's own code, so an edited file, a changed setting or a new version of
the generator can never be answered from the cache. The shards are JSON checked value by value
(codec.py), never pickle: a file planted in .cache/ can describe data, not run code. A shard
that cannot be read or checked is ignored and rebuilt: the cache only ever saves time.
"""

from __future__ import annotations

import gc
import hashlib
import json
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from generator.content.config import SiteConfig
from generator.content.reader import SourceFile
from generator.errors import Diagnostic
from generator.incremental.codec import (
    decode_diagnostic,
    decode_document,
    encode_diagnostic,
    encode_document,
)
from generator.model import Document

CACHE_DIR = Path(".cache") / "newsletter"
Entry = tuple[Document | None, list[Diagnostic]]


@cache  # (the setup key and the documents' salt both use it)
def code_digest() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


SHARDS = 16  # an edit re-writes one shard, not the whole cache


def shard_name(index: int) -> str:
    return f"documents-{index:02d}.json"


class DocumentCache:
    """Stored in SHARDS files by source path, so that a rebuild after an edit writes only
    the shard the edited file is in."""

    def __init__(self, entries: dict[str, Entry] | None = None, salt: str = ""):
        self.entries = entries or {}
        self.salt = salt
        self.used: dict[str, Entry] = {}  # what this build used or added: the next cache

    @classmethod
    def load(cls, shards: list[bytes | None], config: SiteConfig) -> DocumentCache:
        """From the shards' bytes (None: missing); any unreadable shard is ignored."""
        salt = hashlib.sha256(repr((code_digest(), config.codes, [
            (lang.code, lang.issue_title) for lang in config.languages])).encode()).hexdigest()
        entries: dict[str, Entry] = {}
        enabled = gc.isenabled()
        gc.disable()  # decoding makes ~100 objects a document: no collections meanwhile
        try:
            for data in shards:
                try:
                    entries.update(_decode_shard(data, salt) if data else {})
                except (ValueError, TypeError, RecursionError):  # (Invalid is a ValueError)
                    continue  # an unreadable or foreign shard is simply not used
        finally:
            if enabled:
                gc.enable()
        return cls(entries, salt)

    def _key(self, source: SourceFile) -> str:
        return f"{source.path}\0{source.digest}"

    def get(self, source: SourceFile) -> Entry | None:
        entry = self.entries.get(self._key(source))
        if entry is not None:
            self.used[self._key(source)] = entry
        return entry

    def put(self, source: SourceFile, entry: Entry) -> None:
        self.used[self._key(source)] = entry

    def dump(self) -> Iterator[tuple[int, bytes]]:
        """(index, bytes) of each shard whose entries differ from what was loaded, one at a
        time (the whole cache pickled at once would double the build's peak memory)."""
        def split(entries: dict[str, Entry]) -> list[dict[str, Entry]]:
            shards: list[dict[str, Entry]] = [{} for _ in range(SHARDS)]
            for key, entry in entries.items():
                path = key.partition("\0")[0]
                shards[zlib.crc32(path.encode()) % SHARDS][key] = entry
            return shards

        old = split(self.entries)
        for index, shard in enumerate(split(self.used)):
            if shard.keys() != old[index].keys():
                yield index, json.dumps({"salt": self.salt, "entries": {
                    key: [encode_document(doc) if doc else None,
                          [encode_diagnostic(d) for d in problems]]
                    for key, (doc, problems) in shard.items()}},
                    ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode_shard(data: bytes, salt: str) -> dict[str, Entry]:
    """The entries of one shard written with this `salt`; raises on anything else."""
    stored = json.loads(data)
    if not isinstance(stored, dict) or stored.get("salt") != salt:
        return {}
    entries = stored.get("entries")
    if not isinstance(entries, dict):
        raise ValueError("entries")
    found: dict[str, Entry] = {}
    for key, value in entries.items():
        if not isinstance(value, list) or len(value) != 2 or not isinstance(value[1], list):
            raise ValueError("entry")
        doc = None if value[0] is None else decode_document(value[0])
        found[key] = (doc, [decode_diagnostic(d) for d in value[1]])
    return found
