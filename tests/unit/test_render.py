"""The render stage on a small site: one job per file, each rendered once, errors reported at
their template line, links resolved, site-root links checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.load import Options, load
from generator.render import site as render
from generator.render.theme import Theme

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "sites" / "archive"
THEME = Path(__file__).resolve().parents[2] / "themes" / "default"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "site")
    shutil.copytree(THEME, tmp_path / "site" / "themes" / "default")
    return tmp_path / "site"


def _serial(jobs):
    return [job() for job in jobs]


def _rendered(site: Path) -> dict[str, bytes]:
    loaded = load(Options(site, site / "build"))
    theme = Theme.of_site(site)
    return dict(render.render(render.jobs(loaded.site, loaded.config, theme), theme, _serial))


def test_every_page_feed_and_sitemap_is_one_job(site: Path) -> None:
    loaded = load(Options(site, site / "build"))
    jobs = render.jobs(loaded.site, loaded.config, Theme.of_site(site))
    paths = [job.path for job in jobs]
    assert len(paths) == len(set(paths))
    for code in loaded.config.codes:
        assert f"{code}/feed.xml" in paths and f"{code}/index.html" in paths
        assert f"{code}/search/index.html" in paths
    assert {"index.html", "404.html", "sitemap.xml", "robots.txt"} <= set(paths)
    searchable = {job.path for job in jobs if job.searchable}
    assert searchable and all("/issues/" in p or p.count("/") == 2 for p in searchable)
    assert not any(p.endswith("feed.xml") or p == "sitemap.xml" for p in searchable)
    issues = [d for d in loaded.site.documents if d.kind == "issue"]
    assert all(f"{d.url_path}index.html" in paths for d in issues)


def test_jobs_render_the_same_bytes_every_time(site: Path) -> None:
    assert _rendered(site) == _rendered(site)


def test_links_between_documents_become_urls(site: Path) -> None:
    pages = _rendered(site)
    assert not any(b"newsletter-ref:" in data or b"newsletter-root:" in data
                   for data in pages.values())


def test_a_template_error_names_the_template_and_line(site: Path) -> None:
    template = site / "themes/default/templates/issue.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{{ doc.title }}", "{{ doc.title | no_such_filter }}", 1), encoding="utf-8")
    with pytest.raises(GeneratorError) as failed:
        _rendered(site)
    problem = failed.value.diagnostics[0]
    assert problem.path.endswith("issue.html") and problem.line > 0
    assert "no_such_filter" in problem.message


def test_a_template_error_while_rendering_is_reported_too(site: Path) -> None:
    template = site / "themes/default/templates/issue.html"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{{ doc.title }}", "{{ doc.title.no_such_method() }}", 1), encoding="utf-8")
    with pytest.raises(GeneratorError) as failed:
        _rendered(site)
    assert failed.value.diagnostics[0].path.endswith("issue.html")


def test_a_site_root_link_to_nothing_is_an_error(site: Path) -> None:
    issue = next((site / "content" / "en" / "issues").glob("*.md"))
    issue.write_text(issue.read_text(encoding="utf-8") + "\nSee [gone](/en/no-such-page/).\n",
                     encoding="utf-8")
    loaded = load(Options(site, site / "build"))
    with pytest.raises(GeneratorError) as failed:
        render.jobs(loaded.site, loaded.config, Theme.of_site(site))
    problem = failed.value.diagnostics[0]
    assert problem.path.endswith(issue.name) and "/en/no-such-page/" in problem.message
