"""The site as plain, frozen data. Standard library only: no I/O, no templates, no Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple


class Heading(NamedTuple):
    """A NamedTuple rather than a dataclass: a rebuild decodes eight a document from the
    cache, and a tuple is made much faster (benchmarks/README.md)."""

    level: int
    id: str
    title: str  # plain text


@dataclass(frozen=True)
class LinkRef:
    target: str  # content path ("content/en/issues/13.md") or site path ("en/feed.xml")
    fragment: str
    written: str  # the link as the editor wrote it
    is_root: bool
    line: int = 0  # file line, filled in by the loader


@dataclass(frozen=True)
class Section:
    id: str | None  # None for articles that come before any `##`
    title: str
    articles: tuple[Heading, ...]


@dataclass(frozen=True)
class Document:
    """One issue or page in one language."""

    kind: str  # "issue" | "page"
    lang: str
    # Pairs translations and names the document in its URL: an issue's number, or its date
    # for an issue without one ("2010-03-30", "2015-06"), or a page's translation key.
    key: str
    source_path: str
    digest: str
    title: str
    date: dt.date | None
    number: int | None
    summary: str
    draft: bool
    translation_of: str | None  # language of the original when this is a translation
    translated_from: str | None  # version (git blob id or prefix) of the original it was made from
    source: str | None
    colophon_html: str
    body_html: str
    headings: tuple[Heading, ...]
    links: tuple[LinkRef, ...]
    # Where the document is published ("en/issues/13/", "en/issues/2010-03-30/", "zh/about/"):
    # given by whoever makes the Document, from the one rule in site.linking.url_path. Held,
    # not derived here, because a rebuild of a 4,000-issue site reads it 50,000 times.
    url_path: str = field(repr=False, compare=False)
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)
    month_only: bool = False  # `date: 2015-06`: `date` is the first of that month
    # Made from `date` whenever a Document is made (read as often as url_path).
    day: dt.date | None = field(init=False, repr=False, compare=False)  # `date` without a time

    def __post_init__(self) -> None:
        object.__setattr__(self, "day", self.date.date()
                           if isinstance(self.date, dt.datetime) else self.date)

    @property
    def iso_date(self) -> str:
        """The date no more precisely than it is known, as ISO 8601 and HTML's <time> write
        it: "2016-07-15", or "2015-06" for an issue known only by its month ("" if undated)."""
        if self.day is None:
            return ""
        return self.day.isoformat()[:7] if self.month_only else self.day.isoformat()

    @property
    def sections(self) -> tuple[Section, ...]:
        """`##` sections with their `###` articles, as in the issue's table of contents."""
        sections: list[Section] = []
        for heading in self.headings:
            if heading.level == 2:
                sections.append(Section(heading.id, heading.title, ()))
            elif heading.level == 3:
                if not sections:
                    sections.append(Section(None, "", ()))
                last = sections[-1]
                sections[-1] = Section(last.id, last.title, last.articles + (heading,))
        return tuple(sections)

    @property
    def anchors(self) -> frozenset[str]:
        return frozenset(h.id for h in self.headings)


@dataclass(frozen=True)
class Site:
    languages: tuple[str, ...]
    default_language: str
    documents: tuple[Document, ...]  # sorted: language, kind, number, key

    # Indexes are derived once per Site (cached_property writes past the frozen __setattr__).
    @cached_property
    def _issues_by_lang(self) -> dict[str, tuple[Document, ...]]:
        return {lang: tuple(sorted((d for d in self.documents if d.lang == lang
                                    and d.kind == "issue"), key=_issue_order, reverse=True))
                for lang in self.languages}

    @cached_property
    def _versions(self) -> dict[tuple[str, str], dict[str, Document]]:
        index: dict[tuple[str, str], dict[str, Document]] = {}
        for d in self.documents:
            index.setdefault((d.kind, d.key), {})[d.lang] = d
        return index

    @cached_property
    def _position(self) -> dict[tuple[str, str], int]:
        return {(d.lang, d.key): at for lang in self.languages
                for at, d in enumerate(self._issues_by_lang[lang])}

    def issues(self, lang: str) -> tuple[Document, ...]:
        """Issues of one language, newest first: by date across the eras (numbered, then
        named by date, then numbered anew), by number within a day."""
        return self._issues_by_lang.get(lang, ())

    def pages(self, lang: str) -> tuple[Document, ...]:
        """Pages of one language: dated ones newest first, then undated by key."""
        found = [d for d in self.documents if d.lang == lang and d.kind == "page"]
        return tuple(sorted(found, key=lambda d: (d.day is None,
                                                  -(d.day.toordinal() if d.day else 0), d.key)))

    def versions(self, doc: Document) -> dict[str, Document]:
        """Every language version of `doc` (itself included), keyed by language."""
        return self._versions.get((doc.kind, doc.key), {})

    def original(self, doc: Document) -> Document:
        """The version this one was translated from, or the best stand-in for it."""
        versions = self.versions(doc)
        if doc.translation_of and doc.translation_of in versions:
            return versions[doc.translation_of]
        untranslated = [d for d in versions.values() if not d.translation_of]
        return untranslated[0] if untranslated else doc

    def stale(self, doc: Document) -> bool:
        """True when the original changed after the version this translation records."""
        if not doc.translated_from or not doc.translation_of:
            return False
        original = self.versions(doc).get(doc.translation_of)
        return original is not None and not original.digest.startswith(doc.translated_from)

    def neighbours(self, doc: Document) -> tuple[Document | None, Document | None]:
        """(previous, next) issue within the same language, across the eras."""
        newest_first = self.issues(doc.lang)
        at = self._position[(doc.lang, doc.key)]
        prev = newest_first[at + 1] if at + 1 < len(newest_first) else None
        nxt = newest_first[at - 1] if at > 0 else None
        return prev, nxt

    def by_year(self, lang: str) -> dict[int, tuple[Document, ...]]:
        """Issues of one language grouped by year, newest year (and issue) first."""
        groups: dict[int, list[Document]] = {}
        for doc in self.issues(lang):
            if doc.day:
                groups.setdefault(doc.day.year, []).append(doc)
        return {year: tuple(groups[year]) for year in sorted(groups, reverse=True)}


def _issue_order(doc: Document) -> tuple[dt.date, int, str]:
    return doc.day or dt.date.min, doc.number or 0, doc.key
