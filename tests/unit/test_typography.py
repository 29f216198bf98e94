"""typography: what the theme adds to a document's HTML, and reading time."""

from __future__ import annotations

from generator.render.typography import headline, reading_minutes, typeset


def test_headings_get_an_anchor_named_by_their_words() -> None:
    html = typeset('<h3 id="china-russia">China &amp; Russia</h3>', "Link to this section", "T")
    assert html == ('<h3 id="china-russia">China &amp; Russia <a class="heading-anchor" '
                    'href="#china-russia" aria-label="Link to this section: China &amp; '
                    'Russia"></a></h3>')


def test_tables_are_wrapped_in_a_focusable_scrolling_region() -> None:
    html = typeset("<p>x</p><table><tr><td>1</td></tr></table>", "A", "Table")
    assert html == ('<p>x</p><div class="table-wrap" role="region" tabindex="0" '
                    'aria-label="Table"><table><tr><td>1</td></tr></table></div>')


def test_dates_and_quoted_terms_are_kept_whole_in_text_but_not_in_attributes() -> None:
    html = typeset('<p class="source">（来源：科技部，2016年7月6日）</p>'
                   '<p>On July 11th, 2016 the “十二五” plan <a title="2016年7月6日">x</a></p>',
                   "A", "T")
    assert '<span class="nobr">2016年7月6日</span>）' in html
    assert '<span class="nobr">July 11th, 2016</span>' in html
    assert '<span class="nobr">“十二五”</span>' in html
    assert 'title="2016年7月6日"' in html


def test_headline_escapes_and_keeps_quoted_terms_whole() -> None:
    assert headline("国际科技合作“十二五”专项规划 <b>") == (
        '国际科技合作<span class="nobr">“十二五”</span>专项规划 &lt;b&gt;')


def test_reading_time_counts_chinese_characters_and_english_words() -> None:
    assert reading_minutes("<p>" + "字" * 900 + "</p>") == 3  # 300 characters a minute
    assert reading_minutes("<p>" + "word " * 400 + "</p>") == 2  # 200 words a minute
    assert reading_minutes("<p>" + "字" * 300 + " word" * 200 + "</p>") == 2
    assert reading_minutes("") == 1
