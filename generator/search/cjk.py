"""Chinese recall for Pagefind: character bigrams indexed beside the text.

Pagefind segments Chinese into words when it indexes and again when it searches, and the two
do not always cut a phrase the same way (特高压输变电 indexed as 特高/压…, searched as
特/高压), so a page that contains the query can be missed. Indexing every character bigram of
each section, in a block placed inside that section, gives the query's pieces something to
match and keeps the hit on the right article. Bigrams alone find as much as bigrams and
trigrams on our content (150 of 150 random 2-8 character substrings, every golden query) with
a 25% smaller index built 30% faster. Only the copy handed to the indexer gets the block; the
published page is unchanged. search.js hides excerpts taken from a block.
"""

from __future__ import annotations

import html
import re

_HAN_CLASS = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
_HAN = re.compile(_HAN_CLASS + "+")
_BIGRAM = re.compile(f"(?=({_HAN_CLASS}{{2}}))")  # every pair, overlapping, in one C call
_BODY = re.compile(r"<(\w+)[^>]*\bdata-pagefind-body\b[^>]*>")
_HEADING = re.compile(r"(?=<h[2-6][^>]*\sid=)")
_IGNORED = re.compile(r"<(\w+)[^>]*\bdata-pagefind-ignore\b[^>]*>.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def ngrams(text: str) -> list[str]:
    """Every pair of adjacent Chinese characters, in text order."""
    return _BIGRAM.findall(text)


def _block(fragment: str) -> str:
    text = html.unescape(_TAG.sub(" ", _IGNORED.sub(" ", fragment)))
    grams = ngrams(text)
    if not grams:
        return ""
    # Low weight: a hit in the real text ranks above a hit found only through n-grams.
    return f'<div data-pagefind-weight="0.2" data-ngrams>{" ".join(grams)}</div>'


def augment(page: str) -> str:
    """Add per-section n-gram blocks inside the page's data-pagefind-body element."""
    match = _BODY.search(page)
    if match is None or not _HAN.search(page, match.end()):
        return page
    end = page.rfind(f"</{match.group(1)}>")
    body = page[match.end():end]
    chunks = _HEADING.split(body)
    return page[:match.end()] + "".join(chunk + _block(chunk) for chunk in chunks) + page[end:]
