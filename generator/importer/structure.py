"""Cleaned lines -> a Document: an issue (header, TOC, sections, articles) or a page."""

from __future__ import annotations

import re

from generator.importer.dates import find_date
from generator.importer.debris import pull_colophon
from generator.importer.paragraphs import is_source, paragraphs, vocabulary
from generator.importer.parts import Block, Document, Line
from generator.importer.toc import Toc, TocSection, key, parse_header, parse_toc, similar

_END = re.compile(r"[.。!?！？;；]$")
_NUMBERED = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
_ZH_PART = re.compile(r"^[一二三四五六七八九十]{1,3}\s*、\s*\S")
_PANEL = re.compile(r"^(专栏|專欄|box)\s*\d*\s*[:：]", re.I)


def looks_like_issue(lines: list[Line]) -> bool:
    head = parse_header(lines)
    return head.masthead or head.number is not None


def build_issue(lines: list[Line], doc: Document) -> None:
    first = parse_header(lines)
    body_start = parse_toc(lines, first.end).end or first.end
    lines, colophon, notes = pull_colophon(lines, body_start)
    doc.notes.extend(notes)
    head = parse_header(lines)
    doc.number, doc.date = head.number, head.date
    if head.date_guess:
        doc.note(head.date_line, f"date {head.date_guess!r}… read as {head.date} "
                                 "(a best guess): check it")
    if head.date is None:
        doc.note(1, "no date found in the header")
    publisher = ", ".join(head.publisher)
    doc.colophon = [publisher, *colophon] if publisher else colophon
    toc = parse_toc(lines, head.end)
    body = lines[toc.end:] if toc.sections else lines[head.end:]
    if not toc.sections:
        doc.note(body[0].no if body else 1,
                 "no table of contents: articles were found by their short title lines")
    _Articles(doc, toc, vocabulary(body)).run(body)


class _Articles:
    """Walks the body, starting an article at each line that repeats a TOC title."""

    def __init__(self, doc: Document, toc: Toc, vocab: set[str]) -> None:
        self.doc, self.toc, self.vocab = doc, toc, vocab
        self.flat = [(i, t) for i, s in enumerate(toc.sections) for t in s.articles]
        self.next = 0
        self.section: int | None = None
        self.pending: list[Line] = []

    def run(self, body: list[Line]) -> None:
        for index, line in enumerate(body):
            if self._candidate(line.text) and self._heading(line, body[index + 1:index + 2]):
                continue
            self.pending.append(line)
        self._flush()
        for _, title in self.flat[self.next:]:
            self.doc.note(0, f"article {title!r} is in the table of contents, not in the text")

    def _candidate(self, text: str) -> bool:
        if _title_like(text):
            return True
        return len(text) <= 200 and any(key(text) == key(t) for t in self.toc.titles())

    def _heading(self, line: Line, after: list[Line]) -> bool:
        sections = self.toc.sections
        for section in sections:
            if section.title and similar(line.text, section.title):
                self._flush()
                return True  # the section heading comes with its first article
        found = self._article(line.text)
        if found is None and not self.flat and _looks_like_title(line, after):
            found = (self.section or 0, line.text)
        if found is None:
            return False
        self._flush()
        section, title = found
        if section != self.section and section < len(sections) and sections[section].title:
            self.doc.blocks.append(Block("h2", sections[section].title, line=line.no))
        self.section = section
        if key(title) != key(line.text):
            self.doc.note(line.no, f"heading {line.text!r} differs from the table of "
                                   f"contents; the contents' {title!r} is used")
        self.doc.blocks.append(Block("h3", title, line=line.no))
        return True

    def _article(self, text: str) -> tuple[int, str] | None:
        for k in range(self.next, len(self.flat)):
            section, title = self.flat[k]
            if key(text) == key(title) or (k == self.next and similar(text, title)):
                for _, skipped in self.flat[self.next:k]:
                    self.doc.note(0, f"article {skipped!r} is in the table of contents, "
                                     "not in the text")
                self.next = k + 1
                return section, title
        for index, section in enumerate(self.toc.sections):
            if section.raw and len(key(text)) >= 8 and key(text) in key(section.raw):
                return index, text
        return None

    def _flush(self) -> None:
        self.doc.blocks.extend(body_blocks(self.pending, self.doc.lang, self.vocab, level=4))
        self.pending = []


def build_page(lines: list[Line], doc: Document, fallback_title: str | None) -> None:
    start = 0
    if lines and _title_like(lines[0].text) and len(lines[0].text) <= 200:
        doc.title, start = lines[0].text, 1
    if start < len(lines) and _date_only(lines[start].text):
        doc.date, start = find_date(lines[start].text).iso, start + 1
    body = lines[start:]
    if doc.title is None:
        doc.title = fallback_title or _first_words(body)
        doc.note(body[0].no if body else 1, "the source has no title line: "
                 f"{doc.title!r} was used, edit it")
    doc.blocks.extend(body_blocks(body, doc.lang, vocabulary(body), level=2))


def body_blocks(lines: list[Line], lang: str, vocab: set[str], level: int) -> list[Block]:
    """Paragraphs, sources, numbered headings (h`level` and below) and panels."""
    out: list[Block] = []
    text: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _numbered_heading(line.text, lang, level)
        if heading or _PANEL.match(line.text) and len(line.text) <= 40:
            out.extend(_text_blocks(text, vocab))
            text = []
        if heading:
            out.append(Block(heading, line.text, line=line.no))
        elif _PANEL.match(line.text) and len(line.text) <= 40:
            inside: list[str] = []
            while index + 1 < len(lines) and (not lines[index + 1].gap or not inside):
                index += 1
                inside.append(lines[index].text)
            out.append(Block("panel", " ".join(inside), title=line.text, line=line.no))
        else:
            text.append(line)
        index += 1
    out.extend(_text_blocks(text, vocab))
    return out


def _text_blocks(lines: list[Line], vocab: set[str]) -> list[Block]:
    return [Block("source" if is_source(text) else "p", text, line=no)
            for no, text in paragraphs(lines, vocab)]


def _numbered_heading(text: str, lang: str, level: int) -> str | None:
    if lang == "zh" and len(text) <= 60:
        if _ZH_PART.match(text):
            return f"h{level}"
        if _NUMBERED.match(text):
            return f"h{min(level + 1, 4)}"
        return None
    if _NUMBERED.match(text) and len(text) <= 120 and not _END.search(text):
        return f"h{min(level + 1, 4)}" if level < 4 else "h4"
    return None


def _title_like(text: str) -> bool:
    return len(text) <= 200 and not is_source(text) and not _END.search(text)


def _looks_like_title(line: Line, after: list[Line]) -> bool:
    return (len(line.text) <= 120 and bool(after) and len(after[0].text) > 150
            and not _NUMBERED.match(line.text))


def _date_only(text: str) -> bool:
    found = find_date(text)
    return bool(found) and found.end - found.start >= len(text.strip("()（） ")) * 0.6


def _first_words(lines: list[Line]) -> str:
    text = lines[0].text if lines else "Untitled"
    sentence = re.split(r"(?<=[.。!?！？])\s", text)[0]
    words = sentence.split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "") if len(words) > 1 \
        else sentence[:40] + ("…" if len(sentence) > 40 else "")


__all__ = ["TocSection", "build_issue", "build_page", "looks_like_issue"]
