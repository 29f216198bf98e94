"""Which folder a build may replace, and one build per output folder at a time.

A build replaces its output folder whole, so a mistyped `--out` (`.`, `content`, `..`) would
otherwise throw away the project. An output is marked with MARKER when it is made; a folder
that exists, is not empty and carries no marker is never replaced.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

MARKER = ".newsletter-output"
MARKER_TEXT = b"Made by `newsletter build`: the next build may replace this whole folder.\n"
# Inside the site folder these are the editors', never an output.
SOURCES = ("content", "themes", ".git", ".cache", "site.yaml")


class OutputRefused(Exception):
    """The output folder given is one the generator must not replace."""


def check_output(root: Path, out: Path, replaced: bool = True) -> None:
    """Raise OutputRefused, saying why and what to do, unless `out` may be written into and,
    if `replaced` (a build; not `email`, which adds files), replaced whole."""
    if not str(out).strip():
        raise OutputRefused("--out is empty: give the folder to build into, e.g. --out build")
    site, target = root.resolve(), out.resolve()
    if target == site or target in site.parents:
        raise OutputRefused(f"--out {out} is the site folder or a folder above it: building "
                            "there would replace the project")
    if target.is_relative_to(site):
        first = target.relative_to(site).parts[0]
        if first in SOURCES:
            raise OutputRefused(f"--out {out} is inside {first}, which holds the site's own "
                                "files")
    if target.exists() and not target.is_dir():
        raise OutputRefused(f"--out {out} is an existing file, not a folder")
    if replaced and target.is_dir() and not (target / MARKER).is_file() and \
            any(target.iterdir()):
        raise OutputRefused(f"--out {out} is a folder with files this generator did not "
                            f"write (no {MARKER} in it): it would be replaced whole")


@contextmanager
def exclusive(out: Path, lock: Path, waiting: TextIO) -> Iterator[None]:
    """Hold `lock` (a file in the build cache, one per output) for one build of `out`. A
    second build of the same output waits, and says so, rather than interleave its swap
    with this one's; the kernel drops the lock if a build is killed."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build of {out} to finish…", file=waiting, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # (releases the lock)
