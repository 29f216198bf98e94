"""What the search indexer made: read by every build's summary, including one with nothing
to index."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchReport:
    """What the search indexer made: pages indexed, files and bytes of the bundle."""

    pages: int
    files: int
    bytes: int
