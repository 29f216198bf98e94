"""A folder is handed to Pagefind only if it lists the pages in the order they would be sent
one at a time; otherwise there is no folder, and nothing is left behind."""

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.output import writer
from generator.search import folder as pagefind_folder

PATHS = sorted((f"{lang}/issues/{n}/index.html" for lang in ("en", "zh") for n in range(1, 40)),
               key=pagefind_folder.order_key) + ["index.html"]


def content(path: str) -> bytes:
    return f"<html>{path}</html>".encode()


def bases(tmp_path: Path) -> list[Path]:
    shm = Path("/dev/shm")
    return [tmp_path] + ([shm] if shm.is_dir() else [])


def test_order_key_keeps_each_folder_together() -> None:
    """A depth-first listing shows a folder's files one after another."""
    rng = random.Random(2)
    names = ["a", "a-b", "a.b", "b", "index.html", "x.html"]
    paths = sorted({"/".join(rng.choice(names[:4]) for _ in range(rng.randint(0, 3)))
                    + "/" + rng.choice(names[4:]) for _ in range(200)},
                   key=pagefind_folder.order_key)
    paths = [p.lstrip("/") for p in paths]
    for folder in {p.rsplit("/", 1)[0] + "/" for p in paths if "/" in p}:
        at = [i for i, p in enumerate(paths) if p.startswith(folder)]
        assert at == list(range(at[0], at[-1] + 1)), folder


def test_a_folder_lists_the_pages_in_order_or_is_not_given(tmp_path, monkeypatch) -> None:
    for base in bases(tmp_path):
        monkeypatch.setattr(pagefind_folder, "BASES", (base,))
        with pagefind_folder.folder(PATHS, content, 1000) as folder:
            if folder is not None:
                assert pagefind_folder.listing(folder) == PATHS
                assert (folder / PATHS[3]).read_bytes() == content(PATHS[3])
        assert folder is None or not folder.exists()


def test_tmpfs_lists_in_order(monkeypatch) -> None:
    """Where /dev/shm is memory (tmpfs, Linux), the fast path must be taken."""
    mounts = Path("/proc/mounts").read_text() if Path("/proc/mounts").exists() else ""
    if not any(line.split()[1:3] == ["/dev/shm", "tmpfs"] for line in mounts.splitlines()):
        pytest.skip("no tmpfs at /dev/shm")
    monkeypatch.setattr(pagefind_folder, "BASES", (Path("/dev/shm"),))
    with pagefind_folder.folder(PATHS, content, 1000) as folder:
        assert folder is not None and pagefind_folder.listing(folder) == PATHS


def test_a_folder_listed_in_another_order_is_never_used(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pagefind_folder, "BASES", tuple(bases(tmp_path)))
    monkeypatch.setattr(pagefind_folder, "listing",
                        lambda folder: random.Random(1).sample(PATHS, len(PATHS)))
    with pagefind_folder.folder(PATHS, content, 1000) as folder:
        assert folder is None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(writer.SCRATCH)]


def test_a_failing_write_falls_back_and_leaves_nothing(tmp_path, monkeypatch) -> None:
    def full(path: str) -> bytes:
        if path == PATHS[10]:
            raise OSError(28, "No space left on device")
        return content(path)

    monkeypatch.setattr(pagefind_folder, "BASES", (tmp_path,))
    with pagefind_folder.folder(PATHS, full, 1000) as folder:
        assert folder is None
    assert not list(tmp_path.iterdir())


def test_scratch_folders_of_killed_builds_are_removed(tmp_path) -> None:
    ended = subprocess.Popen(["true"])  # noqa: S607 - its pid now belongs to no process
    ended.wait()
    left = tmp_path / f"{writer.SCRATCH}{ended.pid}-abc"
    (left / "en").mkdir(parents=True)
    running = tmp_path / f"{writer.SCRATCH}1-abc"  # pid 1 is always alive
    running.mkdir()
    writer.tidy_scratch(tmp_path)
    assert not left.exists() and running.exists()


def test_a_place_without_room_is_not_tried(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(pagefind_folder, "BASES", (tmp_path,))
    with pagefind_folder.folder(PATHS, content, shutil.disk_usage(tmp_path).free) as folder:
        assert folder is None
    assert not list(tmp_path.iterdir())
