"""The Nu HTML checker over the whole build, and byte-identical rebuilds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from goodsite import tree
from sitecheck import REPO, BuiltSite, build_site, nu_html_errors

pytestmark = pytest.mark.slow


def test_nu_html_checker_finds_no_errors(seed_site: BuiltSite) -> None:
    errors = nu_html_errors(seed_site.root)
    assert not errors, f"Nu HTML checker errors:\n{errors}"


def _differences(a: Path, b: Path) -> tuple[list[str], list[str]]:
    """(files only on one side, files whose bytes differ)."""
    ta, tb = tree(a), tree(b)
    missing = sorted(set(ta) ^ set(tb))
    differ = [f for f in sorted(set(ta) & set(tb)) if ta[f] != tb[f]]
    return missing, differ


@pytest.fixture(scope="module")
def second_seed_build(build_dir: Callable[[str], Path]) -> Path:
    return build_site(REPO, build_dir("seed-again"))


def test_rebuild_is_byte_identical_outside_pagefind(seed_site: BuiltSite,
                                                   second_seed_build: Path) -> None:
    missing, differ = _differences(seed_site.root, second_seed_build)
    missing = [f for f in missing if not f.startswith("pagefind/")]
    differ = [f for f in differ if not f.startswith("pagefind/")]
    assert not missing, f"files in one build only: {missing}"
    assert not differ, f"files that differ between two builds: {differ}"


def test_rebuild_is_byte_identical_in_pagefind(seed_site: BuiltSite,
                                               second_seed_build: Path) -> None:
    missing, differ = _differences(seed_site.root, second_seed_build)
    missing = [f for f in missing if f.startswith("pagefind/")]
    differ = [f for f in differ if f.startswith("pagefind/")]
    assert tree(seed_site.root / "pagefind"), "no Pagefind bundle was built"
    sizes = {f: ((seed_site.root / f).stat().st_size, (second_seed_build / f).stat().st_size)
             for f in differ}
    assert not missing and not differ, (
        f"Pagefind output is not byte-identical: only in one build {missing}; differing "
        f"{differ} (sizes {sizes})")
