"""Site chrome: breadcrumbs, mastheads, footers, counters, datelines, link lists, buttons."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.importer.dates import find_date
from generator.importer.parts import Line, Note

_I = re.I
_CHROME = [re.compile(p, _I) for p in (
    r"^(home|首\s*页|主页)\s*(>|»|›|>>|/|→)",  # breadcrumbs
    r"^(当前位置|您的位置|你的位置|您现在的位置|current location|location|you are here)\s*[:：]",
    r"^(the )?ministry of science and technology( of the)?$",  # masthead
    r"^(of the )?people'?s republic of china$",
    r"^中华人民共和国科学技术部$",
    r"copyright|©|\(c\)\s*\d{4}|版权所有|all rights reserved|icp\s*(备|证|license)|"
    r"presented by|主办单位|技术支持",
    r"浏览量|浏览次数|阅读次数|点击数|点击率|访问量|阅读量|^(views?|hits|visits)\s*[:：]?\s*\d+"
    r"|\b(views?|hits)\s*[:：]\s*\d+\s*$",
    r"^(上一篇|下一篇|上一条|下一条|上一页|下一页|previous|next|prev)\b\s*(article|news|page)?"
    r"\s*[:：>]",
    r"^[\[【]?\s*(打印|关闭|打印本页|关闭窗口|收藏|返回顶部|返回|print|close|close window|"
    r"print this page|back to top|top|e-?mail this page)\s*[\]】]?"
    r"(\s*[\[【]?\s*(打印|关闭|打印本页|关闭窗口|收藏|返回顶部|print|close|close window|"
    r"back to top|top)\s*[\]】]?)*$",
    r"^(稿件|信息|文章)?来源\s*[:：]?\s*$",  # an empty "source:" field
)]
_PREV_NEXT_LOST = re.compile(r"^\ufffd.*\[\d{4}-\d{1,2}-\d{1,2}\]\s*$")
_RELATED = re.compile(r"^(相关链接|相关新闻|相关文章|相关阅读|related (links|news|articles|"
                      r"stories)|see also)\s*[:：]?$", _I)
_LINK_ITEM = re.compile(r"^([•·\-*]|\d{1,2}[.、])\s*\S|.*[\[(（]\d{4}-\d{1,2}-\d{1,2}[\])）]$")
_DATELINE = re.compile(r"(来源|发布时间|发布日期|日期|时间|source|date|posted|updated|views?|"
                       r"浏览量?|点击)\s*[:：]", _I)
_SOURCE_FIELD = re.compile(r"(?:稿件|信息|文章)?来源\s*[:：]\s*([^\s　].*?)\s*$")
_SPAM = re.compile(r"casino|viagra|cialis|porn|replica watch|payday loan|博彩|赌场|六合彩|"
                   r"代开发票|百家乐|时时彩|澳门.{0,4}(赌|娱乐|彩)|网上赌", _I)
_NAV_WORD = re.compile(r"首\s*页|联系我们|网站地图|^home\b|contact us|site map", _I)
_CJK = re.compile("[\u3400-\u9fff]")


@dataclass
class Stripped:
    lines: list[Line]
    date: str | None = None
    source: str | None = None
    notes: list[Note] = field(default_factory=list)


def strip_chrome(lines: list[Line]) -> Stripped:
    """Drop chrome lines; keep what they tell (a date, a source) and say what was odd."""
    out = Stripped([])
    skipping_links = False
    for line in lines:
        text = line.text.strip()
        if skipping_links:
            if not text or _LINK_ITEM.match(text):
                continue
            skipping_links = False
        if not text:
            out.lines.append(line)
            continue
        if _RELATED.match(text):
            skipping_links = True
            continue
        kept = _one(line, text, out)
        if kept is not None:
            out.lines.append(kept)
    return out


def _one(line: Line, text: str, out: Stripped) -> Line | None:
    if _SPAM.search(text) and len(text) < 400:
        out.notes.append(Note(line.no, f"spam removed (a mirror's insertion): {text[:60]!r}"))
        return None
    if _PREV_NEXT_LOST.match(text) or is_nav_bar(text):
        return None
    glued = _glued_dateline(line, text, out)
    if glued is not None:
        return glued
    found = find_date(text)
    if (found and len(text) < 120 and _DATELINE.search(text)
            and not text.startswith(("(", "（")) and not text.endswith(("。", "."))):
        out.date = out.date or found.iso
        source = _SOURCE_FIELD.search(text[found.end:])
        if source and not out.source:
            out.source = re.split(r"\s{2,}|浏览|点击", source.group(1))[0].strip() or None
        return None
    if len(text) < 200 and any(p.search(text) for p in _CHROME):
        source = _SOURCE_FIELD.search(text)
        if source and not out.source and not any(p.search(text) for p in _CHROME[:-1]):
            out.source = source.group(1)
        return None
    return line


def _glued_dateline(line: Line, text: str, out: Stripped) -> Line | None:
    """`Title�� ���ڣ�2014-02-11����...`: a title with a dateline whose bytes were lost."""
    cut = text.find("\ufffd")
    found = find_date(text)
    if cut <= 0 or not found or found.start < cut or text.count("\ufffd") < 3:
        return None
    out.date = out.date or found.iso
    out.notes.append(Note(line.no, f"unreadable dateline after the title removed "
                                   f"({text.count(chr(0xFFFD))} characters lost); "
                                   f"date {found.iso} taken from it"))
    return Line(line.no, text[:cut].rstrip())


def is_nav_bar(text: str) -> bool:
    tokens = text.split()
    if len(tokens) < 4 or any(ch in text for ch in ",.;:，。；：!?！？"):
        return False
    if _NAV_WORD.search(text):
        return all(len(token) <= 12 for token in tokens)
    return len(tokens) >= 5 and all(len(t) <= 6 and _CJK.search(t) for t in tokens)
