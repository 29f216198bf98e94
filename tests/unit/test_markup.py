from generator.markup import MarkdownRenderer, resolve_links, slugify

R = MarkdownRenderer()


def render(text: str, path: str = "content/en/issues/1.md"):
    return R.render(text, path)


def test_slugify_english_and_chinese():
    assert slugify("China, Canada Strengthen S&T") == "china-canada-strengthen-s-t"
    assert slugify("国际科技合作 动态") == "国际科技合作-动态"
    assert slugify("“十二五”规划") == "十二五-规划"
    assert slugify("!!!") == "section"


def test_heading_ids_explicit_generated_and_unique():
    out = render("## Same\n\n### A {#custom}\n\n## Same\n\n### 中文标题\n")
    ids = [h.id for h in out.headings]
    assert ids == ["same", "custom", "same_1", "中文标题"]
    assert '<h3 id="custom">A</h3>' in out.html


def test_heading_titles_are_plain_text():
    out = render("### S&T *News*\n")
    assert out.headings[0].title == "S&T News"


def test_extensions_tables_footnotes_attr_list_admonition():
    out = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n{: .source }\n\n[^1]: Note\n\n"
                 '!!! panel "专栏：X"\n    Body\n')
    assert "<table>" in out.html
    assert 'class="footnote"' in out.html
    assert '<p class="source">' in out.html
    assert '<div class="admonition panel">' in out.html


def test_relative_md_links_become_refs_and_are_recorded():
    out = render("[x](../pages/about.md#team) [y](/en/feed.xml) [z](https://a.example/)")
    assert [(link.target, link.fragment, link.is_root) for link in out.links] == [
        ("content/en/pages/about.md", "team", False), ("en/feed.xml", "", True)]
    html = resolve_links(out.html, lambda t, f, root: ("/base/" + t + ("#" + f if f else "")))
    assert 'href="/base/content/en/pages/about.md#team"' in html
    assert 'href="/base/en/feed.xml"' in html
    assert 'href="https://a.example/"' in html


def test_raw_html_and_text_are_escaped():
    out = render("A <script>alert(1)</script>\n\n<div onclick=x>b</div>")
    assert "<script" not in out.html and "<div" not in out.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out.html
    assert "Fish &amp; chips &lt; 3" in render("Fish & chips < 3").html
    assert '<a href="https://a.example/">' in render("<https://a.example/>").html


def test_renderer_is_reset_between_documents():
    render("## A\n\n[^1]\n\n[^1]: n\n")
    out = render("## A\n")
    assert [h.id for h in out.headings] == ["a"] and "footnote" not in out.html
