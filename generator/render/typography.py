"""A document's HTML as the theme shows it: heading anchors, scrolling tables, dates and
quoted terms that do not break, and how long it takes to read.

Works on the HTML our Markdown renderer writes (ids in double quotes, no `>` inside
attributes), never on an editor's raw HTML structure: only text between tags is rewritten."""

from __future__ import annotations

import math
import re
from html import escape, unescape

from markupsafe import Markup
from markupsafe import escape as escape_markup

_HEADING = re.compile(r'<(h[2-4]) id="([^"]+)">(.*?)</\1>', re.DOTALL)
_TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
_TAG = re.compile(r"(<[^>]*>)")
# What must stay on one line: a Chinese or English date, and a short term in quotes
# (“十二五”): a break inside either reads as two words. Three patterns, not one with three
# alternatives: each starts with fixed text, which the regex engine can skip ahead to, where
# the alternation is tried at every character (seven times slower). A Chinese date is found
# by its 年, and the four-digit year before it checked (`_unbreakable`).
_CHINESE_DATE = re.compile(r"年\d{1,2}月(?:\d{1,2}日)?")
_ENGLISH_DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September"
                           r"|October|November|December) \d{1,2}(?:st|nd|rd|th)?, \d{4}")
_QUOTED_TERM = re.compile(r"“[^“”<>]{1,12}”")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
# Reading speeds for continuous prose: Chinese characters and English words a minute.
_HAN_PER_MINUTE = 300
_WORDS_PER_MINUTE = 200


def typeset(html: str, anchor_label: str, table_label: str) -> Markup:
    """The body as shown on its page (feeds and e-mail take it without these additions)."""
    html = _HEADING.sub(lambda m: _anchored(m, anchor_label), html)
    html = _TABLE.sub(lambda m: '<div class="table-wrap" role="region" tabindex="0" '
                      f'aria-label="{escape(table_label)}">{m.group(0)}</div>', html)
    return Markup(_keep_together(html))


def _anchored(match: re.Match[str], label: str) -> str:
    tag, ident, inner = match.groups()
    title = unescape(_TAG.sub("", inner)).strip()
    # Named by the heading's own words: "Link to this section: China, Russia …"
    return (f'<{tag} id="{ident}">{inner} <a class="heading-anchor" href="#{ident}" '
            f'aria-label="{escape(label)}: {escape(title)}"></a></{tag}>')


def _unbreakable(html: str) -> list[tuple[int, int]]:
    """The spans that must stay on one line, by where they start."""
    spans = [(m.start() - 4, m.end()) for m in _CHINESE_DATE.finditer(html)
             if html[max(0, m.start() - 4):m.start()].isdecimal() and m.start() >= 4]
    spans += [m.span() for m in _ENGLISH_DATE.finditer(html)]
    spans += [m.span() for m in _QUOTED_TERM.finditer(html)]
    return sorted(spans)


def _keep_together(html: str) -> str:
    out: list[str] = []
    at = 0
    for start, end in _unbreakable(html):
        if start < at or html.rfind("<", 0, start) > html.rfind(">", 0, start):
            continue  # overlaps the one before, or inside a tag: text only is rewritten
        out += (html[at:start], '<span class="nobr">', html[start:end], "</span>")
        at = end
    return "".join((*out, html[at:])) if out else html


def headline(text: str) -> Markup:
    """A title (plain text, or markup already escaped), with its quoted terms and dates kept
    whole."""
    return Markup(_keep_together(str(escape_markup(text))))


def reading_minutes(html: str) -> int:
    """Minutes to read the HTML's text: Chinese counted in characters, other text in words
    (what whitespace separates once Chinese text and punctuation are taken out)."""
    text = _TAG.sub(" ", html)
    han = len(_HAN.findall(text))
    words = len(_CJK.sub(" ", text).split())
    return max(1, math.ceil(han / _HAN_PER_MINUTE + words / _WORDS_PER_MINUTE))
