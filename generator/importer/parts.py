"""The values the importer passes between its steps (plain data, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line of the decoded input (of the text extracted from HTML)
    text: str
    gap: bool = False  # a blank line comes before it


@dataclass(frozen=True, order=True)
class Note:
    line: int
    message: str


@dataclass(frozen=True)
class Block:
    """One Markdown block: kind is h2, h3, h4, p, source or panel."""

    kind: str
    text: str
    id: str = ""
    title: str = ""  # a panel's title
    line: int = 0


@dataclass
class Document:
    kind: str  # "issue" | "page"
    lang: str  # "en" | "zh"
    title: str | None = None
    number: int | None = None
    date: str | None = None  # YYYY-MM-DD or YYYY-MM
    blocks: list[Block] = field(default_factory=list)
    colophon: list[str] = field(default_factory=list)
    source: str | None = None
    notes: list[Note] = field(default_factory=list)
    lossy: int = 0  # characters lost or doubtful: ranks two copies of one document

    def note(self, line: int, message: str) -> None:
        self.notes.append(Note(line, message))
