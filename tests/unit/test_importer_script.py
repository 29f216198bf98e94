from generator.importer.script import detect_lang, drop_glosses, is_traditional, to_simplified


def test_language() -> None:
    assert detect_lang("国际科技合作 S&T") == "zh"
    assert detect_lang("China and Russia sign 中俄") == "en"


def test_traditional_to_simplified() -> None:
    assert is_traditional("國際科技合作專項規劃與發展")
    assert not is_traditional("国际科技合作专项规划与发展")
    assert to_simplified("國際") == "国际"


def test_glosses() -> None:
    assert drop_glosses("统一战(zhàn)线") == ("统一战线", 1)
    assert drop_glosses("工作(gong1 zuo4)") == ("工作", 1)
    assert drop_glosses("计划(ITER) 纳米(nano)") == ("计划(ITER) 纳米(nano)", 0)
