"""Pagefind index built from the rendered pages in memory (no read-back from disk).

Pagefind splits the index by each page's <html lang>, so English and Chinese are searched
separately, and the extended binary segments Chinese into words. Pagefind writes its bundle
itself, into the writer's staging folder; `reproducible` then makes it byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import ngrams, reproducible
from generator.model import Output
from generator.pagefind_service import PagefindService

OUTPUT_DIR = "pagefind"


@dataclass(frozen=True)
class SearchReport:
    pages: int
    files: int
    bytes: int


def build_index(outputs: list[Output], target: Path) -> SearchReport:
    """Index every searchable output and write the bundle to target/pagefind."""
    pages = []
    for output in outputs:
        if output.searchable:
            # Site-relative: the Pagefind UI puts the bundle's base path in front itself.
            url = "/" + output.path.removesuffix("index.html")
            text = output.data.decode("utf-8")
            pages.append((url, ngrams.augment(text) if 'lang="zh' in text[:200] else text))
    bundle = target / OUTPUT_DIR
    with PagefindService() as service:
        index = service.new_index({})
        service.add_html(index, pages)
        service.write(index, str(bundle))
    reproducible.canonicalize(bundle)
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return SearchReport(len(pages), len(files), sum(p.stat().st_size for p in files))
