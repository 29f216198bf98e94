"""Where an imported document goes, and the title the site will show for an issue."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import yaml
from babel.core import UnknownLocaleError

from generator.content.titles import dated_issue_title
from generator.importer.ids import slug
from generator.importer.parts import Document

_DEFAULT_ISSUE_TITLE = {"en": "China Science and Technology Newsletter No.{number}",
                        "zh": "中国科技通讯 第{number}期"}
_DEFAULT_TITLE = {"en": "China Science and Technology Newsletter", "zh": "中国科技通讯"}
_DEFAULT_LOCALE = {"en": "en", "zh": "zh_CN"}


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


def site_titles(root: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(issue_title, title, locale) per language from site.yaml, or the defaults."""
    try:
        data = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        data = {}
    data = data if isinstance(data, dict) else {}
    languages = data.get("languages")
    locales = {code: str(lang["locale"]) for code, lang in languages.items()
               if isinstance(lang, dict) and "locale" in lang} \
        if isinstance(languages, dict) else {}
    return (_merged(_DEFAULT_ISSUE_TITLE, data.get("issue_title")),
            _merged(_DEFAULT_TITLE, data.get("title")), _merged(_DEFAULT_LOCALE, locales))


def _merged(defaults: dict[str, str], given: object) -> dict[str, str]:
    return {**defaults, **(given if isinstance(given, dict) else {})}


def report_title(doc: Document, root: Path) -> str | None:
    """A page's title; for an issue the title the site shows ("… No.13", or the date)."""
    if doc.kind == "page":
        return doc.title
    issue_title, title, locale = site_titles(root)
    if doc.number is not None:
        return str(issue_title.get(doc.lang, "{number}")).replace("{number}", str(doc.number))
    if doc.date is None:
        return None
    month_only = len(doc.date) == 7  # "2015-06": only the month is known
    day = dt.date.fromisoformat(doc.date + "-01" if month_only else doc.date)
    try:
        return dated_issue_title(str(title.get(doc.lang, "")), locale.get(doc.lang, "en"), day,
                                 month_only)
    except (ValueError, UnknownLocaleError):  # a locale the site would refuse too
        return dated_issue_title(_DEFAULT_TITLE.get(doc.lang, ""),
                                 _DEFAULT_LOCALE.get(doc.lang, "en"), day, month_only)
