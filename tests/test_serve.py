"""`newsletter serve`: rebuilds on save, reloads the browser, shows errors, recovers."""

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ISSUE = "---\nnumber: 1\ndate: 2020-01-01\n---\n\n## S {#s}\n\n### {title} {#a}\n\nText.\n"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def wait_for(check, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
        except OSError:
            value = None
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def served(tmp_path):
    shutil.copy(ROOT / "site.yaml", tmp_path / "site.yaml")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    issue = tmp_path / "content/en/issues/1.md"
    issue.parent.mkdir(parents=True)
    issue.write_text(ISSUE.replace("{title}", "First"), encoding="utf-8")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "generator", "--root", str(tmp_path), "serve",
                             "--no-search", "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: get(base + "/__reload"))
        yield base, issue, tmp_path
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def state(base: str) -> dict:
    return json.loads(get(base + "/__reload"))


def test_serve_reloads_shows_errors_and_recovers(served):
    base, issue, site = served
    page = get(base + "/en/issues/1/")
    assert b"First" in page and b"/__livereload.js" in page
    assert b"livereload" not in (site / "build/en/issues/1/index.html").read_bytes()
    first = state(base)["generation"]

    issue.write_text(ISSUE.replace("{title}", "Second"), encoding="utf-8")
    wait_for(lambda: state(base)["generation"] > first)
    assert b"Second" in get(base + "/en/issues/1/")

    issue.write_text("---\nnumber: 1\ndate: 2020-13-01\n---\n", encoding="utf-8")
    error = wait_for(lambda: state(base)["error"])
    assert "content/en/issues/1.md:3" in error and "is not a date" in error
    assert b"Second" in get(base + "/en/issues/1/")  # the last good build is still there

    generation = state(base)["generation"]
    issue.write_text(ISSUE.replace("{title}", "Third"), encoding="utf-8")
    wait_for(lambda: state(base)["generation"] > generation and not state(base)["error"])
    assert b"Third" in get(base + "/en/issues/1/")


def test_a_search_index_that_cannot_be_built_shows_in_the_browser(tmp_path, monkeypatch):
    """Pagefind missing or broken while serving: the page says so; serving goes on."""
    from generator.load import Options
    from generator.search.pagefind import PagefindError
    from generator.tools import serve

    def broken(options):
        raise PagefindError("the Pagefind service stopped unexpectedly")

    monkeypatch.setattr(serve.pipeline, "build", broken)
    state = serve.State()
    serve.rebuild(Options(tmp_path, tmp_path / "build"), state)
    assert state.error is not None
    assert "search index could not be built: the Pagefind service stopped" in state.error
    assert "--no-search" in state.error


def test_a_nul_in_the_path_is_a_bad_request_and_serving_goes_on(served):
    import urllib.error

    base, _, _ = served
    with pytest.raises(urllib.error.HTTPError) as error:
        get(base + "/%00")
    assert error.value.code == 400
    assert b"<html" in get(base + "/en/")


def test_serve_survives_any_exception_in_a_rebuild(monkeypatch, tmp_path):
    from generator import build as pipeline
    from generator.tools import serve

    def broken(options):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "build", broken)
    state = serve.State()
    serve.rebuild(pipeline.Options(tmp_path, tmp_path / "build"), state)
    assert state.error and "RuntimeError: disk on fire" in state.error
