"""Rules that do what markdown-it's own do, faster on prose: a newsletter is mostly
paragraphs of plain text. Each gives markdown-it's tokens to the byte (tests/unit/test_markup.py
fuzzes them against markdown-it's rules)."""

from __future__ import annotations

import re

from markdown_it.common.utils import mdTrim
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# What a line may start with to be something other than a paragraph: fences, quotes, rules,
# lists (digits: ordered ones), references and footnotes, headings, panels, tables' pipes,
# definitions, setext underlines, raw HTML.
_BLOCK_STARTS = frozenset("`~>*-_+[#!?|:=<0123456789")


def plain_paragraph(state: StateBlock, line: int, end: int, silent: bool) -> bool:
    """Lines of text up to a blank line are a paragraph: said at once, before the dozen rules
    that would each try them and fail (prose is most of a newsletter, so most of
    markdown-it's time went there). Anything another rule might take (a line starting with a
    character in _BLOCK_STARTS, or indented as code) is left to the rules; what this rule does
    take gets the tokens markdown-it's paragraph rule gives it, to the byte."""
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


def normalize(state: StateCore) -> None:
    """markdown-it's `normalize` (CR LF and lone CRs to LF, NUL to U+FFFD) without its regex
    substituting every line break for itself, which cost more than the rest of it."""
    src = state.src
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    state.src = src.replace("\0", "\ufffd") if "\0" in src else src


# Where an enabled inline rule may start: line breaks, escapes, code, emphasis, links, images
# (`![`) and footnote marks, autolinks, entities. (Raw HTML is off.)
_INLINE_MARKUP = re.compile(r"[\n\\`*_\[<&]")


def inline(state: StateCore) -> None:
    """markdown-it's `inline` rule, with text that no inline rule could act on made its one
    text token at once: most headings, table cells and Chinese paragraphs. The fuzz test in
    tests/unit/test_markup.py compares it."""
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
