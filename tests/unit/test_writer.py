"""THE writer and the output's guard: what reaches the output folder, and when."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.output.files import Output
from generator.output.guard import MARKER, OutputRefused, check_output
from generator.output.writer import (
    OutputCollision,
    StagedWriter,
    scratch,
    tidy_scratch,
    update,
    write_files,
)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_staged_build_replaces_the_output_whole(tmp_path: Path) -> None:
    out = tmp_path / "build"
    (out / "old").mkdir(parents=True)
    (out / "old/gone.html").write_bytes(b"old")
    with StagedWriter(out) as writer:
        writer.write_all([Output("en/index.html", b"new"), Output("a.txt", b"a")])
        assert files(out) == {"old/gone.html": b"old"}  # nothing shows before the swap
        writer.commit()
    assert files(out) == {"a.txt": b"a", "en/index.html": b"new"}
    assert [p.name for p in tmp_path.iterdir()] == ["build"]  # no staging folder left


def test_a_failed_build_leaves_the_output_and_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "build"
    out.mkdir()
    (out / "page.html").write_bytes(b"before")
    with pytest.raises(RuntimeError), StagedWriter(out) as writer:
        writer.write_all([Output("page.html", b"after")])
        raise RuntimeError("a later stage failed")
    assert files(out) == {"page.html": b"before"}
    assert [p.name for p in tmp_path.iterdir()] == ["build"]


def test_paths_outside_the_output_and_twice_the_same_path_are_refused(tmp_path: Path) -> None:
    for path in ("../x.html", "/etc/x", "a/../../x", ""):
        with pytest.raises(OutputCollision):
            write_files(tmp_path, [Output(path, b"x")])
    with pytest.raises(OutputCollision), StagedWriter(tmp_path / "build") as writer:
        writer.write_all([Output("a.html", b"1"), Output("a.html", b"2")])


def test_update_writes_only_what_changed_and_removes_what_is_gone(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_files(out, [Output("same.html", b"same"), Output("edit.html", b"v1"),
                      Output("gone/page.html", b"x")])
    same_inode = (out / "same.html").stat().st_ino
    changed = update(out, [Output("same.html", b"same"), Output("edit.html", b"v2"),
                           Output("new.html", b"n")])
    assert sorted(changed) == ["edit.html", "gone/page.html", "new.html"]
    assert files(out) == {"edit.html": b"v2", "new.html": b"n", "same.html": b"same"}
    assert (out / "same.html").stat().st_ino == same_inode and not (out / "gone").exists()


def test_update_that_fails_to_write_changes_nothing(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "build"
    write_files(out, [Output("a.html", b"a1"), Output("b.html", b"b1")])
    real = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if self.name.startswith(".b.html"):
            raise OSError(28, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OSError):
        update(out, [Output("a.html", b"a2"), Output("b.html", b"b2")])
    assert files(out) == {"a.html": b"a1", "b.html": b"b1"}  # no temporary file left either


def test_tidying_undoes_a_half_done_swap_and_drops_dead_staging(tmp_path: Path) -> None:
    out = tmp_path / "build"
    old = tmp_path / ".build.old"
    old.mkdir()
    (old / "index.html").write_bytes(b"previous")  # killed between the two renames
    dead = tmp_path / ".build.staging-999999999"
    dead.mkdir()
    live = tmp_path / f".build.staging-{os.getpid()}"
    live.mkdir()
    StagedWriter(out).tidy()
    assert files(out) == {"index.html": b"previous"}
    assert not dead.exists() and live.exists()


def test_scratch_folders_go_whatever_happens(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), scratch(tmp_path, [("a/b.html", b"x")]) as folder:
        assert (folder / "a/b.html").read_bytes() == b"x"
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "newsletter-scratch-999999999-x").mkdir()  # a killed build's
    tidy_scratch(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_guard_accepts_outputs_it_made_and_refuses_the_rest(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    for out in (site, tmp_path, site / "content" / "x", site / ".git"):
        with pytest.raises(OutputRefused):
            check_output(site, out)
    ours = site / "build"
    ours.mkdir()
    (ours / "page.html").write_text("x")
    with pytest.raises(OutputRefused):
        check_output(site, ours)
    (ours / MARKER).write_text("")
    check_output(site, ours)
    check_output(site, site / "not-yet")
