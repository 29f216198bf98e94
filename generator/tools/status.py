"""Translation status: which language versions exist, which are missing, which are stale."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from generator.content.frontmatter import split
from generator.content.markup import MarkdownRenderer
from generator.errors import Diagnostic, Diagnostics
from generator.model import Document, Site
from generator.render.parallel import mismatches


@dataclass(frozen=True)
class Stale:
    translation: Document
    original: Document
    changed: tuple[str, ...] | None  # ids of changed articles; None when the old text is gone


@dataclass(frozen=True)
class Entry:
    kind: str
    key: str
    title: str
    present: tuple[str, ...]
    missing: tuple[str, ...]
    stale: tuple[Stale, ...]


def articles(markdown: str) -> dict[str, str]:
    """The body split at its headings: id -> text (the intro before any heading is ""). The
    ids are the page's own, from the Markdown renderer (repeated titles, `{#id}`, fences)."""
    lines = markdown.split("\n")
    starts = [(0, ""), *_renderer().heading_lines(markdown)]
    ends = [line for line, _ in starts[1:]] + [len(lines)]
    return {key: "\n".join(lines[start:end]).strip()
            for (start, key), end in zip(starts, ends, strict=True)}


@functools.cache
def _renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def changed_articles(old: str, new: str) -> tuple[str, ...]:
    """Ids of the headings whose text differs between two versions of a document."""
    def body(text: str) -> str:
        parts = split(text, "", Diagnostics())
        return parts[1] if parts else text

    before, after = articles(body(old)), articles(body(new))
    order = list(after) + [key for key in before if key not in after]
    return tuple(key or "(introduction)" for key in order if before.get(key) != after.get(key))


def translation_status(site: Site, old_text: Callable[[str], str | None],
                       current_text: Callable[[str], str | None]) -> list[Entry]:
    """Every document group; old_text(version) and current_text(path) read the originals."""
    entries = []
    seen: set[tuple[str, str]] = set()
    for doc in site.documents:
        if (doc.kind, doc.key) in seen:
            continue
        seen.add((doc.kind, doc.key))
        versions = site.versions(doc)
        original = site.original(doc)
        stale = []
        for version in versions.values():
            if site.stale(version):
                source = versions[version.translation_of or ""]
                old, new = old_text(version.translated_from or ""), current_text(
                    source.source_path)
                changed = changed_articles(old, new) if old and new else None
                stale.append(Stale(version, source, changed))
        entries.append(Entry(doc.kind, doc.key, original.title, tuple(sorted(versions)),
                             tuple(code for code in site.languages if code not in versions),
                             tuple(stale)))
    return sorted(entries, key=lambda e: (e.kind, not e.key.isdigit(),
                                          int(e.key) if e.key.isdigit() else 0, e.key))


def unpaired_blocks(site: Site, current_text: Callable[[str], str | None]) -> list[Diagnostic]:
    """A warning for each article of a translation with more or fewer blocks (paragraphs,
    lists, tables) than its original: the parallel view pairs them by order."""
    diags = Diagnostics()
    for doc in site.documents:
        versions = site.versions(doc)
        original = versions.get(doc.translation_of or "")
        if original is None:
            continue
        for ident, here, there in mismatches(doc.body_html, original.body_html):
            diags.warning(doc.source_path, _heading_line(current_text(doc.source_path), ident),
                          f"article `{ident or '(introduction)'}` has {here} paragraph(s) or "
                          f"other block(s) here and {there} in the original "
                          f"({original.source_path}): the parallel view pairs them in order",
                          "split or join paragraphs so that each one matches one of the "
                          "original's")
    return diags.items


def _heading_line(text: str | None, ident: str) -> int:
    """The file line of the heading with id `ident` (of the front matter's end for "")."""
    if not text:
        return 0
    parts = split(text, "", Diagnostics())
    if parts is None:
        return 0
    _, body, first = parts
    found = {key: line for line, key in reversed(_renderer().heading_lines(body))}
    return first + found.get(ident, 0)


def format_status(entries: list[Entry]) -> str:
    lines = []
    labels = [f"{entry.kind} {entry.key}" for entry in entries]
    width = max(map(len, labels), default=0)
    for label, entry in zip(labels, entries, strict=True):
        state = "stale" if entry.stale else "ok"
        if entry.missing:
            state = "missing: " + ", ".join(entry.missing)
        lines.append(f"{label:<{width}}  {', '.join(entry.present):<7} {state}")
        for stale in entry.stale:
            detail = ("changed: " + ", ".join(stale.changed)) if stale.changed else \
                "the recorded version is not in git history; compare by hand"
            lines.append(f"    STALE {stale.translation.source_path}: {stale.original.source_path}"
                         f" changed since it was translated ({detail})")
    stale_count = sum(len(e.stale) for e in entries)
    missing = sum(len(e.missing) for e in entries)
    lines.append(f"{len(entries)} documents, {missing} missing translation(s), "
                 f"{stale_count} stale translation(s)")
    return "\n".join(lines)
