"""Documents -> Site: what spans documents is checked here (numbers, keys, links, anchors)."""

from __future__ import annotations

import datetime as dt

from generator.errors import Diagnostics
from generator.model import Document, Heading, LinkRef
from generator.site.linking import build_site, url_path


def doc(lang: str, key: str, *, kind: str = "issue", date: dt.date = dt.date(2020, 1, 1),
        links: tuple[LinkRef, ...] = (), headings: tuple[Heading, ...] = (),
        translation_of: str | None = None, path: str | None = None,
        number: int | None | str = "key") -> Document:
    folder = "issues" if kind == "issue" else "pages"
    return Document(
        kind=kind, lang=lang, key=key, source_path=path or f"content/{lang}/{folder}/{key}.md",
        digest="0", title=f"T {key}", date=date,
        number=(int(key) if number == "key" else number) if kind == "issue" else None,
        summary="", draft=False,
        translation_of=translation_of, translated_from=None, source=None, colophon_html="",
        body_html="", headings=headings, links=links, url_path=url_path(kind, lang, key),
        lines={"number": 2, "date": 3, "translation_key": 4, "translation_of": 5})


def link(target: str, fragment: str = "", line: int = 7) -> LinkRef:
    return LinkRef(target, fragment, f"{target}#{fragment}" if fragment else target, False, line)


def warnings(diags: Diagnostics) -> list:
    return [d for d in diags.items if d.level == "warning"]


def site_of(*docs: Document) -> tuple[object, Diagnostics]:
    diags = Diagnostics()
    return build_site(list(docs), ("en", "zh"), "en", diags), diags


def test_issues_newest_first_and_translations_paired() -> None:
    site, diags = site_of(doc("en", "2", date=dt.date(2020, 2, 1)), doc("en", "1"),
                          doc("zh", "1", translation_of="en"))
    assert not diags.items
    assert [d.number for d in site.issues("en")] == [2, 1]
    assert set(site.versions(site.issues("en")[1])) == {"en", "zh"}


def test_an_issue_number_used_twice_is_an_error_at_the_number_line() -> None:
    _, diags = site_of(doc("en", "1"), doc("en", "1", path="content/en/issues/01.md"))
    [error] = diags.errors
    assert (error.path, error.line) == ("content/en/issues/1.md", 2)
    assert "already used by content/en/issues/01.md" in error.message


def test_a_page_may_not_take_a_path_the_site_uses() -> None:
    _, diags = site_of(doc("en", "search", kind="page"))
    [error] = diags.errors
    assert error.line == 4 and "cannot be called `search`" in error.message


def test_a_link_to_a_missing_file_or_heading_is_an_error_at_its_line() -> None:
    target = doc("en", "about", kind="page", headings=(Heading(2, "history", "History"),))
    source = doc("en", "1", links=(link("content/en/pages/about.md", "history"),
                                   link("content/en/pages/about.md", "future", 8),
                                   link("content/en/pages/gone.md", "", 9)))
    _, diags = site_of(source, target)
    assert [(e.path, e.line) for e in diags.errors] == [
        ("content/en/issues/1.md", 8), ("content/en/issues/1.md", 9)]
    assert "no heading with the id `future`" in diags.errors[0].message
    assert "anchors: history" in diags.errors[0].hint
    assert "there is no content/en/pages/gone.md" in diags.errors[1].message


def test_a_translation_without_its_original_is_a_warning() -> None:
    _, diags = site_of(doc("zh", "3", translation_of="en"))
    [warning] = warnings(diags)
    assert warning.line == 5 and "no en version with number 3" in warning.message


def test_a_gap_in_numbers_and_a_number_going_back_are_warnings() -> None:
    _, diags = site_of(doc("en", "1", date=dt.date(2020, 1, 1)),
                       doc("en", "4", date=dt.date(2020, 2, 1)))
    assert [w.message for w in warnings(diags)] == ["no issue 2–3 between No.1 and No.4"]
    _, diags = site_of(doc("en", "5", date=dt.date(2020, 2, 1)),
                       doc("en", "2", date=dt.date(2020, 3, 1)))
    assert [w.message for w in warnings(diags)] == [
        "No.2 is dated 2020-03-01, after No.5 (2020-02-01)"]


def test_a_new_series_and_issues_without_numbers_are_not_gaps() -> None:
    """The archive: N0.210-211 (2000), issues named by date (2010), a new series (2015)."""
    site, diags = site_of(doc("en", "210", date=dt.date(2000, 1, 10)),
                          doc("en", "211", date=dt.date(2000, 1, 20)),
                          doc("en", "2010-03-30", date=dt.date(2010, 3, 30), number=None),
                          doc("en", "1", date=dt.date(2015, 1, 25)),
                          doc("en", "2", date=dt.date(2015, 6, 1)))
    assert not warnings(diags)
    assert [d.key for d in site.issues("en")] == ["2", "1", "2010-03-30", "211", "210"]
    _, diags = site_of(doc("en", "333", date=dt.date(2004, 12, 30)),  # no era between
                       doc("en", "1", date=dt.date(2015, 1, 25)))
    assert not warnings(diags)
    dated = next(d for d in site.documents if d.key == "2010-03-30")
    assert [n.key if n else None for n in site.neighbours(dated)] == ["211", "1"]
    assert dated.url_path == "en/issues/2010-03-30/"


def test_two_issues_of_one_date_without_numbers_are_an_error_at_the_date() -> None:
    _, diags = site_of(doc("en", "2010-03-30", date=dt.date(2010, 3, 30), number=None),
                       doc("en", "2010-03-30", date=dt.date(2010, 3, 30), number=None,
                           path="content/en/issues/2010-03-30-b.md"))
    [error] = diags.errors
    assert error.line == 3 and "2010-03-30 already names" in error.message


def test_the_url_rule_names_issues_by_number_or_date_and_pages_by_key() -> None:
    assert url_path("issue", "en", "13") == "en/issues/13/"
    assert url_path("issue", "zh", "2010-03-30") == "zh/issues/2010-03-30/"
    assert url_path("issue", "en", "2015-06") == "en/issues/2015-06/"
    assert url_path("page", "zh", "about") == "zh/about/"


def test_issues_named_by_date_sort_pair_and_link_like_numbered_ones() -> None:
    """A month-only issue (2011-06, standing for its first day) sorts among dated ones; the
    same date pairs the translations; the oldest and newest issues have one neighbour."""
    site, diags = site_of(doc("en", "2011-06-15", date=dt.date(2011, 6, 15), number=None),
                          doc("en", "2011-06", date=dt.date(2011, 6, 1), number=None),
                          doc("en", "333", date=dt.date(2004, 12, 30)),
                          doc("en", "6", date=dt.date(2015, 6, 1)),
                          doc("zh", "2011-06", date=dt.date(2011, 6, 1), number=None,
                              translation_of="en"))
    assert not diags.items
    assert [d.key for d in site.issues("en")] == ["6", "2011-06-15", "2011-06", "333"]
    oldest, month, newest = (next(d for d in site.issues("en") if d.key == k)
                             for k in ("333", "2011-06", "6"))
    assert [d.lang for d in site.versions(month).values()] == ["en", "zh"]
    assert site.neighbours(oldest) == (None, month)
    assert site.neighbours(newest)[1] is None
    assert [d.key for d in site.issues("zh")] == ["2011-06"]
    assert site.neighbours(site.issues("zh")[0]) == (None, None)
