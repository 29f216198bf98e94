import datetime as dt
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from generator.errors import Diagnostics
from generator.render.i18n import Formatter, load_translations

LOCALES = Path(__file__).resolve().parents[2] / "themes" / "default" / "locales"
DAY = dt.date(2016, 7, 15)


@pytest.mark.parametrize("locale,date,month,year", [
    ("en", "July 15, 2016", "July 2016", "2016"),
    ("zh_CN", "2016年7月15日", "2016年7月", "2016年"),
])
def test_babel_dates(locale, date, month, year):
    fmt = Formatter(locale)
    assert (fmt.date(DAY), fmt.month(DAY), fmt.year(2016)) == (date, month, year)


def test_language_names_are_localized():
    assert Formatter("zh_CN").language("en") == "英语"
    assert Formatter("en").language("zh_CN") == "Chinese"


def test_every_msgid_has_a_chinese_translation():
    with (LOCALES / "zh_CN" / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        catalog = read_po(fp)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    assert untranslated == []
    assert not [m.id for m in catalog if m.fuzzy and m.id]


def test_catalog_matches_the_templates():
    """Every msgid the templates use is in the template catalog (run pybabel extract)."""
    from babel.messages.extract import extract_from_dir

    root = LOCALES.parents[2]
    used = {msg[2] if isinstance(msg[2], str) else msg[2][0]
            for msg in extract_from_dir(str(root / "themes"), method_map=[
                ("**.html", "jinja2"), ("**.xml", "jinja2")],
                options_map={"**": {"extensions": "jinja2.ext.i18n"}})}
    with (LOCALES / "zh_CN" / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        known = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fp) if m.id}
    assert used - known == set(), "run the `pybabel extract`/`update` commands in the README"


def test_catalog_compiles_in_memory():
    translations = load_translations(LOCALES, "zh_CN", Diagnostics())
    assert translations.gettext("Next issue") == "下一期"
