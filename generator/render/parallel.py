"""The parallel view (中英对照): two language versions of a document, paragraph beside paragraph.

Articles are paired by their heading id (translations keep the original's ids), then their
blocks (paragraphs, lists, tables, panels) by order. An article only one version has is shown
alone on its side, so nothing of either text is ever dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
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


class _Splitter(HTMLParser):
    """The top-level elements of an HTML fragment, each with its exact source."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=False)
        self.text, self.depth = text, 0
        self.starts = [0]
        for line in text.split("\n")[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.blocks: list[Block] = []
        self._open: tuple[int, str, str | None] | None = None
        self.feed(text)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth == 0:
            ident = dict(attrs).get("id") if tag in _HEADINGS else None
            self._open = (self._offset(), tag, ident)
        if tag not in _VOID:
            self.depth += 1
        elif self.depth == 0:
            self._end()

    def handle_data(self, data: str) -> None:
        if self.depth == 0 and data.strip():  # (Markdown wraps all text; kept if not)
            self.blocks.append(Block(data))

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        if self.depth == 0 and self._open is not None:
            self._end()

    def _end(self) -> None:
        assert self._open is not None
        start, _, ident = self._open
        end = self.text.index(">", self._offset()) + 1
        self.blocks.append(Block(self.text[start:end], ident))
        self._open = None


def blocks(body: str) -> list[Block]:
    return _Splitter(body).blocks


_FOOTNOTES = '<div class="footnote">'  # (rules/footnotes.py): the notes, paired as one


def articles(body: str) -> list[Article]:
    """The body cut at each heading with an id; the footnotes are an article of their own."""
    found = [Article("", ())]
    for block in blocks(body):
        if block.heading or block.html.startswith(_FOOTNOTES):
            found.append(Article(block.heading or _FOOTNOTES, (block,)))
        else:
            last = found[-1]
            found[-1] = Article(last.id, last.blocks + (block,))
    return [a for a in found if a.blocks]


def rows(left: str, right: str, prefixes: tuple[str, str] = ("", "")) -> list[Row]:
    """The rows of the view of two bodies: articles paired by id in the left one's order
    (one only the right has comes before the next article both have), blocks by order.
    `prefixes`: for the ids of each side (`prefixed_ids`), once they are paired."""
    return [Row(row.left and prefixed_ids(row.left, prefixes[0]),
                row.right and prefixed_ids(row.right, prefixes[1]), row.heading)
            for row in _paired(left, right)] if any(prefixes) else _paired(left, right)


def _paired(left: str, right: str) -> list[Row]:
    lefts, rights = articles(left), articles(right)
    by_id = {a.id: a for a in rights}
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
            if ident not in placed and ident not in {a.id for a in lefts}:
                placed.add(ident)
                result += [Row(None, b.html, bool(b.heading)) for b in by_id[ident].blocks]
        placed.add(article.id)
        for a, b in zip_longest(article.blocks, partner.blocks):
            result.append(Row(a.html if a else None, b.html if b else None,
                              bool((a or b).heading)))
    for ident in right_order:
        if ident not in placed and ident not in {a.id for a in lefts}:
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
    return _IDS.sub(lambda match: match.group(1) + prefix, body)
