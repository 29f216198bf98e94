"""What the commands print: diagnostics and the build summary."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.build import BuildReport
from generator.errors import Diagnostic


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic.format(), file=sys.stderr)


def summary(report: BuildReport, out: Path) -> str:
    pages = ", ".join(f"{count} {lang}" for lang, count in sorted(report.pages.items()))
    lines = [f"built {out}: pages {pages}; {report.feeds} feeds"]
    if report.search:
        lines.append(f"search index: {report.search.pages} pages, {report.search.files} files, "
                     f"{report.search.bytes / 1024:.0f} KiB")
    if report.drafts_skipped:
        lines.append(f"skipped {report.drafts_skipped} draft(s) (use --drafts to include)")
    lines.append(f"time: {report.seconds:.2f} s")
    return "\n".join(lines)
