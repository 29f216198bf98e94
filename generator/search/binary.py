"""Where the Pagefind binary is: the one `npm ci` installs from package.json (pinned), or the
one named by $NEWSLETTER_PAGEFIND.

Pagefind 1.6.0 is published on npm only (PyPI stops at 1.5.2), and its extended binary is the
first whose Chinese segmenting finds what we need without n-gram blocks (benchmarks/README.md).
The npm package `pagefind` installs the binary for this platform as
node_modules/@pagefind/<platform>/bin/pagefind_extended; it is looked for in the working folder
and beside the generator's own folder (an editable install), so nothing is fetched at run time.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from generator.errors import PagefindError

VERSION = "1.6.0"  # package.json pins the same version
ENV = "NEWSLETTER_PAGEFIND"
_ARCH = {"x86_64": "x64", "amd64": "x64", "aarch64": "arm64", "arm64": "arm64"}
_OS = {"linux": "linux", "darwin": "darwin", "win32": "windows", "freebsd": "freebsd"}


def _package() -> str:
    system = next((v for k, v in _OS.items() if sys.platform.startswith(k)), sys.platform)
    arch = _ARCH.get(platform.machine().lower(), platform.machine().lower())
    return f"@pagefind/{system}-{arch}"


def _candidates() -> list[Path]:
    name = "pagefind_extended.exe" if sys.platform == "win32" else "pagefind_extended"
    tail = Path("node_modules", _package(), "bin", name)
    project = Path(__file__).resolve().parents[2]  # the checkout, for an editable install
    return [folder / tail for folder in dict.fromkeys([Path.cwd(), project])]


def find() -> Path:
    """The extended binary to run, or a PagefindError that says how to install it."""
    named = os.environ.get(ENV)
    if named:
        return Path(named)
    for candidate in _candidates():
        if candidate.is_file():
            return candidate
    raise PagefindError(f"the Pagefind {VERSION} binary is missing ({_package()}): run "
                        f"`npm ci` in the generator's folder, or set {ENV} to "
                        "a pagefind_extended binary")
