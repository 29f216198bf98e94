"""Markdown -> HTML with the extensions a newsletter needs, stable heading ids and link refs.

Links are not resolved here (URLs are the linking stage's job): they become placeholders
(`rules/links.py`). The engine is markdown-it (CommonMark) with rules of our own (`rules/`) for
the syntax the README documents in Python-Markdown's style (`{#id}` at the end of a heading
line, `{: .class }` on the line after a paragraph), emphasis next to Chinese text, footnotes
in Python-Markdown's markup, and fast paths for plain prose.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from generator.content.rules import fast
from generator.content.rules.attributes import apply_attr_lists
from generator.content.rules.emphasis import cjk_emphasis
from generator.content.rules.footnotes import FOOTNOTE_RULES
from generator.content.rules.links import rewrite_links
from generator.model import Heading, LinkRef

_TAGS = re.compile(r"<[^>]+>")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_COUNTED = re.compile(r"^(.*)_([0-9]+)$")  # `same_1`: the next duplicate is `same_2`
_UNSAFE_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_PLAIN = ("text", "text_special", "code_inline")


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


class MarkdownRenderer:
    """One configured MarkdownIt, shared by every document (building one is slow).

    Per-document state (source folder, links, headings, footnotes) lives in the `env` dict
    markdown-it passes to every rule, so nothing needs resetting between documents.
    """

    def __init__(self) -> None:
        # Raw HTML in content is shown as text, as Hugo does by default: editors write
        # Markdown, and a stray <script> or unclosed <div> must not reach the page.
        # No typographer or linkify: the text stays as written.
        md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False}).enable("table")
        md.disable(["html_block", "html_inline"])  # no-ops without html, but tried on every line
        md.block.ruler.before("table", "plain_paragraph", fast.plain_paragraph)  # not `alt`
        md.inline.ruler.at("emphasis", cjk_emphasis)
        md.use(footnote_plugin, inline=False)  # `^[...]` is not Python-Markdown syntax
        md.use(admon_plugin)  # boxed panels: !!! panel "专栏：…"
        md.use(deflist_plugin)
        md.core.ruler.at("normalize", fast.normalize)
        md.core.ruler.before("inline", "attr_lists", apply_attr_lists)
        md.core.ruler.at("inline", fast.inline)
        md.core.ruler.after("footnote_tail", "heading_ids", _set_heading_ids)
        md.core.ruler.after("heading_ids", "internal_links", rewrite_links)
        for name, rule in FOOTNOTE_RULES.items():
            md.add_render_rule(name, rule)
        md.normalizeLink = _normalize_link  # type: ignore[method-assign]
        self._md = md
        self._repeated: dict[tuple[str, str], Rendered] = {}

    def render(self, text: str, source_path: str) -> Rendered:
        env: dict[str, Any] = {"source_dir": posixpath.dirname(source_path)}
        body = self._md.render(text, env)
        return Rendered(body, tuple(env["headings"]), tuple(env["links"]))

    def heading_lines(self, text: str) -> list[tuple[int, str]]:
        """(line index, id) of each heading, the ids exactly as render() gives them."""
        tokens = self._md.parse(text, {"source_dir": ""})
        return [(token.map[0], str(token.attrs["id"])) for token in tokens
                if token.type == "heading_open" and token.map]

    def render_repeated(self, text: str, source_path: str) -> Rendered:
        """render(), remembered for text that recurs from document to document (every issue
        carries the same colophon). Links are relative to the folder, so it is in the key."""
        key = (text, posixpath.dirname(source_path))
        found = self._repeated.get(key)
        if found is None:
            found = self._repeated[key] = self.render(text, source_path)
        return found


def _normalize_link(url: str) -> str:
    """The URL as written, but with whitespace and control characters encoded.

    markdown-it's default percent-encodes all non-ASCII: anchors like `13.md#国际合作` must stay
    equal to heading ids, and LinkRef.written must be findable in the source. Encoding the
    invisible characters makes the link check see what a browser sees (`java\\tscript:`).
    """
    return _UNSAFE_IN_URL.sub(lambda match: quote(match.group()), url)


def _set_heading_ids(state: StateCore) -> None:
    """Ids for headings without `{#id}`, unique the way Python-Markdown's toc made them."""
    used = {str(t.attrs["id"]) for t in state.tokens if "id" in t.attrs}
    headings: list[Heading] = []
    for at, token in enumerate(state.tokens):
        if token.type != "heading_open":
            continue
        title = " ".join(_plain(state.tokens[at + 1]).split())
        if "id" not in token.attrs:
            token.attrSet("id", _unique(slugify(title), used))
        headings.append(Heading(int(token.tag[1]), str(token.attrs["id"]), title))
    state.env["headings"] = headings


def _plain(inline: Token) -> str:
    """Text of an inline token as a reader sees it (images and footnote marks left out)."""
    return "".join(child.content for child in inline.children or () if child.type in _PLAIN)


def _unique(slug: str, used: set[str]) -> str:
    while slug in used:
        counted = _COUNTED.match(slug)
        slug = f"{counted.group(1)}_{int(counted.group(2)) + 1}" if counted else f"{slug}_1"
    used.add(slug)
    return slug


# ----- HTML helpers ---------------------------------------------------------------------------
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


