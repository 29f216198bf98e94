"""The newsletter's three eras in one site: numbered issues (N0.210, 2000), issues named by
their date (2010, one known only by its month), and the new numbering (No.1, 2015)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from goodsite import newsletter, write

ISSUES = {
    "210.md": "number: 210\ndate: 2000-01-10",
    "2010-03-30.md": "date: 2010-03-30",
    "2011-06.md": "date: 2011-06",
    "1.md": "number: 1\ndate: 2015-01-25",
}


@pytest.fixture
def eras(site: Path) -> Path:
    for lang in ("en", "zh"):
        for path in (site / "content" / lang / "issues").glob("*.md"):
            path.unlink()
        for name, meta in ISSUES.items():
            write(site, f"content/{lang}/issues/{name}",
                  f"---\n{meta}\n---\n\n## News {{#news}}\n\n### Item {{#item}}\n\nText.\n")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 0, result.stderr
    return site / "build"


def _html(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def test_issues_without_numbers_are_named_by_their_date(eras: Path) -> None:
    page = _html(eras, "en/issues/2010-03-30")
    assert "<h1" in page and "March 30, 2010" in page
    assert "No. None" not in page and "issue-number" not in page
    month = _html(eras, "zh/issues/2011-06")
    assert "2011年6月" in month and "2011年6月1日" not in month
    assert re.search(r"<title>中国科技通讯 · 2011年6月", month)


def test_previous_and_next_run_across_the_eras_by_date(eras: Path) -> None:
    order = ["210", "2010-03-30", "2011-06", "1"]
    for before, here, after in zip([None, *order[:-1]], order, [*order[1:], None], strict=True):
        page = _html(eras, f"en/issues/{here}")
        prev = re.search(r'<link rel="prev" href="/newsletter/en/issues/([^/]+)/">', page)
        nxt = re.search(r'<link rel="next" href="/newsletter/en/issues/([^/]+)/">', page)
        assert (prev.group(1) if prev else None) == before, here
        assert (nxt.group(1) if nxt else None) == after, here


def test_the_archive_lists_every_era_newest_first(eras: Path) -> None:
    archive = _html(eras, "en/issues")
    found = re.findall(r'href="/newsletter/en/issues/([^/"]+)/"', archive)
    keys = [k for k in dict.fromkeys(found) if k in {"210", "2010-03-30", "2011-06", "1"}]
    assert keys == ["1", "2011-06", "2010-03-30", "210"]
    assert "None" not in archive


def test_the_email_edition_of_an_issue_named_by_its_date(eras: Path) -> None:
    site = eras.parent
    result = newsletter(site, "email", "2010-03-30", "--lang", "zh", "--out", str(site / "mail"))
    assert result.returncode == 0, result.stderr
    subject = (site / "mail/email/zh/2010-03-30/subject.txt").read_text(encoding="utf-8")
    assert "2010年3月30日" in subject and "None" not in subject
    bad = newsletter(site, "email", "2010-3-30", "--lang", "zh")
    assert bad.returncode == 2 and "2010-03-30" in bad.stderr
    missing = newsletter(site, "email", "2012-01-01", "--lang", "zh")
    assert missing.returncode == 1 and "no issue of 2012-01-01" in missing.stderr


def test_two_issues_of_one_date_are_an_error(site: Path) -> None:
    for name in ("2010-03-30.md", "2010-03-30-again.md"):
        write(site, f"content/en/issues/{name}", "---\ndate: 2010-03-30\n---\n\nText.\n")
    result = newsletter(site, "check")
    assert result.returncode == 1
    assert "content/en/issues/2010-03-30.md:2: error: an issue without a number is named by " \
        "its date" in result.stderr or "content/en/issues/2010-03-30-again.md:2: error: an " \
        "issue without a number is named by its date" in result.stderr, result.stderr


def test_the_email_subject_of_a_dated_issue_names_its_date_once(site: Path) -> None:
    write(site, "content/en/issues/2011-06.md", "---\ndate: 2011-06\n---\n\nText.\n")
    write(site, "content/en/issues/2009-01-01.md",
          "---\ndate: 2009-01-01\ntitle: Special issue\n---\n\nText.\n")
    subjects = {}
    for key in ("2011-06", "2009-01-01"):
        result = newsletter(site, "email", key, "--lang", "en", "--out", str(site / "mail"))
        assert result.returncode == 0, result.stderr
        subjects[key] = (site / f"mail/email/en/{key}/subject.txt").read_text(encoding="utf-8")
    assert subjects == {"2011-06": "China Science and Technology Newsletter · June 2011\n",
                        "2009-01-01": "Special issue — January 1, 2009\n"}
