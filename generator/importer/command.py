"""`newsletter import`: read inputs, build documents, write new files, report."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.importer import ids
from generator.importer.decode import DecodeError
from generator.importer.mdwriter import render
from generator.importer.naming import relative_path, report_title
from generator.importer.parts import Document, Note
from generator.importer.pipeline import to_document
from generator.importer.report import Entry, summary, to_json

SUFFIXES = (".html", ".htm", ".txt")


@dataclass(frozen=True)
class Options:
    root: Path
    paths: list[Path]
    lang: str = "auto"
    kind: str = "auto"
    dry_run: bool = False
    report: Path | None = None


def run(options: Options) -> int:
    """Import every input; 0 when each was imported or skipped with a reason, else 1."""
    entries: list[Entry] = []
    docs: dict[int, Document] = {}
    for path, given in _inputs(options.paths, entries):
        entry = Entry(source=str(path))
        entries.append(entry)
        _read(path, given, options, entry, docs, len(entries) - 1)
    _deduplicate(entries, docs)
    _assign_ids(entries, docs, options.root)
    for index, doc in docs.items():
        if entries[index].status == "imported":
            _write(entries[index], doc, options)
    print(summary(entries, options.dry_run))
    if options.report:
        try:
            options.report.write_text(to_json(entries), encoding="utf-8")
        except OSError as exc:
            print(f"{options.report}:1: cannot write the report: {exc.strerror}",
                  file=sys.stderr)
            return 1
    return 1 if any(e.status == "error" for e in entries) else 0


def _inputs(paths: list[Path], entries: list[Entry]) -> list[tuple[Path, bool]]:
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if path.is_dir():
            found.extend((p, False) for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append((path, True))
    return found


def _read(path: Path, given: bool, options: Options, entry: Entry,
          docs: dict[int, Document], index: int) -> None:
    if path.suffix.lower() not in SUFFIXES:
        entry.status = "skipped"
        entry.warnings.append(Note(0, "skipped: not a .html, .htm or .txt file"))
        return
    try:
        data = path.read_bytes()
        if not data.strip():
            entry.status = "skipped"
            entry.warnings.append(Note(0, "skipped: the file is empty"))
            return
        doc = to_document(data, path.suffix.lower() in (".html", ".htm"), options.lang,
                          options.kind)
    except OSError as exc:
        _error(entry, f"cannot read: {exc.strerror or exc}")
        return
    except DecodeError as exc:
        _error(entry, f"cannot decode: {exc}")
        return
    except Exception as exc:  # noqa: BLE001 - a damaged page must never show a traceback
        _error(entry, f"could not import ({type(exc).__name__}: {exc}); please report it")
        return
    entry.lang, entry.kind, entry.number, entry.date = doc.lang, doc.kind, doc.number, doc.date
    entry.title = report_title(doc, options.root)
    entry.warnings.extend(sorted(doc.notes))
    rel = relative_path(doc)
    if rel is None:
        entry.status = "skipped"
        entry.warnings.append(Note(0, "skipped: an issue with neither a number nor a date "
                                      "cannot be named; give it a date and import again"))
        return
    entry.output = str(options.root / rel)
    docs[index] = doc


def _error(entry: Entry, message: str) -> None:
    entry.status = "error"
    entry.warnings.append(Note(1, message))
    print(f"{entry.source}:1: {message}", file=sys.stderr)


def _deduplicate(entries: list[Entry], docs: dict[int, Document]) -> None:
    """Two copies of one document (two mirrors): keep the less damaged, report the other."""
    by_output: dict[str, list[int]] = {}
    for index in docs:
        by_output.setdefault(entries[index].output or "", []).append(index)
    for indexes in by_output.values():
        if len(indexes) < 2:
            continue
        best = min(indexes, key=lambda i: (docs[i].lossy, len(docs[i].notes), i))
        for index in indexes:
            if index != best:
                entries[index].status = "duplicate"
                entries[index].warnings.append(Note(0, (
                    f"duplicate of {entries[best].source} (same {entries[index].kind}); "
                    "not written: the copy with fewer losses was kept")))
                entries[index].output = None


def _assign_ids(entries: list[Entry], docs: dict[int, Document], root: Path) -> None:
    english: dict[str, list[tuple[int, str]]] = {}
    for index, doc in sorted(docs.items(), key=lambda item: item[1].lang != "en"):
        counterpart = None
        if doc.lang != "en" and doc.kind == "issue":
            rel = (relative_path(doc) or "").replace(f"content/{doc.lang}/", "content/en/", 1)
            counterpart = english.get(rel) or _existing_ids(root / rel)
        doc.blocks, note = ids.assign(doc.blocks, doc.lang, doc.kind, counterpart)
        if note:
            entries[index].warnings.append(Note(0, note))
        if doc.lang == "en" and entries[index].status == "imported":
            english[relative_path(doc) or ""] = [
                (int(b.kind[1]), b.id) for b in doc.blocks if b.kind in ("h2", "h3", "h4")]


def _existing_ids(path: Path) -> list[tuple[int, str]] | None:
    try:
        return ids.heading_ids(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _write(entry: Entry, doc: Document, options: Options) -> None:
    target = Path(entry.output or "")
    content = (options.root / "content").resolve()
    if not target.resolve().is_relative_to(content):
        _error(entry, f"refusing to write outside {content}: {target}")
        return
    if target.exists():
        entry.status, entry.output = "skipped", None
        entry.warnings.append(Note(0, f"skipped: already imported ({target} exists; "
                                      "files are never overwritten)"))
        return
    if options.dry_run:
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(render(doc))
    except OSError as exc:
        _error(entry, f"cannot write {target}: {exc.strerror or exc}")
        entry.output = None
