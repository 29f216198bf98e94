"""Reader journeys in real Chromium: language switch, prev/next, search."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest

pytestmark = pytest.mark.browser


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def _lang(page) -> str:
    return page.evaluate("document.documentElement.lang")


def test_language_switch_goes_to_the_same_issue_and_back(page, seed_url: str) -> None:
    page.goto(seed_url + "en/issues/13/")
    assert _lang(page) == "en"
    page.click("nav.lang-switch a[hreflang=zh-CN]")
    page.wait_for_url(re.compile(r"/newsletter/zh/issues/13/$"))
    assert _path(page.url) == "/newsletter/zh/issues/13/"
    assert _lang(page) == "zh-CN"
    page.click("nav.lang-switch a[hreflang=en]")
    page.wait_for_url(re.compile(r"/newsletter/en/issues/13/$"))
    assert _path(page.url) == "/newsletter/en/issues/13/"
    assert _lang(page) == "en"


def test_language_switch_keeps_the_article_anchor(page, seed_url: str) -> None:
    """site.js carries the #fragment over to the other language (same ids in both)."""
    page.goto(seed_url + "en/issues/13/#china-russia")
    page.click("nav.lang-switch a[hreflang=zh-CN]")
    page.wait_for_url(re.compile(r"/newsletter/zh/issues/13/"))
    assert _path(page.url) == "/newsletter/zh/issues/13/#china-russia"
    assert page.locator("#china-russia").is_visible()


def test_rel_next_and_prev_walk_the_issues(page, fixture_url: str) -> None:
    page.goto(fixture_url + "en/issues/1/")
    assert page.locator("a[rel=prev]").count() == 0
    visited = ["/newsletter/en/issues/1/"]
    while page.locator("a[rel=next]").count():
        page.click("a[rel=next]")
        page.wait_for_load_state()
        visited.append(_path(page.url))
    assert visited == [f"/newsletter/en/issues/{n}/" for n in (1, 2, 3, 5, 6, 7)]
    page.click("a[rel=prev]")
    page.wait_for_url(re.compile(r"/newsletter/en/issues/6/$"))
    page.click("a[rel=prev]")
    page.wait_for_url(re.compile(r"/newsletter/en/issues/5/$"))


def test_missing_page_gets_the_404_page(page, seed_url: str) -> None:
    response = page.goto(seed_url + "en/no-such-page/")
    assert response.status == 404
    assert page.locator("section[lang=zh-CN]").count() == 1


def _search_results(page, timeout: int = 15_000) -> list[str]:
    """The result links once every result shown has loaded (Pagefind UI fills its results in
    one by one: reading at the first link would miss the others)."""
    page.wait_for_function("""() => {
        const results = [...document.querySelectorAll('.pagefind-ui__result')];
        return results.length > 0 && !document.querySelector('.pagefind-ui__loading')
            && results.every(r => r.querySelector('.pagefind-ui__result-link'));
    }""", timeout=timeout)
    links = page.locator(".pagefind-ui__result-link")
    return [_path(links.nth(i).get_attribute("href") or "") for i in range(links.count())]


def _search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for(timeout=10_000)
    box.fill(query)
    return _search_results(page)


@pytest.mark.parametrize("query", ["加拿大", "创新"])
def test_chinese_search_finds_issue_13(page, seed_url: str, query: str) -> None:
    results = _search(page, seed_url + "zh/search/", query)
    assert "/newsletter/zh/issues/13/" in [r.split("#")[0] for r in results], results
    assert all(r.startswith("/newsletter/zh/") for r in results), results
    assert not page.js_errors


def test_english_search_finds_issue_13_and_no_chinese_pages(page, seed_url: str) -> None:
    results = _search(page, seed_url + "en/search/", "Belarus")
    assert "/newsletter/en/issues/13/" in [r.split("#")[0] for r in results], results
    assert all(r.startswith("/newsletter/en/") for r in results), results
    assert not page.js_errors


def test_search_page_runs_the_query_from_the_url(page, seed_url: str) -> None:
    page.goto(seed_url + "zh/search/?q=" + quote("合作"))
    results = _search_results(page)
    assert results and all(r.startswith("/newsletter/zh/") for r in results), results
    assert page.locator(".pagefind-ui__search-input").input_value() == "合作"


def test_header_search_box_submits_to_the_search_page(page, seed_url: str) -> None:
    page.goto(seed_url + "en/issues/13/")
    page.fill("#site-search", "Belarus")
    page.press("#site-search", "Enter")
    page.wait_for_url(re.compile(r"/newsletter/en/search/\?q=Belarus"))
    assert "/newsletter/en/issues/13/" in [r.split("#")[0] for r in _search_results(page)]
