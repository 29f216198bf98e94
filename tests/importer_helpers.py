"""Helpers for the importer tests: read our Markdown back as structure, run an import."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

from generator.importer import run

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
if not SEEDS.is_dir():  # CI lays shared/ beside the clone; a worktree may sit elsewhere
    SEEDS = Path("/work/shared/seeds")
LEGACY = REPO / "tests" / "fixtures" / "legacy"
_ID = re.compile(r"\s*\{#[\w-]+\}\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def new_site(tmp: Path) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", tmp / "site.yaml")
    return tmp


def import_into(root: Path, *paths: Path, **options) -> tuple[int, list[dict]]:
    report = root / "report.json"
    code = run(root, list(paths), report=report, **options)
    return code, json.loads(report.read_text(encoding="utf-8"))


def split(markdown: str) -> tuple[dict, str]:
    _, front, body = markdown.split("---\n", 2)
    return yaml.safe_load(front) or {}, body


def blocks(body: str) -> list[tuple[str, str]]:
    """(kind, text) per block: h2/h3/h4, p, source, panel; whitespace normalized."""
    out = []
    for chunk in re.split(r"\n\s*\n", body.strip()):
        chunk = chunk.strip()
        if not chunk:
            continue
        heading = re.match(r"^(#{2,4}) (.*)$", chunk)
        if heading:
            out.append((f"h{len(heading.group(1))}", _norm(_ID.sub("", heading.group(2)))))
        elif chunk.startswith("!!! panel"):
            title, _, text = chunk.partition("\n")
            out.append(("panel", _norm(title[len("!!! panel"):].strip(' "') + " | " + text)))
        elif chunk.endswith("{: .source }"):
            out.append(("source", _norm(chunk.removesuffix("{: .source }"))))
        else:
            out.append(("p", _norm(chunk)))
    return out


def heading_ids(body: str) -> list[str]:
    return re.findall(r"\{#([\w-]+)\}\s*$", body, re.M)


def words(text: str) -> list[str]:
    """Colophon comparison: the words, without Markdown link syntax or punctuation."""
    text = re.sub(r"\[([^\]]*)\]\((?:mailto:)?[^)]*\)", r"\1", text)
    return re.findall(r"[a-z0-9]+|[\u3400-\u9fff]", text.lower())


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", _ESCAPE.sub(r"\1", text)).strip()
