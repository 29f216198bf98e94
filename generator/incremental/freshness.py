"""What the previous build left: its state, and the listing of its output folder (each
file's path, size and modification time), so an output edited or damaged by hand is never
trusted."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.content.reader import Stamps, files_below
from generator.errors import Diagnostic

Listing = dict[str, list[int]]  # output file -> [size, mtime_ns]


def listing(out: Path) -> Listing:
    """Every file of the output folder with its size and modification time."""
    if not out.is_dir():
        return {}
    return {rel: [stat.st_size, stat.st_mtime_ns] for rel, entry in files_below(out, hidden=True)
            for stat in (entry.stat(follow_symlinks=False),)}


def patched(before: Listing, out: Path, changed: Iterable[str]) -> Listing:
    """`before` with the files a build wrote or removed looked at again: the listing of the
    output after an in-place update, without walking all of it a second time."""
    result = dict(before)
    for rel in changed:
        try:
            stat = os.stat(out / rel, follow_symlinks=False)
        except FileNotFoundError:
            result.pop(rel, None)
        else:
            result[rel] = [stat.st_size, stat.st_mtime_ns]
    return result


def state_name(out: Path) -> str:
    return "build-" + hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:12] + ".json"


@dataclass(frozen=True)
class Previous:
    """What the previous build into the same output folder recorded."""

    fingerprint: str
    setup: str
    listing: Listing  # of the output as that build left it
    summary: dict
    warnings: list[Diagnostic]
    pages: dict[str, str]  # output path -> page key
    stamps: Stamps  # of the content files, for the next scan
    search: dict[str, dict]  # the search index's parts (search.Part as a dict) by language

    def output_listing(self, out: Path) -> Listing | None:
        """The listing of `out` if it is still exactly what that build wrote (only then may
        its files be kept), else None."""
        now = listing(out)
        return now if now == self.listing else None


def encode_state(fingerprint: str, setup: str, output: Listing, summary: dict,
                 warnings: list[Diagnostic], pages: dict[str, str], stamps: Stamps,
                 search: dict[str, dict]) -> bytes:
    return json.dumps({"fingerprint": fingerprint, "setup": setup, "listing": output,
                       "summary": summary, "warnings": [asdict(w) for w in warnings],
                       "pages": pages, "stamps": stamps, "search": search}).encode()


def previous(state: bytes | None) -> Previous | None:
    """The stored build; None if there is none or it cannot be read (a full build then)."""
    if not state:
        return None
    try:
        data = json.loads(state)
        return Previous(data["fingerprint"], data["setup"], dict(data["listing"]),
                        data["summary"],
                        [Diagnostic(**w) for w in data["warnings"]], dict(data["pages"]),
                        {path: tuple(stamp) for path, stamp in data["stamps"].items()},
                        dict(data["search"]))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
