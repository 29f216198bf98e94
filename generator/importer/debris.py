"""PDF and page-break debris: tidy lines, pull out the colophon, spot two-column text."""

from __future__ import annotations

import re

from generator.importer.parts import Line, Note

_SPACE = re.compile(r"[ \t\u00a0\u3000]+")
# `*No.13` … `July 15 2016*` (emphasis over two lines) or `**Title**`; a lone leading `*`
# is a TOC bullet ("*Title") and stays
_EMPHASIS = re.compile(r"^\*\*(?=\S)|(?<=\S)\*{1,2}$|^\*(?=\S.*\S\*$)")
_NUMBER_ONLY = re.compile(r"^(\d{1,2})\.?$")
COLOPHON = re.compile(
    r"editorial board|^contact\s*:|^contacts?\b.*e-?mail|e-?mail\s*:|^tel\s*[:.]|^fax\s*[:.]|"
    r"^add(ress)?\s*:|编辑部|^联系人|^联系电话|^电话\s*[:：]|^传真|^电子(邮件|邮箱)|^地址\s*[:：]|"
    r"^编\s*辑\s*[:：]|^主\s*编\s*[:：]", re.I)
_PAGE_NUMBER = re.compile(r"^[-–—\s]*(page\s*)?\d{1,3}[-–—\s]*$|^第\s*\d+\s*页$", re.I)
_COLUMNS = re.compile(r"\S {4,}\S")


def tidy(lines: list[Line]) -> list[Line]:
    """Strip spaces and emphasis markers, drop blank lines (kept as `gap`), and merge a
    number alone on its line with the heading it numbers ("1" + ".基本思路。")."""
    out: list[Line] = []
    gap = False
    pending: Line | None = None
    for line in lines:
        text = _EMPHASIS.sub("", _SPACE.sub(" ", line.text).strip()).strip()
        if not text:
            gap = True
            continue
        if pending is not None and not gap:
            text = f"{pending.text.rstrip('.')}.{text.lstrip('.．')}"
            out.append(Line(pending.no, text, pending.gap))
            pending = None
            continue
        if pending is not None:
            out.append(pending)
            pending = None
        if _NUMBER_ONLY.match(text):
            pending = Line(line.no, text, gap)
        else:
            out.append(Line(line.no, text, gap))
        gap = False
    if pending is not None:
        out.append(pending)
    return out


def pull_colophon(lines: list[Line], body_start: int) -> tuple[list[Line], list[str],
                                                              list[Note]]:
    """Remove the editorial-board/contact block wherever a page break left it; return the
    remaining lines, the colophon lines (first copy only) and notes."""
    kept: list[Line] = []
    colophon: list[str] = []
    notes: list[Note] = []
    for index, line in enumerate(lines):
        if COLOPHON.search(line.text) and len(line.text) < 200:
            if line.text not in colophon:
                colophon.append(line.text)
            if index >= body_start:
                notes.append(Note(line.no, "page-break block (editorial board/contact) "
                                           "removed from the text and kept as the colophon"))
            continue
        if _PAGE_NUMBER.match(line.text):
            continue
        kept.append(line)
    return kept, colophon, notes


def two_columns(lines: list[Line]) -> list[Note]:
    """Text extracted from a two-column PDF page: report it, its order cannot be trusted."""
    notes: list[Note] = []
    run: list[Line] = []
    for line in [*lines, Line(0, "")]:
        if _COLUMNS.search(line.text):
            run.append(line)
            continue
        if len(run) >= 3:
            notes.append(Note(run[0].no, f"two columns interleaved in lines {run[0].no}-"
                                         f"{run[-1].no}: check the order of the text"))
        run = []
    return notes
