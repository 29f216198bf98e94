from generator.importer.pipeline import to_document


def test_html_page_end_to_end() -> None:
    page = ("<html><head><meta charset='gbk'></head><body><p>Home &gt; News</p>"
            "<h1>关于合作的通知</h1><p>为加强合作，特此通知。</p><p>版权所有</p></body></html>")
    doc = to_document(page.encode("gbk"), True)
    assert (doc.kind, doc.lang, doc.title) == ("page", "zh", "关于合作的通知")
    assert [b.text for b in doc.blocks] == ["为加强合作，特此通知。"]


def test_forced_language_and_kind() -> None:
    doc = to_document(b"Just a line of text.\n", False, lang="zh", kind="issue")
    assert (doc.kind, doc.lang) == ("issue", "zh")
