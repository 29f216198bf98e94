"""Documents -> Site: check what spans documents (duplicates, links, URLs) and index them."""

from __future__ import annotations

from generator.errors import Diagnostics
from generator.model import Document, Site

# First path segments of /{lang}/… the generator writes itself; a page key may not take them.
RESERVED = {"issues", "search", "subscribe", "feed.xml", "pagefind", "static", "email",
            "index.html", "404.html"}


def url_path(kind: str, lang: str, key: str) -> str:
    """The one URL rule: where a document is published, below base_url. An issue is at
    /{lang}/issues/{key}/, its key being its number (13) or, for an issue without one, its
    date (2010-03-30, or 2015-06 when only the month is known); a page at /{lang}/{key}/."""
    return f"{lang}/issues/{key}/" if kind == "issue" else f"{lang}/{key}/"


def build_site(documents: list[Document], languages: tuple[str, ...], default_language: str,
               diags: Diagnostics) -> Site:
    by_url: dict[str, Document] = {}
    for doc in sorted(documents, key=lambda d: d.source_path):
        if doc.kind == "page" and doc.key in RESERVED:
            diags.error(doc.source_path, doc.lines.get("translation_key", 1),
                        f"a page cannot be called `{doc.key}`: the site uses /{doc.lang}/"
                        f"{doc.key}/ itself", "rename the file or set another translation_key")
            continue
        other = by_url.get(doc.url_path)
        if other is None:
            by_url[doc.url_path] = doc
        elif doc.kind == "issue" and doc.number is not None:
            diags.error(doc.source_path, doc.lines.get("number", 1),
                        f"issue number {doc.number} is already used by {other.source_path}",
                        "each issue needs its own number within a language")
        elif doc.kind == "issue":
            diags.error(doc.source_path, doc.lines.get("date", 1),
                        f"an issue without a number is named by its date, and {doc.key} "
                        f"already names {other.source_path} (/{doc.url_path})",
                        "give one of them its number, or correct the date")
        else:
            diags.error(doc.source_path, doc.lines.get("translation_key", 1),
                        f"this page would be written to /{doc.url_path}, like "
                        f"{other.source_path}", "give one of them another translation_key")
    site = Site(languages, default_language, tuple(sorted(
        by_url.values(), key=lambda d: (d.lang, d.kind, d.number or 0, d.key))))
    by_path = {d.source_path: d for d in site.documents}
    for doc in site.documents:
        _check_links(doc, by_path, diags)
        if doc.translation_of and doc.translation_of not in site.versions(doc):
            diags.warning(doc.source_path, doc.lines.get("translation_of", 1),
                          f"marked as a translation from `{doc.translation_of}`, but there is "
                          f"no {doc.translation_of} version with "
                          + (f"number {doc.number}" if doc.number is not None
                             else f"date {doc.key}" if doc.kind == "issue"
                             else f"translation key `{doc.key}`"))
    for lang in languages:
        _check_sequence(site.issues(lang)[::-1], diags)
    return site


def _check_sequence(oldest_first: tuple[Document, ...], diags: Diagnostics) -> None:
    """Warn about a gap in the numbers (likely a typo) between consecutive numbered issues."""
    for before, after in zip(oldest_first, oldest_first[1:], strict=False):
        if before.number is None or after.number is None:
            continue  # an issue of the era without numbers: issues are in date order
        if after.number > before.number + 1:
            missing = f"{before.number + 1}" if after.number == before.number + 2 else \
                f"{before.number + 1}–{after.number - 1}"
            diags.warning(after.source_path, after.lines.get("number", 1),
                          f"no issue {missing} between No.{before.number} and "
                          f"No.{after.number}", "check the number, or ignore if intended")
        elif after.number < before.number and not _new_series(before, after):
            diags.warning(after.source_path, after.lines.get("number", 1),
                          f"No.{after.number} is dated {after.day}, after No.{before.number} "
                          f"({before.day})", "check the number or the date (issues are in "
                          "date order; a new series starts at No.1)")


def _new_series(before: Document, after: Document) -> bool:
    """No.1 more than a year after the issue before it: the numbering began anew (2015)."""
    return after.number == 1 and before.day is not None and after.day is not None and \
        (after.day - before.day).days > 365


def _check_links(doc: Document, by_path: dict[str, Document], diags: Diagnostics) -> None:
    for link in doc.links:
        line = link.line
        if link.is_root:
            continue  # checked against the written site by the link checker
        target = by_path.get(link.target)
        if target is None:
            diags.error(doc.source_path, line, f"link to `{link.written}`: there is no "
                        f"{link.target}", "link to an existing file, relative to this one, "
                        "e.g. ../issues/13.md or ../pages/about.md")
        elif link.fragment and link.fragment not in target.anchors:
            diags.error(doc.source_path, line, f"link to `{link.written}`: "
                        f"{link.target} has no heading with the id `{link.fragment}`",
                        "anchors: " + ", ".join(sorted(target.anchors)[:12]))
