"""The Pagefind bundle, read back without a browser: one index per language, and every
result URL (as the Pagefind UI builds it) is a page of the site."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from sitecheck import BuiltSite

MAGIC = b"pagefind_dcd"


def _fragments(site: BuiltSite) -> list[tuple[str, dict]]:
    """(language of the index, decoded fragment) for every indexed page."""
    found = []
    for path in sorted((site.root / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(MAGIC), path.name
        found.append((path.name.split("_", 1)[0], json.loads(data[len(MAGIC):])))
    return found


def _ui_base_url(site: BuiltSite, lang: str) -> str:
    """The Pagefind UI's default baseUrl: the bundle path without `pagefind/` (search.js sets
    no baseUrl of its own)."""
    bundle = site.page(f"{lang}/search/index.html").doc.one(id="search").get("data-bundle")
    assert bundle == site.base_path + "pagefind/"
    match = re.match(r"^(.*/)_?pagefind", bundle)
    return match.group(1) if match else "/"


def _full_url(base_url: str, raw: str) -> str:
    """pagefind.js fullUrl(): `${baseUrl}/${raw}` with repeated slashes collapsed."""
    return re.sub(r"/+", "/", f"{base_url}/{raw}")


def test_one_index_per_language(seed_site: BuiltSite) -> None:
    entry = json.loads((seed_site.root / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"en", "zh-cn"}
    counts = {lang: 0 for lang in entry["languages"]}
    for lang, _ in _fragments(seed_site):
        counts[lang] += 1
    assert counts == {lang: v["page_count"] for lang, v in entry["languages"].items()}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_search_result_urls_resolve_to_pages_in_the_language(seed_site: BuiltSite,
                                                             lang: str) -> None:
    index = {"en": "en", "zh": "zh-cn"}[lang]
    base_url = _ui_base_url(seed_site, lang)
    problems = []
    fragments = [f for i, f in _fragments(seed_site) if i == index]
    assert fragments
    for fragment in fragments:
        url = _full_url(base_url, fragment["url"])
        file, _ = seed_site.resolve(url)
        if not seed_site.exists(file) or not file.startswith(f"{lang}/"):
            problems.append(f"indexed {fragment['url']!r} -> the UI links {url!r}: "
                            f"{file} is not a {lang} page of the build")
            continue
        ids = seed_site.page(file).ids
        problems += [f"{url}#{a['id']}: no such id" for a in fragment.get("anchors", [])
                     if a.get("id") and a["id"] not in ids]
    assert not problems, "\n".join(problems)


def test_issues_and_pages_are_indexed_but_not_stand_ins_or_lists(seed_site: BuiltSite) -> None:
    # below the site root, whether or not the indexed URL carries the base path
    indexed = {f["url"].lstrip("/").removeprefix(seed_site.base_path.strip("/") + "/")
               for _, f in _fragments(seed_site)}
    assert {"en/issues/13/", "zh/issues/13/", "en/about/", "zh/about/",
            "zh/international-cooperation-12th-five-year-plan/"} <= indexed
    noindex = {r.removesuffix("index.html") for r in seed_site.html_files()
               if seed_site.page(r).noindex}
    assert not indexed & noindex, "stand-ins must not be searchable"
    assert not {u for u in indexed if "/search/" in u or u.endswith("/issues/")}


def test_the_page_chrome_is_not_indexed(seed_site: BuiltSite) -> None:
    """A page's text in the index is its own: not the edition toggle (every page would then
    hold "English 中文 对照") nor the reading time ("阅读约3分钟", "5 min read")."""
    for _, fragment in _fragments(seed_site):
        text = fragment["content"].replace("\u200b", "")  # (Pagefind's Chinese word breaks)
        assert not re.search(r"English 中文|中文 English|阅读约|min read", text), (
            fragment["url"], text[:200])
