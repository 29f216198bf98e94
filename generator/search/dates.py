"""The sort dates of a split language's pages, by Pagefind page id, for its search page.

Pagefind orders the results of merged indexes by relevance even when asked to sort them (its
`mergeIndex` search concatenates each index's results and sorts them by score), so newest
first was out of date order once a Chinese index was split (`parts`): at 2,000 issues, the
first result for 北京 was from 2025-11-19 where the newest page holding it is of 2025-12-31.
The search page sorts them itself by this table, {page id: date}, made from each part's
fragments (a page's id is its fragment's name; the fragment holds its URL) and the pages' own
sort dates, as Pagefind reads them.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable

from generator.search.canonical import MAGIC

# The tag that gives a page its sort date: `data-pagefind-sort="date[datetime]"` (the date
# in the tag's datetime attribute) or `data-pagefind-sort="date:…"`.
_SORT = b'data-pagefind-sort="date'
_SORT_VALUE = re.compile(rb'data-pagefind-sort="date(?::([^"]*)|\[datetime\])"')
_DATETIME = re.compile(rb'\sdatetime="([^"]*)"')
# A fragment's JSON starts with the page's URL; only that much of it is unpacked.
_URL = re.compile(rb'\{\s*"url"\s*:\s*("(?:[^"\\]|\\.)*")')
_HEAD = 4096
FRAGMENT = "fragment/"


def sort_date(page: bytes) -> str | None:
    """The date a page is sorted by, if it has one."""
    at = page.find(_SORT)
    if at < 0:
        return None
    tag = page[page.rfind(b"<", 0, at):page.find(b">", at) + 1]
    value = _SORT_VALUE.search(tag)
    if value is None:
        return None
    if value.group(1) is not None:
        day = value.group(1)
    else:
        found = _DATETIME.search(tag)
        day = found.group(1) if found else b""
    return day.decode("utf-8") or None


def _url(fragment: bytes) -> str | None:
    head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(fragment, _HEAD)
    found = _URL.match(head, len(MAGIC)) if head.startswith(MAGIC) else None
    return json.loads(found.group(1)) if found else None


def table(fragments: Iterable[tuple[str, bytes]], dates: dict[str, str]) -> bytes:
    """The table's JSON: `fragments` are (path under the bundle, gzipped bytes); `dates`, each
    page's sort date by its URL as indexed ("/zh/issues/3/")."""
    by_id = {}
    for path, data in fragments:
        url = _url(data)
        if url in dates:
            by_id[path.removeprefix(FRAGMENT).removesuffix(".pf_fragment")] = dates[url]
    return json.dumps(by_id, sort_keys=True, separators=(",", ":")).encode("utf-8")
