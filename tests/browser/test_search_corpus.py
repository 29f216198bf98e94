"""Search over a few hundred generated issues (the benchmark corpus, smaller): results stay in
the reader's language; an article's headline finds its issue among the first three, and
quoted (an exact phrase) first, with the hit on that article."""

from __future__ import annotations

import concurrent.futures
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sitecheck import REPO, build_site

if str(REPO) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.browser
ISSUES = 150  # per language
TITLE = re.compile(r"^### (.+?) \{#([a-z0-9-]+)\}$", re.MULTILINE)

SEARCH = """async (q) => {
  if (!window.__pf) window.__pf = await import(new URL('../../pagefind/pagefind.js',
                                                       location.href).href);
  const r = await window.__pf.search(q);
  const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  return {count: r.results.length, top: data.map((d) => d.url),
          subs: data.length ? data[0].sub_results.map((s) => s.url) : []};
}"""


@pytest.fixture(scope="session")
def corpus_url(serve: Callable[..., str], build_dir: Callable[[str], Path]) -> tuple[str, Path]:
    root = write_corpus(build_dir("corpus-src"), ISSUES, seed=3)
    (root / "themes").symlink_to(REPO / "themes")
    out = build_dir("corpus-out")
    url = serve(out)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # keep Playwright's loop apart
        pool.submit(build_site, root, out, base_url=url).result()
    return url, root


def unique_titles(root: Path, lang: str) -> list[tuple[str, int, str]]:
    """(title, issue number, anchor) for article titles that occur in exactly one issue."""
    seen: dict[str, list[tuple[int, str]]] = {}
    for number in range(1, ISSUES + 1):
        text = (root / f"content/{lang}/issues/{number}.md").read_text(encoding="utf-8")
        for title, anchor in TITLE.findall(text):
            seen.setdefault(title, []).append((number, anchor))
    return [(t, places[0][0], places[0][1]) for t, places in sorted(seen.items())
            if len(places) == 1][::7][:12]


# Measured on this corpus (seed 3, 150 issues a language): an article's headline, searched
# as plain words, puts its issue in the first three for 10 of 12 English and 10 of 12 Chinese
# headlines; as an exact phrase ("…") first for all 12 English ones but only 2 Chinese ones:
# Pagefind's phrase search does not work for Chinese (its query and index segmenters cut
# differently). The floors hold that quality; a ranking change that loses it fails here.
FLOORS = {"en": {"top3": 9, "exact_first": 12}, "zh": {"top3": 9, "exact_first": 0}}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_results_stay_in_language_and_rank_sanely(page, corpus_url: tuple[str, Path],
                                                  lang: str) -> None:
    url, root = corpus_url
    page.goto(url + f"{lang}/search/")
    titles = unique_titles(root, lang)
    assert len(titles) == 12
    base = "/" + url.split("/", 3)[3]
    top3 = exact_first = 0
    wrong_language = []
    for title, number, anchor in titles:
        want = f"{base}{lang}/issues/{number}/"
        loose = page.evaluate(SEARCH, title)
        exact = page.evaluate(SEARCH, f'"{title}"')
        top3 += want in loose["top"][:3]
        exact_first += bool(exact["top"]) and exact["top"][0] == want and (
            f"{want}#{anchor}" in exact["subs"])
        wrong_language += [u for r in (loose, exact) for u in r["top"]
                           if not u.startswith(f"{base}{lang}/")]
    assert not wrong_language
    print(f"{lang}: top-3 {top3}/12, exact phrase first {exact_first}/12")
    assert top3 >= FLOORS[lang]["top3"], f"headline in the first three: {top3}/12"
    assert exact_first >= FLOORS[lang]["exact_first"], f"exact phrase first: {exact_first}/12"
