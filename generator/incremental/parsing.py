"""Every source file -> Document, across all cores, reusing what the cache already has.

Parsing front matter and Markdown is the CPU-bound bulk of a build, and each file is
independent of the others, so the files go to a process pool in a fixed order and come back
in that order: the output does not depend on how many workers ran.
"""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from generator.content.config import SiteConfig
from generator.content.document import load_document
from generator.content.markup import MarkdownRenderer
from generator.content.reader import SourceFile, with_text
from generator.errors import Diagnostics
from generator.incremental.documents import DocumentCache, Entry
from generator.incremental.pool import die_with_parent, workers
from generator.model import Document

# Below this many files a pool costs more than it saves.
PARALLEL_FROM = 64


@lru_cache(maxsize=1)
def _renderer() -> MarkdownRenderer:
    """One Markdown instance per process (building one is slow; it is reset per file)."""
    return MarkdownRenderer()


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    gc.enable()  # (the build loads with collections off; parsing makes garbage)


def _load(source: SourceFile, config: SiteConfig, root: Path) -> tuple[SourceFile | None, Entry]:
    """The source as read (without its text: it has its digest now) and what it loads to.
    A file not read yet is read here: in a worker, when there are many."""
    diags = Diagnostics()
    read = source if source.text is not None else with_text(root, source, diags)
    if read is None:
        return None, (None, diags.items)  # not UTF-8: reported
    return replace(read, text=None), (load_document(read, config, _renderer(), diags),
                                      diags.items)


def load_all(root: Path, files: list[SourceFile], config: SiteConfig, cache: DocumentCache,
             diags: Diagnostics) -> tuple[list[Document], list[SourceFile]]:
    """The documents, and the files as read (all with their digests, none with its text)."""
    results: dict[str, Entry] = {}
    todo = []
    for source in files:
        hit = cache.get(source) if source.digest else None
        if hit is not None:
            results[source.path] = hit
        else:
            todo.append(source)
    if len(todo) >= PARALLEL_FROM and workers() > 1:
        from concurrent.futures import ProcessPoolExecutor  # (not needed for a few files)

        with ProcessPoolExecutor(workers(), initializer=_start_worker,
                                 initargs=(os.getpid(),)) as pool:
            # Small chunks (~25 ms of work): no worker sits idle long while another ends.
            chunk = max(1, min(32, len(todo) // (workers() * 8)))
            loaded = list(pool.map(_load, todo, [config] * len(todo), [root] * len(todo),
                                   chunksize=chunk))
    else:
        loaded = [_load(source, config, root) for source in todo]
    read: dict[str, SourceFile | None] = {}
    for source, (as_read, result) in zip(todo, loaded, strict=True):
        results[source.path] = result
        read[source.path] = as_read
        if as_read is not None:
            cache.put(as_read, result)
    documents, sources = [], []
    for source in files:
        document, problems = results[source.path]
        diags.items.extend(problems)
        if document is not None:
            documents.append(document)
        known = read.get(source.path, source)
        if known is not None:
            sources.append(known if known.text is None else replace(known, text=None))
    return documents, sources
