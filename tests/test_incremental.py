"""Rebuilds from the cache give exactly what a clean build gives; parallel parsing gives
exactly what serial parsing gives; a damaged cache or output never yields a wrong site."""

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import loading
from generator.build import Options, build

ROOT = Path(__file__).resolve().parents[1]
ISSUE = ("---\nnumber: {n}\ndate: 2015-{m:02d}-01\nsummary: Issue {n}.\n---\n\n"
         "## News {{#news}}\n\n### Item {n} {{#item}}\n\n"
         "Text of issue {n}, see [the first](1.md#item).\n")


def tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def site(tmp_path) -> Path:
    for name in ("site.yaml", "content", "themes"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    for n in range(1, 13):  # a dozen more issues, so prev/next and archives have work to do
        (tmp_path / f"content/en/issues/{n}.md").write_text(ISSUE.format(n=n, m=n),
                                                             encoding="utf-8")
    return tmp_path


def run(site: Path, out: str, **options) -> object:
    return build(Options(site, site / out, search=False, **options))


def test_edit_rebuild_equals_clean_build(site):
    run(site, "build")
    issue = site / "content/en/issues/5.md"
    issue.write_text(issue.read_text(encoding="utf-8").replace("Item 5", "Item five"),
                     encoding="utf-8")
    report = run(site, "build")
    assert not report.unchanged
    assert report.stages["load+markdown"] < 5  # 1 file parsed, the rest from the cache
    run(site, "clean", cache=False)
    assert tree(site / "build") == tree(site / "clean")
    assert "Item five" in (site / "build/en/issues/5/index.html").read_text(encoding="utf-8")
    # the neighbours' prev/next and the archive changed with it
    assert "Item five" not in (site / "build/en/issues/6/index.html").read_text(encoding="utf-8")


def test_no_change_rebuild_writes_nothing(site):
    run(site, "build")
    before = {p: p.stat().st_mtime_ns for p in (site / "build").rglob("*") if p.is_file()}
    report = run(site, "build")
    assert report.unchanged and report.pages == {"en": 24, "zh": 23}
    assert before == {p: p.stat().st_mtime_ns for p in (site / "build").rglob("*")
                      if p.is_file()}
    # an output file changed by hand is not "up to date"
    (site / "build/robots.txt").write_text("tampered", encoding="utf-8")
    assert not run(site, "build").unchanged
    assert (site / "build/robots.txt").read_text(encoding="utf-8") != "tampered"
    # nor is a changed option
    assert not run(site, "build", drafts=True).unchanged


def test_corrupt_cache_falls_back_to_a_full_build(site):
    run(site, "build")
    for cache in (site / ".cache/newsletter").iterdir():
        cache.write_bytes(b"\x80garbage" + cache.read_bytes()[:100])
    issue = site / "content/en/issues/3.md"
    issue.write_text(issue.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    run(site, "build")
    run(site, "clean", cache=False)
    assert tree(site / "build") == tree(site / "clean")


def test_parallel_parsing_equals_serial(site, monkeypatch):
    monkeypatch.setattr(loading, "PARALLEL_FROM", 10**9)
    run(site, "serial", cache=False)
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    monkeypatch.setattr(loading, "workers", lambda: 2)
    run(site, "parallel", cache=False)
    assert tree(site / "serial") == tree(site / "parallel")
