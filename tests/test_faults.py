"""Faults a careless or hostile user can cause (issue: no mistyped flag or odd file can
destroy, hang or poison a build): each refused with one message, no traceback, nothing lost."""

from __future__ import annotations

import pickle
from pathlib import Path

from goodsite import newsletter, tree_digest

CACHE = ".cache/newsletter"


class _Plant:
    """Unpickling this creates a file: proof that a cache file ran code."""

    def __init__(self, proof: Path):
        self.proof = proof

    def __reduce__(self) -> tuple:
        return (Path.write_text, (self.proof, "ran"))


def test_a_planted_cache_file_runs_no_code(site: Path) -> None:
    proof = site / "proof"
    cache = site / CACHE
    names = [p.name for p in cache.iterdir()]
    assert any(name.startswith("documents-") for name in names)
    for name in names + ["documents-00.pickle", "templates.pickle"]:
        (cache / name).write_bytes(pickle.dumps(_Plant(proof)))
    for command in (["check"], ["status"], ["build", "--no-search"]):
        result = newsletter(site, *command)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert not proof.exists(), f"`{' '.join(command)}` ran code from the cache"


def test_a_cache_of_wrong_values_is_ignored_and_rebuilt(site: Path) -> None:
    before = tree_digest(site / "build")
    shard = next((site / CACHE).glob("documents-*.json"))
    text = shard.read_text(encoding="utf-8")
    for broken in (text.replace('"number":1', '"number":"1"'), text[: len(text) // 2],
                   '{"salt": 1}', "[" * 100_000, "\x00\xff"):
        shard.write_text(broken, encoding="utf-8")
        result = newsletter(site, "build", "--no-search", "--out", str(site / "again"))
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert tree_digest(site / "again") == before


def test_check_and_status_write_nothing(site: Path) -> None:
    (site / "content/en/issues/1.md").write_text(
        "---\nnumber: 1\ndate: 2020-01-01\n---\n\nEdited since the build.\n", encoding="utf-8")
    before = tree_digest(site)
    for command in ("check", "status"):
        result = newsletter(site, command)
        assert result.returncode == 0, result.stderr
        assert tree_digest(site) == before, f"`{command}` wrote something"
