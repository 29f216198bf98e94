"""Every mistake an editor can make: one clear message with file and line, exit 1, no
traceback, and the previous build left exactly as it was."""

import pytest
from goodsite import GOOD_ISSUE, ROOT, newsletter, tree_digest, write

ISSUE = "content/en/issues/1.md"
CASES = {
    "yaml syntax": (ISSUE, "---\nnumber: 1\ndate: [2020\n---\n", ISSUE, 4, "YAML syntax error"),
    "yaml bad indentation": (ISSUE, "---\nnumber: 1\n  date: 2020-01-01\n---\n", ISSUE, 3,
                             "YAML syntax error"),
    "missing number": (ISSUE, "---\ndate: 2020-01-01\n---\n", ISSUE, 1,
                       "is named like issue No.1 but has no `number`"),
    "missing date": (ISSUE, "---\nnumber: 1\n---\n", ISSUE, 1, "missing required field `date`"),
    "number is text": (ISSUE, "---\nnumber: one\ndate: 2020-01-01\n---\n", ISSUE, 2,
                       "`number` must be"),
    "negative number": (ISSUE, "---\nnumber: -3\ndate: 2020-01-01\n---\n", ISSUE, 2,
                        "must be positive"),
    "date not a date": (ISSUE, "---\nnumber: 1\ndate: 15 July 2016\n---\n", ISSUE, 3,
                        "is not a date"),
    "impossible date": (ISSUE, "---\nnumber: 1\ndate: 2016-02-30\n---\n", ISSUE, 3,
                        "is not a date"),
    "unknown field": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\ntitel: X\n---\n", ISSUE, 4,
                      "unknown front-matter field `titel`"),
    "no front matter": (ISSUE, "## Only a body\n", ISSUE, 1, "must start with a `---`"),
    "duplicate number": ("content/en/issues/3.md", GOOD_ISSUE.format(n=2),
                         "content/en/issues/3.md", 2, "issue number 2 is already used"),
    "gb18030 file": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\n---\n\n中文\n".encode("gb18030"),
                     ISSUE, 6, "GB18030"),
    "escaping slug": ("content/en/pages/x.md", "---\ntitle: X\ntranslation_key: ../../etc\n"
                      "---\n", "content/en/pages/x.md", 3, "may only use"),
    "reserved page name": ("content/en/pages/search.md", "---\ntitle: X\n---\n",
                           "content/en/pages/search.md", 1, "cannot be called `search`"),
    "broken md link": (ISSUE, GOOD_ISSUE.format(n=1) + "\nSee [x](9.md).\n", ISSUE, 12,
                       "there is no content/en/issues/9.md"),
    "broken anchor": (ISSUE, GOOD_ISSUE.format(n=1) + "\nSee [x](2.md#nope).\n", ISSUE, 12,
                      "has no heading with the id `nope`"),
    "broken root link": (ISSUE, GOOD_ISSUE.format(n=1) + "\nSee [x](/en/nowhere/).\n", ISSUE,
                         12, "the site has no such page"),
    "h1 in body": (ISSUE, GOOD_ISSUE.format(n=1) + "\n# Big\n", ISSUE, 12, "level-1 heading"),
    "duplicate heading id": (ISSUE, GOOD_ISSUE.format(n=1) + "\n### Again {#a}\n", ISSUE, 12,
                             "two headings have the id `a`"),
    "unknown language folder": ("content/fr/issues/1.md", GOOD_ISSUE.format(n=1),
                                "content/fr/issues/1.md", 0, "not a language of this site"),
    "file in the wrong folder": ("content/en/1.md", GOOD_ISSUE.format(n=1), "content/en/1.md", 0,
                                 "outside content/<lang>/issues/"),
    "bad site.yaml": ("site.yaml", "base_url: [\n", "site.yaml", 2, "YAML syntax error"),
    "front matter not closed": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\n\n## S\n", ISSUE, 1,
                                "not closed by a `---` line"),
    "front matter is a list": (ISSUE, "---\n- 1\n- 2\n---\n", ISSUE, 2, "key: value"),
    "draft not a boolean": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\ndraft: maybe\n---\n", ISSUE,
                            4, "`draft` must be true or false"),
    "translation of unknown language": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\n"
                                        "translation_of: fr\n---\n", ISSUE, 4,
                                        "not a site language"),
    "bad translation version": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\n"
                                "translation_of: zh@not-hex\n---\n", ISSUE, 4,
                                "is not a version id"),
    "page without title": ("content/en/pages/x.md", "---\ndate: 2020-01-01\n---\n",
                           "content/en/pages/x.md", 1, "missing required field `title`"),
    "two pages, one key": ("content/en/pages/x.md", "---\ntitle: X\ntranslation_key: about\n"
                           "---\n", "content/en/pages/x.md", 3, "would be written to /en/about/"),
    "utf-16 file": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\n---\n".encode("utf-16"), ISSUE, 1,
                    "UTF-16"),
    "heading without space": (ISSUE, GOOD_ISSUE.format(n=1) + "\n###Title\n", ISSUE, 12,
                              "is not a heading"),
    "unclosed code fence": (ISSUE, GOOD_ISSUE.format(n=1) + "\n```\ncode\n", ISSUE, 12,
                            "never closed"),
    "broken heading id": (ISSUE, GOOD_ISSUE.format(n=1) + "\n### Title {#two words}\n", ISSUE, 12,
                          "was not understood"),
    "attribute list not applied": (ISSUE, GOOD_ISSUE.format(n=1) + "\nText\n\n{: .source }\n",
                                   ISSUE, 14, "was not applied"),
    "attribute list with a value": (ISSUE, GOOD_ISSUE.format(n=1) + '\nText\n{: style="x" }\n',
                                    ISSUE, 13, "was not applied"),
    "space in link": (ISSUE, GOOD_ISSUE.format(n=1) + "\nSee [No.2] (2.md).\n", ISSUE, 12,
                      "breaks the link"),
    "unknown site setting": ("site.yaml", (ROOT / "site.yaml").read_text(encoding="utf-8")
                             + "colour: red\n", "site.yaml", 20, "unknown setting `colour`"),
    "translation of itself": (ISSUE, "---\nnumber: 1\ndate: 2020-01-01\ntranslation_of: en\n"
                              "---\n", ISSUE, 4, "cannot be a translation of its own"),
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["build", "check"])
def test_editor_mistake(site, case, command):
    rel, text, shown, line, message = CASES[case]
    before = tree_digest(site / "build")
    write(site, rel, text)
    result = newsletter(site, command, "--no-search") if command == "build" else \
        newsletter(site, command)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    where = f"{shown}:{line}" if line else f"{shown}:"
    assert where in result.stderr, result.stderr
    assert message in result.stderr
    assert tree_digest(site / "build") == before
    assert not list(site.glob(".build.staging*"))


def test_template_error_is_located(site):
    base = site / "themes/default/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("{% block main %}",
                                                            "{% block main %}{% if %}"),
                    encoding="utf-8")
    result = newsletter(site, "build", "--no-search")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "base.html:" in result.stderr and "template error" in result.stderr


def test_check_passes_on_good_content(site):
    result = newsletter(site, "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok:")
