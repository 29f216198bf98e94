"""HTML -> text lines: paragraphs separated by blank lines, list items bulleted.

BeautifulSoup with the standard library's parser: tolerant of the broken markup of old
pages, and it never runs or fetches anything the page names (scripts are dropped unread).
"""

from __future__ import annotations

import re
import warnings

from bs4 import (
    BeautifulSoup,
    Comment,
    MarkupResemblesLocatorWarning,
    NavigableString,
    Tag,
    XMLParsedAsHTMLWarning,
)

_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "select",
         "button", "input", "textarea", "form", "nav", "head", "svg", "map", "area"}
_PARAGRAPH = {"p", "div", "table", "ul", "ol", "dl", "blockquote", "pre", "h1", "h2", "h3",
              "h4", "h5", "h6", "section", "article", "header", "footer", "main", "center",
              "address", "hr", "aside", "body", "html", "font-block"}
_LINE = {"br", "li", "tr", "dt", "dd", "caption", "option"}
_CELL = {"td", "th"}
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def html_title(markup: str) -> str | None:
    """The page's <title>, if any (a fallback when the body names none)."""
    match = re.search(r"<title[^>]*>(.*?)</title>", markup, re.I | re.S)
    if not match:
        return None
    text = BeautifulSoup(match.group(1), "html.parser").get_text(" ")
    return _SPACES.sub(" ", text).strip() or None


def html_to_text(markup: str) -> str:
    """The visible text of `markup` as lines; blocks end with a blank line."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "html.parser")
    out: list[str] = []
    stack: list[object] = [soup]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            out.append(node)  # a break marker pushed below
        elif isinstance(node, Comment):
            continue
        elif isinstance(node, NavigableString):
            out.append(_SPACES.sub(" ", str(node)))
        elif isinstance(node, Tag):
            _open(node, out, stack)
    return _tidy("".join(out))


def _open(tag: Tag, out: list[str], stack: list[object]) -> None:
    name = (tag.name or "").lower()
    if name in _DROP or _is_print_link(tag):
        return
    if name in _PARAGRAPH:
        out.append("\n\n")
        stack.append("\n\n")
    elif name in _LINE:
        out.append("\n")
        if name == "li":
            out.append("• ")
        if name == "br":
            return
    elif name in _CELL:
        stack.append(" ")
    stack.extend(reversed(tag.contents))


def _is_print_link(tag: Tag) -> bool:
    href = str(tag.get("href") or tag.get("onclick") or "") if tag.name == "a" else ""
    return href.lower().startswith("javascript:") or "window.print" in href.lower()


def _tidy(text: str) -> str:
    lines = [line.strip(" ") for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"
