from generator.importer.parts import Document, Line
from generator.importer.structure import body_blocks, build_issue, build_page, looks_like_issue


def _lines(*texts: str) -> list[Line]:
    return [Line(i + 1, t, gap=True) for i, t in enumerate(texts)]


ISSUE = _lines("CHINA SCIENCE AND TECHNOLOGY NEWSLETTER", "No.13", "July 15 2016",
               "Section One", "• First Story", "• Second Story", "Section One",
               "First story", "Body one.", "(Source: A, July 1, 2016)", "Second Story",
               "Body two.", "1. A sub-heading", "Body three.")


def test_issue() -> None:
    assert looks_like_issue(ISSUE)
    doc = Document("issue", "en")
    build_issue(ISSUE, doc)
    assert (doc.number, doc.date) == (13, "2016-07-15")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("h2", "Section One"), ("h3", "First Story"), ("p", "Body one."),
        ("source", "(Source: A, July 1, 2016)"), ("h3", "Second Story"), ("p", "Body two."),
        ("h4", "1. A sub-heading"), ("p", "Body three.")]


def test_page_without_title_line_says_so() -> None:
    doc = Document("page", "en")
    build_page(_lines("A long first sentence that is a paragraph of text, not a title."), doc,
                      None)
    assert doc.title.startswith("A long first sentence") and "no title" in doc.notes[0].message


def test_chinese_page_parts_and_panels() -> None:
    lines = [Line(1, "一、形势"), Line(2, "正文。", True), Line(3, "1.思路。", True),
             Line(4, "专栏:名称", True), Line(5, "内容。"), Line(6, "后文。", True)]
    blocks = body_blocks(lines, "zh", set(), level=2)
    assert [(b.kind, b.text, b.title) for b in blocks] == [
        ("h2", "一、形势", ""), ("p", "正文。", ""), ("h3", "1.思路。", ""),
        ("panel", "内容。", "专栏:名称"), ("p", "后文。", "")]
