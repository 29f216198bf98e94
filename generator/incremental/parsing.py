"""Every source file -> Document, across all cores, reusing what the cache already has.

Parsing front matter and Markdown is the CPU-bound bulk of a build, and each file is
independent of the others, so the files not in the cache go to the pool (`pool.run_all`).
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from generator.content.config import SiteConfig
from generator.content.document import load_document
from generator.content.markup import MarkdownRenderer
from generator.content.reader import SourceFile, with_text
from generator.errors import Diagnostics
from generator.incremental.documents import DocumentCache, Entry
from generator.incremental.pool import run_all
from generator.model import Document
from generator.site.linking import url_path


@lru_cache(maxsize=1)
def _renderer() -> MarkdownRenderer:
    """One Markdown instance per process (building one is slow; it is reset per file)."""
    return MarkdownRenderer()


def _load(source: SourceFile, config: SiteConfig, root: Path) -> tuple[SourceFile | None, Entry]:
    """The source as read (without its text: it has its digest now) and what it loads to.
    A file not read yet is read here: in a worker, when there are many."""
    diags = Diagnostics()
    read = source if source.text is not None else with_text(root, source, diags)
    if read is None:
        return None, (None, diags.items)  # not UTF-8: reported
    return replace(read, text=None), (load_document(read, config, _renderer(), diags, url_path),
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
    loaded = run_all([partial(_load, source, config, root) for source in todo])
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
