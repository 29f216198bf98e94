"""One file -> Document: an issue's key, URL and default title, numbered or named by date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.config import parse_config
from generator.content.document import load_document
from generator.content.markup import MarkdownRenderer
from generator.content.reader import SourceFile
from generator.errors import Diagnostics
from generator.model import Document
from generator.site.linking import url_path

CONFIG = parse_config((Path(__file__).parents[2] / "site.yaml").read_text(encoding="utf-8"),
                      Diagnostics())


def load(name: str, meta: str, lang: str = "en") -> tuple[Document | None, Diagnostics]:
    diags = Diagnostics()
    source = SourceFile(f"content/{lang}/issues/{name}.md", lang, "issues", name,
                        f"---\n{meta}\n---\n\nText.\n", "0")
    return load_document(source, CONFIG, MarkdownRenderer(), diags, url_path), diags


@pytest.mark.parametrize(("name", "meta", "lang", "key", "title", "iso"), [
    ("13", "number: 13\ndate: 2016-07-15", "en", "13",
     "China Science and Technology Newsletter No.13", "2016-07-15"),
    ("2010-03-30", "date: 2010-03-30", "en", "2010-03-30",
     "China Science and Technology Newsletter · March 30, 2010", "2010-03-30"),
    ("2010-03-30", "date: 2010-03-30", "zh", "2010-03-30", "中国科技通讯 · 2010年3月30日",
     "2010-03-30"),
    ("2015-06", "date: 2015-06", "zh", "2015-06", "中国科技通讯 · 2015年6月", "2015-06"),
    ("2008-05-12", "date: 2008-05-12T09:00:00+08:00", "en", "2008-05-12",
     "China Science and Technology Newsletter · May 12, 2008", "2008-05-12"),
    ("2009-01-01", "date: 2009-01-01\ntitle: Special issue", "en", "2009-01-01",
     "Special issue", "2009-01-01"),
])
def test_an_issue_is_named_by_its_number_or_else_its_date(
        name: str, meta: str, lang: str, key: str, title: str, iso: str) -> None:
    doc, diags = load(name, meta, lang)
    assert doc is not None and not diags.items
    assert (doc.key, doc.title, doc.iso_date) == (key, title, iso)
    assert doc.url_path == f"{lang}/issues/{key}/"


def test_a_month_stands_for_its_first_day_when_sorting() -> None:
    doc, _ = load("2015-06", "date: 2015-06")
    assert doc is not None and doc.month_only and doc.day == dt.date(2015, 6, 1)


@pytest.mark.parametrize("value", ["2010-3-30", "2015-13", "2015-00", "June 2015", "2010-02-30"])
def test_a_malformed_date_is_an_error_at_its_line(value: str) -> None:
    doc, diags = load("x", f"summary: s\ndate: {value}")
    assert doc is None
    [error] = diags.errors
    assert (error.path, error.line) == ("content/en/issues/x.md", 3)
    assert "is not a date" in error.message and "YYYY-MM" in error.hint


def test_a_file_named_like_a_number_needs_its_number() -> None:
    doc, diags = load("14", "date: 2016-08-15")
    assert doc is None
    [error] = diags.errors
    assert "named like issue No.14 but has no `number`" in error.message
