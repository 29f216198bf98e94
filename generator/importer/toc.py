"""An issue's header (masthead, number, date, publisher) and its table of contents."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from generator.importer.dates import find_date, find_number
from generator.importer.parts import Line

MASTHEAD = re.compile(r"china\s+science\s+(and|&)\s+technology\s+newsletter|中国科技通讯|"
                      r"中國科技通訊", re.I)
_PUBLISHER = re.compile(r"department of international cooperation|ministry of science and "
                        r"technology|^most\b|科学技术部|国际合作司|科學技術部|國際合作司", re.I)
BULLET = re.compile(r"^(?:[•·∙●○◆◇■□▪▶►➢Ø§]|\*|[-–](?=\s)|l(?=\s+[A-Z\u3400-\u9fff“\"])|"
                    r"\d{1,2}[.、．)](?!\d)|\(\d{1,2}\))\s*(?=\S)")
_LABEL = re.compile(r"\[([^\[\]]{3,100})\]")
_ITEM_SPLIT = re.compile(r"\s*(?:[•·●◆■▪]|\s\*\s?|\s[-–]\s|(?<=\s)l\s(?=[A-Z\u3400-\u9fff]))\s*")
_TERMINAL = re.compile(r"[.。!?！？]$")


@dataclass
class Header:
    end: int = 0  # index of the first line after the header
    masthead: bool = False
    number: int | None = None
    date: str | None = None
    date_line: int = 0
    date_guess: str = ""
    publisher: list[str] = field(default_factory=list)


@dataclass
class TocSection:
    title: str | None
    articles: list[str] = field(default_factory=list)
    raw: str = ""  # a flattened PDF TOC whose items could not be told apart


@dataclass
class Toc:
    sections: list[TocSection] = field(default_factory=list)
    end: int = 0

    def titles(self) -> list[str]:
        return [t for s in self.sections for t in [s.title or "", *s.articles] if t]


def key(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def similar(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    return ka == kb or difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.8


def parse_header(lines: list[Line]) -> Header:
    head = Header()
    for index, line in enumerate(lines[:12]):
        text = line.text
        found_mast, number = bool(MASTHEAD.search(text)), find_number(text)
        date = find_date(text) if len(text) < 80 else None
        publisher = bool(_PUBLISHER.search(text)) and len(text) < 120
        if not (found_mast or (number and len(text) < 80) or publisher or
                (date and date.end - date.start >= len(text) * 0.5)):
            break
        head.masthead |= found_mast
        head.number = head.number or (number if len(text) < 80 else None)
        if date and head.date is None:
            head.date, head.date_line, head.date_guess = date.iso, line.no, date.guess
        if publisher and not found_mast:
            head.publisher.append(text.strip("* "))
        head.end = index + 1
    return head


def parse_toc(lines: list[Line], start: int) -> Toc:
    toc = Toc(end=start)
    for index in range(start, len(lines)):
        text = lines[index].text
        if len(_LABEL.findall(text)) >= 2 or (_LABEL.match(text) and len(text) > 150):
            toc.sections.extend(_flattened(text))
        elif BULLET.match(text) and len(text) < 200:
            if not toc.sections:
                toc.sections.append(TocSection(None))
            toc.sections[-1].articles.append(BULLET.sub("", text).strip(" *"))
        elif len(text) <= 120 and not _TERMINAL.search(text):
            if any(similar(text, seen) for seen in toc.titles()):
                break  # the first section or article again: the body starts
            toc.sections.append(TocSection(text))
        else:
            break
        toc.end = index + 1
    if not any(s.articles or s.raw for s in toc.sections):
        return Toc(end=start)
    return toc


def _flattened(text: str) -> list[TocSection]:
    parts = _LABEL.split(text)
    sections = []
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        items = [item.strip(" *") for item in _ITEM_SPLIT.split(body) if item.strip(" *")]
        if len(items) > 1:
            sections.append(TocSection(title.strip(), items))
        else:
            sections.append(TocSection(title.strip(), [], body.strip()))
    return sections
