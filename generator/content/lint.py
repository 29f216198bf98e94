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


# Half-width marks that Chinese prose writes full-width: `机制,充分` should be `机制，充分`.
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_AFTER = f"[{_HAN}”’》）」』]"  # what ends a Chinese phrase
_BEFORE = f"[{_HAN}“‘《（「『]"  # what starts one
# A mark between two Chinese phrases, or a bracket beside a Chinese character, belongs to
# Chinese prose; beside Latin letters or digits alone it belongs to a number, a URL or
# Markdown (`](link)`, `{: .class}`), which stay as they are.
_CJK = f"[{_HAN}”’》）」』“‘《（「『，。、；：]"  # any of the above, or full-width punctuation
_HALF_WIDTH = re.compile(f"(?<={_AFTER})[,;:!?] ?(?={_BEFORE})|(?<={_CJK})[()]|[()](?={_CJK})")

_LINK_TARGET = re.compile(r"\]\([^)\s]*\)")


def lint_punctuation(body: str, body_line: int, path: str, diags: Diagnostics) -> None:
    """Warn, one line at a time, about half-width punctuation in Chinese prose (outside code)."""
    if not _HALF_WIDTH.search(body):
        return
    fence_open = False
    for number, line in enumerate(body.split("\n")):
        if _FENCE.match(line):
            fence_open = not fence_open
            continue
        if fence_open:  # an indented line is not skipped: in a `!!!` panel it is prose
            continue
        # Link targets blanked out, so that `[文件](a.md)。` keeps its `)`.
        prose = _LINK_TARGET.sub(lambda m: " " * len(m.group(0)), line)
        found = [m for m in _HALF_WIDTH.finditer(prose)
                 if prose.count("`", 0, m.start()) % 2 == 0]
        if found:
            _warn_punctuation(line, found, path, body_line + number, diags)


def full_width(text: str) -> tuple[str, int]:
    """`text` with the half-width marks this lint reports made full-width, and how many.
    Repeated: a mark made full-width can make its neighbour Chinese prose too (`（ITER),`)."""
    total = 0
    while True:
        text, count = _HALF_WIDTH.subn(lambda m: _FULL_WIDTH[m.group(0).strip()], text)
        if not count:
            return text, total
        total += count


def _warn_punctuation(line: str, found: list[re.Match[str]], path: str, at: int,
                      diags: Diagnostics) -> None:
    marks = sorted({m.group(0).strip() for m in found})
    first = found[0]
    context = line[max(first.start() - 2, 0):first.end() + 2].strip()
    diags.warning(path, at, f"half-width {' '.join(marks)} in Chinese text "
                  f"({len(found)} on this line, the first in `{context}`)",
                  "write them full-width between Chinese characters: "
                  + ", ".join(f"`{m}` as `{_FULL_WIDTH[m]}`" for m in marks))


def line_of(body: str, needle: str, body_line: int) -> int:
    """File line of the first occurrence of `needle` in the body (the body's start if absent)."""
    at = body.find(needle)
    return body_line + (body.count("\n", 0, at) if at >= 0 else 0)
