from pathlib import Path

from generator.content.config import parse_config
from generator.errors import Diagnostics

ROOT = Path(__file__).resolve().parents[2]
GOOD = (ROOT / "site.yaml").read_text(encoding="utf-8")


def run(text: str):
    diags = Diagnostics()
    return parse_config(text, diags), [d.message for d in diags.items]


def test_repository_config_is_valid():
    config, errors = run(GOOD)
    assert errors == []
    assert config.codes == ("en", "zh")
    assert config.language("zh").tag == "zh-CN"
    assert config.base_path == "/newsletter/"
    assert config.language("zh").issue_title.format(number=13) == "中国科技通讯 第13期"


def test_unknown_and_missing_settings_are_all_reported():
    config, errors = run(GOOD.replace("timezone:", "timezon:"))
    assert config is None
    assert "unknown setting `timezon`" in errors
    assert "missing setting `timezone`" in errors


def test_translatable_setting_needs_every_language():
    config, errors = run(GOOD.replace("  zh: 中国科技通讯\n", ""))
    assert config is None and "`title` has no text for language `zh`" in errors


def test_bad_values():
    text = GOOD.replace("https://example.github.io/newsletter/", "example.org") \
        .replace("Asia/Shanghai", "Mars/Base").replace("default_language: en",
                                                        "default_language: fr")
    config, errors = run(text)
    assert config is None
    assert any("absolute http(s) URL" in e for e in errors)
    assert any("unknown time zone" in e for e in errors)
    assert any("default_language `fr`" in e for e in errors)


def test_base_url_override_normalizes():
    config, _ = run(GOOD)
    assert config.with_base_url("http://127.0.0.1:8000").base_path == "/"
