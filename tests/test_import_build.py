"""An imported archive builds into a site whose search finds the imported articles in both
languages."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from importer_helpers import LEGACY, SEEDS, import_into, new_site
from sitecheck import build_site

NUMBERED = ["era1-n0-210.html", "era1-n0-211-typo.txt", "era3-no-6-flattened-toc.txt",
            "zh-13-big5-gateway.html", "gbk-read-as-latin1.txt", "announcement-zh.html",
            "damaged-zh.txt"]
MAGIC = b"pagefind_dcd"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not SEEDS.is_dir(), reason="the seeds are not on this machine")]


def _fragments(out: Path) -> dict[str, str]:
    """Indexed page URL -> its text, over every language's Pagefind bundle."""
    found = {}
    for path in out.rglob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(MAGIC):])
        found[data["url"]] = data["content"].replace("\u200b", "")  # Chinese word breaks
    return found


def test_imported_site_builds_and_search_finds_both_languages(tmp_path: Path) -> None:
    root = new_site(tmp_path / "site")
    code, _ = import_into(root, SEEDS, *(LEGACY / name for name in NUMBERED))
    assert code == 0
    out = build_site(root, tmp_path / "out" / "build")
    assert (out / "en/issues/210/index.html").is_file()
    assert (out / "zh/issues/13/index.html").is_file()
    html = (out / "en/issues/13/index.html").read_text("utf-8")
    assert 'id="china-russia-establish-innovation-dialogue-mechanism"' in html
    texts = _fragments(out)
    assert any("rice genome" in text for text in texts.values())
    assert any("统一战线的交流" in text for url, text in texts.items() if "/zh/" in url)


def test_numberless_issue_builds(tmp_path: Path) -> None:
    root = new_site(tmp_path / "site")
    import_into(root, LEGACY / "era2-numberless-2010-03-30.html")
    out = build_site(root, tmp_path / "out" / "build", search=False)
    assert (out / "en/issues/2010-03-30/index.html").is_file()
