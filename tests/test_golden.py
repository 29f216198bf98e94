"""The whole output of the fixture sites, byte for byte, against tests/golden/ (as Pelican does).

A change that alters any page, feed or file shows here as a diff. When the change is meant,
regenerate the expected trees and review them with `git diff tests/golden`:

    .venv/bin/python tests/test_golden.py

The search bundle is left out (`--no-search`): Pagefind's binary index has tests of its own
(tests/site/test_site_search_index.py, tests/browser/). So is static/, the theme's files
copied as they are: only a test that they are copied is needed, not a second copy of them.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden"
# name -> the site's root: the fixture archive and the repository's own content.
SITES = {"archive": REPO / "tests" / "fixtures" / "sites" / "archive", "seed": REPO}
# A fixed build time; --future: what is "future" must not depend on the day the test runs.
STATIC = "static"
ENV = {"SOURCE_DATE_EPOCH": "1767225600", "TZ": "UTC"}


def build_golden(name: str, out: Path) -> None:
    """Build site `name` from a copy (its cache stays out of the repository) into `out`."""
    copy = out.parent / f"{name}-site"
    shutil.copytree(SITES[name] / "content", copy / "content")
    shutil.copy(SITES[name] / "site.yaml", copy / "site.yaml")
    shutil.copytree(REPO / "themes", copy / "themes")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(copy), "build", "--no-search",
         "--future", "--out", str(out)],
        cwd=REPO, env={**os.environ, **ENV}, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(f"building {name} failed:\n{result.stdout}{result.stderr}")


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_relative_to(root / STATIC)}


def test_the_theme_static_files_are_copied_as_they_are(tmp_path: Path) -> None:
    build_golden("archive", tmp_path / "out")
    theme = REPO / "themes" / "default" / "static"
    expected = {p.relative_to(theme).as_posix(): p.read_bytes() for p in theme.rglob("*")
                if p.is_file()}
    built = tmp_path / "out" / STATIC
    assert {p.relative_to(built).as_posix(): p.read_bytes() for p in built.rglob("*")
            if p.is_file()} == expected


def report(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """Missing, extra and changed files, with a short diff of the first changed ones."""
    lines = [f"missing: {name}" for name in sorted(expected.keys() - actual.keys())]
    lines += [f"extra: {name}" for name in sorted(actual.keys() - expected.keys())]
    changed = [n for n in sorted(expected.keys() & actual.keys()) if expected[n] != actual[n]]
    for name in changed[:3]:
        diff = difflib.unified_diff(
            expected[name].decode("utf-8", "replace").splitlines(),
            actual[name].decode("utf-8", "replace").splitlines(),
            f"golden/{name}", f"built/{name}", lineterm="", n=1)
        lines += [*list(diff)[:40]]
    lines += [f"changed: {name}" for name in changed[3:]]
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SITES))
def test_whole_site_matches_golden(name: str, tmp_path: Path) -> None:
    build_golden(name, tmp_path / "out")
    expected, actual = files(GOLDEN / name), files(tmp_path / "out")
    assert expected, f"no golden tree for {name}: run `python tests/test_golden.py`"
    assert actual == expected, (
        "the output differs from tests/golden/" + name + " (if the change is meant, run "
        "`.venv/bin/python tests/test_golden.py` and review `git diff tests/golden`):\n"
        + report(expected, actual))


def regenerate() -> None:
    for name in sorted(SITES):
        target = GOLDEN / name
        scratch = GOLDEN.parent / f".golden-{name}"
        shutil.rmtree(scratch, ignore_errors=True)
        try:
            build_golden(name, scratch / "out")
            shutil.rmtree(scratch / "out" / STATIC)
            shutil.rmtree(target, ignore_errors=True)
            GOLDEN.mkdir(exist_ok=True)
            (scratch / "out").rename(target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        print(f"tests/golden/{name}: {len(files(target))} files")


if __name__ == "__main__":
    regenerate()
