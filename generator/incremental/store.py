"""THE owner of `.cache/newsletter/`: what lets a build skip work, behind one interface.

A build asks it four things: the last build into the same output, if that output is still
exactly as it left it (`previous`); the documents parsed before (`documents`, `keep`); which
pages must be rendered again (`plan`); and to remember this build for the next (`record`).
Nothing else reads or writes the cache. Everything in it is data checked on the way in: a
file planted there can describe data, never run code.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from generator.content.config import SiteConfig
from generator.content.reader import SourceFile, Stamps
from generator.errors import Diagnostic
from generator.incremental import freshness
from generator.incremental.documents import (
    CACHE_DIR,
    SHARDS,
    DocumentCache,
    code_digest,
    shard_name,
)
from generator.incremental.pagekeys import page_key
from generator.output.files import Output
from generator.output.guard import exclusive
from generator.output.writer import write_files

if TYPE_CHECKING:  # (rendering is not imported by a build that has nothing to render)
    from generator.render.pages import Job


@dataclass(frozen=True)
class Plan:
    """This build's page keys (for the next one) and the jobs whose key is new."""

    keys: dict[str, str]  # output path -> page key
    todo: list[Job]


class Store:
    """`enabled` False (`--clean`): nothing is read from the cache; it is still written."""

    def __init__(self, root: Path, out: Path | None = None, enabled: bool = True):
        self.folder = root / CACHE_DIR
        self.out, self.enabled = out, enabled
        self.state_file = self.folder / freshness.state_name(out) if out else None

    @contextmanager
    def lock(self, waiting: TextIO) -> Iterator[None]:
        """One build of an output at a time (a second one waits, and says so)."""
        assert self.out is not None and self.state_file is not None
        with exclusive(self.out, self.state_file.with_suffix(".lock"), waiting):
            yield

    def _read(self, path: Path) -> bytes | None:
        return path.read_bytes() if self.enabled and path.is_file() else None

    def previous(self) -> freshness.Previous | None:
        """What the last build into the output recorded, if the output is untouched since."""
        assert self.out is not None and self.state_file is not None
        state = freshness.previous(self._read(self.state_file))
        return state if state and state.output_listing(self.out) is not None else None

    def has_documents(self) -> bool:
        return any(self._read(self.folder / shard_name(index)) is not None
                   for index in range(SHARDS))

    def documents(self, config: SiteConfig) -> DocumentCache:
        return DocumentCache.load([self._read(self.folder / shard_name(index))
                                   for index in range(SHARDS)], config)

    def keep(self, cache: DocumentCache) -> None:
        """Store the documents this build parsed or used (only the shards that changed)."""
        write_files(self.folder, (Output(shard_name(index), data)
                                  for index, data in cache.dump()))

    @staticmethod
    def plan(jobs: list[Job], setup: str, previous: freshness.Previous | None) -> Plan:
        """Key every job; those whose key the previous build (of the same setup) had are not
        rendered: their files stand."""
        known = previous.pages if previous and previous.setup == setup else {}
        keys = {job.path: page_key(setup, *job.parts) for job in jobs}
        return Plan(keys, [job for job in jobs if known.get(job.path) != keys[job.path]])

    def record(self, fingerprint: str, setup: str, summary: dict,
               warnings: list[Diagnostic], keys: dict[str, str], stamps: Stamps,
               search: dict[str, dict], written: Iterable[str] | None,
               previous: freshness.Previous | None) -> None:
        """Remember this build. `written`: the files an in-place update wrote or removed
        (then only those are looked at again); None: the whole output was replaced."""
        assert self.out is not None and self.state_file is not None
        listing = freshness.listing(self.out) if written is None or previous is None else \
            freshness.patched(previous.listing, self.out, written)
        write_files(self.folder, [Output(self.state_file.name, freshness.encode_state(
            fingerprint, setup, listing, summary, warnings, keys, stamps, search))])


# The setup key covers what every page depends on (the generator's code, site.yaml, every
# theme file, the options); the fingerprint adds every content file. With the same
# fingerprint and an untouched output, a rebuild does nothing; with the same setup, it keeps
# every page whose key (`pagekeys`) has not changed.
def setup_key(config_text: str, theme_root: Path, options: tuple) -> str:
    digest = hashlib.sha256()
    digest.update(code_digest().encode() + config_text.encode() + repr(options).encode())
    for path in sorted(theme_root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme_root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def fingerprint(setup: str, files: list[SourceFile]) -> str:
    digest = hashlib.sha256(setup.encode())
    for source in files:
        digest.update(f"{source.path}\0{source.digest}\0".encode())
    return digest.hexdigest()
