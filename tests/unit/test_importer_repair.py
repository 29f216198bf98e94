from generator.importer.parts import Line
from generator.importer.repair import repair, repair_lines, unrepairable


def test_gbk_read_as_latin1() -> None:
    assert repair("It¡¯s ¡ª ÖÐ¹ú")[0] == "It’s — 中国"


def test_utf8_read_as_cp1252() -> None:
    assert repair("Chinaâ€™s")[0] == "China’s"
    assert repair("ä¸­å›½")[0] == "中国"


def test_utf8_read_as_gbk() -> None:
    assert repair("国际科技合作".encode().decode("gbk"))[0] == "国际科技合作"


def test_real_latin_and_indentation_are_left_alone() -> None:
    for text in ("café été", "\u00a0\u00a0\u00a0\u00a0国际", "中国科技通讯"):
        assert repair(text) == (text, [])


def test_unrepairable_is_reported() -> None:
    assert "U+FFFD" in unrepairable("ab\ufffd\ufffd")[0]
    assert "锟斤拷" in unrepairable("锟斤拷锟斤拷")[0]
    assert repair("锟斤拷")[0] == "锟斤拷"  # never turned into U+FFFD


def test_repair_lines_keeps_line_numbers() -> None:
    lines, notes = repair_lines([Line(7, "It¡¯s")])
    assert lines == [Line(7, "It’s")] and notes[0].line == 7
