"""The render stage: every file of the site but the search index, as jobs, and their bytes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import jinja2

from generator.content.config import SiteConfig
from generator.errors import Diagnostics, GeneratorError
from generator.model import Site
from generator.render import feeds, sitemap
from generator.render.pages import Job, Renderer
from generator.render.theme import Theme, compile_all, environment, template_error


def renderer(site: Site, config: SiteConfig, theme: Theme,
             search_parts: dict[str, list[str]] | None = None) -> Renderer:
    """The renderer with one Jinja environment (and its catalogs) per language."""
    diags = Diagnostics()
    with _reported(theme, diags):
        envs = {lang.code: environment(theme, config, lang, diags) for lang in config.languages}
    diags.raise_if_errors()
    return Renderer(site, config, envs, search_parts)


def jobs(site: Site, config: SiteConfig, theme: Theme, built: dt.datetime | None = None,
         search_parts: dict[str, list[str]] | None = None) -> list[Job]:
    """Every page, feed and sitemap as a job; every template compiled, so that its errors
    are reported now (and it is compiled once, before the render workers fork)."""
    made = renderer(site, config, theme, search_parts)
    diags = Diagnostics()
    with _reported(theme, diags):
        found = list(made.all())
        found += [feeds.feed(made, code, built) for code in config.codes]
        found += sitemap.sitemap(made)
        for env in made.envs.values():
            compile_all(env)
    _check_root_links(site, {job.path for job in found}, theme, diags)
    diags.raise_if_errors()
    return found


def render(todo: list[Job], theme: Theme,
           run: Callable[[list[Callable[[], bytes]]], Iterable[bytes]]) -> Iterator[
               tuple[str, bytes]]:
    """(path, bytes) of each job in order, rendered by `run` (on whatever cores it uses, which
    start now), each as soon as it is done."""
    with _reported(theme, Diagnostics()):
        done = run([job.produce for job in todo])

    def each() -> Iterator[tuple[str, bytes]]:
        with _reported(theme, Diagnostics()):
            yield from zip((job.path for job in todo), done, strict=True)

    return each()


@contextmanager
def _reported(theme: Theme, diags: Diagnostics) -> Iterator[None]:
    """A template error becomes a diagnostic at its template line, not a traceback."""
    try:
        yield
    except jinja2.TemplateError as exc:
        template_error(exc, theme, diags)
        raise GeneratorError(diags.items) from None


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
