"""Page keys: equal for what renders the same, different for anything a template could show."""

import datetime as dt
from dataclasses import replace

import pytest

from generator.model import Document
from generator.pagekeys import page_key

DOC = Document(kind="issue", lang="en", key="1", source_path="content/en/issues/1.md",
               digest="abc", title="One", date=dt.date(2020, 1, 1), number=1, summary="",
               draft=False, translation_of=None, translated_from=None, source=None,
               colophon_html="", body_html="<p>x</p>", headings=(), links=())


def test_documents_count_by_identity():
    assert page_key("s", DOC) == page_key("s", replace(DOC, lines={"body": 9}))
    assert page_key("s", DOC) != page_key("s", replace(DOC, digest="abd"))
    assert page_key("s", DOC) != page_key("s", replace(DOC, source_path="content/en/x.md"))


def test_every_part_counts():
    base = page_key("setup", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"}))
    assert base == page_key("setup", "issue.html", {"b": [DOC, None], "a": 1}, frozenset({"x"}))
    for other in (page_key("other", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"})),
                  page_key("setup", "page.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"})),
                  page_key("setup", "issue.html", {"a": 2, "b": [DOC, None]}, frozenset({"x"})),
                  page_key("setup", "issue.html", {"a": 1, "b": [None, DOC]}, frozenset({"x"})),
                  page_key("setup", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset())):
        assert other != base
    # nesting is part of the key: ["a", "b"] is not ["ab"] nor [["a"], "b"]
    assert len({page_key("s", ["a", "b"]), page_key("s", ["ab"]), page_key("s", [["a"], "b"])}) == 3


def test_a_value_it_cannot_encode_is_an_error_not_a_guess():
    with pytest.raises(TypeError):
        page_key("s", {"callback": print})
