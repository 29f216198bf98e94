"""SourceFile -> Document: front matter, Markdown, titles. One file at a time, no I/O."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from generator.content.config import Language, SiteConfig
from generator.content.frontmatter import parse
from generator.content.lint import line_of, lint, lint_punctuation
from generator.content.markup import MarkdownRenderer
from generator.content.reader import SourceFile
from generator.content.titles import dated_issue_title
from generator.errors import Diagnostics
from generator.model import Document, Heading

UrlRule = Callable[[str, str, str], str]  # (kind, lang, key) -> "en/issues/13/"
_SAFE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_document(source: SourceFile, config: SiteConfig, renderer: MarkdownRenderer,
                  diags: Diagnostics, url_path: UrlRule) -> Document | None:
    """`url_path(kind, lang, key)`: the site's URL rule (site.linking.url_path), passed in
    because the site stage comes after this one and only it knows where documents go."""
    meta = parse(source.text, source.path, source.kind, config.codes, diags)
    if meta is None:
        return None
    fields = meta.fields
    kind = "issue" if source.kind == "issues" else "page"
    if kind == "issue":
        if fields.get("number") is None and source.stem.isdigit():
            diags.error(source.path, 1, f"the file is named like issue No.{source.stem} but "
                        "has no `number`", f"add `number: {source.stem}` (an issue without a "
                        "number is named by its date: name its file by that date)")
            return None
        key, default_title = _issue_name(fields, config.language(source.lang))
        title = fields.get("title") or default_title
    else:
        key = fields.get("translation_key", source.stem)
        title = fields["title"]
        if not _SAFE_KEY.match(key):
            diags.error(source.path, 1, f"the file name `{source.stem}` cannot be a URL",
                        "rename the file using only a-z, 0-9 and -, or set `translation_key`")
            return None
    translation_of, _, translated_from = (fields.get("translation_of") or "").partition("@")
    if translation_of:
        if translation_of == source.lang:
            diags.error(source.path, meta.lines["translation_of"],
                        "a document cannot be a translation of its own language",
                        "name the language of the original, or remove the field")
            return None
    body = renderer.render(meta.body, source.path)
    colophon = renderer.render_repeated(fields["colophon"], source.path) \
        if fields.get("colophon") else None
    _check_headings(body.headings, meta.body, meta.body_line, source.path, diags)
    lint(meta.body, meta.body_line, body.html, body.headings, source.path, diags)
    if config.language(source.lang).locale.startswith("zh"):
        lint_punctuation(meta.body, meta.body_line, source.path, diags)
    links = tuple(replace(link, line=line_of(meta.body, link.written, meta.body_line))
                  for link in body.links)
    if colophon is not None:  # checked and resolved like the body's own links
        start = meta.lines.get("colophon", 1)
        links += tuple(replace(link, line=line_of(fields["colophon"], link.written, start + 1))
                       for link in colophon.links)
    return Document(
        kind=kind, lang=source.lang, key=key, source_path=source.path, digest=source.digest,
        title=title.strip(), date=fields.get("date"), number=fields.get("number"),
        summary=(fields.get("summary") or "").strip(), draft=bool(fields.get("draft", False)),
        translation_of=translation_of or None, translated_from=translated_from or None,
        source=fields.get("source"), colophon_html=colophon.html if colophon else "",
        body_html=body.html, headings=body.headings, links=links,
        url_path=url_path(kind, source.lang, key), lines={**meta.lines, "body": meta.body_line},
        month_only=fields.get("month_only", False),
    )


def _issue_name(fields: dict, lang: Language) -> tuple[str, str]:
    """An issue's key and default title: by its number, or, for an issue of the era without
    numbers, by its date ("2010-03-30", "2015-06" for a month)."""
    if fields.get("number") is not None:
        return str(fields["number"]), lang.issue_title.format(number=fields["number"])
    day = fields["date"]
    day = day.date() if isinstance(day, dt.datetime) else day
    month_only = fields["month_only"]
    key = day.strftime("%Y-%m") if month_only else day.isoformat()
    return key, dated_issue_title(lang.title, lang.locale, day, month_only)


# Ids the theme's pages give their own elements (a test keeps this in step with the
# templates): a heading with one of them would make the page's ids clash.
RESERVED_IDS = frozenset({
    "main", "toc-title", "colophon-title", "elsewhere-title", "email-title", "feed-title",
    "latest-title", "pages-title", "recent-title", "search", "search-newest", "search-status",
    "signup-email", "site-search", "top", "missing-title"})
RESERVED_PREFIXES = ("edition-", "month-", "year-")


def _check_headings(headings: tuple[Heading, ...], body: str, body_line: int, path: str,
                    diags: Diagnostics) -> None:
    seen: dict[str, Heading] = {}
    for heading in headings:
        if heading.id in RESERVED_IDS or heading.id.startswith(RESERVED_PREFIXES):
            diags.error(path, _heading_line(body, heading, body_line),
                        f"the heading id `{heading.id}` is one the page uses itself",
                        "give the heading another {#id}")
        if heading.level == 1:
            diags.error(path, _heading_line(body, heading, body_line),
                        f"`# {heading.title}` is a level-1 heading",
                        "the page title comes from the front matter; use ## for sections and "
                        "### for articles")
        first = seen.get(heading.id)
        if first is not None:
            skip = 1 if first.level == heading.level and first.title == heading.title else 0
            diags.error(path, _heading_line(body, heading, body_line, skip),
                        f"two headings have the id `{heading.id}` (“{first.title}” and "
                        f"“{heading.title}”)", "give each heading its own {#id}")
        seen[heading.id] = heading


def _heading_line(body: str, heading: Heading, body_line: int, skip: int = 0) -> int:
    """File line of a heading: the first (after `skip` others) `#` line naming it."""
    marker = "#" * heading.level + " "
    lines = body.split("\n")
    for names in (lambda t: heading.title in t, lambda t: "{#" + heading.id in t):
        found = [n for n, text in enumerate(lines) if text.startswith(marker) and names(text)]
        if len(found) > skip:
            return body_line + found[skip]
    return body_line
