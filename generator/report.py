"""What a build did: pages per language, what it kept, the search index, its time."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field

from generator.errors import Diagnostic
from generator.search.report import SearchReport


@dataclass
class BuildReport:
    pages: dict[str, int] = field(default_factory=dict)
    feeds: int = 0
    drafts_skipped: int = 0
    future_skipped: int = 0
    search: SearchReport | None = None
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per pipeline stage
    unchanged: bool = False  # nothing to do: the output is already this build
    rendered: int = 0  # pages rendered by this build
    kept: int = 0  # pages whose previous bytes still stand (nothing they show changed)
    written: int | None = None  # files written or removed in place; None: the whole output
    warnings: list[Diagnostic] = field(default_factory=list)

    def lap(self, stage: str, since: float) -> float:
        """Record the time since `since` as `stage`'s; returns now."""
        now = time.perf_counter()
        self.stages[stage] = now - since
        return now

    def count(self, paths: list[str], codes: tuple[str, ...]) -> None:
        for code in codes:
            self.pages[code] = sum(1 for p in paths if p.startswith(code + "/")
                                   and p.endswith(".html"))
        self.feeds = sum(1 for p in paths if p.endswith("feed.xml"))

    def summary(self) -> dict:
        """What the next build reports if nothing changed (kept in the build state)."""
        return {"pages": self.pages, "feeds": self.feeds, "drafts_skipped": self.drafts_skipped,
                "future_skipped": self.future_skipped,
                "search": asdict(self.search) if self.search else None}

    @classmethod
    def unchanged_since(cls, summary: dict, warnings: list[Diagnostic]) -> BuildReport:
        search = summary.get("search")
        return cls(**dict(summary, search=SearchReport(**search) if search else None),
                   unchanged=True, warnings=warnings)
