"""THE writer: builds the site in a staging folder beside the output and swaps it in whole.

A build that fails or is killed leaves the previous output as it was: the finished staging
folder and the output are exchanged in one atomic step (Linux renameat2), so there is no
moment without a complete output. Where that call is missing, two renames are used and the
next build restores the output from `.old` if a kill fell between them.
`update` brings the output to a new build by replacing only the files whose bytes changed,
for a rebuild that changed little (see its docstring for what a reader can see meanwhile).
`write_files` adds a few files (the e-mail edition) to the output without touching the rest.
`scratch` holds files for a helper to read (Pagefind), away from the output.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from generator.content.reader import files_below
from generator.output.files import Output

WRITERS = 4  # threads that stage files
Stage = Callable[[str, bytes], None]  # writes one file (path, bytes) of a build as it is made


class OutputCollision(Exception):
    pass


def _relative(output: Output) -> PurePosixPath:
    path = PurePosixPath(output.path)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise OutputCollision(f"refusing to write outside the output folder: {output.path}")
    return path


def _replace(target: Path, data: bytes) -> None:
    """Write one file atomically: a temporary file beside it, then os.replace."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temp.write_bytes(data)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def write_files(out: Path, outputs: Iterable[Output]) -> list[Path]:
    """Write `outputs` below `out`, leaving every other file there as it is.

    Each file is replaced atomically, so a reader or a killed run never sees half a file.
    Returns the paths written.
    """
    written: list[Path] = []
    for output in outputs:
        target = out / _relative(output)
        if target in written:
            raise OutputCollision(f"two files would be written to {output.path}")
        _replace(target, output.data)
        written.append(target)
    return written


def update(out: Path, outputs: list[Output], existing: Iterable[str] | None = None) -> list[str]:
    """Make `out` hold exactly `outputs`, rewriting only files whose bytes differ.

    For a rebuild that changed a few pages, in two steps. First every new and changed file is
    written beside its target under a temporary name: a full disk or any error there
    removes them and leaves the output as it was. Then they are renamed over their targets,
    new files before changed ones, removals last, so a reader never meets half a file or a
    link to a page not yet written. Only a kill during those renames (no disk space needed,
    a few milliseconds) leaves some files of each build; the build state is then not
    recorded, and the next build repairs the output. Returns the paths written or removed.
    `existing`: the files in `out`, if the caller has just listed them.
    """
    existing = set(existing) if existing is not None else \
        {rel for rel, _ in files_below(out, hidden=True)}
    seen: set[str] = set()
    new, changed = [], []
    for output in outputs:
        _relative(output)
        if output.path in seen:
            raise OutputCollision(f"two pages would be written to {output.path}")
        seen.add(output.path)
        if output.kept:
            if output.path not in existing:  # the caller trusted an output it did not check
                raise OutputCollision(f"{output.path} was to be kept but is not in {out}")
            continue
        if output.path not in existing:
            new.append(output)
        elif (out / output.path).read_bytes() != output.data:
            changed.append(output)
    temps: list[tuple[Path, Path]] = []
    try:
        for output in new + changed:
            target = out / output.path
            target.parent.mkdir(parents=True, exist_ok=True)
            temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temps.append((temp, target))
            temp.write_bytes(output.data)
    except BaseException:
        for temp, _ in temps:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in temps:
        os.replace(temp, target)
    gone = sorted(existing - seen)
    for path in gone:
        (out / path).unlink()
    for folder in sorted({(out / path).parent for path in gone}, key=lambda p: -len(p.parts)):
        while folder != out and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return [o.path for o in new + changed] + gone


SCRATCH = "newsletter-scratch-"  # + the pid of the build that made it


@contextmanager
def scratch(base: Path, files: Iterable[tuple[str, bytes]]) -> Iterator[Path]:
    """A new folder below `base` with `files` (relative path, bytes) created in the order
    given, removed on leaving, whatever happens (a full disk included)."""
    folder = Path(tempfile.mkdtemp(prefix=f"{SCRATCH}{os.getpid()}-", dir=base))
    try:
        for path, data in files:
            target = folder / _relative(Output(path, b""))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def tidy_scratch(base: Path) -> None:
    """Remove the scratch folders of builds that were killed (their process is gone): in
    memory (/dev/shm) they would stay until the machine restarts."""
    for leftover in base.glob(f"{SCRATCH}*"):
        pid = leftover.name.removeprefix(SCRATCH).split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # somebody else's
        return True
    return True


class StagedWriter:
    def __init__(self, out: Path):
        self.out = out
        # Named per process: a killed build's helpers (Pagefind runs as a child process) may
        # still be writing into their staging folder; the next build must not reuse it.
        self.stage = out.parent / f".{out.name}.staging-{os.getpid()}"
        self.old = out.parent / f".{out.name}.old"
        self.written: set[str] = set()

    def __enter__(self) -> StagedWriter:
        return self

    def open(self) -> StagedWriter:
        """Create the staging folder (first leaving nothing of killed builds)."""
        if not self.stage.exists():
            self.tidy()
            self.stage.mkdir(parents=True)
        return self

    def tidy(self) -> None:
        """Finish what killed builds left: a half-done swap, staging folders."""
        self.recover()
        for leftover in self.out.parent.glob(f".{self.out.name}.staging-*"):
            pid = leftover.name.rpartition("-")[2]
            if pid.isdigit() and not _alive(int(pid)):  # (a live one is another build's)
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

    def write_all(self, outputs: Iterable[Output], staged: Collection[str] = ()) -> None:
        """Stage the files not `staged` yet (by `put`); a `kept` one is linked to the
        output's file of the same path. The writes go out from a few threads: creating
        thousands of folders and files is mostly waiting on the file system (seconds on some
        disks), and the waits then overlap."""
        self.open()
        todo = []
        for output in outputs:
            path = _relative(output)
            if output.path in self.written:
                raise OutputCollision(f"two pages would be written to {output.path}")
            self.written.add(output.path)
            if output.path not in staged:
                todo.append((output, path))
        from concurrent.futures import ThreadPoolExecutor  # (a full build's; see _exchange)

        with ThreadPoolExecutor(WRITERS) as pool:
            for _ in pool.map(lambda item: self._stage(*item), todo):
                pass  # (raises the first error)

    def put(self, path: str, data: bytes) -> None:
        """Stage one file as soon as it is made. Safe in a forked worker: it records nothing
        (write_all, told what was staged, checks the path)."""
        target = self.stage / _relative(Output(path, b""))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def _stage(self, output: Output, path: PurePosixPath) -> None:
        if not output.kept:
            self.put(output.path, output.data)
            return
        target = self.stage / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(self.out / path, target)
        except OSError:  # a file system without hard links
            shutil.copy2(self.out / path, target)

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
    import ctypes  # (imports are the bulk of a small rebuild: only what it uses)

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                          ctypes.c_uint]
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second),
                     rename_exchange) == 0
