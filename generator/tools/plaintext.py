"""HTML -> plain text for the e-mail's text alternative: a small walker over html.parser.

Why not a library: html2text is GPL-licensed and writes Markdown (`**`, `[text](url)`), and the
input here is small and known (our Markdown output inside the e-mail template), so ~150 lines
of standard library give exactly the layout we want: underlined headings, "- " and "1. " list
items, table rows joined with " | ", panels indented, links as "text [URL]".

Layout tables (role="presentation") are treated as plain blocks; elements hidden with
`display:none` (the preheader) are left out. Lines are not hard-wrapped: wrapping by character
count breaks Chinese text and long URLs, and mail clients wrap the text part themselves.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
           "section", "article", "aside", "nav", "header", "footer", "main", "caption",
           "center", "address"}
_HEADINGS = {"h1": "=", "h2": "=", "h3": "-", "h4": "", "h5": "", "h6": ""}
_SKIP = {"head", "title", "style", "script", "template", "noscript"}
_WIDE = ("W", "F")
_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uff00-\uffef])[ \t\r\n\f]*\n[ \t\r\n\f]*"
                        r"(?=[\u2e80-\u9fff\uff00-\uffef])")
_SPACE = re.compile(r"[ \t\r\n\f]+")
_BR = "\x00"  # a <br> survives whitespace collapsing as this, then becomes a line break
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)


def display_width(text: str) -> int:
    """Columns in a fixed-width font: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in _WIDE else 1 for c in text)


def _collapse(text: str) -> str:
    text = _SPACE.sub(" ", _CJK_BREAK.sub("", text))
    return "\n".join(line.strip() for line in text.split(_BR)).strip()


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.inline: list[str] = []
        self.indent: list[str] = []  # one prefix per open list item or panel
        self.lists: list[int | None] = []  # item counter per open list; None for bullets
        self.marker = ""  # the list marker the next line starts with
        self.stack: list[tuple[str, str]] = []  # open elements that need an end action
        self.links: list[tuple[str | None, int]] = []  # open <a>: href (None: no URL), start
        self.tables: list[bool] = []  # per open table: True for a layout table
        self.cells: list[str] = []
        self.cell_start = 0
        self.hidden = 0  # depth inside skipped elements
        self.pre = 0
        self.gap = False  # a blank line before the next line, even inside a list or table

    # ----- output ------------------------------------------------------------------------
    def flush(self, underline: str = "") -> None:
        raw = "".join(self.inline)
        self.inline.clear()
        text = raw.strip("\n") if self.pre else _collapse(raw)
        if not text:
            return
        block = text.replace(_BR, "\n").split("\n")
        if underline:
            block.append(underline * max(display_width(line) for line in block))
        self.emit(block)

    def emit(self, block: list[str], tight: bool = False) -> None:
        if self.lines and self.lines[-1] and (self.gap or not (tight or self.lists)):
            self.lines.append("")
        self.gap = False
        prefix = "".join(self.indent)
        for at, line in enumerate(block):
            lead = self.marker if at == 0 else " " * len(self.marker)
            self.lines.append((prefix + lead + line).rstrip())
        self.marker = ""

    # ----- parser callbacks --------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if self.hidden or tag in _SKIP or _HIDDEN.search(attr.get("style", "")):
            if tag not in {"br", "hr", "img", "meta", "link", "input"}:
                self.hidden += 1
            return
        classes = set(attr.get("class", "").split())
        if tag in _HEADINGS or tag in _BLOCKS:
            self.flush()
            if tag == "pre":
                self.pre += 1
            if tag == "div" and "admonition" in classes:
                self.indent.append("    ")
                self.stack.append((tag, "dedent"))
                return
        elif tag in ("ul", "ol"):
            if self._start_list(tag, attr):
                return
        elif tag == "li":
            self.flush()
            if self.lists and self.lists[-1] is not None:
                self.lists[-1] += 1
                self.marker = f"{self.lists[-1]}. "
            else:
                self.marker = "- "
        elif tag == "br":
            self.inline.append(_BR)
        elif tag == "hr":
            self.flush()
            self.emit(["-" * 8])
        elif tag == "img" and attr.get("alt"):
            self.inline.append(attr["alt"])
        elif tag == "a":
            if "footnote-backref" in classes:
                self.hidden += 1  # the "↩" back to the text
                return
            self._start_link(attr.get("href", ""), classes)
        elif tag == "table":
            self.flush()
            self.tables.append(attr.get("role") == "presentation")
            self.gap = not self.tables[-1]
        elif tag in ("td", "th"):
            if self.tables and not self.tables[-1]:
                self.cell_start = len(self.inline)
            else:
                self.flush()
        elif tag == "tr" and self.tables and not self.tables[-1]:
            self.flush()
            self.cells = []
        self.stack.append((tag, ""))

    def _start_list(self, tag: str, attr: dict[str, str]) -> bool:
        """A list starts; True if it is nested (its items are indented: the caller is done)."""
        self.flush()
        start = int(attr["start"]) - 1 if attr.get("start", "").isdigit() else 0
        self.gap = self.gap or not self.lists
        nested = bool(self.lists)
        self.lists.append(start if tag == "ol" else None)
        if nested:
            self.indent.append("   ")
            self.stack.append((tag, "dedent"))
        return nested

    def _start_link(self, href: str, classes: set[str]) -> None:
        if "footnote-ref" in classes:
            self.inline.append("[")
            href = ""
        self.links.append((href or None, len(self.inline)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in {"br", "hr", "img", "meta", "link", "input"}:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.hidden:
            self.hidden -= 1
            return
        while self.stack:  # HTML allows some end tags to be left out: close up to `tag`
            open_tag, action = self.stack.pop()
            if open_tag == tag:
                break
        else:
            return
        if action == "dedent":
            self.flush()
            self.indent.pop()
            if tag in ("ul", "ol"):
                self.lists.pop()
        elif tag in _HEADINGS:
            self.flush(_HEADINGS[tag])
        elif tag in _BLOCKS:
            self.flush()
            if tag == "pre":
                self.pre -= 1
        elif tag in ("ul", "ol"):
            self.flush()
            self.lists.pop()
        elif tag == "li":
            self.flush()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            text = _collapse("".join(self.inline[start:]))
            if href is None:
                self.inline.append("]" if self.inline[start - 1:start] == ["["] else "")
            elif href not in (text, f"mailto:{text}"):
                self.inline.append(f" [{href}]")
        elif tag in ("td", "th") and self.tables and not self.tables[-1]:
            self.cells.append(_collapse("".join(self.inline[self.cell_start:])))
            del self.inline[self.cell_start:]
        elif tag in ("td", "th"):
            self.flush()
        elif tag == "tr" and self.tables and not self.tables[-1]:
            self.emit([" | ".join(self.cells)], tight=True)
        elif tag == "table" and self.tables:
            self.flush()
            self.tables.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.inline.append(data)


def html_to_text(html: str) -> str:
    """Readable plain text of an HTML document or fragment, ending in one newline."""
    walker = _Walker()
    walker.feed(html)
    walker.close()
    walker.flush()
    return "\n".join(walker.lines).strip("\n") + "\n"
