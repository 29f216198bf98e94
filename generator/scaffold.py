"""`newsletter new`: the next issue's files in every language, never overwriting one."""

from __future__ import annotations

import datetime as dt
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

