"""The archive's three eras in one whole site (tests/fixtures/sites/eras/): numbered N0.210
and N0.211 (2000), issues named by their date (2010-03-30 in both languages, 2011-06 known
only by its month, 2012-04-18 in Chinese only) and the new series' No.1 (2015), with links
between them. Built once, with search, and read back like the seed site."""

from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import feedparser
import pytest
from sitecheck import (
    DEFAULT_BASE_URL,
    FIXTURE_SITES,
    BuiltSite,
    broken_links,
    build_site,
    duplicate_ids,
    hreflang_problems,
    nu_html_errors,
)

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
EN = ["1", "2011-06", "2010-03-30", "211", "210"]  # newest first, as every list shows them
ZH = ["1", "2012-04-18", "2010-03-30", "210"]


@pytest.fixture(scope="module")
def eras(build_dir: Callable[[str], Path]) -> BuiltSite:
    return BuiltSite(build_site(FIXTURE_SITES / "eras", build_dir("eras")), DEFAULT_BASE_URL)


def _issue_keys(site: BuiltSite, rel: str) -> list[str]:
    """Keys of the issues in the page's language that its <main> links to, in order."""
    keys = []
    for a in site.page(rel).main().find_all("a"):
        parts = site.resolve(a.get("href"), rel)[0].split("/")
        if len(parts) == 4 and parts[:2] == [rel.split("/")[0], "issues"] and parts[2] != "year":
            keys.append(parts[2])
    return list(dict.fromkeys(keys))


def test_no_broken_link_duplicate_id_or_bad_alternate(eras: BuiltSite) -> None:
    problems = broken_links(eras) + duplicate_ids(eras) + hreflang_problems(eras)
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_every_page_is_valid_html(eras: BuiltSite) -> None:
    errors = nu_html_errors(eras.root)
    assert not errors, f"Nu HTML checker errors:\n{errors}"


def test_each_issue_has_its_page_and_no_page_says_none(eras: BuiltSite) -> None:
    for lang, keys in (("en", EN), ("zh", ZH)):
        for key in keys:
            assert eras.exists(f"{lang}/issues/{key}/index.html"), (lang, key)
    for rel in eras.html_files():
        assert "None" not in eras.text(rel), rel


def test_archive_and_year_pages_list_every_era_by_date(eras: BuiltSite) -> None:
    assert _issue_keys(eras, "en/issues/index.html") == EN
    assert _issue_keys(eras, "zh/issues/index.html") == ZH
    assert _issue_keys(eras, "en/issues/year/2011/index.html") == ["2011-06"]
    assert _issue_keys(eras, "zh/issues/year/2012/index.html") == ["2012-04-18"]


def test_previous_and_next_follow_the_dates_across_eras(eras: BuiltSite) -> None:
    oldest_first = EN[::-1]
    for at, key in enumerate(oldest_first):
        page = eras.page(f"en/issues/{key}/index.html")
        found = {}
        for rel in ("prev", "next"):
            links = [eras.resolve(n.get("href"))[0].split("/")[2] for n in page.links(rel)]
            found[rel] = links[0] if links else None
        assert found == {"prev": oldest_first[at - 1] if at else None,
                         "next": oldest_first[at + 1] if at + 1 < len(EN) else None}, key


def test_a_translation_pairs_by_date_and_a_missing_one_has_a_stand_in(eras: BuiltSite) -> None:
    alternates = eras.page("en/issues/2010-03-30/index.html").alternates
    assert alternates["zh-CN"] == eras.base_url + "zh/issues/2010-03-30/"
    stand_in = eras.page("en/issues/2012-04-18/index.html")
    assert stand_in.noindex
    assert eras.base_url + "zh/issues/2012-04-18/" in {
        eras.abs_url(eras.resolve(a.get("href"))[0]) for a in stand_in.main().find_all("a")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_feeds_carry_the_dated_issues_newest_first(eras: BuiltSite, lang: str) -> None:
    parsed = feedparser.parse((eras.root / lang / "feed.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    keys = [e.link.removeprefix(eras.base_url + f"{lang}/issues/").rstrip("/")
            for e in parsed.entries if "/issues/" in e.link]
    assert keys == (EN if lang == "en" else ZH)
    month = next(e for e in parsed.entries if e.link.endswith("/2011-06/")) if lang == "en" \
        else None
    assert month is None or month.title == "China Science and Technology Newsletter · June 2011"


def test_sitemap_lists_dated_issues_with_their_translations(eras: BuiltSite) -> None:
    root = ET.parse(eras.root / "sitemap.xml").getroot()
    locs = {url.findtext(f"{SM}loc") for url in root.findall(f"{SM}url")}
    assert {eras.base_url + f"en/issues/{key}/" for key in EN} <= locs
    assert eras.base_url + "zh/issues/2012-04-18/" in locs
    assert eras.base_url + "en/issues/2012-04-18/" not in locs  # the stand-in: noindex


def test_search_indexes_dated_issues_in_both_languages(eras: BuiltSite) -> None:
    urls = set()
    for path in (eras.root / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        urls.add(json.loads(data[data.index(b"{"):])["url"])
    for url in ("/en/issues/2010-03-30/", "/en/issues/2011-06/", "/zh/issues/2010-03-30/",
                "/zh/issues/2012-04-18/"):
        assert any(u.endswith(url) for u in urls), url
