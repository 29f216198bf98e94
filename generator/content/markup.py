"""Markdown -> HTML with the extensions a newsletter needs, stable heading ids and link refs.

Links are not resolved here (URLs are the linking stage's job): a relative `.md` link becomes
`newsletter-ref:<content path>#<anchor>` and a site-root link `/x` becomes `newsletter-root:x`;
`resolve_links` turns both into real URLs once every document is known.

The engine is markdown-it (CommonMark) with a few core rules of our own for the syntax the
README documents in Python-Markdown's style: `{#id}` at the end of a heading line and
`{: .class }` on the line after a paragraph.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml, isMdAsciiPunct, isPunctChar, isWhiteSpace, mdTrim
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline, emphasis
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin

from generator.model import Heading, LinkRef

REF = "newsletter-ref:"
ROOT = "newsletter-root:"
_LINK_ATTR = re.compile(r'(href|src)="(newsletter-ref:|newsletter-root:)([^"]*)"')
_TAGS = re.compile(r"<[^>]+>")
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Python-Markdown's attr_list syntax: `{: #id .class }`, the colon optional.
_ATTR_LIST = r"\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}[ ]*$"
_HEADING_ATTRS = re.compile(r"[ ]+" + _ATTR_LIST)  # at the end of the heading line
_PARAGRAPH_ATTRS = re.compile(r"\n[ ]*" + _ATTR_LIST)  # alone on the paragraph's last line
_ATTR_WORD = re.compile(r"([#.])([\w-]+)")  # `#id` or `.class`: letters, digits, `_`, `-`
_CLOSING_HASHES = re.compile(r"(^|[ ]+)#+$")
_ATTR_PATTERNS = {"heading_open": _HEADING_ATTRS, "paragraph_open": _PARAGRAPH_ATTRS}
_COUNTED = re.compile(r"^(.*)_([0-9]+)$")  # `same_1`: the next duplicate is `same_2`
_URL_ATTR = {"link_open": "href", "image": "src"}
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
        md.block.ruler.before("table", "plain_paragraph", _plain_paragraph)  # not `alt`
        md.inline.ruler.at("emphasis", _emphasis)
        md.use(footnote_plugin, inline=False)  # `^[...]` is not Python-Markdown syntax
        md.use(admon_plugin)  # boxed panels: !!! panel "专栏：…"
        md.use(deflist_plugin)
        md.core.ruler.at("normalize", _normalize)
        md.core.ruler.before("inline", "attr_lists", _apply_attr_lists)
        md.core.ruler.at("inline", _inline)
        md.core.ruler.after("footnote_tail", "heading_ids", _set_heading_ids)
        md.core.ruler.after("heading_ids", "internal_links", _rewrite_links)
        for name, rule in _FOOTNOTE_RULES.items():
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


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's `*`/`_` rule, with `*` next to CJK text flanking as Python-Markdown's did.

    CommonMark lets `**` close after punctuation only before a space or punctuation, so
    `**重点任务：**加强合作` would stay literal: Chinese has no spaces between words. Next to
    wide characters, the rule of the CJK-friendly CommonMark draft applies: they permit
    flanking like punctuation and, being words too, never prevent it.
    """
    start, first = state.pos, len(state.delimiters)
    if not emphasis.tokenize(state, silent):
        return False
    last = state.src[start - 1] if start > 0 else " "
    after = state.src[state.pos] if state.pos < state.posMax else " "
    if state.src[start] == "*" and (_wide(last) or _wide(after)):
        can_open, can_close = _flanking(after, last), _flanking(last, after)
        for delimiter in state.delimiters[first:]:
            delimiter.open, delimiter.close = can_open, can_close
    return True


def _flanking(inside: str, outside: str) -> bool:
    """Whether a `*` run with `inside` on the emphasised side can open (or close) there."""
    if isWhiteSpace(ord(inside)):
        return False
    blocks = _punct(inside) and not _wide(inside)
    return not blocks or isWhiteSpace(ord(outside)) or _punct(outside) or _wide(outside)


def _punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


# ----- block rules ----------------------------------------------------------------------------
# What a line may start with to be something other than a paragraph: fences, quotes, rules,
# lists (digits: ordered ones), references and footnotes, headings, panels, tables' pipes,
# definitions, setext underlines, raw HTML.
_BLOCK_STARTS = frozenset("`~>*-_+[#!?|:=<0123456789")


def _plain_paragraph(state: StateBlock, line: int, end: int, silent: bool) -> bool:
    """Lines of text up to a blank line are a paragraph: said at once, before the dozen rules
    that would each try them and fail (prose is most of a newsletter: this saves a fifth of
    markdown-it's time). Anything another rule might take (a line starting with a character
    in _BLOCK_STARTS, or indented as code) is left to the rules; what this rule does take
    gets the tokens markdown-it's paragraph rule gives it, to the byte."""
    if state.sCount[line] - state.blkIndent >= 4:
        return False
    following = line
    while True:  # no line may start anything that could interrupt a paragraph
        if state.src[state.bMarks[following] + state.tShift[following]] in _BLOCK_STARTS:
            return False
        following += 1
        if following >= state.lineMax or state.isEmpty(following):
            break
    after = following + 1  # a definition list's term may come a blank line before `: `
    if following == line + 1 and after < state.lineMax:
        start = state.bMarks[after] + state.tShift[after]
        if start < state.eMarks[after] and state.src[start] in ":~":
            return False
    state.line = following
    token = state.push("paragraph_open", "p", 1)
    token.map = [line, following]
    token = state.push("inline", "", 0)
    token.content = mdTrim(state.getLines(line, following, state.blkIndent, False))
    token.map = [line, following]
    token.children = []
    state.push("paragraph_close", "p", -1)
    return True


# ----- core rules: run on the token stream of one document ------------------------------------
def _normalize(state: StateCore) -> None:
    """markdown-it's `normalize` (CR LF and lone CRs to LF, NUL to U+FFFD) without its regex
    substituting every line break for itself: that took 7% of markdown-it's time."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    state.src = src.replace("\0", "\ufffd") if "\0" in src else src


def _apply_attr_lists(state: StateCore) -> None:
    """`## Title {#id}` and a `{: .class }` line after a paragraph, before inline parsing."""
    tokens = state.tokens
    for at, token in enumerate(tokens):
        if token.type != "inline" or not token.content.endswith("}"):  # contents are stripped
            continue
        opener = tokens[at - 1]
        pattern = _ATTR_PATTERNS.get(opener.type)
        match = pattern.search(token.content) if pattern else None
        attrs = _parse_attrs(match.group(1)) if match else None
        if match is None or attrs is None:
            continue
        token.content = token.content[:match.start()]
        if opener.type == "heading_open":  # `## Title ## {#id}`: the closing #s go too
            token.content = _CLOSING_HASHES.sub("", token.content)
        # A tight list item's paragraph is not rendered: the attributes go to the item.
        target = _parent(tokens, at - 1) if opener.hidden else opener
        for name, value in attrs:
            if name == "class":
                target.attrJoin(name, value)
            else:
                target.attrSet(name, value)


def _parse_attrs(text: str) -> list[tuple[str, str]] | None:
    """`#id .a .b` -> attributes; None for anything else, which then stays visible as text
    (and lint reports it).

    Only ids and classes: Python-Markdown also took `key=value`, which would let content set
    `onclick` or `style` although raw HTML is not allowed.
    """
    attrs: list[tuple[str, str]] = []
    for word in text.split():
        match = _ATTR_WORD.fullmatch(word)
        if match is None:
            return None
        attrs.append(("id" if match.group(1) == "#" else "class", match.group(2)))
    return attrs


def _parent(tokens: Sequence[Token], at: int) -> Token:
    level = tokens[at].level - 1
    return next(t for t in reversed(tokens[:at]) if t.level == level and t.nesting == 1)


# Where an enabled inline rule may start: line breaks, escapes, code, emphasis, links, images
# (`![`) and footnote marks, autolinks, entities. (Raw HTML is off.)
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[<&]")


def _inline(state: StateCore) -> None:
    """markdown-it's `inline` rule, with text that no inline rule could act on made its one
    text token at once: most headings, table cells and Chinese paragraphs (a seventh of the
    time markdown-it takes). The fuzz test in tests/unit/test_markup.py compares it."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        if token.content and _INLINE_MARKUP.search(token.content) is None:
            text = Token("text", "", 0)
            text.content = token.content
            token.children.append(text)
        else:
            state.md.inline.parse(token.content, state.md, state.env, token.children)


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


def _rewrite_links(state: StateCore) -> None:
    """Internal links -> placeholders, each recorded as a LinkRef in document order."""
    links: list[LinkRef] = []
    source_dir = state.env["source_dir"]
    for token in state.tokens:
        for child in token.children or ():
            attr = _URL_ATTR.get(child.type)
            if attr:
                written = str(child.attrs[attr])
                child.attrSet(attr, _rewrite(written, source_dir, links))
    state.env["links"] = links


def _rewrite(value: str, source_dir: str, links: list[LinkRef]) -> str:
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("#"):
        return value
    path = unquote(parts.path)
    if path.startswith("/"):
        links.append(LinkRef(path.lstrip("/"), parts.fragment, value, True))
        return ROOT + value.lstrip("/")
    if path.endswith(".md"):
        target = posixpath.normpath(posixpath.join(source_dir, path))
        links.append(LinkRef(target, parts.fragment, value, False))
        return REF + target + ("#" + parts.fragment if parts.fragment else "")
    return value


# ----- footnotes: Python-Markdown's markup, which the e-mail's text part and CSS expect --------
def _footnote_ids(token: Token) -> tuple[str, str]:
    """(`fn:label`, `fnref:label` or `fnref2:label` ...) for a reference or back-link."""
    label, sub = escapeHtml(token.meta["label"]), token.meta["subId"]
    return f"fn:{label}", f"fnref{sub + 1 if sub else ''}:{label}"


def _footnote_ref(self: Any, tokens: Sequence[Token], idx: int, *_: Any) -> str:
    note, ref = _footnote_ids(tokens[idx])
    number = tokens[idx].meta["id"] + 1
    return f'<sup id="{ref}"><a class="footnote-ref" href="#{note}">{number}</a></sup>'


def _footnote_anchor(self: Any, tokens: Sequence[Token], idx: int, *_: Any) -> str:
    space = "" if tokens[idx].meta["subId"] else "&#160;"
    return f'{space}<a class="footnote-backref" href="#{_footnote_ids(tokens[idx])[1]}">&#8617;</a>'


def _footnote_open(self: Any, tokens: Sequence[Token], idx: int, *_: Any) -> str:
    return f'<li id="fn:{escapeHtml(tokens[idx].meta["label"])}">\n'


_FOOTNOTE_RULES: dict[str, Callable[..., str]] = {
    "footnote_ref": _footnote_ref,
    "footnote_anchor": _footnote_anchor,
    "footnote_open": _footnote_open,
    "footnote_close": lambda *_: "</li>\n",
    "footnote_block_open": lambda *_: '<div class="footnote">\n<hr>\n<ol>\n',
    "footnote_block_close": lambda *_: "</ol>\n</div>\n",
}


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


def resolve_links(body: str, url_for: Callable[[str, str, bool], str]) -> str:
    """Replace link placeholders; url_for(target, fragment, is_root) -> final URL."""

    def sub(match: re.Match[str]) -> str:
        target, _, fragment = match.group(3).partition("#")
        url = url_for(target, fragment, match.group(2) == ROOT)
        return f'{match.group(1)}="{html.escape(url)}"'

    return _LINK_ATTR.sub(sub, body)
