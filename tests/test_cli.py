"""The commands an editor runs: new, check (text and GitHub formats), drafts and future."""

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISSUE = "---\nnumber: {n}\ndate: {date}\n{extra}---\n\n## S {{#s}}\n\n### A {{#a}}\n\nText.\n"


def newsletter(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "--root", str(site), *args],
                          capture_output=True, text=True, cwd=ROOT)


@pytest.fixture
def site(tmp_path) -> Path:
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    (tmp_path / "themes").symlink_to(ROOT / "themes")
    for lang in ("en", "zh"):
        (tmp_path / "content" / lang / "issues").mkdir(parents=True)
    return tmp_path


def add(site: Path, lang: str, n: int, date: str, extra: str = "") -> None:
    (site / "content" / lang / "issues" / f"{n}.md").write_text(
        ISSUE.format(n=n, date=date, extra=extra), encoding="utf-8")


def test_new_scaffolds_the_next_issue_and_never_overwrites(site):
    add(site, "en", 1, "2020-01-01")
    add(site, "zh", 1, "2020-01-01", "translation_of: en\n")
    result = newsletter(site, "new", "--date", "2020-02-01")
    assert result.returncode == 0, result.stderr
    paths = result.stdout.split()
    assert [Path(p).relative_to(site).as_posix() for p in paths] == [
        "content/en/issues/2.md", "content/zh/issues/2.md"]
    zh = Path(paths[1]).read_text(encoding="utf-8")
    assert "number: 2" in zh and "date: 2020-02-01" in zh and "translation_of: en" in zh
    assert newsletter(site, "check", "--drafts").returncode == 0  # the skeleton is valid
    assert "draft: true" in zh  # not published by accident


def test_new_refuses_an_existing_file(site):
    add(site, "en", 1, "2020-01-01")
    taken = site / "content/en/issues/3.md"  # file name 3, but it holds issue No.2
    taken.write_text(ISSUE.format(n=2, date="2020-01-08", extra=""), encoding="utf-8")
    before = taken.read_bytes()
    result = newsletter(site, "new")  # the next number is 3
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/en/issues/3.md:" in result.stderr and "not overwritten" in result.stderr
    assert taken.read_bytes() == before
    assert not (site / "content/zh/issues/3.md").exists()


def test_check_github_format(site):
    add(site, "en", 1, "2020-01-01", "titel: x\n")
    result = newsletter(site, "check", "--format", "github")
    assert result.returncode == 1
    assert ("::error file=content/en/issues/1.md,line=4::unknown front-matter field `titel`"
            "%0Adid you mean `title`?") in result.stdout


def test_sequence_warnings(site):
    add(site, "en", 1, "2020-01-01")
    add(site, "en", 4, "2020-02-01")
    add(site, "en", 3, "2020-03-01")  # issues go in date order: its number goes back
    result = newsletter(site, "check")
    assert result.returncode == 0
    assert "content/en/issues/4.md:2: warning: no issue 2–3 between No.1 and No.4" in \
        result.stderr
    assert "content/en/issues/3.md:2: warning: No.3 is dated 2020-03-01, after No.4" in \
        result.stderr


def test_drafts_and_future_are_left_out_unless_asked(site):
    add(site, "en", 1, "2020-01-01")
    add(site, "en", 2, "2020-01-08", "draft: true\n")
    future = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    add(site, "en", 3, future)
    out = site / "build"
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 0, result.stderr
    assert "skipped 1 draft(s)" in result.stdout and "skipped 1 future-dated" in result.stdout
    assert (out / "en/issues/1/index.html").exists()
    for hidden in ("en/issues/2/", "en/issues/3/"):
        assert not (out / hidden).exists()
        assert hidden not in (out / "sitemap.xml").read_text(encoding="utf-8")
        assert hidden not in (out / "en/feed.xml").read_text(encoding="utf-8")
    result = newsletter(site, "build", "--no-search", "--drafts", "--future")
    assert result.returncode == 0
    assert (out / "en/issues/2/index.html").exists() and (out / "en/issues/3/index.html").exists()


def test_translation_status_names_stale_articles(site):
    body = ("---\nnumber: 1\ndate: 2020-01-01\n{extra}---\n\n## S {{#s}}\n\n"
            "### A {{#a}}\n\n{a}\n\n### B {{#b}}\n\n{b}\n")
    en = site / "content/en/issues/1.md"
    zh = site / "content/zh/issues/1.md"
    en.write_text(body.format(extra="", a="Alpha.", b="Beta."), encoding="utf-8")
    zh.write_text(body.format(extra="translation_of: en\n", a="甲。", b="乙。"), encoding="utf-8")
    git = ["git", "-c", "user.email=ed@example.org", "-c", "user.name=Editor"]
    subprocess.run(["git", "init", "-q"], cwd=site, check=True)
    subprocess.run([*git, "add", "content"], cwd=site, check=True)
    subprocess.run([*git, "commit", "-qm", "issue 1"], cwd=site, check=True)
    result = newsletter(site, "translated", str(zh))
    assert result.returncode == 0, result.stderr
    assert "translation_of: en@" in zh.read_text(encoding="utf-8")
    assert "0 stale translation(s)" in newsletter(site, "status").stdout

    en.write_text(body.format(extra="", a="Alpha.", b="Beta, revised."), encoding="utf-8")
    for command in (["status"], ["check", "--translations"]):
        out = newsletter(site, *command).stdout
        assert "STALE content/zh/issues/1.md" in out and "changed: b" in out, out
        assert "missing" not in out.split("\n")[0]
    assert newsletter(site, "build", "--no-search").returncode == 0
    page = (site / "build/zh/issues/1/index.html").read_text(encoding="utf-8")
    assert "原文在本译文完成后已有修订" in page
    assert "stale-note" not in (site / "build/en/issues/1/index.html").read_text(encoding="utf-8")


def test_translated_refuses_an_original(site):
    add(site, "en", 1, "2020-01-01")
    result = newsletter(site, "translated", str(site / "content/en/issues/1.md"))
    assert result.returncode == 1 and "not a translation" in result.stderr
    assert "Traceback" not in result.stderr


# A Pagefind that answers the first request (a new index) and dies on reading the next one.
DYING = f"""#!{sys.executable}
import base64, json, sys
def request():
    data = b""
    while not data.endswith(b","):
        data += sys.stdin.buffer.read(1) or sys.exit(1)
answer = {{"message_id": 1, "payload": {{"type": "NewIndex", "index_id": 0}}}}
request()
sys.stdout.buffer.write(base64.b64encode(json.dumps(answer).encode()) + b",")
sys.stdout.flush()
request()
sys.exit(1)
"""


@pytest.mark.parametrize("pagefind", ["not a program", DYING])
@pytest.mark.parametrize("folder", [True, False])
def test_a_search_index_that_cannot_be_built_is_a_message_not_a_traceback(
        site, tmp_path, pagefind, folder):
    """Pagefind missing, not runnable or dying on the way is no content error: one message
    and a way on, exit 3, and the previous output stays (pages sent as a folder or one by
    one)."""
    add(site, "en", 1, "2020-01-01")
    assert newsletter(site, "build").returncode == 0
    before = sorted(p.relative_to(site).as_posix() for p in (site / "build").rglob("*"))
    binary = tmp_path / "pagefind_extended"
    binary.write_text(pagefind)
    binary.chmod(0o755 if pagefind.startswith("#!") else 0o644)
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "" if folder else "import generator.search.folder as f\nf.BASES = ()\n")
    add(site, "en", 2, "2020-01-08")
    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(site), "build"],
                            capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(hook),
                                 "NEWSLETTER_PAGEFIND": str(binary)})
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert "error: the search index could not be built: " in result.stderr
    assert "--no-search" in result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in (site / "build").rglob("*")) == before
