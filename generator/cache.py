"""The build cache: Documents already parsed, keyed by everything that shapes them.

A key is the source's path and content digest, the settings a Document depends on and a
digest of the generator's own code, so an edited file, a changed setting or a new version of
the generator can never be answered from the cache. A cache that cannot be read (corrupt,
truncated, from another Python) is ignored and rebuilt: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from generator.config import SiteConfig
from generator.errors import Diagnostic
from generator.model import Document
from generator.sources import SourceFile

CACHE_DIR = Path(".cache") / "newsletter"
Entry = tuple[Document | None, list[Diagnostic]]


def code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


class DocumentCache:
    def __init__(self, entries: dict[str, Entry] | None = None, salt: str = ""):
        self.entries = entries or {}
        self.salt = salt
        self.used: dict[str, Entry] = {}  # what this build used or added: the next cache

    @classmethod
    def load(cls, data: bytes | None, config: SiteConfig) -> DocumentCache:
        salt = hashlib.sha256(repr((code_digest(), config.codes, [
            (lang.code, lang.issue_title) for lang in config.languages])).encode()).hexdigest()
        if not data:
            return cls(salt=salt)
        try:
            stored_salt, entries = pickle.loads(data)
        except Exception:  # noqa: BLE001 - any unreadable cache is simply not used
            return cls(salt=salt)
        return cls(entries if stored_salt == salt else {}, salt)

    def _key(self, source: SourceFile) -> str:
        return f"{source.path}\0{source.digest}"

    def get(self, source: SourceFile) -> Entry | None:
        entry = self.entries.get(self._key(source))
        if entry is not None:
            self.used[self._key(source)] = entry
        return entry

    def put(self, source: SourceFile, entry: Entry) -> None:
        self.used[self._key(source)] = entry

    def dump(self) -> bytes:
        return pickle.dumps((self.salt, self.used), protocol=pickle.HIGHEST_PROTOCOL)
