"""Pages handed to Pagefind as a folder, which it parses on every core, where that is safe.

Pagefind's service parses pages sent to it one at a time on one core (it handles one message
at a time); given a folder, Pagefind parses every page in it at once on all cores: the Chinese
half of a 2,000-issue site in 6 s instead of 14.8 s. But it numbers the pages in the order the
file system lists the folder, and the bundle's bytes follow that numbering. So a folder is used
only when it lists the pages in `order_key` order, the order they are otherwise sent in, and
then the bundle is byte-identical either way (a test checks it). File systems that list
entries in the order they were created, or newest first as tmpfs does, can be made to;
others (ext4 lists by hash) cannot, and the pages are then sent one at a time. The listing is
checked on each folder as written, never assumed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cache
from pathlib import Path

from generator.output.writer import scratch, tidy_scratch

# /dev/shm: memory on Linux (tmpfs); the copies live there only while Pagefind reads them.
BASES = (Path("/dev/shm"), Path(tempfile.gettempdir()))


def order_key(path: str) -> tuple[tuple[int, int, str], ...]:
    """Depth first, numbers in numeric order, then names: the order a folder is made to list
    the pages in. Pagefind ranks pages that score the same in the order it met them, so
    issues go oldest first (as they did before folders: 3 before 22, not after)."""
    return tuple((0, int(part), "") if part.isascii() and part.isdigit() else (1, 0, part)
                 for part in path.split("/"))


def listing(folder: Path) -> list[str]:
    """The files below `folder` in the order Pagefind walks them: depth first, each folder's
    entries in the order the file system gives."""
    found: list[str] = []

    def walk(at: str, prefix: str) -> None:
        with os.scandir(at) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    walk(entry.path, f"{prefix}{entry.name}/")
                else:
                    found.append(prefix + entry.name)

    walk(str(folder), "")
    return found


@cache
def _newest_first(base: Path) -> bool | None:
    """Whether `base` lists a folder's entries newest first (True), oldest first (False), or
    neither (None, also when nothing can be written there)."""
    if not base.is_dir() or not os.access(base, os.W_OK):
        return None
    created = [f"{n}.html" for n in "hdbgaefc"]  # not in name order: a sorted listing is no help
    try:
        tidy_scratch(base)
        with scratch(base, [(name, b"") for name in created]) as probe:
            names = [entry.name for entry in os.scandir(probe)]
    except OSError:
        return None
    # (a file system that lists by hash matches either order by chance once in 20,000)
    return True if names == created[::-1] else False if names == created else None


@contextmanager
def folder(paths: list[str], content: Callable[[str], bytes],
           size: int) -> Iterator[Path | None]:
    """A folder holding `content(path)` for each of `paths` (in `order_key` order) that lists
    them in that order, or None if no such folder can be made here. `size`: about how many
    bytes that is (a place without twice that free is not tried). Removed on leaving."""
    with ExitStack() as stack:
        yield _made(stack, paths, content, size)


def _made(stack: ExitStack, paths: list[str], content: Callable[[str], bytes],
          size: int) -> Path | None:
    for base in BASES:
        newest_first = _newest_first(base)
        if newest_first is None or shutil.disk_usage(base).free < 2 * size:
            continue
        attempt = ExitStack()
        try:
            made = attempt.enter_context(scratch(base, ((path, content(path)) for path in (
                reversed(paths) if newest_first else paths))))
        except OSError:  # full after all, or read-only: the next one
            continue
        if listing(made) == paths:
            stack.enter_context(attempt)  # removed when the caller is done with it
            return made
        attempt.close()
    return None
