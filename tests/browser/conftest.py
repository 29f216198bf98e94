"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright, against a local server."""

from __future__ import annotations

import concurrent.futures
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sitecheck import FIXTURE_SITES, REPO, build_site

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _build_served(serve: Callable[..., str], out: Path, root: Path, search: bool) -> str:
    """Serve `out`, then build `root` into it with base_url = the server's URL.

    The build runs in its own thread: Pagefind's asyncio.run must not share a thread with
    Playwright's event loop."""
    url = serve(out)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(build_site, root, out, base_url=url, search=search).result()
    return url


@pytest.fixture(scope="session")
def seed_out(build_dir: Callable[[str], Path]) -> Path:
    """Where the seed site served at `seed_url` is built."""
    return build_dir("browser-seed")


@pytest.fixture(scope="session")
def seed_url(serve: Callable[..., str], seed_out: Path) -> str:
    """http://127.0.0.1:<port>/newsletter/ serving the seed site built with search."""
    return _build_served(serve, seed_out, REPO, search=True)


@pytest.fixture(scope="session")
def fixture_url(serve: Callable[..., str], build_dir: Callable[[str], Path]) -> str:
    """The archive fixture site (no drafts, no search), served."""
    return _build_served(serve, build_dir("browser-archive"), FIXTURE_SITES / "archive",
                         search=False)


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        # The test command installs it: a missing browser is a broken setup, not a skip.
        pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _open_tab(chromium, **context_options: object) -> tuple[object, object]:
    """(context, tab): an English-locale tab with a 10 s default timeout, its JavaScript
    errors collected in `tab.js_errors`."""
    context = chromium.new_context(locale="en-US", **context_options)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.js_errors = errors
    return context, tab


@pytest.fixture
def page(seed_url: str, fixture_url: str, chromium) -> Iterator[object]:
    """A fresh page; both sites are built before the browser context opens."""
    context, tab = _open_tab(chromium)
    yield tab
    context.close()


@pytest.fixture
def open_tab(chromium) -> Callable[..., tuple[object, object]]:
    """Opens (context, tab) as `page` does, with other context options (a viewport)."""
    return lambda **options: _open_tab(chromium, **options)
