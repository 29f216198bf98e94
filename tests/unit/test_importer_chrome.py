import pytest

from generator.importer.chrome import is_nav_bar, strip_chrome
from generator.importer.parts import Line


def _strip(*texts: str):
    return strip_chrome([Line(i + 1, t) for i, t in enumerate(texts)])


@pytest.mark.parametrize("line", [
    "Home > Announcement Board", "Home > NewsLetter > 2007", "当前位置：首页>>通知公告",
    "The Ministry of Science and Technology", "People's Republic of China",
    "Copyright © 2010 MOST", "京ICP备05017536号", "浏览量：1519", "Views: 88",
    "上一篇：另一条", "Next: Older story", "[打印本页] [关闭窗口]", "Print  Close",
    "首 页 图片展 基地概况 通知通告 政策法规 联系我们"])
def test_chrome_lines_go(line: str) -> None:
    assert _strip(line, "Text stays.").lines == [Line(2, "Text stays.")]


def test_dateline_gives_date_and_source() -> None:
    out = _strip("日期：2012/4/18 来源：科技部 浏览量：12", "正文。")
    assert (out.date, out.source, [line.text for line in out.lines]) == \
        ("2012-04-18", "科技部", ["正文。"])


def test_sentences_with_dates_stay() -> None:
    assert len(_strip("会议时间为2016年7月1日。").lines) == 1
    assert len(_strip("(Source: MOST, July 6, 2016)").lines) == 1


def test_glued_lost_dateline() -> None:
    out = _strip("Title Here�� ���ڣ�2014-02-11��������Դ����1519��")
    assert out.lines[0].text == "Title Here" and out.date == "2014-02-11"
    assert out.notes[0].line == 1


def test_related_links_and_spam() -> None:
    out = _strip("Related links", "", "• Old one [2013-10-12]", "Body.", "澳门赌场 百家乐")
    assert [line.text for line in out.lines] == ["Body."]
    assert "spam" in out.notes[0].message


def test_nav_bar_is_not_a_headline() -> None:
    assert not is_nav_bar("China Russia Establish Innovation Dialogue Mechanism")
