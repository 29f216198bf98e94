"""The parallel view (中英对照): two language versions of a document, paragraph beside paragraph.

Articles are paired by their heading id (translations keep the original's ids), then their
blocks (paragraphs, lists, tables, panels) by order. An article only one version has is shown
alone on its side, so nothing of either text is ever dropped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from itertools import zip_longest

_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_VOID = frozenset(("br", "hr", "img", "input", "wbr", "col", "source", "meta", "link"))
_IDS = re.compile(r'\b(id="|href="#)')


@dataclass(frozen=True)
class Block:
    html: str
    heading: str | None = None  # the heading's id, for a heading


@dataclass(frozen=True)
class Article:
    """A heading and the blocks up to the next heading (the first has no heading)."""

    id: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Row:
    """One row of the view: a block of each version, either of them possibly missing."""

    left: str | None
    right: str | None
    heading: bool = False  # a row of headings: it starts an article


# Bodies come from our Markdown renderer with raw HTML off: every tag is one it wrote, so
# a tag is exactly `<`, a name, attributes with `<` and `>` escaped, `>` (no comments, no
# raw text). A scan of the tags is then exact, and many times faster than an HTML parser.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_ID = re.compile(r'\sid="([^"]*)"')


def blocks(body: str) -> list[Block]:
    """The top-level elements of a body, each with its exact source."""
    found: list[Block] = []
    depth, start, ident, at = 0, 0, None, 0
    for tag in _TAG.finditer(body):
        closing, name = tag.group(1), tag.group(2).lower()
        if depth == 0:
            if body[at:tag.start()].strip():  # (Markdown wraps all text; kept if not)
                found.append(Block(body[at:tag.start()]))
            if closing:  # a stray end tag: kept as it is
                found.append(Block(tag.group(0)))
                at = tag.end()
                continue
            start, found_id = tag.start(), _ID.search(tag.group(3))
            ident = html.unescape(found_id.group(1)) if found_id and name in _HEADINGS \
                else None
        if closing:
            depth -= 1
        elif name not in _VOID:
            depth += 1
        if depth == 0:
            found.append(Block(body[start:tag.end()], ident))
            at = tag.end()
    if body[at:].strip():
        found.append(Block(body[at:]))
    return found


_FOOTNOTES = '<div class="footnote">'  # (rules/footnotes.py): the notes, paired as one


def articles(body: str, prefix: str = "") -> list[Article]:
    """The body cut at each heading with an id; the footnotes are an article of their own.
    `prefix`: what the body's ids start with (`prefixed_ids`), left out of the articles' ids."""
    found: list[tuple[str, list[Block]]] = [("", [])]
    for block in blocks(body):
        if block.heading or block.html.startswith(_FOOTNOTES):
            ident = block.heading.removeprefix(prefix) if block.heading else _FOOTNOTES
            found.append((ident, [block]))
        else:
            found[-1][1].append(block)
    return [Article(ident, tuple(found_blocks)) for ident, found_blocks in found if found_blocks]


def rows(left: str, right: str, prefixes: tuple[str, str] = ("", "")) -> list[Row]:
    """The rows of the view of two bodies: articles paired by id in the left one's order
    (one only the right has comes before the next article both have), blocks by order.
    `prefixes`: for the ids of each side (`prefixed_ids`); articles pair by the ids without
    them."""
    lefts = articles(prefixed_ids(left, prefixes[0]), prefixes[0])
    rights = articles(prefixed_ids(right, prefixes[1]), prefixes[1])
    by_id = {a.id: a for a in rights}
    left_ids = {a.id for a in lefts}
    placed: set[str] = set()
    result: list[Row] = []
    right_order = [a.id for a in rights]
    for article in lefts:
        partner = by_id.get(article.id)
        if partner is None:
            result += [Row(b.html, None, bool(b.heading)) for b in article.blocks]
            continue
        # what the right version has before this article and the left has nowhere
        for ident in right_order[:right_order.index(article.id)]:
            if ident not in placed and ident not in left_ids:
                placed.add(ident)
                result += [Row(None, b.html, bool(b.heading)) for b in by_id[ident].blocks]
        placed.add(article.id)
        for a, b in zip_longest(article.blocks, partner.blocks):
            result.append(Row(a.html if a else None, b.html if b else None,
                              bool((a or b).heading)))
    for ident in right_order:
        if ident not in placed and ident not in left_ids:
            result += [Row(None, b.html, bool(b.heading)) for b in by_id[ident].blocks]
    return result


def mismatches(left: str, right: str) -> list[tuple[str, int, int]]:
    """(article id, blocks on the left, on the right) for each paired article whose versions
    have a different number of blocks: their paragraphs will not line up."""
    by_id = {a.id: a for a in articles(right)}
    return [(a.id, len(a.blocks), len(by_id[a.id].blocks)) for a in articles(left)
            if a.id in by_id and len(a.blocks) != len(by_id[a.id].blocks)]


def prefixed_ids(body: str, prefix: str) -> str:
    """The body with its ids (and the in-page links to them) prefixed: the view holds two
    versions whose headings and footnotes have the same ids."""
    if not prefix:
        return body
    return _IDS.sub(lambda match: match.group(1) + prefix, body)
