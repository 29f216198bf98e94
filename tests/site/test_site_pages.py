"""Structural checks over every HTML page of the built seed site."""

from __future__ import annotations

import pytest
from sitecheck import (
    LANG_TAGS,
    BuiltSite,
    broken_links,
    duplicate_ids,
    hreflang_problems,
)

PLAN = "international-cooperation-12th-five-year-plan"
ISSUE_13_ARTICLES = ["china-canada", "china-russia", "china-belarus", "china-ukraine",
                     "national-sti-conference", "achievements-exhibition", "project-mechanism"]


def test_the_build_has_the_expected_pages(seed_site: BuiltSite) -> None:
    pages = set(seed_site.html_files())
    for rel in ["index.html", "404.html", "en/index.html", "zh/index.html",
                "en/issues/index.html", "zh/issues/index.html", "en/issues/13/index.html",
                "zh/issues/13/index.html", "en/issues/year/2016/index.html",
                "zh/issues/year/2016/index.html", "en/search/index.html",
                "zh/search/index.html", f"zh/{PLAN}/index.html", f"en/{PLAN}/index.html"]:
        assert rel in pages
    for rel in ["en/feed.xml", "zh/feed.xml", "sitemap.xml", "robots.txt"]:
        assert seed_site.exists(rel)


def test_every_page_is_html5_with_a_language_matching_its_folder(seed_site: BuiltSite) -> None:
    for rel in seed_site.html_files():
        page = seed_site.page(rel)
        lang = seed_site.language_of(rel)
        if lang:
            assert page.lang == LANG_TAGS[lang], rel
        else:  # the landing page and 404 show both editions, each in its own language
            assert page.lang in LANG_TAGS.values(), rel
            sections = {s.get("lang") for s in page.doc.find_all("section")}
            assert set(LANG_TAGS.values()) <= sections, rel
        assert page.doc.find("meta", charset="utf-8"), rel
        assert page.doc.find("title") and page.doc.find("title").text.strip(), rel


def test_no_broken_internal_links_or_fragments(seed_site: BuiltSite) -> None:
    problems = broken_links(seed_site)
    assert not problems, "\n".join(problems)


def test_no_duplicate_ids(seed_site: BuiltSite) -> None:
    problems = duplicate_ids(seed_site)
    assert not problems, "\n".join(problems)


def test_hreflang_alternates_are_reciprocal_self_referencing_with_x_default(
        seed_site: BuiltSite) -> None:
    problems = hreflang_problems(seed_site)
    assert not problems, "\n".join(problems)


def test_translated_pages_have_alternates(seed_site: BuiltSite) -> None:
    base = seed_site.base_url
    for rel in ["index.html", "en/index.html", "en/issues/13/index.html",
                "zh/issues/13/index.html", "en/about/index.html", "zh/issues/index.html"]:
        alts = seed_site.page(rel).alternates
        assert set(alts) == {"en", "zh-CN", "x-default"}, rel
    assert seed_site.page("zh/issues/13/index.html").alternates == {
        "en": base + "en/issues/13/", "zh-CN": base + "zh/issues/13/",
        "x-default": base + "en/issues/13/"}


def test_canonical_is_the_absolute_url_of_the_page(seed_site: BuiltSite) -> None:
    for rel in seed_site.html_files():
        if rel == "404.html":
            continue
        assert seed_site.page(rel).canonical == seed_site.abs_url(rel), rel


def test_issue_pages_prev_next_are_consistent(seed_site: BuiltSite) -> None:
    issues = [r for r in seed_site.html_files() if "/issues/" in r
              and r.split("/")[2].isdigit() and not seed_site.page(r).noindex]
    assert {"en/issues/13/index.html", "zh/issues/13/index.html"} <= set(issues)
    for rel in issues:
        page = seed_site.page(rel)
        for rel_name in ("prev", "next"):
            heads = [n.get("href") for n in page.links(rel_name)]
            anchors = [n.get("href") for n in page.doc.find_all("a", rel=rel_name)]
            assert heads == anchors, f"{rel}: <link rel={rel_name}> {heads} vs <a> {anchors}"
            for href in heads:
                target = seed_site.resolve(href, rel)[0]
                assert target.startswith(rel.split("/")[0] + "/issues/"), rel
    # No.13 is the only issue in each language: no neighbours.
    for rel in ("en/issues/13/index.html", "zh/issues/13/index.html"):
        page = seed_site.page(rel)
        assert not page.links("prev") and not page.links("next")


def _switch(seed_site: BuiltSite, rel: str, hreflang: str) -> str:
    nav = seed_site.page(rel).doc.one("nav", class_="lang-switch")
    link = nav.one("a", hreflang=hreflang)
    return seed_site.resolve(link.get("href"), rel)[0]


def test_language_switch_of_issue_13_goes_to_the_other_language_and_back(
        seed_site: BuiltSite) -> None:
    assert _switch(seed_site, "en/issues/13/index.html", "zh-CN") == "zh/issues/13/index.html"
    assert _switch(seed_site, "zh/issues/13/index.html", "en") == "en/issues/13/index.html"


def test_every_page_in_a_language_has_a_switch_to_an_existing_page(
        seed_site: BuiltSite) -> None:
    for rel in seed_site.html_files():
        lang = seed_site.language_of(rel)
        if not lang:
            continue
        other = next(tag for code, tag in LANG_TAGS.items() if code != lang)
        target = _switch(seed_site, rel, other)
        assert seed_site.exists(target), rel
        assert seed_site.page(target).lang == other, rel


def test_zh_only_plan_has_an_english_stand_in(seed_site: BuiltSite) -> None:
    original = seed_site.page(f"zh/{PLAN}/index.html")
    assert original.lang == "zh-CN" and not original.noindex
    assert not original.alternates, "a zh-only document has no alternates"
    stand_in = seed_site.page(f"en/{PLAN}/index.html")
    assert stand_in.lang == "en"
    main = stand_in.main()
    assert "not available" in main.text.lower()
    targets = [seed_site.resolve(a.get("href"), stand_in.rel)[0] for a in main.find_all("a")]
    assert f"zh/{PLAN}/index.html" in targets
    assert not stand_in.alternates, "a stand-in must not claim to be an alternate"
    assert stand_in.noindex


def test_every_stand_in_is_noindex_without_alternates(seed_site: BuiltSite) -> None:
    en_only = ["cast-international-organizations-survey", "chongqing-rd-institution-mission",
               "taiyuan-cooperation-bases-meeting"]
    expected = {f"en/{PLAN}/index.html"} | {f"zh/{key}/index.html" for key in en_only}
    noindex = {r for r in seed_site.html_files() if seed_site.page(r).noindex}
    parallel = {r for r in noindex if r.endswith("/parallel/index.html")}
    assert parallel == {f"{code}/{doc}/parallel/index.html" for code in ("en", "zh")
                        for doc in ("issues/13", "about")}
    assert all(not seed_site.page(r).alternates for r in parallel)
    assert noindex - {"404.html"} - parallel == expected
    for rel in expected:
        page = seed_site.page(rel)
        assert not page.alternates, rel
        original = rel.replace("zh/", "en/") if rel.startswith("zh/") else f"zh/{PLAN}/index.html"
        links = [seed_site.resolve(a.get("href"), rel)[0] for a in page.main().find_all("a")]
        assert original in links, rel


def test_zh_issue_13_is_marked_as_a_translation_of_the_english_original(
        seed_site: BuiltSite) -> None:
    page = seed_site.page("zh/issues/13/index.html")
    note = page.doc.one(class_="translation-note")
    links = note.find_all("a")
    assert [seed_site.resolve(a.get("href"), page.rel)[0] for a in links] == \
        ["en/issues/13/index.html"]
    assert links[0].get("hreflang") == "en"
    assert not seed_site.page("en/issues/13/index.html").doc.find(class_="translation-note")


def _body_ids(seed_site: BuiltSite, rel: str) -> list[str]:
    body = seed_site.page(rel).doc.one("div", class_="issue-body")
    return [n.get("id") for n in body.iter() if n.tag in ("h2", "h3", "h4") and n.get("id")]


def test_issue_13_articles_have_the_same_ids_in_both_languages(seed_site: BuiltSite) -> None:
    en = _body_ids(seed_site, "en/issues/13/index.html")
    zh = _body_ids(seed_site, "zh/issues/13/index.html")
    assert en == zh
    assert set(ISSUE_13_ARTICLES) <= set(en)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_issue_13_toc_lists_all_seven_articles(seed_site: BuiltSite, lang: str) -> None:
    page = seed_site.page(f"{lang}/issues/13/index.html")
    toc = page.doc.one("nav", class_="toc")
    articles = [a.get("href") for ol in toc.find_all("ol", class_="toc-articles")
                for a in ol.find_all("a")]
    assert articles == ["#" + i for i in ISSUE_13_ARTICLES]
    h3 = [n.get("id") for n in page.doc.one("div", class_="issue-body").find_all("h3")]
    assert h3 == ISSUE_13_ARTICLES


def test_issue_13_dates_are_localized(seed_site: BuiltSite) -> None:
    en = seed_site.page("en/issues/13/index.html").doc.one("time", datetime="2016-07-15")
    zh = seed_site.page("zh/issues/13/index.html").doc.one("time", datetime="2016-07-15")
    assert en.text.strip() == "July 15, 2016"
    assert zh.text.strip() == "2016年7月15日"
