"""Markdown that renders differently from what the editor meant, found before publishing."""

from __future__ import annotations

import re
from html import unescape

from generator.errors import Diagnostics
from generator.model import Heading

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_NO_SPACE_HEADING = re.compile(r"^#{1,6}[^#\s]")
_ANY_NO_SPACE_HEADING = re.compile(r"\n#{1,6}[^#\s]")  # anywhere in "\n" + body (fast)
_LINK_GAP = re.compile(r"\]\s+\((?:[^)\s]+\.md|/|https?://)[^)]*\)")
_LEFTOVER_ATTR = re.compile(r"\{:[^}]*\}|\{#[^}]*\}")
_CODE_BLOCK = re.compile(r"<pre><code>(.*?)</code>", re.DOTALL)
_NOT_PROSE = re.compile(r"<(pre|code|h[1-6])\b.*?</\1>", re.DOTALL)  # headings: checked apart


def lint(body: str, body_line: int, html: str, headings: tuple[Heading, ...], path: str,
         diags: Diagnostics) -> None:
    lines = body.split("\n")
    fence_open: int | None = None
    # The line by line check, only where one of its patterns occurs anywhere (rarely).
    suspect = "```" in body or "~~~" in body or _ANY_NO_SPACE_HEADING.search("\n" + body) \
        or _LINK_GAP.search(body)
    for number, line in enumerate(lines if suspect else ()):
        at = body_line + number
        if _FENCE.match(line):
            fence_open = None if fence_open is not None else at
            continue
        if fence_open is not None:
            continue
        if _NO_SPACE_HEADING.match(line) and not line.startswith("#!"):
            diags.error(path, at, f"`{line[:30]}` is not a heading: a space must follow the #",
                        f"write `{line[:line.count('#', 0, 7)].rstrip()} "
                        f"{line.lstrip('#')[:24]}`")
        if _LINK_GAP.search(line):
            diags.error(path, at, "a space between `]` and `(` breaks the link",
                        "write [text](target) with no space")
    if fence_open is not None:
        diags.error(path, fence_open, "this code block is never closed: the rest of the file "
                    "would show as code", "close it with a line of ``` ")
    # The renderer applies only a well-formed `{#id}`: anything else stays in the title.
    for heading in headings:
        if "{#" in heading.title or "{:" in heading.title:
            diags.error(path, line_of(body, heading.title, body_line),
                        f"the id in `{heading.title}` was not understood",
                        "ids are written {#lowercase-words}: letters, digits and hyphens, "
                        "no spaces")
    text = unescape(re.sub(r"<[^>]+>", "", _NOT_PROSE.sub("", html))) if "{" in html else ""
    for match in _LEFTOVER_ATTR.finditer(text):
        diags.error(path, line_of(body, match.group(0), body_line),
                    f"`{match.group(0)}` was not applied and would show on the page",
                    "put {: .class } on its own line right after the paragraph, with no blank "
                    "line between")
    code = _CODE_BLOCK.search(html)
    if code and not any(_FENCE.match(line) for line in lines):
        # Located by the code's first line: inside a `!!!` panel, four spaces are not code,
        # but two blank lines end the panel and its next indented line is.
        shown = unescape(code.group(1)).split("\n", 1)[0].strip()
        first = next((n for n, line in enumerate(lines) if line.startswith("    ") and
                      line.strip() == shown), 0)
        diags.warning(path, body_line + first, "text indented by four spaces shows as code",
                      "remove the indentation, or fence real code with ```")


def line_of(body: str, needle: str, body_line: int) -> int:
    """File line of the first occurrence of `needle` in the body (the body's start if absent)."""
    at = body.find(needle)
    return body_line + (body.count("\n", 0, at) if at >= 0 else 0)
