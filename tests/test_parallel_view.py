"""The parallel view (中英对照) as a reader and a search engine meet it, and the translator's
warning when paragraphs will not pair."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from goodsite import newsletter, write

EN = ("---\nnumber: 1\ndate: 2020-01-01\n---\n\nIntro.\n\n## Section {#s}\n\n"
      "### Article {#a}\n\nFirst.\n\nSecond, with a note.[^1]\n\n### Only in English {#e}\n\n"
      "Alone.\n\n[^1]: The note.\n")
ZH = ("---\nnumber: 1\ndate: 2020-01-01\ntranslation_of: en\n---\n\n导言。\n\n## 栏目 {#s}\n\n"
      "### 文章 {#a}\n\n第一段。第二段。[^1]\n\n[^1]: 注释。\n")


def _site(site: Path) -> None:
    write(site, "content/en/issues/1.md", EN)
    write(site, "content/zh/issues/1.md", ZH)


def test_both_editions_get_a_parallel_page_paired_by_article(site: Path) -> None:
    _site(site)
    assert newsletter(site, "build", "--no-search").returncode == 0
    for code, other in (("en", "zh"), ("zh", "en")):
        page = (site / f"build/{code}/issues/1/parallel/index.html").read_text("utf-8")
        assert '<meta name="robots" content="noindex, follow">' in page
        assert "data-pagefind-body" not in page  # not in the search index: the editions are
        assert '<p>First.</p></div>\n      <div class="parallel-cell prose" lang="zh-CN">' \
            '<p>第一段。第二段。' in page
        assert '<div class="parallel-cell prose" lang="zh-CN"></div>' in page  # `e` alone
        ids = Counter(re.findall(r'\bid="([^"]+)"', page))
        assert not [i for i, n in ids.items() if n > 1], ids
        assert f'id="{other}-a"' in page and 'id="a"' in page  # this edition keeps its ids
        edition = (site / f"build/{code}/issues/1/index.html").read_text("utf-8")
        assert f'href="/newsletter/{code}/issues/1/parallel/"' in edition
    sitemap = (site / "build/sitemap.xml").read_text("utf-8")
    assert "/parallel/" not in sitemap
    # an issue in one language has no parallel view, and no toggle
    assert not (site / "build/en/issues/2/parallel").exists() or \
        (site / "build/zh/issues/2/index.html").exists()


def test_check_translations_warns_where_paragraphs_will_not_pair(site: Path) -> None:
    _site(site)
    result = newsletter(site, "check", "--translations")
    assert result.returncode == 0, result.stderr
    line = ZH.split("\n").index("### 文章 {#a}") + 1
    assert f"content/zh/issues/1.md:{line}: warning: article `a` has 2 paragraph(s)" \
        in result.stderr, result.stderr
    assert "content/en/issues/1.md" in result.stderr  # names the original
    fixed = ZH.replace("第一段。第二段。", "第一段。\n\n第二段。")
    write(site, "content/zh/issues/1.md", fixed)
    assert "warning: article" not in newsletter(site, "check", "--translations").stderr
