"""The parallel view (中英对照) as a reader uses it: reached from the edition toggle, two
columns side by side on a wide screen, each pair stacked on a phone, readable without script."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _boxes(page, row: int) -> list[dict]:
    """The bounding boxes of the two cells of the `row`-th paired row (both cells filled)."""
    return page.evaluate("""(n) => {
        const rows = [...document.querySelectorAll('.parallel-row')].filter(r =>
            [...r.querySelectorAll('.parallel-cell')].every(c => c.innerHTML.trim()));
        return [...rows[n].querySelectorAll('.parallel-cell')].map(c => {
            const b = c.getBoundingClientRect();
            return {x: b.x, y: b.y, w: b.width, h: b.height, lang: c.lang};
        });
    }""", row)


def test_the_toggle_leads_to_the_view_and_back(page, seed_url: str) -> None:
    page.goto(seed_url + "zh/issues/13/")
    page.click("nav.edition-toggle >> text=对照")
    page.wait_for_url(re.compile(r"/newsletter/zh/issues/13/parallel/$"))
    assert page.locator("nav.edition-toggle [aria-current=page]").inner_text() == "对照"
    page.click("nav.edition-toggle a[hreflang=en]")
    page.wait_for_url(re.compile(r"/newsletter/en/issues/13/$"))


@pytest.mark.parametrize("javascript", [True, False])
def test_wide_screens_show_the_editions_side_by_side(chromium, seed_url: str,
                                                     javascript: bool) -> None:
    context = chromium.new_context(viewport={"width": 1280, "height": 900},
                                   java_script_enabled=javascript)
    page = context.new_page()
    page.goto(seed_url + "en/issues/13/parallel/")
    left, right = _boxes(page, 3)
    assert (left["lang"], right["lang"]) == ("en", "zh-CN")
    assert right["x"] >= left["x"] + left["w"]  # beside, not below
    assert abs(left["y"] - right["y"]) < 1  # the pair starts on one line
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    context.close()


def test_phones_stack_each_pair(chromium, seed_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(seed_url + "zh/issues/13/parallel/")
    first, second = _boxes(page, 3)
    assert second["y"] >= first["y"] + first["h"]  # below its partner
    assert abs(first["x"] - second["x"]) < 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
