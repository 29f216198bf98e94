"""Where an imported document goes, and the title the site will show for an issue."""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from generator.importer.ids import slug
from generator.importer.parts import Document

_DEFAULT_ISSUE_TITLE = {"en": "China Science and Technology Newsletter No.{number}",
                        "zh": "中国科技通讯 第{number}期"}
_DEFAULT_TITLE = {"en": "China Science and Technology Newsletter", "zh": "中国科技通讯"}


def relative_path(doc: Document) -> str | None:
    """content/{lang}/issues/N.md, content/{lang}/issues/YYYY-MM-DD.md (an issue with no
    number) or content/{lang}/pages/NAME.md; None when an issue has neither."""
    if doc.kind == "issue":
        name = str(doc.number) if doc.number is not None else doc.date
        return f"content/{doc.lang}/issues/{name}.md" if name else None
    name = slug(doc.title or "")
    if not name or doc.lang == "zh" and len(name) < 8:
        digest = hashlib.sha1((doc.title or "").encode("utf-8")).hexdigest()[:8]
        name = f"{doc.date}-{digest}" if doc.date else f"page-{digest}"
    return f"content/{doc.lang}/pages/{name}.md"


def site_titles(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(issue_title, title) per language from site.yaml, or the defaults."""
    try:
        data = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        data = {}
    issue = data.get("issue_title") if isinstance(data, dict) else None
    title = data.get("title") if isinstance(data, dict) else None
    return ({**_DEFAULT_ISSUE_TITLE, **(issue if isinstance(issue, dict) else {})},
            {**_DEFAULT_TITLE, **(title if isinstance(title, dict) else {})})


def report_title(doc: Document, root: Path) -> str | None:
    """A page's title; for an issue the title the site shows ("… No.13", or the date)."""
    if doc.kind == "page":
        return doc.title
    issue_title, title = site_titles(root)
    if doc.number is not None:
        return str(issue_title.get(doc.lang, "{number}")).replace("{number}", str(doc.number))
    return f"{title.get(doc.lang, '')} {doc.date or ''}".strip()
