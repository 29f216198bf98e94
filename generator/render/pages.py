"""Site + templates -> a Job for every page: what it shows and how to render it. Nothing is
rendered here: the build decides which jobs to run (those whose key changed) and where."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import jinja2

from generator.content.config import Language, SiteConfig
from generator.content.markup import excerpt
from generator.content.rules.links import resolve_links
from generator.model import Document, Site
from generator.render import parallel
from generator.render.heads import Head
from generator.render.structured import structured_data
from generator.render.typography import reading_minutes
from generator.site.linking import url_path

_LOCAL_HREF = re.compile(r'href="#')
# Pages left out of the sitemap (and marked noindex): stand-ins for missing translations,
# and the parallel view, whose text is the two editions' own.
_NOT_INDEXED = frozenset(("missing.html", "parallel.html"))


def describe(doc: Document, limit: int = 200) -> str:
    """The document's summary, or the start of its text ending at a sentence."""
    return doc.summary or excerpt(doc.body_html, limit)


@dataclass(frozen=True)
class Job:
    """One file to render: its path, everything it shows (`parts`: its key is made of them)
    and how to render it."""

    path: str
    parts: tuple
    produce: Callable[[], bytes]
    searchable: bool = False


@dataclass(frozen=True)
class Switch:
    """One entry of the language switch."""

    lang: Language
    href: str  # site path
    available: bool  # False: the page exists only in another language


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    path: str


class SitemapEntry(NamedTuple):
    """A page of the sitemap as it is keyed; `Renderer.alternates` makes its hreflang links.
    Strings only, so that the sitemap's key can be their repr (`sitemap.py`)."""

    path: str
    paths: tuple[tuple[str, str], ...]  # (language, path) of each version, sorted
    x_default: str | None
    lastmod: str | None


class Renderer:
    """Makes the jobs of the pages. `search_parts`: by language, the folders of the further
    parts of a split search index, which the search page merges."""

    def __init__(self, site: Site, config: SiteConfig, envs: dict[str, jinja2.Environment],
                 search_parts: dict[str, list[str]] | None = None):
        self.site, self.config, self.envs = site, config, envs
        self.search_parts = search_parts or {}
        self._by_source = {d.source_path: d for d in site.documents}
        self._heads = {d.source_path: Head(d) for d in site.documents}
        self._about = {d.lang for d in site.documents if d.kind == "page" and d.key == "about"}
        self.sitemap: list[SitemapEntry] = []  # every indexable page rendered so far

    # ----- helpers shared by every page -------------------------------------------------
    def heads(self, docs: Iterable[Document]) -> list[Head]:
        """What lists of documents are given: their Heads (see model.Head)."""
        return [self._heads[d.source_path] for d in docs]

    def head(self, doc: Document | None) -> Head | None:
        return None if doc is None else self._heads[doc.source_path]

    def alternates(self, paths: dict[str, str], x_default: str | None = None) -> list[Alternate]:
        """hreflang links for the language versions in `paths` (none if only one exists)."""
        if len(paths) < 2:
            return []
        alts = [Alternate(self.config.language(code).tag, path)
                for code, path in sorted(paths.items())]
        default = x_default if x_default is not None else (
            paths.get(self.config.default_language) or sorted(paths.values())[0])
        return alts + [Alternate("x-default", default)]

    def switch(self, lang: str, paths: dict[str, str], fallback: dict[str, str]) -> list[Switch]:
        return [Switch(other, paths.get(other.code, fallback.get(other.code, f"{other.code}/")),
                       other.code in paths)
                for other in self.config.languages if other.code != lang]

    def page(self, template: str, lang: str, path: str, paths: dict[str, str],
             fallback: dict[str, str] | None = None, searchable: bool = False,
             x_default: str | None = None, lastmod: str | None = None,
             derived: tuple[Callable[[], dict[str, object]], tuple[Document | Head, ...]]
             | None = None,
             **context: object) -> Job:
        """`derived`: (costly context values, the documents they are computed from), computed
        only when the page is rendered; the key holds those documents instead."""
        indexed = template not in _NOT_INDEXED  # (hreflang links only between indexed pages)
        if indexed:
            self.sitemap.append(SitemapEntry(path, tuple(sorted(paths.items())), x_default,
                                             lastmod))
        has_about = lang in self._about

        def produce() -> bytes:  # alternates and switch too: a kept page needs neither
            return self.envs[lang].get_template(template).render(
                lang=self.config.language(lang), path=path,
                alternates=self.alternates(paths, x_default) if indexed else [],
                has_about=has_about,
                switch=self.switch(lang, paths, fallback or paths), **context,
                **(derived[0]() if derived else {})).encode("utf-8")

        return Job(path + "index.html" if path.endswith("/") or not path else path,
                   # alternates and switch are made of these and the settings
                   (template, lang, path, paths, fallback, x_default, has_about, context,
                    derived[1] if derived else ()), produce, searchable)

    def linked(self, doc: Document) -> tuple[Document | Head, ...]:
        """The document and those its body links to: their URLs are in its HTML."""
        return (doc,) + tuple(self._heads[link.target] for link in doc.links
                              if not link.is_root)

    def body(self, doc: Document, html: str | None = None, absolute: bool = False) -> str:
        """The document's HTML (or `html` from it) with internal links made real URLs."""
        prefix = self.config.base_url if absolute else self.config.base_path

        def link_url(target: str, fragment: str, is_root: bool) -> str:
            path = target if is_root else self._by_source[target].url_path
            return prefix + path + ("#" + fragment if fragment else "")

        return resolve_links(doc.body_html if html is None else html, link_url)

    def absolute_body(self, doc: Document, fragment: str | None = None) -> str:
        """body(absolute=True), with in-page `#anchor` links pointing at the document's URL too:
        for copies read away from the site (feed readers, e-mail)."""
        page_url = html.escape(self.config.base_url + doc.url_path)
        return _LOCAL_HREF.sub(f'href="{page_url}#', self.body(doc, fragment, absolute=True))

    # ----- the pages ---------------------------------------------------------------------
    def all(self) -> Iterator[Job]:
        home = {code: f"{code}/" for code in self.site.languages}
        archive = {code: f"{code}/issues/" for code in self.site.languages}
        search = {code: f"{code}/search/" for code in self.site.languages}
        subscribe = {code: f"{code}/subscribe/" for code in self.site.languages}
        yield self.page("landing.html", self.config.default_language, "", home, x_default="",
                        languages=self.config.languages, latest={
                            code: self.head((self.site.issues(code) or (None,))[0])
                            for code in self.site.languages})
        yield Job("404.html", ("404.html",), self.not_found)
        years = {lang: self.site.by_year(lang) for lang in self.site.languages}
        for code in self.site.languages:
            latest = self.site.issues(code)[:1]
            yield self.page("home.html", code, home[code], home, x_default="",
                            latest_minutes=reading_minutes(latest[0].body_html) if latest else 0,
                            issues=self.heads(self.site.issues(code)[:10]),
                            pages=self.heads(self.site.pages(code)),
                            elsewhere=self.heads(self.only_elsewhere(code)))
            yield self.page("archive.html", code, archive[code], archive,
                            issues=self.heads(self.site.issues(code)))
            for year, issues in years[code].items():
                paths = {c: f"{c}/issues/year/{year}/" for c in years if year in years[c]}
                yield self.page("year.html", code, paths[code], paths, fallback=archive,
                                year=year, issues=self.heads(issues))
            yield self.page("search.html", code, search[code], search,
                            merge=self.search_parts.get(code, []))
            yield self.page("subscribe.html", code, subscribe[code], subscribe,
                            signup=self.config.signup)
            yield from self.documents(code, home)

    def documents(self, code: str, home: dict[str, str]) -> Iterator[Job]:
        for doc in self.site.documents:
            versions = self.site.versions(doc)
            if doc.lang == code:
                yield self.document(doc, versions, _paths(versions), home)
                if len(versions) > 1:
                    yield self.parallel(doc, versions)
            elif code not in versions and doc is self.site.original(doc):
                # A stand-in page in `code` that says the document is not translated and
                # shows the original; the switch leads to the original (`paths`).
                yield self.page("missing.html", code, url_path(doc.kind, code, doc.key),
                                _paths(versions), doc=self.head(doc),
                                original_lang=self.config.language(doc.lang),
                                derived=(lambda doc=doc: {"body": self.body(doc)},
                                         self.linked(doc)))

    def document(self, doc: Document, versions: dict[str, Document], paths: dict[str, str],
                 home: dict[str, str]) -> Job:
        fallback = {code: url_path(doc.kind, code, doc.key) for code in home}
        lastmod = doc.day.isoformat() if doc.day else None
        context: dict[str, object] = {"doc": doc,
                                      "original": self.head(self.site.original(doc)),
                                      "stale": self.site.stale(doc),
                                      **self.editions(doc, versions)}
        if doc.translation_of and doc.translation_of in versions:
            context["original_lang"] = self.config.language(doc.translation_of)

        def derived() -> dict[str, object]:
            description = describe(doc, 160)
            return {"body": self.body(doc), "description": description,
                    "colophon": self.body(doc, doc.colophon_html),
                    "structured": structured_data(doc, self.config.language(doc.lang),
                                                  self.config, description)}

        linked = self.linked(doc)
        if doc.kind == "issue":
            prev, nxt = self.site.neighbours(doc)
            return self.page("issue.html", doc.lang, doc.url_path, paths, fallback,
                             searchable=True, lastmod=lastmod,
                             derived=(derived, linked), prev=self.head(prev),
                             next=self.head(nxt), **context)
        return self.page("page.html", doc.lang, doc.url_path, paths, fallback, searchable=True,
                         lastmod=lastmod, derived=(derived, linked), **context)

    def parallel(self, doc: Document, versions: dict[str, Document]) -> Job:
        """The parallel view (中英对照) of the first two versions in the site's language order,
        in `doc`'s language. The other column's ids are prefixed with its language code."""
        left, right = [versions[c] for c in self.config.codes if c in versions][:2]
        paths = {code: _parallel_path(d) for code, d in versions.items()}

        def derived() -> dict[str, object]:
            prefixes = ("" if left is doc else f"{left.lang}-",
                        "" if right is doc else f"{right.lang}-")
            return {"rows": parallel.rows(self.body(left), self.body(right), prefixes),
                    "description": describe(doc, 160)}

        return self.page("parallel.html", doc.lang, paths[doc.lang], paths,
                         derived=(derived, self.linked(left) + self.linked(right)),
                         doc=self.head(doc), left=self.head(left), right=self.head(right),
                         left_lang=self.config.language(left.lang),
                         right_lang=self.config.language(right.lang),
                         **self.editions(doc, versions))

    def editions(self, doc: Document, versions: dict[str, Document]) -> dict[str, object]:
        """For the edition toggle: each version (language, path) and the parallel view's
        path; none for a document in one language."""
        if len(versions) < 2:
            return {"editions": (), "parallel": None}
        return {"editions": tuple((self.config.language(code), versions[code].url_path)
                                  for code in self.config.codes if code in versions),
                "parallel": _parallel_path(doc)}

    def not_found(self) -> bytes:
        """404.html: one page in every language (the server cannot know the reader's)."""
        sections = [self.envs[lang.code].get_template("partials/notfound.html").render(lang=lang)
                    for lang in self.config.languages]
        titles = [self.envs[lang.code].get_template("partials/notfound_title.html").render()
                  for lang in self.config.languages]
        return self.envs[self.config.default_language].get_template("404.html").render(
            lang=self.config.language(self.config.default_language),
            titles=titles, sections=sections).encode("utf-8")

    def only_elsewhere(self, code: str) -> list[Document]:
        """Originals that have no version in `code`, for the home page's "also" list."""
        return [d for d in self.site.documents if d.lang != code
                and code not in self.site.versions(d) and d is self.site.original(d)]


def _parallel_path(doc: Document) -> str:
    return doc.url_path + "parallel/"


def _paths(versions: dict[str, Document]) -> dict[str, str]:
    """Site path of each language version."""
    return {lang: d.url_path for lang, d in versions.items()}
