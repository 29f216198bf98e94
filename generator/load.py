"""The first half of every command: site.yaml and the content files -> the Site.

`build`, `check`, `status`, `serve` and `email` all start here. Documents parsed before come
from the store (`incremental/`); only a build stores what it parsed.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from pathlib import Path

from generator.content import reader
from generator.content.config import CONFIG_NAME, SiteConfig, base_url_problem, parse_config
from generator.errors import Diagnostic, Diagnostics
from generator.incremental.store import Store
from generator.model import Site
from generator.site.linking import build_site


@dataclass(frozen=True)
class Options:
    root: Path
    out: Path
    drafts: bool = False
    future: bool = False
    today: dt.date | None = None  # issues dated after it are left out unless `future`
    base_url: str | None = None
    source_date: dt.datetime | None = None  # SOURCE_DATE_EPOCH, when the caller sets it
    search: bool = True
    cache: bool = True  # False (`--clean`): parse everything again, ignore the cache


@dataclass(frozen=True)
class Inputs:
    config_text: str
    config: SiteConfig
    files: list[reader.SourceFile]
    diagnostics: list[Diagnostic]  # from scanning (misplaced files, encodings)
    scanned_ns: int  # when the scan began: stamps of files modified close to it are not kept


@dataclass(frozen=True)
class Loaded:
    config: SiteConfig
    site: Site
    warnings: list[Diagnostic]
    drafts_skipped: int
    future_skipped: int
    built: dt.datetime | None = None  # from SOURCE_DATE_EPOCH, for feeds' lastBuildDate
    files: tuple[reader.SourceFile, ...] = ()  # as read: with their digests, not their texts


def read_config(options: Options) -> tuple[str, SiteConfig]:
    """site.yaml's text and settings; raise GeneratorError if it is missing or wrong."""
    diags = Diagnostics()
    text = reader.read_config_text(options.root, CONFIG_NAME, diags)
    config = parse_config(text, diags) if text is not None else None
    problem = base_url_problem(options.base_url) if options.base_url is not None else None
    if problem:
        diags.error("--base-url", 0, f"--base-url {problem}",
                    "for example: --base-url https://example.org/newsletter/")
    diags.raise_if_errors()
    assert config is not None and text is not None
    if options.base_url:
        config = config.with_base_url(options.base_url)
    return text, config


def read_inputs(options: Options, stamps: reader.Stamps | None = None,
                config: tuple[str, SiteConfig] | None = None, read: bool = True) -> Inputs:
    """`read` False: files whose stamps are unknown are left for the parse workers to read."""
    scanned_ns = time.time_ns()
    text, settings = config or read_config(options)
    diags = Diagnostics()
    files = reader.scan(options.root, settings.codes, diags, stamps, read)
    return Inputs(text, settings, files, diags.items, scanned_ns)


def load(options: Options, inputs: Inputs | None = None, store: Store | None = None) -> Loaded:
    """Read and validate everything; raise GeneratorError with every problem found. With
    `store` (a build), what was parsed is stored for the next build; `check`, `status` and
    `email` write nothing."""
    from generator.incremental.parsing import load_all  # (Markdown: not for a no-change build)

    inputs = inputs or read_inputs(options)
    config = inputs.config
    diags = Diagnostics(list(inputs.diagnostics))
    cache = (store or Store(options.root, enabled=options.cache)).documents(config)
    documents, files = load_all(options.root, inputs.files, config, cache, diags)
    if store:
        store.keep(cache)
    published = [d for d in documents if options.drafts or not d.draft]
    drafts_skipped = len(documents) - len(published)
    if not options.future and options.today:
        published = [d for d in published if not d.day or d.day <= options.today]
    site = build_site(published, config.codes, config.default_language, diags)
    diags.raise_if_errors()
    return Loaded(config, site, [d for d in diags.items if d.level == "warning"],
                  drafts_skipped, len(documents) - drafts_skipped - len(published),
                  options.source_date, tuple(files))
