"""Session fixtures: the seed site and the archive fixture site, built once; a local server."""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:  # the `sitecheck` helper module
    sys.path.insert(0, str(TESTS))

from goodsite import good_site, site  # noqa: E402, F401 - fixtures for every test
from sitecheck import (  # noqa: E402
    BASE_PATH,
    DEFAULT_BASE_URL,
    FIXTURE_SITES,
    REPO,
    BuiltSite,
    build_site,
)


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """A fresh output path (not yet created) in a session temp folder."""
    def make(name: str) -> Path:
        return tmp_path_factory.mktemp(name) / "build"
    return make


@pytest.fixture(scope="session")
def seed_build(build_dir: Callable[[str], Path]) -> Path:
    """The repository's own site, with search, at the default base_url (/newsletter/)."""
    return build_site(REPO, build_dir("seed"))


@pytest.fixture(scope="session")
def seed_site(seed_build: Path) -> BuiltSite:
    return BuiltSite(seed_build, DEFAULT_BASE_URL)


@pytest.fixture(scope="session")
def fixture_site(build_dir: Callable[[str], Path]) -> BuiltSite:
    """tests/fixtures/sites/archive/ built without drafts (and without search: faster)."""
    out = build_site(FIXTURE_SITES / "archive", build_dir("archive"), search=False)
    return BuiltSite(out, DEFAULT_BASE_URL)


@pytest.fixture(scope="session")
def fixture_site_drafts(build_dir: Callable[[str], Path]) -> BuiltSite:
    """The archive fixture built with --drafts."""
    out = build_site(FIXTURE_SITES / "archive", build_dir("archive-drafts"), drafts=True,
                     search=False)
    return BuiltSite(out, DEFAULT_BASE_URL)


# ----- a local static server ----------------------------------------------------------------
class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under `base_path` only, like GitHub Pages serves a project site."""

    base_path = BASE_PATH

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if url_path + "/" == self.base_path:
            url_path = self.base_path  # /newsletter -> redirected to /newsletter/
        if not url_path.startswith(self.base_path):
            return os.path.join(self.directory, ".not-below-base-path", "missing")
        return super().translate_path("/" + url_path[len(self.base_path):])

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


_Handler.extensions_map = {**_Handler.extensions_map, ".js": "text/javascript",
                           ".mjs": "text/javascript", ".wasm": "application/wasm",
                           ".json": "application/json", ".xml": "application/xml"}


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """serve(dir, base_path="/newsletter/") -> "http://127.0.0.1:<port>/newsletter/".

    The folder is looked up per request, so it may be built after the server starts (build
    with `base_url=` the returned URL so absolute URLs point at this server).
    """
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(directory: Path, base_path: str = BASE_PATH) -> str:
        handler = type("Handler", (_Handler,), {"base_path": base_path})
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True,
                         name=f"serve {directory}").start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{base_path}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
