"""Diagnostics: every problem an editor can cause, with the file and line it is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

QUOTED = 60  # characters of an editor's value a message repeats


def quote(value: object) -> str:
    """`value` as a message shows it: repr, cut short (a value may be megabytes long)."""
    text = repr(value) if not isinstance(value, (dict, list)) else f"a {type(value).__name__}"
    return text if len(text) <= QUOTED else text[:QUOTED - 1] + "…"


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int = 0
    col: int = 0
    level: str = "error"  # "error" | "warning"
    message: str = ""
    hint: str = ""

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        text = f"{where}: {self.level}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class GeneratorError(Exception):
    """Raised with every diagnostic found so far; the CLI prints them and exits non-zero."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


@dataclass
class Diagnostics:
    """Collects problems per stage so an editor sees all of them at once."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str | PurePosixPath, line: int, message: str, hint: str = "",
              col: int = 0) -> None:
        self.items.append(Diagnostic(str(path), line, col, "error", message, hint))

    def warning(self, path: str | PurePosixPath, line: int, message: str, hint: str = "",
                col: int = 0) -> None:
        self.items.append(Diagnostic(str(path), line, col, "warning", message, hint))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise GeneratorError(self.items)


class PagefindError(RuntimeError):
    """Pagefind is missing, cannot run or stopped: the search index cannot be built."""
