"""What the commands print: diagnostics and the build summary."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import Diagnostic

if TYPE_CHECKING:
    from generator.report import BuildReport


def print_diagnostics(diagnostics: list[Diagnostic], style: str = "text") -> None:
    """Human-readable lines, or GitHub Actions annotations that show on the pull request."""
    for diagnostic in sorted(diagnostics):
        if style == "github":
            print(github_annotation(diagnostic))
        else:
            print(diagnostic.format(), file=sys.stderr)


def github_annotation(d: Diagnostic) -> str:
    def escape(text: str, prop: bool = False) -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return text.replace(":", "%3A").replace(",", "%2C") if prop else text

    props = [f"file={escape(d.path, True)}"]
    if d.line:
        props.append(f"line={d.line}")
    if d.col:
        props.append(f"col={d.col}")
    message = d.message + (f"\n{d.hint}" if d.hint else "")
    return f"::{d.level} {','.join(props)}::{escape(message)}"


def summary(report: BuildReport, out: Path) -> str:
    pages = ", ".join(f"{count} {lang}" for lang, count in sorted(report.pages.items()))
    lines = [f"built {out}: pages {pages}; {report.feeds} feeds"]
    if report.kept:
        lines.append(f"rendered {report.rendered} page(s) again, kept {report.kept} that did not "
                     "change; " + (f"{report.written} file(s) written or removed"
                                   if report.written is not None else "output replaced whole"))
    if report.unchanged:
        lines = [f"{out} is up to date (pages {pages}; {report.feeds} feeds): nothing changed "
                 "since it was built, nothing written"]
    if report.search:
        lines.append(f"search index: {report.search.pages} pages, {report.search.files} files, "
                     f"{report.search.bytes / 1024:.0f} KiB")
    if report.drafts_skipped:
        lines.append(f"skipped {report.drafts_skipped} draft(s) (use --drafts to include)")
    if report.future_skipped:
        lines.append(f"skipped {report.future_skipped} future-dated document(s) "
                     "(use --future to include)")
    lines.append(f"time: {report.seconds:.2f} s")
    return "\n".join(lines)


def search_failed(exc: Exception) -> str:
    """The message for a search index Pagefind could not build (missing or broken)."""
    return (f"error: the search index could not be built: {exc}\n"
            "    hint: install Pagefind with `npm ci` in the generator's folder, or build without "
            "the index: newsletter build --no-search")
