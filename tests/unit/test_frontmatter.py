import datetime as dt

import pytest

from generator.content.frontmatter import parse
from generator.errors import Diagnostics

LANGS = ("en", "zh")


def run(text: str, kind: str = "issues"):
    diags = Diagnostics()
    meta = parse(text, "content/en/issues/1.md", kind, LANGS, diags)
    return meta, diags.items


def only_error(text: str, kind: str = "issues"):
    meta, items = run(text, kind)
    assert meta is None
    assert len(items) == 1, [d.format() for d in items]
    return items[0]


def test_valid_issue_and_body_line():
    meta, items = run("---\nnumber: 13\ndate: 2016-07-15\nsummary: Hi\n---\n\n## A\n")
    assert items == []
    assert meta.fields == {"number": 13, "date": dt.date(2016, 7, 15), "summary": "Hi",
                           "month_only": False}
    assert meta.lines == {"number": 2, "date": 3, "summary": 4}
    assert meta.body == "## A\n"
    assert meta.body_line == 7


def test_datetime_with_offset_is_kept():
    meta, _ = run("---\nnumber: 1\ndate: 2016-07-15T09:30:00+08:00\n---\n")
    assert meta.fields["date"].hour == 9


def test_missing_front_matter():
    err = only_error("## Just a body\n")
    assert err.line == 1 and "start with a `---`" in err.message


def test_unclosed_front_matter():
    err = only_error("---\nnumber: 1\ndate: 2016-01-01\n")
    assert "not closed" in err.message


def test_yaml_syntax_error_has_yaml_line():
    err = only_error("---\nnumber: 1\ndate: [2016\n---\n")
    assert err.message.startswith("YAML syntax error")
    assert err.line >= 3


def test_tab_indentation_is_a_syntax_error_on_its_line():
    err = only_error("---\nnumber: 1\n\tdate: 2016-01-01\n---\n")
    assert err.line == 3


def test_duplicate_key():
    err = only_error("---\nnumber: 1\ndate: 2016-01-01\nnumber: 2\n---\n")
    assert err.line == 4 and "twice" in err.message


def test_unknown_key_suggests_the_right_one():
    err = only_error("---\nnumber: 1\ndate: 2016-01-01\nsumary: x\n---\n")
    assert err.line == 4 and "did you mean `summary`" in err.hint


@pytest.mark.parametrize("value", ["thirteen", "yes", "1.5", "[1]"])
def test_number_of_wrong_type(value):
    err = only_error(f"---\nnumber: {value}\ndate: 2016-01-01\n---\n")
    assert err.line == 2 and "`number` must be a positive whole number" in err.message


def test_number_not_positive():
    err = only_error("---\nnumber: 0\ndate: 2016-01-01\n---\n")
    assert "positive" in err.message


@pytest.mark.parametrize("value", ["2016-13-01", "July 15 2016", "2016/07/15", "2016-02-30"])
def test_bad_dates(value):
    err = only_error(f"---\nnumber: 1\ndate: {value}\n---\n")
    assert err.line == 3 and "is not a date" in err.message and "YYYY-MM-DD" in err.hint


def test_missing_required_fields_are_all_reported():
    meta, items = run("---\nsummary: x\n---\n")  # (an issue without a number is named by
    assert meta is None                            # its date: only the date is required)
    assert [d.message for d in items] == ["missing required field `date`"]


def test_page_requires_title_but_not_date():
    meta, items = run("---\ntitle: About\n---\nText\n", kind="pages")
    assert items == [] and meta.fields == {"title": "About"}
    err = only_error("---\ndate: 2016-01-01\n---\n", kind="pages")
    assert "`title`" in err.message


def test_translation_of_must_name_a_language():
    err = only_error("---\nnumber: 1\ndate: 2016-01-01\ntranslation_of: fr\n---\n")
    assert err.line == 4 and "not a site language" in err.message


def test_translation_key_must_be_url_safe():
    err = only_error("---\ntitle: X\ntranslation_key: ../../etc\n---\n", kind="pages")
    assert "may only use" in err.message


def test_empty_title_is_an_error():
    err = only_error("---\ntitle: '  '\n---\n", kind="pages")
    assert "empty" in err.message


def test_front_matter_that_is_a_list():
    err = only_error("---\n- number: 1\n---\n")
    assert "key: value" in err.message


def test_an_issue_may_have_a_date_and_no_number_and_a_month_for_a_date() -> None:
    diags = Diagnostics()
    meta = parse("---\ndate: 2015-06\n---\n\nText.\n", "content/en/issues/2015-06.md",
                 "issues", ("en", "zh"), diags)
    assert meta is not None and not diags.items
    assert meta.fields == {"date": dt.date(2015, 6, 1), "month_only": True}
    meta = parse("---\nnumber: 3\n---\n\nText.\n", "content/en/issues/3.md", "issues",
                 ("en", "zh"), diags)
    assert meta is None and "missing required field `date`" in diags.items[0].message


def test_a_malformed_month_is_an_error_at_its_line() -> None:
    diags = Diagnostics()
    assert parse("---\ndate: 2015-13\n---\n\nText.\n", "content/en/issues/x.md", "issues",
                 ("en", "zh"), diags) is None
    assert diags.items[0].line == 2 and "is not a date" in diags.items[0].message
