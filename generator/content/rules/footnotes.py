"""Footnotes in Python-Markdown's markup, which the e-mail's text part and the CSS expect."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token


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


FOOTNOTE_RULES: dict[str, Callable[..., str]] = {
    "footnote_ref": _footnote_ref,
    "footnote_anchor": _footnote_anchor,
    "footnote_open": _footnote_open,
    "footnote_close": lambda *_: "</li>\n",
    "footnote_block_open": lambda *_: '<div class="footnote">\n<hr>\n<ol>\n',
    "footnote_block_close": lambda *_: "</ol>\n</div>\n",
}
