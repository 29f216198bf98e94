"""`## Title {#id}` and a `{: .class }` line after a paragraph (Python-Markdown's attribute
lists, ids and classes only)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

# Python-Markdown's attr_list syntax: `{: #id .class }`, the colon optional.
_ATTR_LIST = r"\{:?[ ]*([^}\n ][^}\n]*?)[ ]*\}[ ]*$"
_HEADING_ATTRS = re.compile(r"[ ]+" + _ATTR_LIST)  # at the end of the heading line
_PARAGRAPH_ATTRS = re.compile(r"\n[ ]*" + _ATTR_LIST)  # alone on the paragraph's last line
_ATTR_WORD = re.compile(r"([#.])([\w-]+)")  # `#id` or `.class`: letters, digits, `_`, `-`
_CLOSING_HASHES = re.compile(r"(^|[ ]+)#+$")
_ATTR_PATTERNS = {"heading_open": _HEADING_ATTRS, "paragraph_open": _PARAGRAPH_ATTRS}


def apply_attr_lists(state: StateCore) -> None:
    """`## Title {#id}` and a `{: .class }` line after a paragraph, before inline parsing."""
    tokens = state.tokens
    for at, token in enumerate(tokens):
        if token.type != "inline" or not token.content.endswith("}"):  # contents are stripped
            continue
        opener = tokens[at - 1]
        pattern = _ATTR_PATTERNS.get(opener.type)
        match = pattern.search(token.content) if pattern else None
        attrs = _parse_attrs(match.group(1)) if match else None
        if match is None or attrs is None:
            continue
        token.content = token.content[:match.start()]
        if opener.type == "heading_open":  # `## Title ## {#id}`: the closing #s go too
            token.content = _CLOSING_HASHES.sub("", token.content)
        # A tight list item's paragraph is not rendered: the attributes go to the item.
        target = _parent(tokens, at - 1) if opener.hidden else opener
        for name, value in attrs:
            if name == "class":
                target.attrJoin(name, value)
            else:
                target.attrSet(name, value)


def _parse_attrs(text: str) -> list[tuple[str, str]] | None:
    """`#id .a .b` -> attributes; None for anything else, which then stays visible as text
    (and lint reports it).

    Only ids and classes: Python-Markdown also took `key=value`, which would let content set
    `onclick` or `style` although raw HTML is not allowed.
    """
    attrs: list[tuple[str, str]] = []
    for word in text.split():
        match = _ATTR_WORD.fullmatch(word)
        if match is None:
            return None
        attrs.append(("id" if match.group(1) == "#" else "class", match.group(2)))
    return attrs


def _parent(tokens: Sequence[Token], at: int) -> Token:
    level = tokens[at].level - 1
    return next(t for t in reversed(tokens[:at]) if t.level == level and t.nesting == 1)
