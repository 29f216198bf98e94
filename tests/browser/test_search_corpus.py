"""Search over a few hundred generated issues (the benchmark corpus, smaller): results stay in
the reader's language; an article's headline finds its issue first, as plain words and
quoted (an exact phrase), with the hit on that article. Searched with the module the
search page's UI uses (Pagefind's, with exact quoted phrases)."""

from __future__ import annotations

import concurrent.futures
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from phrases import EXACT, FOUND, TEXTS, holding
from sitecheck import BASE_PATH, REPO, build_site

if str(REPO) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import COUNTRIES, write_corpus  # noqa: E402
from benchmarks.recall import dates, misses, pages, sample  # noqa: E402
from generator.search import parts as search_parts  # noqa: E402

pytestmark = pytest.mark.browser
ISSUES = 150  # per language
Built = tuple[str, Path, Path]  # URL, site folder, output folder
TITLE = re.compile(r"^### (.+?) \{#([a-z0-9-]+)\}$", re.MULTILINE)

SEARCH = """async (q) => {
  if (!window.__pf) window.__pf = await import(new URL('../../static/exact/pagefind.js',
                                                       location.href).href);
  const r = await window.__pf.search(q);
  const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  return {count: r.results.length, top: data.map((d) => d.url),
          subs: data.length ? data[0].sub_results.map((s) => s.url) : []};
}"""


def _corpus(serve: Callable[..., str], build_dir: Callable[[str], Path], name: str,
            issues: int, pages_per_part: int) -> Built:
    """(URL, site folder, output folder) of a generated corpus built with search."""
    root = write_corpus(build_dir(f"{name}-src"), issues, seed=3)
    (root / "themes").symlink_to(REPO / "themes")
    out = build_dir(f"{name}-out")
    url = serve(out)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_parts, "PAGES_PER_PART", pages_per_part)
        with concurrent.futures.ThreadPoolExecutor(1) as pool:  # keep Playwright's loop apart
            pool.submit(build_site, root, out, base_url=url).result()
    return url, root, out


@pytest.fixture(scope="session")
def corpus_url(serve: Callable[..., str], build_dir: Callable[[str], Path]) -> Built:
    return _corpus(serve, build_dir, "corpus", ISSUES, search_parts.PAGES_PER_PART)


# A split pays off from a thousand Chinese pages (search_parts); here a smaller corpus is split
# in two parts of about 200 pages, larger than the 100 under which parts ranked worse.
SPLIT_ISSUES = 400


@pytest.fixture(scope="session")
def big_corpus_url(serve: Callable[..., str], build_dir: Callable[[str], Path]) -> Built:
    return _corpus(serve, build_dir, "big-corpus", SPLIT_ISSUES, search_parts.PAGES_PER_PART)


@pytest.fixture(scope="session")
def split_corpus_url(serve: Callable[..., str],
                     build_dir: Callable[[str], Path]) -> Built:
    """The big corpus with its Chinese index in two parts (search_parts)."""
    return _corpus(serve, build_dir, "split-corpus", SPLIT_ISSUES, 210)


def unique_titles(root: Path, lang: str, step: int = 7,
                  count: int = 12) -> list[tuple[str, int, str]]:
    """(title, issue number, anchor) for article titles that occur in exactly one issue:
    every `step`-th of them in title order, `count` at most."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for path in (root / f"content/{lang}/issues").glob("*.md"):
        for title, anchor in TITLE.findall(path.read_text(encoding="utf-8")):
            seen.setdefault(title, []).append((int(path.stem), anchor))
    return [(t, places[0][0], places[0][1]) for t, places in sorted(seen.items())
            if len(places) == 1][::step][:count]


# Measured on this corpus (seed 3, 150 issues a language), 12 headlines a language: as plain
# words, first 12 and in the first three 12, in both languages (Pagefind's own ranking,
# which weighs the words of the whole page: first 6, first three 10); as an exact phrase
# ("…") first, with the hit on its article, 12 in both (Pagefind's own phrase search: 9 of
# the Chinese ones, its query and page segmenters cutting some headlines differently). The
# floors hold that quality; a ranking change that loses it fails here.
FLOORS = {"en": {"top3": 11, "first": 11, "exact_first": 12},
          "zh": {"top3": 11, "first": 11, "exact_first": 12}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_results_stay_in_language_and_rank_sanely(page, corpus_url: Built,
                                                  lang: str) -> None:
    url, root, _ = corpus_url
    page.goto(url + f"{lang}/search/")
    page.wait_for_selector(".pagefind-ui__search-input")
    titles = unique_titles(root, lang)
    assert len(titles) == 12
    base = "/" + url.split("/", 3)[3]
    top3 = first = exact_first = 0
    wrong_language = []
    for title, number, anchor in titles:
        want = f"{base}{lang}/issues/{number}/"
        loose = page.evaluate(SEARCH, title)
        exact = page.evaluate(SEARCH, f'"{title}"')
        top3 += want in loose["top"][:3]
        first += bool(loose["top"]) and loose["top"][0] == want
        exact_first += bool(exact["top"]) and exact["top"][0] == want and (
            f"{want}#{anchor}" in exact["subs"])
        wrong_language += [u for r in (loose, exact) for u in r["top"]
                           if not u.startswith(f"{base}{lang}/")]
    assert not wrong_language
    print(f"{lang}: top-3 {top3}/12, first {first}/12, exact phrase first {exact_first}/12")
    assert top3 >= FLOORS[lang]["top3"], f"headline in the first three: {top3}/12"
    assert first >= FLOORS[lang]["first"], f"headline first: {first}/12"
    assert exact_first >= FLOORS[lang]["exact_first"], f"exact phrase first: {exact_first}/12"


# The URLs of each query's first results: [query, how many] pairs.
FIRST = f"""async ([queries, options]) => {{
  const pf = await {EXACT};
  const first = [];
  for (const [q, count] of queries) {{
    const r = await pf.search(q, options);
    first.push(await Promise.all(r.results.slice(0, count).map(async (x) => (await x.data()).url)));
  }}
  return first;
}}"""


def test_a_split_index_finds_and_ranks_as_the_whole_one(page, big_corpus_url: Built,
                                                        split_corpus_url: Built
                                                        ) -> None:
    """The search page merges the parts of a split Chinese index before its first search:
    every query finds every page that holds it, those first, as over the whole index; the
    headlines rank as well, and the filters count every part. (Pagefind's own further
    results, pages with some of a query's characters, may differ: it looks a word up whole in
    a part whose dictionary has it, by its characters in another.)"""
    titles = unique_titles(big_corpus_url[1], "zh", step=15, count=20)
    queries = [title for title, _, _ in titles] + sorted(
        {country[2] for country in COUNTRIES})[:4]
    wrong: list[str] = []
    filters: dict[str, dict] = {}
    top3: dict[str, int] = {}
    for name, (url, _, out) in (("whole", big_corpus_url), ("split", split_corpus_url)):
        page.goto(url + "zh/search/")
        page.wait_for_selector(".pagefind-ui__search-input")  # started: the parts merged
        base = "/" + url.split("/", 3)[3]
        indexed = pages(out, "zh")
        texts = {base + path[1:]: text for path, text in indexed.items()}
        holders = {query: holding(texts, query) for query in queries}
        # (as many results as pages hold the query: they must be those pages)
        found = page.evaluate(FIRST, [[[q, max(3, len(holders[q]))] for q in queries], {}])
        filters[name] = page.evaluate("async () => await (await " + EXACT + ").filters()")
        top3[name] = sum(f"{base}zh/issues/{number}/" in urls[:3]
                         for urls, (_, number, _) in zip(found[:len(titles)], titles, strict=True))
        wrong += [f"{name}: {query}: {len(holders[query] & set(urls))} of the "
                  f"{len(holders[query])} pages that hold it first"
                  for query, urls in zip(queries, found, strict=True)
                  if set(urls[:len(holders[query])]) != holders[query]]
    assert page.locator("#search").get_attribute("data-merge") == f"{BASE_PATH}pagefind-zh-2/"
    # Newest first over the merged parts (the page is the split index's now), in date order:
    # Pagefind sorts merged results by relevance, and the search page by the parts' dates.
    days = {base + path[1:]: day for path, day in dates(out, indexed).items()}
    words = queries[len(titles):]
    newest = page.evaluate(FIRST, [[[word, len(holders[word])] for word in words],
                                   {"sort": {"date": "desc"}}])
    wrong += [f"newest first: {word}: {[days.get(u) for u in urls[:5]]}…"
              for word, urls in zip(words, newest, strict=True)
              if [days.get(u) for u in urls] != sorted((days[u] for u in holders[word]),
                                                       reverse=True)]
    assert not wrong, "\n".join(wrong)
    print(f"headline in the first three, of 20: whole {top3['whole']}, split {top3['split']}")
    assert top3["split"] >= top3["whole"] - 1, top3
    assert filters["split"] == filters["whole"] and filters["split"], filters
    assert not page.js_errors


def test_chinese_recall_on_a_generated_corpus(page, corpus_url: Built) -> None:
    """>= 99% of random 2-8 character substrings of the Chinese text find their page (the
    benchmark measures 1,000 on 500 issues: benchmarks/README.md)."""
    url, _, out = corpus_url
    queries = sample(pages(out, "zh"), 300, seed=11)
    page.goto(url + "zh/search/")
    missed = misses(page, url + "pagefind/pagefind.js", queries)
    assert len(missed) <= 3, missed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quoted_phrases_find_exactly_their_pages_on_a_generated_corpus(
        page, corpus_url: Built, lang: str) -> None:
    """Random substrings of the pages' text in quotes (Chinese: 2-8 characters, most cutting
    a word; English: 1-4 words) find exactly the pages that hold them, newest first too. The
    benchmark measures 300 on 500 issues: Pagefind's own phrase search 51%, this 100%
    (benchmarks/README.md)."""
    url, _, out = corpus_url
    page.goto(url + f"{lang}/search/")
    texts = page.evaluate(TEXTS)
    rng = random.Random(13)
    # Phrases that begin or end inside a word ("领域的最新", "科技成果"): their words alone
    # missed some of their pages.
    phrases = ["方还商定", "步作"] if lang == "zh" else []
    while len(phrases) < 40:
        text = texts[rng.choice(sorted(texts))]
        if lang == "zh":
            runs = re.findall(r"[\u4e00-\u9fff]{2,}", text)
            run = rng.choice(runs)
            size = min(len(run), rng.randint(2, 8))
            at = rng.randint(0, len(run) - size)
            phrases.append(run[at:at + size])
        else:
            words = re.findall(r"[A-Za-z]+", text)
            size = rng.randint(1, 4)
            at = rng.randint(0, len(words) - size)
            phrase = " ".join(words[at:at + size])
            if holding(texts, phrase):  # (words a punctuation mark parts are not a phrase)
                phrases.append(phrase)
    found = page.evaluate(FOUND, [f'"{phrase}"' for phrase in phrases])
    wrong = [f"{phrase!r}: {len(urls)} found, {len(holding(texts, phrase))} hold it"
             for phrase, urls in zip(phrases, found, strict=True)
             if set(urls) != holding(texts, phrase)]
    # newest first too, in date order (a phrase's further searches found some of its pages)
    base = "/" + url.split("/", 3)[3]
    days = {base + path[1:]: day for path, day in dates(out, pages(out, lang)).items()}
    newest = page.evaluate(FIRST, [[[f'"{phrase}"', len(texts)] for phrase in phrases[:10]],
                                   {"sort": {"date": "desc"}}])
    wrong += [f"{phrase!r} newest first: {len(urls)} pages, dated {[days.get(u) for u in urls]}"
              for phrase, urls in zip(phrases[:10], newest, strict=True)
              if set(urls) != holding(texts, phrase) or [days.get(u) for u in urls] != sorted(
                  (days.get(u) for u in urls), reverse=True)]
    assert all(holding(texts, phrase) for phrase in phrases[:2])
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quotation_marks_of_chinese_input_methods_quote_a_phrase(
        page, corpus_url: Built, lang: str) -> None:
    """A Chinese input method types “…” (or 「…」, ＂…＂) for quotes, and a phrase pasted from
    a word processor comes in curly quotes: each finds exactly the pages that hold the
    phrase, as "…" does. Phrases on few pages: their words alone are on many more."""
    url, _, _ = corpus_url
    page.goto(url + f"{lang}/search/")
    texts = page.evaluate(TEXTS)
    rng = random.Random(17)
    phrases = ["步作"] if lang == "zh" else []
    while len(phrases) < 6:
        text = texts[rng.choice(sorted(texts))]
        if lang == "zh":
            run = rng.choice(re.findall(r"[\u4e00-\u9fff]{6,}", text))
            phrase = run[:6]
        else:
            words = re.findall(r"[A-Za-z]+", text)
            at = rng.randint(0, len(words) - 3)
            phrase = " ".join(words[at:at + 3])
        if 0 < len(holding(texts, phrase)) <= len(texts) // 2:
            phrases.append(phrase)
    quoted = [(quotes, phrase) for quotes in (["“”", "「」", "『』", "＂＂", '"”'] if lang == "zh"
                                              else ["“”"]) for phrase in phrases]
    found = page.evaluate(FOUND, [quotes[0] + phrase + quotes[1] for quotes, phrase in quoted])
    wrong = [f"{quotes[0]}{phrase}{quotes[1]}: {len(urls)} found, "
             f"{len(holding(texts, phrase))} hold it"
             for (quotes, phrase), urls in zip(quoted, found, strict=True)
             if set(urls) != holding(texts, phrase)]
    assert not wrong, "\n".join(wrong)




@pytest.mark.parametrize("options", [{}, {"sort": {"date": "desc"}}])
def test_a_chinese_query_finds_first_the_pages_that_hold_it(page, corpus_url: Built,
                                                           options: dict) -> None:
    """Random runs of 3-8 Chinese characters, unquoted (most cut through a word): the first
    results hold the query as typed, by relevance and newest first. Pagefind finds a Chinese
    word it did not index by its characters, any of them: by relevance it ranked a page
    without the query first for about one such query in eight, and newest first such pages
    came first (benchmarks/README.md)."""
    url, _, _ = corpus_url
    page.goto(url + "zh/search/")
    texts = page.evaluate(TEXTS)
    rng = random.Random(19)
    queries: list[str] = []
    while len(queries) < 20:
        run = rng.choice(re.findall(r"[\u4e00-\u9fff]{3,}", texts[rng.choice(sorted(texts))]))
        size = min(len(run), rng.randint(3, 8))
        at = rng.randint(0, len(run) - size)
        if len(holding(texts, run[at:at + size])) < len(texts) // 2:  # not on every page
            queries.append(run[at:at + size])
    first = page.evaluate(FIRST, [[[query, 3] for query in queries], options])
    wrong = [f"{query}: first {urls}, {len(holding(texts, query))} pages hold it"
             for query, urls in zip(queries, first, strict=True)
             if not set(urls[:len(holding(texts, query))]) <= holding(texts, query)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("options", [{}, {"sort": {"date": "desc"}}])
def test_a_chinese_word_finds_every_page_that_holds_it(page, corpus_url: Built,
                                                       options: dict) -> None:
    """The corpus's country and capital names, unquoted, find every page that holds them, by
    relevance and newest first (then in date order). Pagefind looks a word of its dictionary
    up whole, and missed the pages that cut it otherwise (白俄|罗斯) or hold it inside a
    longer word (俄罗斯 in 白俄罗斯)."""
    url, _, out = corpus_url
    page.goto(url + "zh/search/")
    base = "/" + url.split("/", 3)[3]
    indexed = pages(out, "zh")
    texts = {base + path[1:]: text for path, text in indexed.items()}
    days = {base + path[1:]: day for path, day in dates(out, indexed).items()}
    words = sorted({name for country in COUNTRIES for name in (country[2], country[4])
                    if len(name) >= 3 and holding(texts, name)})
    found = page.evaluate(FIRST, [[[word, len(texts)] for word in words], options])
    wrong = [f"{word}: {len(set(urls) & holding(texts, word))} of the "
             f"{len(holding(texts, word))} pages that hold it"
             for word, urls in zip(words, found, strict=True)
             if not holding(texts, word) <= set(urls)]
    if options:
        wrong += [f"{word}: not in date order" for word, urls in zip(words, found, strict=True)
                  if [days[u] for u in urls[:len(holding(texts, word))]] != sorted(
                      (days[u] for u in holding(texts, word)), reverse=True)]
    assert not wrong, "\n".join(wrong)
