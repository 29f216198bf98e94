"""Pagefind run as its command line over a folder of pages, the bundle read back.

It makes the same bundle as Pagefind's service given the same pages (a test compares them
byte for byte), in less time: the Chinese pages of a 500-issue site in 3.6 s instead of
4.3–4.7 s (benchmarks/README.md); the service builds and writes an index more slowly, then
sends it back as base64 in JSON. It runs in a scratch folder of its own with no `PAGEFIND_`
variables: a `pagefind.yml` or the environment must not change what it does.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections import deque
from collections.abc import Callable
from pathlib import Path

from generator.errors import PagefindError
from generator.output.writer import scratch
from generator.search.binary import find as find_binary

ENTRY = "pagefind-entry.json"
_PARSED = "[Building search indexes]"  # what it prints once every page is read


def bundle(folder: Path, count: int, parsed: Callable[[], None] = lambda: None) -> dict[
        str, bytes]:
    """The bundle of the `count` pages below `folder` (path in the bundle -> bytes). `parsed`
    is called when Pagefind has read the pages (or stopped): the rest, building the index,
    is on one core, so another index can be parsed meanwhile."""
    env = {name: value for name, value in os.environ.items()
           if not name.upper().startswith("PAGEFIND_")}
    said: deque[str] = deque(maxlen=5)
    try:
        binary = find_binary()
        with scratch(folder.parent, ()) as out:  # (beside the pages: a killed build's is tidied)
            try:
                run = subprocess.Popen(
                    [str(binary), "--site", str(folder), "--output-path", str(out)], cwd=out,
                    env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                    stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace")
            except OSError as exc:  # not executable, wrong architecture, …
                raise PagefindError(f"cannot run {binary}: {exc.strerror or exc}") from exc
            with run:
                assert run.stdout is not None
                for line in run.stdout:
                    said.append(line.strip())
                    if line.startswith(_PARSED):
                        parsed()
            if run.returncode != 0:
                last = next((line for line in reversed(said) if line), "")
                raise PagefindError(f"Pagefind stopped (exit {run.returncode})"
                                    + (f": {last}" if last else ""))
            files = {path.relative_to(out).as_posix(): path.read_bytes()
                     for path in out.rglob("*") if path.is_file()}
    finally:
        parsed()
    _check(files, count, folder)
    return files


def _check(files: dict[str, bytes], count: int, folder: Path) -> None:
    """Every page indexed: the entry file counts them."""
    try:
        languages = json.loads(files[ENTRY])["languages"].values()
        indexed = sum(language["page_count"] for language in languages)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise PagefindError(f"Pagefind wrote no readable {ENTRY}") from None
    if indexed != count:
        raise PagefindError(f"Pagefind indexed {indexed} of {count} pages in {folder}")
