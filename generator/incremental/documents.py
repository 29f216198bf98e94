"""The build cache: Documents already parsed, keyed by everything that shapes them.

A key is the source's path and content digest, the settings a Document depends on and a
digest of the generator's own code, so an edited file, a changed setting or a new version of
the generator can never be answered from the cache. A cache that cannot be read (corrupt,
truncated, from another Python) is ignored and rebuilt: it only ever saves time.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import zlib
from collections.abc import Iterator
from pathlib import Path

from generator.config import SiteConfig
from generator.content.reader import SourceFile
from generator.errors import Diagnostic
from generator.model import Document

CACHE_DIR = Path(".cache") / "newsletter"
Entry = tuple[Document | None, list[Diagnostic]]


def code_digest() -> str:
    digest = hashlib.sha256()
    package = Path(__file__).parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


SHARDS = 16  # an edit re-writes one shard, not the whole cache


def shard_name(index: int) -> str:
    return f"documents-{index:02d}.pickle"


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
        gc.disable()  # unpickling makes ~100 objects a document: no collections meanwhile
        try:
            for data in shards:
                try:
                    stored_salt, found = pickle.loads(data) if data else (salt, {})
                except Exception:  # noqa: BLE001 - an unreadable cache is simply not used
                    continue
                if stored_salt == salt:
                    entries.update(found)
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
                yield index, pickle.dumps((self.salt, shard), protocol=pickle.HIGHEST_PROTOCOL)
