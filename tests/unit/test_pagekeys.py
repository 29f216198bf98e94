"""Page keys: equal for what renders the same, different for anything a template could show."""

import datetime as dt
from dataclasses import replace

import pytest

from generator.incremental.pagekeys import page_key
from generator.model import Document

DOC = Document(kind="issue", lang="en", key="1", source_path="content/en/issues/1.md",
               digest="abc", title="One", date=dt.date(2020, 1, 1), number=1, summary="",
               draft=False, translation_of=None, translated_from=None, source=None,
               colophon_html="", body_html="<p>x</p>", headings=(), links=(),
               url_path="en/issues/1/")


def test_documents_count_by_identity():
    assert page_key("s", DOC) == page_key("s", replace(DOC, lines={"body": 9}))
    assert page_key("s", DOC) != page_key("s", replace(DOC, digest="abd"))
    assert page_key("s", DOC) != page_key("s", replace(DOC, source_path="content/en/x.md"))


def test_every_part_counts():
    base = page_key("setup", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"}))
    assert base == page_key("setup", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"}))
    # a template that iterates a dict shows its order
    for other in (page_key("setup", "issue.html", {"b": [DOC, None], "a": 1}, frozenset({"x"})),
                  page_key("other", "issue.html", {"a": 1, "b": [DOC, None]}, frozenset({"x"})),
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


def test_a_head_counts_by_what_it_shows():
    """A Head's key follows every field it shows, and nothing of the text it hides."""
    from generator.model import Heading, LinkRef
    from generator.render.heads import HEAD_FIELDS, Head

    base = page_key("s", [Head(DOC)])
    hidden = replace(DOC, digest="other", body_html="<p>y</p>", colophon_html="<p>c</p>",
                     links=(LinkRef("content/en/issues/2.md", "", "2.md", False),),
                     lines={"body": 3})
    assert page_key("s", [Head(hidden)]) == base
    changed = {"kind": "page", "lang": "zh", "key": "2", "source_path": "content/en/x.md",
               "title": "Two", "date": dt.date(2020, 1, 2), "number": 2, "summary": "S",
               "draft": True, "translation_of": "zh", "translated_from": "abc", "source": "X",
               "headings": (Heading(2, "a", "A"),), "month_only": True}
    assert set(changed) == set(HEAD_FIELDS)
    for name, value in changed.items():
        assert page_key("s", [Head(replace(DOC, **{name: value}))]) != base, name


def test_a_head_refuses_the_text():
    from generator.render.heads import Head

    head = Head(DOC)
    assert (head.title, head.url_path, head.day) == ("One", "en/issues/1/", dt.date(2020, 1, 1))
    for hidden in ("body_html", "colophon_html", "links", "digest", "lines"):
        with pytest.raises(AttributeError):
            getattr(head, hidden)
