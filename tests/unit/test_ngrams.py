from generator.search.cjk import augment, ngrams

PAGE = ('<html lang="zh-CN"><body><nav>导航菜单</nav><article data-pagefind-body>'
        '<h1>标题</h1><p>引言</p><h3 id="a">特高压</h3><p>特高压输变电</p>'
        '<aside data-pagefind-ignore>编辑部</aside></article><footer>页脚</footer></body></html>')


def test_ngrams_are_bigrams_of_han_runs():
    assert ngrams("特高压 ok 电网") == ["特高", "高压", "电网"]


def test_blocks_go_inside_each_section_of_the_body_only():
    out = augment(PAGE)
    before_heading, after_heading = out.split('<h3 id="a">')
    assert out.count("导航") == 1 and out.count("页脚") == 1  # outside the body: untouched
    assert "<div data-pagefind-weight" in before_heading  # intro section: 标题 引言
    assert "引言" in before_heading and "高压 " not in before_heading
    block = after_heading.split("data-ngrams>")[1].split("</div>")[0]
    assert "高压" in block.split() and "输变" in block.split()
    assert "编辑" not in block  # text Pagefind ignores is not n-grammed either
    assert out.endswith("</aside>" + f'<div data-pagefind-weight="0.2" data-ngrams>{block}</div>'
                        "</article><footer>页脚</footer></body></html>")


def test_pages_without_chinese_are_unchanged():
    page = '<html lang="en"><article data-pagefind-body><p>Only English</p></article></html>'
    assert augment(page) == page
