"""Pagefind index from the rendered pages in memory (no read-back from disk).

Pagefind splits the index by each page's <html lang>, so English and Chinese are searched
separately, and the extended binary segments Chinese text into words.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import PagefindIndex

from generator import ngrams
from generator.model import Output

OUTPUT_DIR = "pagefind"


@dataclass(frozen=True)
class SearchReport:
    pages: int
    files: int
    bytes: int


def build_index(outputs: list[Output], target: Path) -> SearchReport:
    """Index every searchable output and write the bundle to target/pagefind."""
    logging.getLogger("pagefind").setLevel(logging.WARNING)
    pages = [o for o in outputs if o.searchable]
    asyncio.run(_index(pages, target / OUTPUT_DIR))
    _sort_entry(target / OUTPUT_DIR / "pagefind-entry.json")
    files = [p for p in (target / OUTPUT_DIR).rglob("*") if p.is_file()]
    return SearchReport(len(pages), len(files), sum(p.stat().st_size for p in files))


def _sort_entry(path: Path) -> None:
    """Pagefind lists languages in hash-map order; sort them so builds are byte-identical."""
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["languages"] = dict(sorted(entry["languages"].items()))
    path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                    encoding="utf-8")


async def _index(pages: list[Output], out: Path) -> None:
    async with PagefindIndex(config={"output_path": str(out)}) as index:
        for page in pages:
            # Site-relative: the Pagefind UI puts the bundle's base path in front itself.
            url = "/" + page.path.removesuffix("index.html")
            text = page.data.decode("utf-8")
            if 'lang="zh' in text[:200]:
                text = ngrams.augment(text)
            await index.add_html_file(content=text, url=url)
        # Leaving the context writes the bundle (once: an explicit write_files would add a
        # second, stale set of hashed files).
