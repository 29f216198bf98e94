from generator.content.markup import MarkdownRenderer, slugify
from generator.content.rules.links import resolve_links
from generator.model import LinkRef

R = MarkdownRenderer()


def render(text: str, path: str = "content/en/issues/1.md"):
    return R.render(text, path)


def test_slugify_english_and_chinese():
    assert slugify("China, Canada Strengthen S&T") == "china-canada-strengthen-s-t"
    assert slugify("国际科技合作 动态") == "国际科技合作-动态"
    assert slugify("“十二五”规划") == "十二五-规划"
    assert slugify("!!!") == "section"


def test_heading_ids_explicit_generated_and_unique():
    out = render("## Same\n\n### A {#custom}\n\n## Same\n\n### 中文标题\n\n## Same\n")
    ids = [h.id for h in out.headings]
    assert ids == ["same", "custom", "same_1", "中文标题", "same_2"]
    assert '<h3 id="custom">A</h3>' in out.html


def test_explicit_heading_ids_ascii_and_cjk():
    out = render("## Updates {#international-cooperation}\n\n### 中加合作 {#中加-合作} ###\n\n"
                 "#### Closed ## {#closed}\n")
    assert [(h.level, h.id, h.title) for h in out.headings] == [
        (2, "international-cooperation", "Updates"), (3, "中加-合作", "中加合作"),
        (4, "closed", "Closed")]
    assert '<h2 id="international-cooperation">Updates</h2>' in out.html
    assert '<h3 id="中加-合作">中加合作</h3>' in out.html


def test_generated_ids_avoid_explicit_ones_anywhere_in_the_page():
    out = render("## Intro\n\n## Other {#intro}\n\n## Intro_1\n")
    assert [h.id for h in out.headings] == ["intro_1", "intro", "intro_2"]


def test_malformed_heading_ids_stay_visible_for_lint():
    for text in ("### Title {#two words}", "### Title {#a.b}", "### Title{#x}",
                 "### Title {: style=x }"):
        heading = render(text).headings[0]
        assert "{" in heading.title and heading.id.startswith("title"), text


def test_attribute_list_applies_to_the_paragraph_above():
    out = render("Article text.\n\n(Source: www.cistc.gov.cn, July 6, 2016)\n{: .source }\n")
    assert out.html == ("<p>Article text.</p>\n"
                        '<p class="source">(Source: www.cistc.gov.cn, July 6, 2016)</p>\n')
    assert '<p id="p1" class="a b">x</p>' in render("x\n{: #p1 .a .b }").html
    assert '<li class="x">item</li>' in render("- item\n  {: .x }").html


def test_attribute_list_not_applied_stays_as_text():
    assert "<p>{: .source }</p>" in render("Text\n\n{: .source }\n").html
    out = render('Text\n{: onclick="x()" }\n')  # only ids and classes, never handlers
    assert out.html == "<p>Text\n{: onclick=&quot;x()&quot; }</p>\n"


def test_admonition_panel():
    out = render('Intro\n\n!!! panel "专栏：国家国际科技合作专项"\n    Panel *text*.\n\n'
                 "    Second paragraph.\n\nAfter.\n")
    assert out.html == ("<p>Intro</p>\n"
                        '<div class="admonition panel">\n'
                        '<p class="admonition-title">专栏：国家国际科技合作专项</p>\n'
                        "<p>Panel <em>text</em>.</p>\n<p>Second paragraph.</p>\n</div>\n"
                        "<p>After.</p>\n")


def test_footnotes_keep_python_markdown_markup():
    out = render("Text[^a] and again[^a].\n\n[^a]: The *note*.\n")
    assert out.html == (
        '<p>Text<sup id="fnref:a"><a class="footnote-ref" href="#fn:a">1</a></sup> and again'
        '<sup id="fnref2:a"><a class="footnote-ref" href="#fn:a">1</a></sup>.</p>\n'
        '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:a">\n<p>The <em>note</em>.&#160;'
        '<a class="footnote-backref" href="#fnref:a">&#8617;</a>'
        '<a class="footnote-backref" href="#fnref2:a">&#8617;</a></p>\n</li>\n</ol>\n</div>\n')
    assert "[^b]" in render("Undefined[^b].").html


def test_tables():
    out = render("| Field | Projects |\n|---|---:|\n| AI | 12 |\n")
    assert out.html == ("<table>\n<thead>\n<tr>\n<th>Field</th>\n"
                        '<th style="text-align:right">Projects</th>\n</tr>\n</thead>\n<tbody>\n'
                        '<tr>\n<td>AI</td>\n<td style="text-align:right">12</td>\n</tr>\n'
                        "</tbody>\n</table>\n")


def test_emphasis_next_to_chinese_punctuation():
    out = render("**重点任务：**加强合作。本项目**“十二五”**规划，*斜体。*正文")
    assert out.html == ("<p><strong>重点任务：</strong>加强合作。本项目<strong>“十二五”</strong>"
                        "规划，<em>斜体。</em>正文</p>\n")
    assert render("2 * 3 * 4 and snake_case_name").html == "<p>2 * 3 * 4 and snake_case_name</p>\n"


def test_text_is_kept_as_written():
    out = render('"Quotes" -- dashes... (c) https://a.example/ ^[not a note]')
    assert out.html == ("<p>&quot;Quotes&quot; -- dashes... (c) https://a.example/ "
                        "^[not a note]</p>\n")


def test_heading_titles_are_plain_text():
    out = render("### S&T *News*[^1] ![logo](x.png) `a<b`\n\n[^1]: n\n")
    assert out.headings[0].title == "S&T News a<b"  # no footnote number, no alt text
    assert out.headings[0].id == "s-t-news-a-b"


def test_definition_lists():
    out = render("Term\n:   Definition\n")
    assert out.html == "<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n"


def test_relative_md_links_become_refs_and_are_recorded():
    out = render("[x](../pages/about.md#team) [y](/en/feed.xml) [z](https://a.example/)")
    assert [(link.target, link.fragment, link.is_root) for link in out.links] == [
        ("content/en/pages/about.md", "team", False), ("en/feed.xml", "", True)]
    html = resolve_links(out.html, lambda t, f, root: ("/base/" + t + ("#" + f if f else "")))
    assert 'href="/base/content/en/pages/about.md#team"' in html
    assert 'href="/base/en/feed.xml"' in html
    assert 'href="https://a.example/"' in html


def test_link_rewriting_keeps_cjk_anchors_and_images_as_written():
    out = render("[中文版](../../zh/issues/13.md#国际合作) ![logo](/img/logo.png) [top](#s)",
                 "content/en/issues/13.md")
    assert out.links == (
        LinkRef("content/zh/issues/13.md", "国际合作", "../../zh/issues/13.md#国际合作", False),
        LinkRef("img/logo.png", "", "/img/logo.png", True))
    assert 'href="newsletter-ref:content/zh/issues/13.md#国际合作"' in out.html
    assert 'src="newsletter-root:img/logo.png"' in out.html and 'href="#s"' in out.html


def test_unsafe_link_schemes_are_not_links():
    out = render("[a](javascript:alert(1)) [b](<java\tscript:alert(1)>)")
    # The tab is encoded, so the link is a relative URL, not a script that browsers would run.
    assert out.html == '<p>[a](javascript:alert(1)) <a href="java%09script:alert(1)">b</a></p>\n'


def test_raw_html_and_text_are_escaped():
    out = render("A <script>alert(1)</script>\n\n<div onclick=x>b</div>\n\n<!-- c -->")
    assert "<script" not in out.html and "<div" not in out.html and "<!--" not in out.html
    assert "<p>&lt;div onclick=x&gt;b&lt;/div&gt;</p>" in out.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out.html
    assert "Fish &amp; chips &lt; 3" in render("Fish & chips < 3").html
    assert '<a href="https://a.example/">' in render("<https://a.example/>").html


def test_renderer_is_reset_between_documents():
    render("## A\n\n[^1]\n\n[^1]: n\n")
    out = render("## A\n")
    assert [h.id for h in out.headings] == ["a"] and "footnote" not in out.html


# Line starts that begin (or might begin) something other than a paragraph, some that do not,
# and text with and without inline markup, for the differential test of the shortcuts below.
_LINES = ["text", "中文段落", "- item", "* item", "+ item", "1. one", "2) two", "10. ten",
          "> quote", "# h", "## h {#x}", "---", "***", "___", "===", "- - -", "```", "~~~",
          "| a | b |", "|---|---|", "a | b", "--|--", ":--|--:", ": def", "~ def", ":", "Term",
          "!!! note", '!!! panel "T"', "??? x", "[^1]: note", "[^1]", "[ref]: /x", "[ref]",
          "{: .source }", "{#id}", "<div>", "**bold**", "*em*", "_u_", "`code`", "（来源：x）",
          "1985. year", "#hashtag", "-", "*", "\\- escaped", "text  ", "a\\", "a & b",
          "x &amp; y", "see [a](b.md)", "![i](x.png)", "<http://a.b>", "a\\*b", "t [^1] n",
          "3% - 5:00 $x @y ^z ~~s~~ {q}", "中文**加粗：**文字", "a_b_c", "`x`y", "!not image",
          "cr\r", "crlf\r\nnext", "nul\0", "\r\r\n"]


def test_shortcuts_change_no_output():
    """The `plain_paragraph`, `inline` and `normalize` rules only save time: on thousands of random
    documents mixing every kind of block, nested and indented, and of inline markup, the HTML
    is markdown-it's own."""
    import random

    from markdown_it.rules_core import inline, normalize

    fast, slow = MarkdownRenderer(), MarkdownRenderer()
    slow._md.block.ruler.disable("plain_paragraph")
    slow._md.core.ruler.at("inline", inline)
    slow._md.core.ruler.at("normalize", normalize)
    rng = random.Random(7)
    for _ in range(4000):
        lines = ["" if rng.random() < 0.25 else
                 rng.choice(["", " ", "  ", "   ", "    ", "     "]) + rng.choice(_LINES)
                 for _ in range(rng.randint(1, 14))]
        text = "\n".join(lines) + rng.choice(["", "\n"])
        assert fast.render(text, "issues/x.md") == slow.render(text, "issues/x.md"), text
