from pathlib import Path

from generator.importer.naming import relative_path, report_title
from generator.importer.parts import Document


def test_paths() -> None:
    assert relative_path(Document("issue", "en", number=13)) == "content/en/issues/13.md"
    assert relative_path(Document("issue", "zh", date="2010-03-30")) == \
        "content/zh/issues/2010-03-30.md"
    assert relative_path(Document("issue", "en")) is None
    assert relative_path(Document("page", "en", title="Hello World")) == \
        "content/en/pages/hello-world.md"
    assert relative_path(Document("page", "zh", title="通知", date="2012-04-18")).startswith(
        "content/zh/pages/2012-04-18-")


def test_titles(tmp_path: Path) -> None:
    assert report_title(Document("issue", "zh", number=13), tmp_path) == "中国科技通讯 第13期"
    assert report_title(Document("issue", "en", date="2010-03-30"), tmp_path) == \
        "China Science and Technology Newsletter · March 30, 2010"


def test_an_issue_without_a_number_is_reported_with_the_title_the_site_shows(
        tmp_path: Path) -> None:
    (tmp_path / "site.yaml").write_text(
        "title: {en: Newsletter, zh: 通讯}\nlanguages:\n  en: {locale: en_GB}\n"
        "  zh: {locale: zh_CN}\n", encoding="utf-8")
    assert report_title(Document("issue", "en", date="2010-03-30"), tmp_path) == \
        "Newsletter · 30 March 2010"
    assert report_title(Document("issue", "zh", date="2015-06"), tmp_path) == "通讯 · 2015年6月"
    assert report_title(Document("issue", "zh"), tmp_path) is None
