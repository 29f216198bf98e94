"""Every source file -> Document, across all cores, reusing what the cache already has.

Parsing front matter and Markdown is the CPU-bound bulk of a build, and each file is
independent of the others, so the files go to a process pool in a fixed order and come back
in that order: the output does not depend on how many workers ran.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.cache import DocumentCache
from generator.config import SiteConfig
from generator.errors import Diagnostic, Diagnostics
from generator.load import load_document
from generator.markup import MarkdownRenderer
from generator.model import Document
from generator.parallel import workers
from generator.sources import SourceFile, with_text

# Below this many files a pool costs more than it saves.
PARALLEL_FROM = 64


@lru_cache(maxsize=1)
def _renderer() -> MarkdownRenderer:
    """One Markdown instance per process (building one is slow; it is reset per file)."""
    return MarkdownRenderer()


def _load(source: SourceFile, config: SiteConfig) -> tuple[Document | None, list[Diagnostic]]:
    diags = Diagnostics()
    return load_document(source, config, _renderer(), diags), diags.items


def load_all(root: Path, files: list[SourceFile], config: SiteConfig, cache: DocumentCache,
             diags: Diagnostics) -> list[Document]:
    results: dict[str, tuple[Document | None, list[Diagnostic]]] = {}
    todo = []
    for source in files:
        hit = cache.get(source)
        if hit is not None:
            results[source.path] = hit
            continue
        read = source if source.text is not None else with_text(root, source, diags)
        if read is None:
            results[source.path] = (None, [])  # not UTF-8 (any more): reported
        else:
            todo.append(read)
    if len(todo) >= PARALLEL_FROM and workers() > 1:
        import gc
        from concurrent.futures import ProcessPoolExecutor  # (not needed for a few files)

        # (the build loads with collections off; parsing makes garbage: on in the workers)
        with ProcessPoolExecutor(workers(), initializer=gc.enable) as pool:
            # Small chunks (~25 ms of work): no worker sits idle long while another ends.
            chunk = max(1, min(32, len(todo) // (workers() * 8)))
            loaded = list(pool.map(_load, todo, [config] * len(todo), chunksize=chunk))
    else:
        loaded = [_load(source, config) for source in todo]
    for source, result in zip(todo, loaded, strict=True):
        results[source.path] = result
        cache.put(source, result)
    documents = []
    for source in files:
        document, problems = results[source.path]
        diags.items.extend(problems)
        if document is not None:
            documents.append(document)
    return documents
