"""Editor helpers that write content: `new` (the next issue) and `translated` (record the
version of the original a translation matches)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from generator import build as pipeline
from generator.errors import Diagnostics

SKELETON = """---
number: {number}
date: {date}
summary: {summary}
{extra}---

## {section} {{#section-1}}

### {article} {{#article-1}}

{text}

{source}
{{: .source }}
"""
TEXT = {
    "en": dict(summary="One or two sentences about this issue.", section="Section title",
               article="Article title", text="Article text.",
               source="(Source: www.example.org, January 1, 2020)"),
    "zh": dict(summary="用一两句话介绍本期内容。", section="栏目标题", article="文章标题",
               text="正文。", source="（来源：www.example.org，2020年1月1日）"),
}


def new_issue(root: Path, date: dt.date) -> list[Path]:
    """Write content/<lang>/issues/<next>.md for every language; return the paths."""
    loaded = pipeline.load(pipeline.Options(root, root / "build", drafts=True, future=True))
    codes = loaded.config.codes
    number = max((d.number or 0 for d in loaded.site.documents if d.kind == "issue"),
                 default=0) + 1
    paths = [root / "content" / code / "issues" / f"{number}.md" for code in codes]
    diags = Diagnostics()
    for path in paths:
        if path.exists():
            diags.error(str(path.relative_to(root)), 0, "already exists; not overwritten",
                        "rename or remove it, or edit it instead")
    diags.raise_if_errors()
    original = loaded.config.default_language
    for code, path in zip(codes, paths, strict=True):
        text = TEXT.get(code, TEXT["en"])
        extra = f"translation_of: {original}\ndraft: true\n" if code != original else \
            "draft: true\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as fp:  # "x": never overwrite
            fp.write(SKELETON.format(number=number, date=date.isoformat(), extra=extra, **text))
    return paths



_TRANSLATION_OF = re.compile(r"^translation_of:.*$", re.MULTILINE)


def mark_translated(root: Path, paths: list[Path]) -> list[str]:
    """Record in each translation the version of the original it now matches. A path is
    taken from the current folder, or else from the site folder (`--root`)."""
    loaded = pipeline.load(pipeline.Options(root, root / "build", drafts=True, future=True))
    by_path = {d.source_path: d for d in loaded.site.documents}
    diags = Diagnostics()
    updates: list[tuple[Path, str, str]] = []
    for given in paths:
        path = given if given.exists() or given.is_absolute() else root / given
        try:
            shown = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            diags.error(str(given), 0, "not in the site folder", f"give a file under {root}")
            continue
        doc = by_path.get(shown)
        original = loaded.site.versions(doc).get(doc.translation_of or "") if doc else None
        if doc is None or original is None:
            diags.error(shown, 0, "not a translation with an original on this site",
                        "add `translation_of: <language of the original>` to its front matter")
            continue
        text = path.read_text(encoding="utf-8")
        front = _front_matter_end(text)
        if not _TRANSLATION_OF.search(text, 0, front):
            diags.error(shown, doc.lines.get("translation_of", 1), "the front matter has no "
                        "`translation_of:` line of its own to update",
                        "write each field on its own line (`key: value`), not as {…}")
            continue
        line = f"translation_of: {original.lang}@{original.digest[:12]}"
        updates.append((path, shown, _TRANSLATION_OF.sub(line, text[:front], count=1)
                        + text[front:]))
    diags.raise_if_errors()  # all or nothing
    for path, _, text in updates:
        path.write_text(text, encoding="utf-8")
    return [f"{shown}: {_TRANSLATION_OF.search(text).group()}"  # type: ignore[union-attr]
            for _, shown, text in updates]


def _front_matter_end(text: str) -> int:
    """Where the front matter's closing `---` line starts (the body is never rewritten)."""
    closing = re.compile(r"^---[ \t]*$", re.MULTILINE).search(text, 4)
    return closing.start() if closing else 0
