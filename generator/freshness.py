"""Is the output already what this build would write? Then a rebuild does nothing.

The fingerprint covers everything a build reads (the generator's code, site.yaml, every
content file, every theme file) and every option that changes the output; the manifest
covers the output folder (each file's path, size and modification time), so a build/ edited
or damaged by hand is rebuilt too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

from generator.cache import code_digest
from generator.errors import Diagnostic
from generator.sources import SourceFile


def fingerprint(config_text: str, files: list[SourceFile], theme_root: Path,
                options: tuple) -> str:
    digest = hashlib.sha256()
    digest.update(code_digest().encode() + config_text.encode() + repr(options).encode())
    for source in files:
        digest.update(f"{source.path}\0{source.digest}\0".encode())
    for path in sorted(theme_root.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(theme_root).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def manifest(out: Path) -> str:
    digest = hashlib.sha256()
    if not out.is_dir():
        return ""
    for path in sorted(out.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(out).as_posix()}\0{stat.st_size}\0"
                          f"{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def state_name(out: Path) -> str:
    return "build-" + hashlib.sha256(str(out.resolve()).encode()).hexdigest()[:12] + ".json"


def encode_state(key: str, out: Path, summary: dict, warnings: list[Diagnostic]) -> bytes:
    return json.dumps({"fingerprint": key, "manifest": manifest(out), "summary": summary,
                       "warnings": [asdict(w) for w in warnings]}, sort_keys=True).encode()


def unchanged(state: bytes | None, key: str, out: Path) -> tuple[dict, list[Diagnostic]] | None:
    """The stored summary and warnings if `out` is the build of exactly these inputs."""
    if not state:
        return None
    try:
        data = json.loads(state)
        if data["fingerprint"] != key or data["manifest"] != manifest(out):
            return None
        return data["summary"], [Diagnostic(**w) for w in data["warnings"]]
    except (ValueError, KeyError, TypeError):
        return None  # an unreadable state only costs a full build
