"""Markdown -> HTML with the extensions a newsletter needs, stable heading ids and link refs.

Links are not resolved here (URLs are the linking stage's job): a relative `.md` link becomes
`newsletter-ref:<content path>#<anchor>` and a site-root link `/x` becomes `newsletter-root:x`;
`resolve_links` turns both into real URLs once every document is known.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from generator.model import Heading, LinkRef

REF = "newsletter-ref:"
ROOT = "newsletter-root:"
_LINK_ATTR = re.compile(r'(href|src)="(newsletter-ref:|newsletter-root:)([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


@dataclass(frozen=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]
    links: tuple[LinkRef, ...]


def slugify(value: str, separator: str = "-") -> str:
    """Stable, URL-safe id that keeps CJK characters (valid in HTML5 ids and URLs)."""
    value = unicodedata.normalize("NFKC", value).strip().lower()
    slug = _NON_WORD.sub(separator, value).strip(separator + "_")
    return slug or "section"


class _LinkCollector(Treeprocessor):
    """Rewrites internal links to placeholders and records them for checking."""

    def __init__(self, md: markdown.Markdown, source_dir: Callable[[], str]):
        super().__init__(md)
        self.source_dir = source_dir
        self.links: list[LinkRef] = []

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is not None:
                    el.set(attr, self._rewrite(value))

    def _rewrite(self, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme or parts.netloc or value.startswith("#"):
            return value
        path = unquote(parts.path)
        if path.startswith("/"):
            ref = LinkRef(path.lstrip("/"), parts.fragment, value, True)
            self.links.append(ref)
            return ROOT + value.lstrip("/")
        if path.endswith(".md"):
            target = posixpath.normpath(posixpath.join(self.source_dir(), path))
            self.links.append(LinkRef(target, parts.fragment, value, False))
            return REF + target + ("#" + parts.fragment if parts.fragment else "")
        return value


class _NewsletterExtension(Extension):
    def __init__(self, source_dir: Callable[[], str]):
        super().__init__()
        self.source_dir = source_dir
        self.collector: _LinkCollector | None = None

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (library API)
        self.collector = _LinkCollector(md, self.source_dir)
        md.treeprocessors.register(self.collector, "newsletter-links", 5)


class MarkdownRenderer:
    """One configured Markdown instance, reset between documents (building one is slow)."""

    def __init__(self) -> None:
        self._source_dir = ""
        self._ext = _NewsletterExtension(lambda: self._source_dir)
        self._md = markdown.Markdown(
            extensions=[
                "extra",  # tables, footnotes, attr_list, abbr, def_list, fenced_code, md_in_html
                "admonition",  # boxed panels: !!! panel "专栏：…"
                "sane_lists",
                "toc",
                self._ext,
            ],
            extension_configs={"toc": {"slugify": slugify, "toc_depth": "1-6"}},
            output_format="html",
        )
        # Raw HTML in content is shown as text, as Hugo does by default: editors write
        # Markdown, and a stray <script> or unclosed <div> must not reach the page.
        self._md.preprocessors.deregister("html_block")
        self._md.inlinePatterns.deregister("html")

    def render(self, text: str, source_path: str) -> Rendered:
        self._source_dir = posixpath.dirname(source_path)
        md = self._md.reset()
        assert self._ext.collector is not None
        self._ext.collector.links = []
        body = md.convert(text)
        headings = tuple(_flatten(md.toc_tokens))  # type: ignore[attr-defined]
        return Rendered(body, headings, tuple(self._ext.collector.links))


def _flatten(tokens: list[dict]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(Heading(token["level"], token["id"], html.unescape(token["name"])))
        out.extend(_flatten(token["children"]))
    return out


def plain_text(fragment: str) -> str:
    return " ".join(html.unescape(_TAGS.sub("", fragment)).split())


def excerpt(fragment: str, limit: int = 200) -> str:
    """Plain text of an HTML fragment, cut at a sentence end near `limit` (CJK aware)."""
    text = plain_text(fragment)
    if len(text) <= limit:
        return text
    cut = text[:limit]
    best = max(cut.rfind(mark) for mark in ("。", "！", "？", ". ", "! ", "? "))
    return cut[: best + 1].strip() if best > limit // 2 else cut.rstrip() + "…"


def resolve_links(body: str, url_for: Callable[[str, str, bool], str]) -> str:
    """Replace link placeholders; url_for(target, fragment, is_root) -> final URL."""

    def sub(match: re.Match[str]) -> str:
        target, _, fragment = match.group(3).partition("#")
        url = url_for(target, fragment, match.group(2) == ROOT)
        return f'{match.group(1)}="{html.escape(url)}"'

    return _LINK_ATTR.sub(sub, body)
