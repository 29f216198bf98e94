"""Pagefind index built from the rendered pages in memory (no read-back from disk).

Pagefind splits the index by each page's <html lang>, so English and Chinese are searched
separately, and the extended binary segments Chinese into words. The bundle comes back in
memory, `reproducible` makes it byte-identical, and the writer writes it like any page.
"""

from __future__ import annotations

import re

from generator import ngrams, reproducible
from generator.model import Output, SearchReport
from generator.pagefind_service import PagefindService

OUTPUT_DIR = "pagefind"


# Index-only weights: a word in the title or an article heading counts far more than one in
# the text, so a search for an article's headline finds that article first.
_HEADING = re.compile(r"<h([1-4])\b")
_WEIGHTS = {"1": "10", "2": "7", "3": "8", "4": "5"}


def _weigh_headings(page: str) -> str:
    return _HEADING.sub(lambda m: f'<h{m.group(1)} data-pagefind-weight="'
                        f'{_WEIGHTS[m.group(1)]}"', page)


def build_index(outputs: list[Output]) -> tuple[list[Output], SearchReport]:
    """The Pagefind bundle (as outputs under pagefind/) for every searchable output."""
    pages = []
    for output in outputs:
        if output.searchable:
            # Site-relative: the Pagefind UI puts the bundle's base path in front itself.
            url = "/" + output.path.removesuffix("index.html")
            text = _weigh_headings(output.data.decode("utf-8"))
            pages.append((url, ngrams.augment(text) if 'lang="zh' in text[:200] else text))
    with PagefindService() as service:
        index = service.new_index({})
        service.add_html(index, pages)
        files = reproducible.canonicalize(service.files(index))
    bundle = [Output(f"{OUTPUT_DIR}/{path}", data) for path, data in sorted(files.items())]
    return bundle, SearchReport(len(pages), len(bundle), sum(len(o.data) for o in bundle))
