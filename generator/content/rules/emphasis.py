"""`*` emphasis next to Chinese text, as editors write it."""

from __future__ import annotations

import unicodedata

from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline import StateInline, emphasis


def cjk_emphasis(state: StateInline, silent: bool) -> bool:
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
