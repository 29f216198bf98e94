"""The pipeline, step by step: config, sources, documents, site, pages, write, index."""

from __future__ import annotations

import datetime as dt
import gc
import sys
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.content import reader
from generator.content.config import CONFIG_NAME, SiteConfig, base_url_problem, parse_config
from generator.errors import Diagnostic, Diagnostics, GeneratorError
from generator.incremental import freshness
from generator.incremental.documents import CACHE_DIR, SHARDS, DocumentCache, shard_name
from generator.model import Output, SearchReport, Site
from generator.output.guard import MARKER, MARKER_TEXT, check_output, exclusive
from generator.output.writer import StagedWriter, update, write_files
from generator.render.theme import Theme

if TYPE_CHECKING:
    from collections.abc import Callable

    from generator.output.writer import Stage
    from generator.render.pages import Renderer


# Markdown, Jinja, Pagefind and the rest are imported where they are used (load, render,
# build) so that an up-to-date rebuild, which needs none of them, starts in a blink.


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


@dataclass
class BuildReport:
    pages: dict[str, int] = field(default_factory=dict)
    feeds: int = 0
    drafts_skipped: int = 0
    future_skipped: int = 0
    search: SearchReport | None = None
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per pipeline stage
    unchanged: bool = False  # nothing to do: the output is already this build
    rendered: int = 0  # pages rendered by this build
    kept: int = 0  # pages whose previous bytes still stand (nothing they show changed)
    written: int | None = None  # files written or removed in place; None: the whole output
    warnings: list[Diagnostic] = field(default_factory=list)


@dataclass(frozen=True)
class Loaded:
    config: SiteConfig
    site: Site
    warnings: list[Diagnostic]
    drafts_skipped: int
    future_skipped: int
    built: dt.datetime | None = None  # from SOURCE_DATE_EPOCH, for feeds' lastBuildDate
    files: tuple[reader.SourceFile, ...] = ()  # as read: with their digests, not their texts


@dataclass(frozen=True)
class Inputs:
    config_text: str
    config: SiteConfig
    files: list[reader.SourceFile]
    diagnostics: list[Diagnostic]  # from scanning (misplaced files, encodings)
    scanned_ns: int  # when the scan began: stamps of files modified close to it are not kept


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
    """`read` False: files whose stamps are unknown are left for loading to read."""
    scanned_ns = time.time_ns()
    text, settings = config or read_config(options)
    diags = Diagnostics()
    files = reader.scan(options.root, settings.codes, diags, stamps, read)
    return Inputs(text, settings, files, diags.items, scanned_ns)


def load(options: Options, inputs: Inputs | None = None, keep: bool = False) -> Loaded:
    """Read and validate everything; raise GeneratorError with every problem found. `keep`:
    store what was parsed in the cache (a build does; `check`, `status` and `email` write
    nothing there)."""
    inputs = inputs or read_inputs(options)
    config, files = inputs.config, inputs.files
    diags = Diagnostics(list(inputs.diagnostics))
    cache_dir = options.root / CACHE_DIR
    shards = [cache_dir / shard_name(index) for index in range(SHARDS)]
    cache = DocumentCache.load([shard.read_bytes() if options.cache and shard.is_file()
                                else None for shard in shards], config)
    from generator.incremental.parsing import load_all
    from generator.site.linking import build_site

    documents, files = load_all(options.root, files, config, cache, diags)
    if keep:
        write_files(cache_dir, (Output(shard_name(index), data) for index, data in cache.dump()))
    published = [d for d in documents if options.drafts or not d.draft]
    drafts_skipped = len(documents) - len(published)
    if not options.future and options.today:
        published = [d for d in published if not d.day or d.day <= options.today]
    site = build_site(published, config.codes, config.default_language, diags)
    diags.raise_if_errors()
    return Loaded(config, site, [d for d in diags.items if d.level == "warning"],
                  drafts_skipped, len(documents) - drafts_skipped - len(published),
                  options.source_date, tuple(files))


def make_renderer(loaded: Loaded, theme: Theme, diags: Diagnostics, setup: str = "",
                  previous: dict[str, str] | None = None) -> Renderer:
    """The renderer with one Jinja environment (and its catalogs) per language."""
    config = loaded.config
    from generator.render.pages import Renderer
    from generator.render.theme import environment

    envs = {lang.code: environment(theme, config, lang, diags)
            for lang in config.languages}
    return Renderer(loaded.site, config, envs, setup, previous)


def render(loaded: Loaded, theme: Theme, setup: str = "",
           previous: dict[str, str] | None = None,
           stage: Callable[[Renderer], Stage | None] | None = None
           ) -> tuple[list[Output], Renderer]:
    """Every output but the search index. With the previous build's page keys, pages that
    would come out the same are `kept` instead of rendered. `stage`, asked once every page is
    keyed: where the workers write each page as they render it (None: only returned)."""
    import jinja2

    from generator.render import feeds, sitemap
    from generator.render.theme import template_error

    diags = Diagnostics()
    config = loaded.config
    try:
        renderer = make_renderer(loaded, theme, diags, setup, previous)
        outputs = list(renderer.all())
        outputs += [feeds.feed(renderer, code, loaded.built) for code in config.codes]
        outputs += sitemap.sitemap(renderer)
        outputs = renderer.finish(outputs, stage(renderer) if stage else None)
    except jinja2.TemplateError as exc:
        template_error(exc, theme, diags)
        raise GeneratorError(diags.items) from None
    diags.raise_if_errors()
    _check_root_links(loaded.site, {o.path for o in outputs}, theme, diags)
    diags.raise_if_errors()
    return outputs, renderer


def _check_root_links(site: Site, paths: set[str], theme: Theme, diags: Diagnostics) -> None:
    """Site-root links (`/en/feed.xml`) must point at something the build writes."""
    static = {f"static/{p.relative_to(theme.static).as_posix()}"
              for p in theme.static.rglob("*") if p.is_file()}
    for doc in site.documents:
        for link in doc.links:
            if not link.is_root:
                continue
            target = link.target
            if target in paths or target in static or f"{target.rstrip('/')}/index.html" in \
                    paths or (target == "" and "index.html" in paths):
                continue
            diags.error(doc.source_path, link.line, f"link to `{link.written}`: "
                        "the site has no such page", "site-root links start with the language, "
                        "e.g. /en/issues/13/ or /zh/feed.xml; prefer relative .md links")


class _Clock:
    def __init__(self, stages: dict[str, float]):
        self.stages, self.last = stages, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.stages[stage] = now - self.last
        self.last = now


def build(options: Options, theme_dir: Path | None = None) -> BuildReport:
    """Raises OutputRefused for an output folder that must not be replaced."""
    started = time.perf_counter()
    check_output(options.root, options.out)
    theme = Theme(theme_dir or options.root / "themes" / "default")
    state_file = options.root / CACHE_DIR / freshness.state_name(options.out)
    with exclusive(options.out, state_file.with_suffix(".lock"), sys.stderr):
        StagedWriter(options.out).tidy()  # first: a killed build's half-done swap is undone
        state = freshness.previous(state_file.read_bytes() if options.cache and
                                   state_file.is_file() else None)
        return _build(options, theme, state, state_file, read_config(options), _Clock({}),
                      started)


def _build(options: Options, theme: Theme, state: freshness.Previous | None, state_file: Path,
           config: tuple[str, SiteConfig], clock: _Clock, started: float) -> BuildReport:
    # With no earlier build to compare with and nothing cached, every file is parsed: the
    # parse workers read them, instead of this process before it starts them.
    cached = state is not None or options.cache and any(
        (options.root / CACHE_DIR / shard_name(index)).is_file() for index in range(SHARDS))
    inputs = read_inputs(options, state.stamps if state else None, config, read=cached)
    setup = freshness.setup_key(inputs.config_text, theme.root, (
        options.drafts, options.future, options.today, options.base_url, options.search,
        options.source_date))
    listing = state.output_listing(options.out) if state else None
    before = state if listing is not None else None
    if before and not inputs.diagnostics and \
            before.fingerprint == freshness.fingerprint(setup, inputs.files):
        # (misplaced files are reported again by a full load)
        clock.lap("check")
        summary = dict(before.summary)
        found = summary.pop("search")
        return BuildReport(**summary, search=SearchReport(**found) if found else None,
                           unchanged=True, warnings=before.warnings, stages=clock.stages,
                           seconds=time.perf_counter() - started)
    # Loading makes ~100 objects a document (most unpickled from the cache), none of them
    # garbage: a collection meanwhile would walk them all (50 ms of a one-edit rebuild).
    gc.disable()
    try:
        loaded = load(options, inputs, keep=True)
        # The site lives until the build ends: collections need not walk it again and again.
        gc.freeze()
    finally:
        gc.enable()
    try:
        # The texts are parsed now; the stamps and digests are all the rest needs.
        inputs = replace(inputs, files=list(loaded.files))
        key = freshness.fingerprint(setup, inputs.files)  # (with the digests of files read)
        return _render_and_write(options, theme, inputs, loaded, setup, key, listing,
                                 before if before and before.setup == setup else None,
                                 state_file, clock, started)
    finally:
        gc.unfreeze()  # (`serve` builds again and again in one process)


def _render_and_write(options: Options, theme: Theme, inputs: Inputs, loaded: Loaded,
                      setup: str, key: str, listing: freshness.Listing | None,
                      previous: freshness.Previous | None, state_file: Path, clock: _Clock,
                      started: float) -> BuildReport:
    """Pages, search index, output and build state. `previous`: the last build, when its
    output is untouched and its setup the same (then its pages and search parts may stay)."""
    clock.lap("load+markdown")
    in_place = False

    def stage(renderer: Renderer) -> Stage | None:
        """A few pages to render (of many): the output is updated in place, after the
        search index. Otherwise the workers stage each page as they render it."""
        nonlocal in_place
        in_place = listing is not None and len(renderer.pending) * 4 <= len(renderer.keys)
        return None if in_place else writer.open().put

    with StagedWriter(options.out) as writer:
        outputs, renderer = render(loaded, theme, setup, previous.pages if previous else None,
                                   stage)
        outputs += [*theme.static_files(), Output(MARKER, MARKER_TEXT)]
        clock.lap("templates")
        report = BuildReport(warnings=loaded.warnings, drafts_skipped=loaded.drafts_skipped,
                             future_skipped=loaded.future_skipped, stages=clock.stages)
        parts: dict[str, dict] = {}
        if options.search:
            from generator.search.index import Part, build_index

            bundle, report.search, new_parts = build_index(
                outputs, {code: Part(**part) for code, part in previous.search.items()}
                if previous else {}, lambda path: (options.out / path).read_bytes(),
                {lang.code: lang.tag for lang in loaded.config.languages})
            parts = {code: asdict(part) for code, part in new_parts.items()}
            outputs += bundle
            clock.lap("search")
        report.kept = sum(1 for o in outputs if o.kept and o.path in renderer.keys)
        report.rendered = len(renderer.keys) - report.kept  # (search files are not pages)
        if in_place:
            # a few pages changed: replace just those (the listing was checked at the start)
            assert listing is not None
            changed = update(options.out, outputs, listing)
            report.written = len(changed)
            listing = freshness.patched(listing, options.out, changed)
        else:
            writer.write_all(outputs)
            writer.commit()
            listing = freshness.listing(options.out)
    clock.lap("write")
    for code in loaded.config.codes:
        report.pages[code] = sum(1 for o in outputs
                                 if o.path.startswith(code + "/") and o.path.endswith(".html"))
    report.feeds = sum(1 for o in outputs if o.path.endswith("feed.xml"))
    summary = {"pages": report.pages, "feeds": report.feeds,
               "drafts_skipped": report.drafts_skipped,
               "future_skipped": report.future_skipped,
               "search": asdict(report.search) if report.search else None}
    write_files(state_file.parent, [Output(state_file.name, freshness.encode_state(
        key, setup, listing, summary, report.warnings, renderer.keys,
        reader.stamps(inputs.files, inputs.scanned_ns), parts))])
    report.seconds = time.perf_counter() - started
    return report
