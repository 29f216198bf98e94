import yaml

from generator.importer.mdwriter import render
from generator.importer.parts import Block, Document


def test_issue_front_matter_and_blocks() -> None:
    doc = Document("issue", "en", number=13, date="2016-07-15", colophon=["A", "B: c"],
                   blocks=[Block("h3", "T", id="t"), Block("p", "1. not a list *x*"),
                           Block("source", "(Source: S)"), Block("panel", "x", title='a "b"')])
    text = render(doc)
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["number"] == 13 and front["colophon"] == "A\n\nB: c\n"
    assert "### T {#t}\n" in text and "1\\. not a list \\*x\\*\n" in text
    assert "(Source: S)\n{: .source }\n" in text and "!!! panel \"a 'b'\"\n    x\n" in text


def test_numberless_issue_has_no_number_and_page_has_a_quoted_title() -> None:
    assert "number" not in render(Document("issue", "en", date="2010-03-30"))
    page = render(Document("page", "zh", title='标题: "x"', date="2012-04-18"))
    assert yaml.safe_load(page.split("---\n")[1])["title"] == '标题: "x"'
