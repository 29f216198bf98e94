"""What a reader of the seed site's search sees, in real Chromium: Chinese recall without
n-gram blocks, exact phrases, excerpts of real text with the whole query marked, the article
of a headline first, the language switch keeping the query, and `/` to search."""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest
from sitecheck import REPO

if str(REPO) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(REPO))

from benchmarks.recall import misses, pages, sample  # noqa: E402

pytestmark = pytest.mark.browser

# Every result's URL (all of them, not the first page), for exact-phrase queries.
ALL_URLS = """async (q) => {
  const pf = await import(new URL('../../pagefind/pagefind.js', location.href).href);
  const r = await pf.search(q);
  return (await Promise.all(r.results.map((x) => x.data()))).map((d) => d.url);
}"""
# The UI has rendered every result it shows: none is a loading placeholder any more.
RENDERED = ("document.querySelectorAll('.pagefind-ui__result').length > 0 && "
            "!document.querySelector('#search .pagefind-ui__loading')")
EXCERPTS = "[...document.querySelectorAll('.pagefind-ui__result-excerpt')].map(e => e.innerHTML)"


def _flat(text: str) -> str:
    """Text without spaces and the full stops Pagefind puts after headings: for comparing."""
    return re.sub(r"[\s.]+", "", text)


def test_chinese_recall_without_ngram_blocks(page, seed_url: str, seed_out: Path) -> None:
    queries = sample(pages(seed_out, "zh"), 300, seed=5)
    page.goto(seed_url + "zh/search/")
    missed = misses(page, seed_url + "pagefind/pagefind.js", queries)
    assert len(missed) <= 3, missed  # >= 99%


def _phrases(texts: dict[str, str], lang: str, count: int) -> list[str]:
    """Random phrases of the language's text: a clause of 4-12 Chinese characters between
    punctuation marks (a phrase a reader quotes is whole words, and a clause's ends are word
    ends), or 2-4 English words."""
    rng = random.Random(7)
    pattern = r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{4,12}(?![\u4e00-\u9fff])" \
        if lang == "zh" else r"(?<!\S)[A-Za-z]+(?: [A-Za-z]+){3,}"
    runs = sorted({run for text in texts.values() for run in re.findall(pattern, text)})
    phrases = []
    for run in rng.sample(runs, count):
        words = run.split(" ")
        size = min(len(words), rng.randint(2, 4))
        at = rng.randint(0, len(words) - size)
        phrases.append(" ".join(words[at:at + size]))
    return phrases


@pytest.mark.parametrize("lang,known", [
    ("zh", ["中俄创新对话机制", "科技部副部长阴和俊", "国际科技合作"]),
    ("en", ["Innovation Dialogue Mechanism", "Great Hall of the People", "the Belt and Road"])])
def test_quoted_phrases_find_exactly_the_pages_that_contain_them(
        page, seed_url: str, seed_out: Path, lang: str, known: list[str]) -> None:
    texts = pages(seed_out, lang)
    page.goto(seed_url + f"{lang}/search/")
    wrong = []
    for phrase in known + _phrases(texts, lang, 12):
        want = {url for url, text in texts.items()
                if re.sub(r"\s+", " ", phrase.lower()) in re.sub(r"\s+", " ", text.lower())}
        got = {url.removeprefix("/newsletter") for url in page.evaluate(ALL_URLS, f'"{phrase}"')}
        if got != want:
            wrong.append(f"{phrase!r}: found {sorted(got)}, contained in {sorted(want)}")
    assert not [w for w in wrong if w.split("'")[1] in known], "\n".join(wrong)
    # Pagefind matches a quoted phrase word by word, and may cut a Chinese query into other
    # words than the same characters in the page (高新技术: no page found, two contain it).
    # Measured: 11 of 12 random Chinese clauses, 12 of 12 English phrases.
    assert len(wrong) <= (1 if lang == "zh" else 0), "\n".join(wrong)


@pytest.mark.parametrize("lang,query", [("zh", "白俄罗斯"), ("zh", "科技创新合作"),
                                        ("zh", '"中俄创新对话机制"'), ("en", "Belarus"),
                                        ("en", '"dialogue mechanism"')])
def test_excerpts_are_real_text_with_the_whole_query_marked(
        page, seed_url: str, seed_out: Path, lang: str, query: str) -> None:
    needle = query.strip('"')
    text = _flat(" ".join(pages(seed_out, lang).values()))
    page.goto(seed_url + f"{lang}/search/?q={query}")
    page.wait_for_function(RENDERED)
    excerpts = page.evaluate(EXCERPTS)
    assert excerpts
    for excerpt in excerpts:
        marks = [m.lower() for m in re.findall(r"<mark>(.*?)</mark>", excerpt)]
        plain = re.sub(r"<[^>]+>", "", excerpt).replace("&amp;", "&")
        assert _flat(plain) in text, excerpt  # cut from the page, no n-gram debris
        if needle.lower() in plain.lower():  # the whole query, marked as one run
            assert marks and set(marks) == {needle.lower()}, excerpt
        else:  # a page with the query's words only: runs of its words
            assert marks and all(set(m) <= set(needle.lower()) for m in marks), excerpt
    assert not page.js_errors


@pytest.mark.parametrize("lang,headline,anchor", [
    ("zh", "中白推动地方合作", "china-belarus"), ("zh", "中俄建立创新对话机制", "china-russia"),
    ("en", "China, Belarus Promote Sub-national Cooperation", "china-belarus")])
def test_a_headline_finds_its_article_first(page, seed_url: str, lang: str, headline: str,
                                            anchor: str) -> None:
    page.goto(seed_url + f"{lang}/search/?q={headline}")
    page.wait_for_function(RENDERED)
    first = page.locator(".pagefind-ui__result-link").first.get_attribute("href")
    assert first.endswith(f"/{lang}/issues/13/#{anchor}"), first


def test_the_language_switch_keeps_the_query(page, seed_url: str) -> None:
    page.goto(seed_url + "zh/search/?q=合作")
    page.wait_for_function(RENDERED)
    switch = page.locator(".lang-switch a[hreflang='en']")
    assert "q=%E5%90%88%E4%BD%9C" in switch.get_attribute("href")
    page.fill(".pagefind-ui__search-input", "科技")
    page.wait_for_function("document.querySelector(\".lang-switch a[hreflang='en']\")"
                           ".href.includes('q=%E7%A7%91%E6%8A%80')")
    switch.click()
    page.wait_for_url("**/en/search/?q=*")
    page.wait_for_function("document.querySelector('.pagefind-ui__search-input')?.value === "
                           "'科技'")
    assert not page.js_errors


@pytest.mark.parametrize("path,box", [("zh/issues/13/", "site-search"),
                                      ("en/search/", "pagefind-ui__search-input")])
def test_slash_focuses_the_search_box(page, seed_url: str, path: str, box: str) -> None:
    page.goto(seed_url + path)
    page.wait_for_selector(f"#{box}" if box == "site-search" else f".{box}")
    page.keyboard.press("/")
    focused = page.evaluate("document.activeElement.id + ' ' + document.activeElement.className")
    assert box in focused, focused
    assert page.evaluate("document.activeElement.value") == ""  # the key is not typed
