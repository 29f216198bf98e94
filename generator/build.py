"""`newsletter build`: config -> scan -> parse -> site -> render -> search -> write -> state.

The incremental store is consulted at three points and nowhere else: before anything is
parsed (is the output already this build?), before rendering (which pages show something
that changed?) and at the end (what to remember). The rest is the same for a first build.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, replace

from generator.content import reader
from generator.content.config import SiteConfig
from generator.incremental import pool
from generator.incremental.freshness import Previous
from generator.incremental.store import Store, fingerprint, setup_key
from generator.load import Inputs, Loaded, Options, load, read_config, read_inputs
from generator.output.files import Output
from generator.output.guard import MARKER, MARKER_TEXT, check_output
from generator.output.writer import Stage, StagedWriter, update
from generator.render.theme import Theme
from generator.report import BuildReport
from generator.search.report import SearchReport

# Templates, Markdown and Pagefind are imported in the steps that use them, so that an
# up-to-date rebuild, which needs none of them, starts in a blink.


def build(options: Options, theme: Theme | None = None) -> BuildReport:
    """Raises OutputRefused for an output folder that must not be replaced."""
    started = time.perf_counter()
    check_output(options.root, options.out)
    store = Store(options.root, options.out, options.cache)
    with store.lock(sys.stderr):
        StagedWriter(options.out).tidy()  # first: a killed build's half-done swap is undone
        report = _build(options, theme or Theme.of_site(options.root), store, started)
    report.seconds = time.perf_counter() - started
    return report


def _build(options: Options, theme: Theme, store: Store, started: float) -> BuildReport:
    previous = store.previous()
    # With nothing to compare with and nothing cached, the parse workers read the files.
    inputs = read_inputs(options, previous.stamps if previous else None, read_config(options),
                         read=previous is not None or store.has_documents())
    setup = setup_key(inputs.config_text, theme.root, (
        options.drafts, options.future, options.today, options.base_url, options.search,
        options.source_date))
    if previous and not inputs.diagnostics and \
            previous.fingerprint == fingerprint(setup, inputs.files):
        # (misplaced files are reported again by a full load)
        report = BuildReport.unchanged_since(previous.summary, previous.warnings)
        report.lap("check", started)
        return report
    # Loading makes ~100 objects a document, none of them garbage: a collection meanwhile
    # would walk them all. The site then lives until the build ends: frozen, later
    # collections need not walk it again and again.
    gc.disable()
    try:
        loaded = load(options, inputs, store)
    finally:
        gc.enable()
    gc.freeze()  # (only once loaded: a failed load must not leave objects frozen in `serve`)
    try:
        report = BuildReport(warnings=loaded.warnings, drafts_skipped=loaded.drafts_skipped,
                             future_skipped=loaded.future_skipped)
        inputs = replace(inputs, files=list(loaded.files))  # with the digests of files read
        _render_and_write(options, theme, store, inputs, loaded, setup, previous, report,
                          report.lap("load+markdown", started))
        return report
    finally:
        gc.unfreeze()  # (`serve` builds again and again in one process)


def _render_and_write(options: Options, theme: Theme, store: Store, inputs: Inputs,
                      loaded: Loaded, setup: str, previous: Previous | None,
                      report: BuildReport, since: float) -> None:
    from generator.render import site as render
    from generator.search import parts
    from generator.search.handover import Handover, language
    from generator.search.parts import slowest_first

    config = loaded.config
    jobs = render.jobs(loaded.site, config, theme, loaded.built, {
        code: parts.merged(code, config.language(code).tag,
                           sum(1 for d in loaded.site.documents if d.lang == code))
        for code in config.codes})
    plan = store.plan(jobs, setup, previous)
    # A few pages to render (of many): the output is updated in place, after the search
    # index. Otherwise the workers stage each page as they render it, on every core.
    in_place = previous is not None and len(plan.todo) * 4 <= len(jobs)
    # The searchable pages first, language by language: Pagefind indexes each language (in
    # processes of its own) as soon as its pages are rendered, while the workers go on.
    order = slowest_first({lang.code: lang.tag for lang in config.languages})
    todo = sorted(plan.todo, key=lambda job: (
        not job.searchable, order.index(language(job.path)) if job.searchable else 0))
    with StagedWriter(options.out) as writer, ThreadPoolExecutor(1) as background:
        stage = None if in_place else writer.open().put
        if stage:
            todo = [replace(job, produce=_staged(job.path, job.produce, stage)) for job in todo]
        produced = render.render(todo, theme, pool.results)  # (the workers start now)
        handover = Handover(jobs, todo)
        searched = background.submit(_search, options, config, previous, setup,
                                     handover.pages_of) if options.search else None
        rendered = handover.collect(produced)
        outputs = [Output(job.path, rendered.get(job.path), job.searchable) for job in jobs]
        outputs += [*theme.static_files(), Output(MARKER, MARKER_TEXT)]
        report.rendered, report.kept = len(rendered), len(jobs) - len(rendered)
        since = report.lap("templates", since)
        search_parts: dict[str, dict] = {}
        if searched is not None:
            bundle, report.search, search_parts, report.stages["search"] = searched.result()
            outputs += bundle
            since = time.perf_counter()  # (the search's stage: its own time, in parallel)
        if in_place:
            assert previous is not None
            written: list[str] | None = update(options.out, outputs, previous.listing)
        else:
            writer.write_all(outputs, staged=rendered if stage else ())
            writer.commit()
            written = None
    report.written = len(written) if written is not None else None
    report.lap("write", since)
    report.count([o.path for o in outputs], config.codes)
    store.record(fingerprint(setup, inputs.files), setup, report.summary(), report.warnings,
                 plan.keys,
                 reader.stamps(inputs.files, inputs.scanned_ns), search_parts, written,
                 previous)


def _search(options: Options, config: SiteConfig, previous: Previous | None, setup: str,
            pages_of: Callable[[str], list[Output]]) -> tuple[
                list[Output], SearchReport, dict, float]:
    """The search index's files, its report, its parts for the build state, and the
    seconds it took."""
    from generator.search.index import Part, build_index

    started = time.perf_counter()
    bundle, report, parts = build_index(
        list(config.codes), pages_of,
        {code: Part(**part) for code, part in previous.search.items()}
        if previous and previous.setup == setup else {},
        lambda path: (options.out / path).read_bytes(),
        {lang.code: lang.tag for lang in config.languages})
    return (bundle, report, {code: asdict(part) for code, part in parts.items()},
            time.perf_counter() - started)


def _staged(path: str, produce: Callable[[], bytes], stage: Stage) -> Callable[[], bytes]:
    """The job, also writing the page into the staging folder (in the worker that ran it)."""
    def job() -> bytes:
        data = produce()
        stage(path, data)
        return data

    return job
