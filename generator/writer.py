"""THE writer: builds the site in a staging folder beside the output and swaps it in whole.

A build that fails or is killed leaves the previous output as it was: the finished staging
folder and the output are exchanged in one atomic step (Linux renameat2), so there is no
moment without a complete output. Where that call is missing, two renames are used and the
next build restores the output from `.old` if a kill fell between them.
`write_files` adds a few files (the e-mail edition) to the output without touching the rest.
"""

from __future__ import annotations

import ctypes
import os
import shutil
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from generator.model import Output


class OutputCollision(Exception):
    pass


def _relative(output: Output) -> PurePosixPath:
    path = PurePosixPath(output.path)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise OutputCollision(f"refusing to write outside the output folder: {output.path}")
    return path


def write_files(out: Path, outputs: Iterable[Output]) -> list[Path]:
    """Write `outputs` below `out`, leaving every other file there as it is.

    Each file is replaced atomically (a temporary file beside it, then os.replace), so a reader
    or a killed run never sees half a file. Returns the paths written.
    """
    written: list[Path] = []
    for output in outputs:
        target = out / _relative(output)
        if target in written:
            raise OutputCollision(f"two files would be written to {output.path}")
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(output.data)
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
        written.append(target)
    return written


class StagedWriter:
    def __init__(self, out: Path):
        self.out = out
        # Named per process: a killed build's helpers (Pagefind runs as a child process) may
        # still be writing into their staging folder; the next build must not reuse it.
        self.stage = out.parent / f".{out.name}.staging-{os.getpid()}"
        self.old = out.parent / f".{out.name}.old"
        self.written: set[str] = set()

    def __enter__(self) -> StagedWriter:
        self.tidy()
        self.stage.mkdir(parents=True)
        return self

    def tidy(self) -> None:
        """Finish what killed builds left: a half-done swap, staging folders."""
        self.recover()
        for leftover in self.out.parent.glob(f".{self.out.name}.staging-*"):
            shutil.rmtree(leftover, ignore_errors=True)

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None and self.stage.exists():
            shutil.rmtree(self.stage)

    def recover(self) -> None:
        """Undo a swap that a killed build left half done."""
        if self.old.exists():
            if not self.out.exists():
                self.old.rename(self.out)
            else:
                shutil.rmtree(self.old)

    def write(self, output: Output) -> None:
        path = _relative(output)
        if output.path in self.written:
            raise OutputCollision(f"two pages would be written to {output.path}")
        self.written.add(output.path)
        target = self.stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(output.data)

    def copy_tree(self, source: Path, prefix: str) -> int:
        """Copy a folder of static assets (sorted, so collisions report the same way)."""
        count = 0
        for path in sorted(source.rglob("*")):
            if path.is_file() and not path.name.startswith("."):
                rel = f"{prefix}/{path.relative_to(source).as_posix()}"
                self.write(Output(rel, path.read_bytes()))
                count += 1
        return count

    def commit(self) -> None:
        if self.out.exists() and _exchange(self.stage, self.out):
            shutil.rmtree(self.stage)  # now the previous output
            return
        if self.out.exists():
            self.out.rename(self.old)
        self.stage.rename(self.out)
        if self.old.exists():
            shutil.rmtree(self.old)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (renameat2 with RENAME_EXCHANGE); False if unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                     rename_exchange) == 0
