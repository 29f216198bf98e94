"""The archive fixture (tests/fixtures/sites/archive/): years, months, prev/next, drafts.

en issues 1..7 (2015-2017, No.4 a draft); zh translations of 1, 2, 3, 5; zh-only No.8 (2018);
an about page in both languages, an en-only page (notes) and a zh-only page (bulletin).
"""

from __future__ import annotations

import pytest
from sitecheck import BuiltSite, broken_links, duplicate_ids, hreflang_problems

EN = [1, 2, 3, 5, 6, 7]
EN_DRAFTS = [1, 2, 3, 4, 5, 6, 7]
ZH = [1, 2, 3, 5, 8]


def _issue_links(site: BuiltSite, rel: str, node=None) -> list[int]:
    """Numbers of the issues in the page's language linked from `node` (default: <main>)."""
    numbers = []
    for a in (node or site.page(rel).main()).find_all("a"):
        file, _ = site.resolve(a.get("href"), rel)
        parts = file.split("/")
        if len(parts) == 4 and parts[0] == rel.split("/")[0] and parts[1] == "issues" \
                and parts[2].isdigit():
            numbers.append(int(parts[2]))
    return numbers


def _archive(site: BuiltSite, lang: str) -> list[tuple[str, list[int]]]:
    rel = f"{lang}/issues/index.html"
    return [(section.one("h2").text.strip(), _issue_links(site, rel, section))
            for section in site.page(rel).main().find_all("section")]


def _neighbours(site: BuiltSite, lang: str, number: int) -> tuple[int | None, int | None]:
    rel = f"{lang}/issues/{number}/index.html"
    page = site.page(rel)
    found = []
    for name in ("prev", "next"):
        heads = [site.resolve(n.get("href"), rel)[0] for n in page.links(name)]
        anchors = [site.resolve(a.get("href"), rel)[0] for a in page.doc.find_all("a", rel=name)]
        assert heads == anchors, f"{rel}: <link rel={name}> and <a rel={name}> disagree"
        assert len(heads) <= 1
        found.append(int(heads[0].split("/")[2]) if heads else None)
    return found[0], found[1]


@pytest.fixture(params=["plain", "drafts"])
def any_fixture_site(request: pytest.FixtureRequest) -> BuiltSite:
    name = "fixture_site" if request.param == "plain" else "fixture_site_drafts"
    return request.getfixturevalue(name)


def test_fixture_site_links_ids_and_alternates(any_fixture_site: BuiltSite) -> None:
    problems = (broken_links(any_fixture_site, search=False) + duplicate_ids(any_fixture_site)
                + hreflang_problems(any_fixture_site))
    assert not problems, "\n".join(problems)


def test_en_archive_groups_issues_by_year_newest_first(fixture_site: BuiltSite) -> None:
    assert _archive(fixture_site, "en") == [("2017", [7]), ("2016", [6, 5, 3]),
                                             ("2015", [2, 1])]


def test_zh_archive_has_only_zh_issues(fixture_site: BuiltSite) -> None:
    assert _archive(fixture_site, "zh") == [("2018年", [8]), ("2016年", [5, 3]),
                                             ("2015年", [2, 1])]


def test_archive_year_headings_link_to_year_pages(fixture_site: BuiltSite) -> None:
    for lang, years in (("en", [2017, 2016, 2015]), ("zh", [2018, 2016, 2015])):
        rel = f"{lang}/issues/index.html"
        targets = [fixture_site.resolve(h2.one("a").get("href"), rel)[0]
                   for h2 in fixture_site.page(rel).main().find_all("h2")]
        assert targets == [f"{lang}/issues/year/{y}/index.html" for y in years]


def test_draft_is_left_out_unless_drafts(fixture_site: BuiltSite,
                                          fixture_site_drafts: BuiltSite) -> None:
    assert not fixture_site.exists("en/issues/4/index.html")
    assert not fixture_site.exists("zh/issues/4/index.html")
    assert 4 not in _issue_links(fixture_site, "en/index.html")
    assert "/issues/4/" not in fixture_site.text("en/feed.xml")
    assert "/issues/4/" not in fixture_site.text("sitemap.xml")
    assert fixture_site_drafts.exists("en/issues/4/index.html")
    assert _archive(fixture_site_drafts, "en")[1] == ("2016", [6, 5, 4, 3])
    # the zh side gets a stand-in for the (draft) en-only issue
    assert fixture_site_drafts.page("zh/issues/4/index.html").noindex


@pytest.mark.parametrize(("lang", "year", "months"), [
    ("en", 2016, ["July 2016", "February 2016"]),
    ("en", 2015, ["November 2015", "March 2015"]),
    ("en", 2017, ["January 2017"]),
    ("zh", 2016, ["2016年7月", "2016年2月"]),
    ("zh", 2018, ["2018年1月"]),
])
def test_year_pages_have_month_headings(fixture_site: BuiltSite, lang: str, year: int,
                                        months: list[str]) -> None:
    page = fixture_site.page(f"{lang}/issues/year/{year}/index.html")
    assert [h2.text.strip() for h2 in page.main().find_all("h2")] == months


def test_year_page_lists_issues_newest_first(fixture_site: BuiltSite,
                                             fixture_site_drafts: BuiltSite) -> None:
    rel = "en/issues/year/2016/index.html"
    assert _issue_links(fixture_site, rel) == [6, 5, 3]
    assert _issue_links(fixture_site_drafts, rel) == [6, 5, 4, 3]
    months = [h2.text.strip() for h2 in fixture_site_drafts.page(rel).main().find_all("h2")]
    assert months == ["July 2016", "May 2016", "February 2016"]


def test_year_pages_exist_only_for_years_with_issues(fixture_site: BuiltSite) -> None:
    years = {lang: sorted(r.split("/")[3] for r in fixture_site.html_files()
                          if r.startswith(f"{lang}/issues/year/"))
             for lang in ("en", "zh")}
    assert years == {"en": ["2015", "2016", "2017"], "zh": ["2015", "2016", "2018"]}


def test_year_page_in_one_language_only_switches_to_the_archive(
        fixture_site: BuiltSite) -> None:
    rel = "zh/issues/year/2018/index.html"
    page = fixture_site.page(rel)
    assert not page.alternates
    link = page.doc.one("nav", class_="lang-switch").one("a", hreflang="en")
    assert fixture_site.resolve(link.get("href"), rel)[0] == "en/issues/index.html"


def _chain(site: BuiltSite, lang: str, numbers: list[int]) -> None:
    for at, number in enumerate(numbers):
        prev = numbers[at - 1] if at > 0 else None
        nxt = numbers[at + 1] if at + 1 < len(numbers) else None
        assert _neighbours(site, lang, number) == (prev, nxt), f"{lang} No.{number}"


def test_prev_next_chain_by_number_within_a_language(fixture_site: BuiltSite) -> None:
    _chain(fixture_site, "en", EN)
    _chain(fixture_site, "zh", ZH)


def test_prev_next_chain_includes_the_draft_with_drafts(fixture_site_drafts: BuiltSite) -> None:
    _chain(fixture_site_drafts, "en", EN_DRAFTS)
    _chain(fixture_site_drafts, "zh", ZH)


def test_first_issue_has_no_prev_and_last_no_next(fixture_site: BuiltSite) -> None:
    assert _neighbours(fixture_site, "en", 1)[0] is None
    assert _neighbours(fixture_site, "en", 7)[1] is None
    assert _neighbours(fixture_site, "zh", 1)[0] is None
    assert _neighbours(fixture_site, "zh", 8)[1] is None


@pytest.mark.parametrize(("lang", "numbers"), [("en", EN), ("zh", ZH)])
def test_home_page_lists_latest_issue_first(fixture_site: BuiltSite, lang: str,
                                            numbers: list[int]) -> None:
    rel = f"{lang}/index.html"
    main = fixture_site.page(rel).main()
    latest = main.one("section", class_="latest")
    assert set(_issue_links(fixture_site, rel, latest)) == {numbers[-1]}
    linked = _issue_links(fixture_site, rel)
    listed = list(dict.fromkeys(linked))  # first occurrence order
    assert listed == sorted(numbers, reverse=True)


def test_zh_stand_ins_exist_for_en_only_issues(fixture_site: BuiltSite) -> None:
    for number in (6, 7):
        rel = f"zh/issues/{number}/index.html"
        page = fixture_site.page(rel)
        assert page.lang == "zh-CN" and page.noindex and not page.alternates
        targets = [fixture_site.resolve(a.get("href"), rel)[0]
                   for a in page.main().find_all("a")]
        assert f"en/issues/{number}/index.html" in targets
        assert f"/issues/{number}/" not in fixture_site.text("zh/feed.xml")
    en8 = fixture_site.page("en/issues/8/index.html")
    assert en8.lang == "en" and en8.noindex and "not available" in en8.main().text.lower()


def test_stand_ins_exist_for_one_language_pages(fixture_site: BuiltSite) -> None:
    assert fixture_site.page("zh/notes/index.html").noindex
    assert fixture_site.page("en/bulletin/index.html").noindex
    assert not fixture_site.page("en/notes/index.html").noindex
    assert fixture_site.page("zh/about/index.html").alternates["en"] == \
        fixture_site.base_url + "en/about/"


def test_translated_issue_links_to_its_original(fixture_site: BuiltSite) -> None:
    for number in (1, 2, 3, 5):
        rel = f"zh/issues/{number}/index.html"
        note = fixture_site.page(rel).doc.one(class_="translation-note")
        assert [fixture_site.resolve(a.get("href"), rel)[0] for a in note.find_all("a")] == \
            [f"en/issues/{number}/index.html"]
    assert not fixture_site.page("zh/issues/8/index.html").doc.find(class_="translation-note")


@pytest.mark.parametrize(("lang", "numbers"), [("en", EN), ("zh", ZH)])
def test_feed_lists_issues_newest_first(fixture_site: BuiltSite, lang: str,
                                        numbers: list[int]) -> None:
    import feedparser

    parsed = feedparser.parse((fixture_site.root / lang / "feed.xml").read_bytes())
    assert parsed.bozo == 0
    issue_links = [e.link for e in parsed.entries if "/issues/" in e.link]
    assert issue_links == [fixture_site.base_url + f"{lang}/issues/{n}/"
                           for n in sorted(numbers, reverse=True)]


def test_a_stand_in_shows_the_original_in_its_language(fixture_site: BuiltSite) -> None:
    """Under its notice, the original's title, date, summary and text, `lang` set; the
    switch leads to the original, not marked unavailable; never in the search index."""
    page = fixture_site.page("en/bulletin/index.html")
    main = page.main()
    original = main.one("article", class_="original")
    assert original.get("lang") == "zh-CN"
    assert original.one("h1").text.strip() == "测试公告"
    assert original.one("time").text == "2017年5月1日"
    assert "仅有中文版本的页面。" in original.text and "仅有中文版本的独立页面。" in original.text
    assert original.find_all("div", class_="table-wrap")
    assert not page.doc.find_all(pred=lambda n: "data-pagefind-body" in n.attrs)
    switch = page.doc.one("nav", class_="lang-switch").one("a")
    assert switch.get("hreflang") == "zh-CN" and "unavailable" not in switch.classes
    assert fixture_site.resolve(switch.get("href"), "en/bulletin/index.html")[0] == \
        "zh/bulletin/index.html"
