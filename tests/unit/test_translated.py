"""Literal translations compiled into the templates render exactly as the gettext call did."""

import gettext

import jinja2
import pytest

from generator.render.literals import LiteralTranslations, install

CATALOGS = {"zh": {"Archive": "归档 & <b>", "100%%": "百分之百%%"},
            "fr": {"Archive": "Archives"}}
TEMPLATE = ('{{ _("Archive") }}|{{ _( "100%%" ) }}|{{ _("No. %(n)s", n=3) }}|'
            '{{ _("Archive") ~ "<i>" }}|{{- _("Archive") -}}|{{ gettext("Archive") }}|'
            '{{ _("Bad %(n)s") if false else "" }}')


class Catalog(gettext.NullTranslations):
    def __init__(self, messages: dict[str, str]):
        super().__init__()
        self.messages = messages

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)


def environment(lang: str, fold: bool, autoescape: bool = True) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"page.html": TEMPLATE}), autoescape=autoescape,
        extensions=["jinja2.ext.i18n"] + ([LiteralTranslations] if fold else []))
    catalog = Catalog(CATALOGS[lang])
    env.install_gettext_translations(catalog, newstyle=True)
    if fold:
        install(env, catalog.gettext)
    return env


@pytest.mark.parametrize("autoescape", [True, False])
def test_folded_templates_render_like_the_call(autoescape: bool) -> None:
    folded = environment("zh", True, autoescape).get_template("page.html").render()
    called = environment("zh", False, autoescape).get_template("page.html").render()
    assert folded == called
    assert folded.startswith("归档 & <b>|百分之百%|No. 3|")


def test_a_literal_call_becomes_text_in_the_compiled_template() -> None:
    source = environment("zh", True).compile('{{ _("Archive") }}', raw=True)
    assert "归档" in source and "_(" not in source and "l_0__" not in source


def test_each_language_keeps_its_own_translations() -> None:
    first = environment("fr", True).get_template("page.html").render()
    second = environment("zh", True).get_template("page.html").render()
    assert first.startswith("Archives|") and second.startswith("归档 & <b>|")
