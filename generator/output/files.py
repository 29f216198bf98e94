"""What every stage hands the writer: a file of the built site."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    """One file of the built site: a path below the output folder and its bytes."""

    path: str  # POSIX, relative: "en/issues/13/index.html"
    data: bytes | None  # None: the previous build's file stands (nothing it shows changed)
    searchable: bool = False  # handed to the search indexer

    @property
    def kept(self) -> bool:
        return self.data is None
