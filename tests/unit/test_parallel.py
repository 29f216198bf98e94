"""The parallel view's pairing: articles by heading id, blocks by order, nothing dropped."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.parallel import articles, blocks, mismatches, prefixed_ids, rows

EN = ('<p>intro</p>\n<h2 id="news">News</h2>\n<h3 id="a">A</h3>\n<p>a1</p>\n'
      '<p>a2 <em>x</em><br>y</p>\n<ul>\n<li>l <p>nested</p></li>\n</ul>\n'
      '<h3 id="b">B</h3>\n<p>b1</p>\n')
ZH = ('<p>导言</p>\n<h2 id="news">新闻</h2>\n<h3 id="c">丙</h3>\n<p>丙1</p>\n'
      '<h3 id="a">甲</h3>\n<p>甲1</p>\n<p>甲2</p>\n<table>\n<tr><td>1</td></tr>\n</table>\n')


def test_top_level_blocks_keep_their_exact_html() -> None:
    found = [b.html for b in blocks(EN)]
    assert found == ["<p>intro</p>", '<h2 id="news">News</h2>', '<h3 id="a">A</h3>',
                     "<p>a1</p>", "<p>a2 <em>x</em><br>y</p>",
                     "<ul>\n<li>l <p>nested</p></li>\n</ul>", '<h3 id="b">B</h3>', "<p>b1</p>"]
    assert [b.heading for b in blocks(EN)][:3] == [None, "news", "a"]


def test_a_panel_is_one_block_whatever_it_holds() -> None:
    panel = ('<div class="admonition panel">\n<p class="admonition-title">专栏</p>\n'
             '<p>x</p>\n</div>\n')
    assert [b.html for b in blocks(panel + "<p>after</p>\n")] == [panel.strip(), "<p>after</p>"]


def test_articles_are_cut_at_headings() -> None:
    assert [(a.id, len(a.blocks)) for a in articles(EN)] == [
        ("", 1), ("news", 1), ("a", 4), ("b", 2)]


def test_footnotes_pair_with_footnotes_not_with_the_last_article() -> None:
    notes = '<div class="footnote">\n<hr>\n<ol>\n<li id="fn:1">\n<p>n</p>\n</li>\n</ol>\n</div>\n'
    left = '<h3 id="a">A</h3>\n<p>a1</p>\n<p>a2</p>\n' + notes
    right = '<h3 id="a">甲</h3>\n<p>甲</p>\n' + notes
    assert [len(a.blocks) for a in articles(left)] == [2 + 1, 1]
    assert mismatches(left, right) == [("a", 3, 2)]
    assert rows(left, right)[-1].left == rows(left, right)[-1].right == notes.strip()


def test_rows_pair_articles_by_id_and_blocks_by_order() -> None:
    found = rows(EN, ZH)
    assert (found[0].left, found[0].right) == ("<p>intro</p>", "<p>导言</p>")
    paired = {(r.left, r.right) for r in found}
    assert ('<h3 id="a">A</h3>', '<h3 id="a">甲</h3>') in paired
    assert ("<p>a1</p>", "<p>甲1</p>") in paired
    assert ("<p>a2 <em>x</em><br>y</p>", "<p>甲2</p>") in paired
    # an article only one side has is shown alone, where it comes in that side
    assert found.index(next(r for r in found if r.right == '<h3 id="c">丙</h3>')) < \
        found.index(next(r for r in found if r.left == '<h3 id="a">A</h3>'))
    assert all(r.right is None for r in found if r.left in ('<h3 id="b">B</h3>', "<p>b1</p>"))
    assert [r.heading for r in found].count(True) == 4  # news, c, a, b


def test_nothing_of_either_side_is_dropped_or_reordered() -> None:
    found = rows(EN, ZH)
    assert [r.left for r in found if r.left] == [b.html for b in blocks(EN)]
    right = [r.right for r in found if r.right]
    assert sorted(right) == sorted(b.html for b in blocks(ZH))


_PARAGRAPH = st.text(alphabet="ab中文", min_size=1, max_size=5).map(lambda t: f"<p>{t}</p>")
_HEADING = st.sampled_from("abcde").map(lambda i: f'<h3 id="{i}">{i}</h3>')
_BODY = st.lists(st.one_of(_PARAGRAPH, _HEADING), max_size=12).map(
    lambda items: "\n".join(dict.fromkeys(items)) + "\n")  # (ids unique, as in a page)


@settings(max_examples=60, deadline=None)
@given(_BODY, _BODY)
def test_any_two_bodies_keep_every_block(left: str, right: str) -> None:
    found = rows(left, right)
    assert [r.left for r in found if r.left] == [b.html for b in blocks(left)]
    assert sorted(r.right for r in found if r.right) == sorted(b.html for b in blocks(right))


def test_mismatches_name_the_articles_whose_block_counts_differ() -> None:
    assert mismatches(ZH, EN) == []  # `a` has four blocks in each; `c` and `b` are unpaired
    assert mismatches(EN.replace("<p>a1</p>\n", ""), ZH) == [("a", 3, 4)]
    assert mismatches("<p>x</p>\n<p>y</p>\n", "<p>x</p>\n") == [("", 2, 1)]
    assert mismatches(EN, EN) == []


def test_prefixed_ids_keep_in_page_links_working() -> None:
    html = '<h3 id="a">x</h3><sup id="fnref:1"><a href="#fn:1">1</a></sup><a href="http://x/#a">'
    out = prefixed_ids(html, "zh-")
    assert re.findall(r'id="([^"]+)"', out) == ["zh-a", "zh-fnref:1"]
    assert 'href="#zh-fn:1"' in out and 'href="http://x/#a"' in out


def test_rows_prefix_each_side_after_pairing() -> None:
    found = rows(EN, ZH, ("en-", ""))
    assert ('<h3 id="en-a">A</h3>', '<h3 id="a">甲</h3>') in {(r.left, r.right) for r in found}
