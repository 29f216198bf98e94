"""The import report: one entry per input (the JSON keys are a documented contract)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from generator.importer.parts import Note


@dataclass
class Entry:
    source: str
    output: str | None = None
    lang: str | None = None
    kind: str | None = None
    number: int | None = None
    date: str | None = None
    title: str | None = None
    warnings: list[Note] = field(default_factory=list)
    status: str = "imported"  # imported | skipped | duplicate | error (not in the JSON)

    def as_json(self) -> dict:
        return {"source": self.source, "output": self.output, "lang": self.lang,
                "kind": self.kind, "number": self.number, "date": self.date,
                "title": self.title,
                "warnings": [{"line": n.line, "message": n.message} for n in self.warnings]}


def to_json(entries: list[Entry]) -> str:
    return json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2) + "\n"


def summary(entries: list[Entry], dry_run: bool) -> str:
    counts = {status: sum(e.status == status for e in entries)
              for status in ("imported", "skipped", "duplicate", "error")}
    lines = []
    for entry in entries:
        where = entry.output or "-"
        verb = "would write" if dry_run and entry.status == "imported" else entry.status
        lines.append(f"{entry.source}: {verb} {where}")
        lines.extend(f"  {entry.source}:{n.line}: {n.message}" for n in entry.warnings)
    imported = "would be imported" if dry_run else "imported"
    lines.append(f"{counts['imported']} {imported}, {counts['skipped']} skipped, "
                 f"{counts['duplicate']} duplicate(s), {counts['error']} could not be read; "
                 f"{sum(len(e.warnings) for e in entries)} warning(s)")
    return "\n".join(lines)
