"""Pagefind index built from the rendered pages in memory (no read-back from disk).

Pagefind splits the index by each page's <html lang>, so English and Chinese are searched
separately, and the extended binary segments Chinese into words. Pagefind writes its bundle
itself, into the writer's staging folder; `reproducible` then makes it byte-identical.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from pagefind.index import PagefindIndex

from generator import ngrams, reproducible
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
    _run(_index(pages, target / OUTPUT_DIR))
    reproducible.canonicalize(target / OUTPUT_DIR)
    files = [p for p in (target / OUTPUT_DIR).rglob("*") if p.is_file()]
    return SearchReport(len(pages), len(files), sum(p.stat().st_size for p in files))


def _run(coroutine: Coroutine[None, None, None]) -> None:
    """asyncio.run, from a thread of its own when the caller already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


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
