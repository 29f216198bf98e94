"""A small good site to break, and the command line to run on it: shared by the tests of
editor mistakes (test_bad_input.py) and of faults (test_faults.py)."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOOD_ISSUE = ("---\nnumber: {n}\ndate: 2020-01-0{n}\n---\n\n## Section {{#s}}\n\n"
              "### Article {{#a}}\n\nText.\n")


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` (hidden ones too) -> a digest of its bytes."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def tree_digest(folder: Path) -> str:
    """One digest of every file's path and bytes below `folder`."""
    return hashlib.sha256(repr(sorted(tree(folder).items())).encode()).hexdigest()


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("good")
    shutil.copy(ROOT / "site.yaml", site / "site.yaml")
    shutil.copytree(ROOT / "themes", site / "themes")
    for lang in ("en", "zh"):
        (site / "content" / lang / "issues").mkdir(parents=True)
        (site / "content" / lang / "pages").mkdir(parents=True)
        for n in (1, 2):
            (site / "content" / lang / "issues" / f"{n}.md").write_text(
                GOOD_ISSUE.format(n=n), encoding="utf-8")
    (site / "content/en/pages/about.md").write_text("---\ntitle: About\n---\n\nHello.\n",
                                                    encoding="utf-8")
    (site / "content/zh/pages/about.md").write_text("---\ntitle: 关于\n---\n\n你好。\n",
                                                    encoding="utf-8")
    return site


@pytest.fixture
def site(good_site, tmp_path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(good_site, copy)
    result = newsletter(copy, "build", "--no-search")
    assert result.returncode == 0, result.stderr
    return copy


def newsletter(site: Path, *args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(site), *args],
                          capture_output=True, text=True, cwd=cwd)


def write(site: Path, rel: str, text: str | bytes) -> None:
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
