"""Random front matter and Markdown thrown at the loader: it builds or reports a clean error."""

import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import GeneratorError
from generator.incremental.pool import results
from generator.load import Options, load
from generator.render import site as render
from generator.render.theme import Theme

ROOT = Path(__file__).resolve().parents[1]
KEYS = ["number", "date", "title", "summary", "colophon", "draft", "translation_of", "titel",
        "translation_key", "source"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**12), st.floats(),
                    st.text(max_size=30), st.dates().map(str),
                    st.sampled_from(["2016-07-15", "2016-02-30", "en", "zh", "en@abc1234",
                                     "zh@zz", "../../x", "yes", "~", "[", "{a: 1}"]))
values = st.one_of(scalars, st.lists(scalars, max_size=3))
# Half valid front matter, so the Markdown behind it gets exercised too.
valid = st.fixed_dictionaries(
    {"number": st.just(1), "date": st.just("2020-01-02")},
    optional={"title": st.text(min_size=1, max_size=30).filter(str.strip),
              "summary": st.text(min_size=1, max_size=30).filter(str.strip),
              "draft": st.just(False), "colophon": st.text(max_size=40)})
front = st.one_of(valid, st.fixed_dictionaries(
    {"number": st.one_of(st.just(1), values), "date": st.one_of(st.just("2020-01-02"), values)},
    optional={key: values for key in KEYS[2:]}))
markdown = st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["# H1", "## Sec {#s}", "### Art {#a}", "### Art {#a}", "#### 中文小标题",
                     "[x](1.md#a)", "[y](../pages/p.md)", "[z](/en/feed.xml)", "[w](/nope/)",
                     "<script>x</script>", "!!! panel \"专栏\"\n    text", "| a |\n|---|\n| b |",
                     "[^1]\n\n[^1]: n", "{: .source }", "```\ncode", "    indented", "---",
                     "\x00", "\ufeff", "{#}", "### {#x}"])), max_size=8).map("\n\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(meta=front, body=markdown, raw_yaml=st.sampled_from([False, False, False, True]),
       extra=st.text(max_size=40))
def test_loader_never_crashes(tmp_path_factory, meta, body, raw_yaml, extra):
    site = tmp_path_factory.mktemp("prop")
    shutil.copy(ROOT / "site.yaml", site / "site.yaml")
    (site / "themes").symlink_to(ROOT / "themes")
    issues = site / "content/en/issues"
    issues.mkdir(parents=True)
    (issues / "2.md").write_text("---\nnumber: 2\ndate: 2020-01-01\n---\n\n## S {#s}\n\n"
                                 "### A {#a}\n", encoding="utf-8")
    header = extra if raw_yaml else yaml.safe_dump(meta, allow_unicode=True)
    (issues / "1.md").write_text(f"---\n{header}\n---\n\n{body}\n", encoding="utf-8")
    try:
        loaded = load(Options(site, site / "build"))
        theme = Theme.of_site(site)
        list(render.render(render.jobs(loaded.site, loaded.config, theme), theme, results))
    except GeneratorError as exc:
        assert exc.diagnostics
        for diagnostic in exc.diagnostics:
            assert diagnostic.path and diagnostic.message
            # The line is one of the file's (0: about the whole file).
            lines = (site / diagnostic.path).read_text(encoding="utf-8").count("\n") + 1 \
                if (site / diagnostic.path).is_file() else 0
            assert 0 <= diagnostic.line <= lines, (diagnostic, lines)


# ----- the command line over arbitrary site.yaml values and front-matter scalars ----------
SETTINGS = ["base_url", "default_language", "timezone", "languages", "title", "description",
            "issue_title", "publisher", "signup", "colour"]
anything = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(SETTINGS), value=anything, lang=st.sampled_from(["en", "zh", None]),
       field=st.sampled_from(KEYS), scalar=scalars)
def test_the_command_line_never_shows_a_traceback(tmp_path_factory, capsys, key, value, lang,
                                                  field, scalar):
    from generator.cli import main

    site = tmp_path_factory.mktemp("cli")
    config = yaml.safe_load((ROOT / "site.yaml").read_text(encoding="utf-8"))
    if lang and isinstance(config.get(key), dict):
        config[key][lang] = value
    else:
        config[key] = value
    (site / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True),
                                    encoding="utf-8")
    (site / "themes").symlink_to(ROOT / "themes")
    issue = site / "content/en/issues/1.md"
    issue.parent.mkdir(parents=True)
    meta = {"number": 1, "date": "2020-01-02", field: scalar}
    issue.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\nText.\n",
                     encoding="utf-8")
    for command in (["check"], ["build", "--no-search"]):
        code = main(["--root", str(site), *command, *(["--out", str(site / "out")]
                                                       if command[0] == "build" else [])])
        assert code in (0, 1)
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
