"""THE writer: builds the site in a staging folder beside the output and swaps it in whole.

A build that fails or is killed leaves the previous output as it was; the only moment the
output is missing is between two renames, and the next build restores it from `.old`.
"""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from generator.model import Output


class OutputCollision(Exception):
    pass


class StagedWriter:
    def __init__(self, out: Path):
        self.out = out
        self.stage = out.parent / f".{out.name}.staging"
        self.old = out.parent / f".{out.name}.old"
        self.written: set[str] = set()

    def __enter__(self) -> StagedWriter:
        self.recover()
        if self.stage.exists():
            shutil.rmtree(self.stage)
        self.stage.mkdir(parents=True)
        return self

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
        path = PurePosixPath(output.path)
        if path.is_absolute() or ".." in path.parts or not path.parts:
            raise OutputCollision(f"refusing to write outside the output folder: {output.path}")
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
        if self.out.exists():
            self.out.rename(self.old)
        self.stage.rename(self.out)
        if self.old.exists():
            shutil.rmtree(self.old)
