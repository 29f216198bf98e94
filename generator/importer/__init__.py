"""Legacy archive pages -> our Markdown (`newsletter import`); see README "Importing an archive".

Steps, one module each: decode (bytes -> text) -> htmltext (HTML -> lines) -> repair
(mojibake) -> chrome (site furniture) -> script (Traditional/pinyin) -> debris (PDF and
page-break debris) -> toc/structure/paragraphs (the document) -> ids -> mdwriter -> command.
"""

from __future__ import annotations

from pathlib import Path


def run(root: Path, paths: list[Path], lang: str = "auto", kind: str = "auto",
        dry_run: bool = False, report: Path | None = None) -> int:
    """Import `paths` into `root`/content; the exit code (0 ok, 1 an input not read)."""
    from generator.importer.command import Options
    from generator.importer.command import run as run_command

    return run_command(Options(root, paths, lang, kind, dry_run, report))
