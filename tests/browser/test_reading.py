"""What a reader does on a phone (390 px) and a desktop (1280 px): keep their place across
languages, arrive by deep link, fold the contents, read a wide table, read an untranslated
document. Real Chromium; every wait is for a condition, none for a time."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}


@pytest.fixture(params=sorted(WIDTHS))
def reader(request, seed_url: str, fixture_url: str, open_tab) -> Iterator[object]:
    """A tab at the width the test is parametrized with, its JavaScript errors collected."""
    context, tab = open_tab(viewport={
        "width": WIDTHS[request.param], "height": 844 if request.param == "phone" else 900})
    yield tab
    assert tab.js_errors == []
    context.close()


def _top(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")


def _in_upper_half(page, selector: str) -> bool:
    top = _top(page, selector)
    return 0 <= top <= page.evaluate("window.innerHeight") / 2


def test_the_switch_follows_the_article_in_view(reader, seed_url: str) -> None:
    """Scrolling (no click on the contents) to an article, then switching language, lands
    on the same article in the other language."""
    reader.goto(seed_url + "en/issues/13/")
    reader.evaluate("document.getElementById('china-belarus').scrollIntoView()")
    switch = "nav.lang-switch a[hreflang=zh-CN]"
    reader.wait_for_function(
        f"document.querySelector({switch!r}).href.endsWith('#china-belarus')")
    assert reader.locator(switch).is_visible()  # on a phone it floats within reach
    reader.click(switch)
    reader.wait_for_url(re.compile(r"/zh/issues/13/#china-belarus$"))
    reader.wait_for_load_state("load")
    assert _in_upper_half(reader, "#china-belarus")


def test_the_switch_stays_reachable_down_a_long_page(reader, seed_url: str) -> None:
    reader.goto(seed_url + "zh/international-cooperation-12th-five-year-plan/")
    reader.evaluate("document.getElementById('part-3-4').scrollIntoView()")
    link = reader.locator("nav.lang-switch a[hreflang=en]")
    if reader.viewport_size["width"] < 700:
        box = link.bounding_box()
        assert box is not None and 0 <= box["y"] <= reader.viewport_size["height"] - box["height"]
    reader.wait_for_function("document.querySelector('nav.lang-switch a[hreflang=en]')"
                             ".href.endsWith('#part-3-4')")


def test_a_deep_link_lands_at_once(reader, seed_url: str) -> None:
    """No smooth scrolling on arrival: at `load` the target is already at the top, just
    below the band that sticks there on wide screens."""
    reader.goto(seed_url + "en/issues/13/#project-mechanism", wait_until="load")
    assert reader.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    stuck = max(0, reader.evaluate("document.querySelector('.band').getBoundingClientRect()"
                                   ".bottom"))
    assert stuck <= _top(reader, "#project-mechanism") < stuck + 60


@pytest.mark.parametrize("motion, smooth", [("no-preference", True), ("reduce", False)])
def test_in_page_clicks_scroll_smoothly_unless_motion_is_reduced(
        chromium, seed_url: str, motion: str, smooth: bool) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900},
                                   reduced_motion=motion)
    tab = context.new_page()
    tab.goto(seed_url + "en/issues/13/")
    # How the page scrolls, read while it scrolls (the smoothness ends with the scroll).
    tab.evaluate("""addEventListener('scroll', () => { window.seen = getComputedStyle(
        document.documentElement).scrollBehavior; }, {once: true})""")
    tab.click(".toc a[href='#china-ukraine']")
    tab.wait_for_function("window.seen !== undefined")
    behaviour = tab.evaluate("window.seen")
    context.close()
    assert behaviour == ("smooth" if smooth else "auto")


def test_issue_contents_fold_on_phones_and_mark_the_article_on_desktops(
        reader, seed_url: str) -> None:
    reader.goto(seed_url + "en/issues/13/")
    articles = reader.locator(".toc-articles")
    first_paragraph = _top(reader, ".issue-body p")
    if reader.viewport_size["width"] < 700:
        assert not articles.first.is_visible()
        assert first_paragraph < 844  # was 1,357 px with the contents open
        reader.click(".toc summary")
        assert articles.first.is_visible()
        return
    assert articles.first.is_visible()
    reader.evaluate("document.getElementById('china-russia').scrollIntoView()")
    reader.wait_for_function(
        "document.querySelector('.toc a[href=\"#china-russia\"]')"
        ".getAttribute('aria-current') === 'true'")
    assert reader.locator(".toc a[aria-current]").count() == 1


def test_a_wide_table_scrolls_inside_its_wrapper(reader, fixture_url: str) -> None:
    reader.goto(fixture_url + "zh/bulletin/")
    width = reader.viewport_size["width"]
    assert reader.evaluate("document.documentElement.scrollWidth") == width
    wrapper = reader.locator(".table-wrap")
    assert wrapper.count() == 1
    if width < 700:  # seven columns do not fit a phone: the table scrolls, not the page
        assert wrapper.evaluate("w => w.scrollWidth > w.clientWidth")


def test_a_stand_in_shows_the_original_under_its_notice(reader, seed_url: str) -> None:
    reader.goto(seed_url + "en/international-cooperation-12th-five-year-plan/")
    original = reader.locator("article.original[lang=zh-CN]")
    assert original.locator("h1").inner_text().startswith("国际科技合作")
    assert original.locator("time").inner_text() == "2012年4月18日"
    assert original.locator(".prose p").count() > 20
    assert reader.locator(".notice").is_visible()
    link = reader.locator("nav.lang-switch a[hreflang=zh-CN]")
    assert link.get_attribute("class") is None  # not marked unavailable
    reader.evaluate("document.getElementById('part-1').scrollIntoView()")
    reader.wait_for_function("document.querySelector('nav.lang-switch a[hreflang=zh-CN]')"
                             ".href.endsWith('/zh/international-cooperation-12th-five-year-plan/"
                             "#part-1')")


def test_heading_anchors_link_to_their_heading(reader, seed_url: str) -> None:
    reader.goto(seed_url + "en/issues/13/")
    anchor = reader.locator("#china-russia > a.heading-anchor")
    assert anchor.get_attribute("href") == "#china-russia"
    anchor.focus()
    assert anchor.evaluate("a => getComputedStyle(a).opacity") == "1"
