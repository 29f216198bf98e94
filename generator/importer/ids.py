"""Anchors: English ids from headlines; Chinese ids from the English edition or by position."""

from __future__ import annotations

import re
import unicodedata

_HEADING_ID = re.compile(r"^(#{2,4}) .*\{#([a-z0-9][a-z0-9-]*)\}\s*$", re.M)
_MAX = 60


def slug(text: str) -> str:
    """"China, Russia Establish Innovation…" -> "china-russia-establish-innovation…"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)&(?=\w)", "", ascii_text)  # "S&T" -> "st"
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = ""
    for word in words:
        if out and len(out) + 1 + len(word) > _MAX:
            break
        out = f"{out}-{word}" if out else word
    return out[:_MAX]


class Ids:
    """Hands out ids unique within one document."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, wanted: str, fallback: str) -> str:
        base = wanted or fallback
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def heading_ids(markdown: str) -> list[tuple[int, str]]:
    """(level, id) of the ##/###/#### headings of a Markdown file, in order."""
    return [(len(m.group(1)), m.group(2)) for m in _HEADING_ID.finditer(markdown)]


def assign(blocks: list, lang: str, kind: str,
           english: list[tuple[int, str]] | None) -> tuple[list, str | None]:
    """Give every heading block an id; return the blocks and a note, if any."""
    from dataclasses import replace

    levels = {"h2": 2, "h3": 3}
    ours = [levels[b.kind] for b in blocks if b.kind in levels]
    theirs = [level for level, _ in english or [] if level in (2, 3)]
    note = None
    if english is not None and ours != theirs:
        note = ("the English edition's headings do not line up with these; "
                "ids were numbered instead")
    borrowed = iter([i for level, i in english or [] if level in (2, 3)]) \
        if english is not None and ours == theirs else None
    ids, out, counts = Ids(), [], {"h2": 0, "h3": 0, "h4": 0, "sub": 0}
    parent = ""
    for block in blocks:
        if block.kind not in ("h2", "h3", "h4"):
            out.append(block)
            continue
        counts[block.kind] += 1
        if block.kind == "h4":
            counts["sub"] += 1
            wanted = f"{parent}-{counts['sub']}" if parent else ""
            fallback = f"part-{counts['h4']}"
        else:
            counts["sub"] = 0 if block.kind == "h3" else counts["sub"]
            wanted, fallback = _wanted(block, lang, kind, borrowed, counts)
        new_id = ids.take(wanted, fallback)
        if block.kind == "h3" or (block.kind == "h2" and kind == "page"):
            parent = new_id
        out.append(replace(block, id=new_id))
    return out, note


def _wanted(block, lang: str, kind: str, borrowed, counts: dict) -> tuple[str, str]:
    if borrowed is not None:
        return next(borrowed), "section"
    if lang == "en":
        return slug(block.text), "section" if block.kind == "h2" else "article"
    if kind == "page":
        if block.kind == "h2":
            counts["h3"] = 0
            return f"part-{counts['h2']}", "part"
        return (f"part-{counts['h2']}-{counts['h3']}" if counts["h2"]
                else f"item-{counts['h3']}"), "item"
    return (f"section-{counts['h2']}" if block.kind == "h2"
            else f"article-{counts['h3']}"), "article"
