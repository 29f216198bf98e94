"""Nothing is lost: a build killed at any moment leaves the previous output exactly as it was,
and content removed from the site does not linger in the next build."""

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from goodsite import tree

ROOT = Path(__file__).resolve().parents[1]



def differences(a: dict[str, str], b: dict[str, str]) -> list[str]:
    return sorted(name for name in set(a) | set(b) if a.get(name) != b.get(name))


@pytest.fixture
def site(tmp_path) -> Path:
    for name in ("site.yaml", "content", "themes"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    return tmp_path


def build(site: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "--root", str(site), "build",
                             *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def test_kill_9_during_build_leaves_previous_output(site):
    assert build(site).wait() == 0
    before = tree(site / "build")
    # Change the content so an interrupted swap would show up as a different tree.
    issue = site / "content/en/issues/13.md"
    issue.write_text(issue.read_text(encoding="utf-8") + "\nOne more sentence.\n",
                     encoding="utf-8")
    started = time.monotonic()
    assert build(site).wait() == 0
    duration = time.monotonic() - started
    assert build(site).wait() == 0  # and back to a known state: the edited content
    edited = tree(site / "build")
    assert edited != before
    for step in range(12):  # kill at moments spread over a whole build
        proc = build(site, "--clean")  # --clean: a full build even though nothing changed
        time.sleep(duration * step / 12)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert (site / "build").is_dir(), f"build/ missing after a kill at step {step}"
        changed = differences(tree(site / "build"), edited)
        assert not changed, f"build/ changed by a kill at step {step}: {changed[:10]}"
    assert build(site).wait() == 0
    assert not differences(tree(site / "build"), edited)
    leftovers = [p.name for p in site.iterdir() if p.name.startswith(".build")]
    assert leftovers == []


def test_removed_content_does_not_linger(site):
    source = site / "content/en/pages/short-lived.md"
    source.write_text("---\ntitle: A short-lived page\ndate: 2016-01-01\n---\n\nGone soon.\n",
                      encoding="utf-8")
    assert build(site, "--no-search").wait() == 0
    page = site / "build/en/short-lived/index.html"
    assert page.exists()
    assert "short-lived" in (site / "build/sitemap.xml").read_text(encoding="utf-8")
    source.unlink()
    assert build(site, "--no-search").wait() == 0
    assert not page.exists() and not page.parent.exists()
    assert "short-lived" not in (site / "build/sitemap.xml").read_text(encoding="utf-8")


def test_kill_9_during_an_incremental_build_is_repaired_by_the_next(site):
    """A rebuild that changes a few files writes them all under temporary names first, then
    renames them in: a kill leaves every file whole (at worst, during the renames, some of
    each build), and the next build, not trusting that output, makes exactly the clean
    build."""
    assert build(site, "--no-search").wait() == 0
    issue = site / "content/en/issues/13.md"
    original = issue.read_text(encoding="utf-8")
    started = time.monotonic()
    issue.write_text(original + "\nEdited.\n", encoding="utf-8")
    assert build(site, "--no-search").wait() == 0
    duration = time.monotonic() - started
    for step in range(8):
        issue.write_text(original + f"\nEdit {step}.\n", encoding="utf-8")
        proc = build(site, "--no-search")
        time.sleep(duration * step / 8)  # (kill points spread over a build, not a wait)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert build(site, "--no-search").wait() == 0
        assert build(site, "--no-search", "--clean", "--out", str(site / "clean")).wait() == 0
        changed = differences(tree(site / "build"), tree(site / "clean"))
        assert not changed, f"after a kill at step {step}: {changed[:10]}"


@pytest.mark.parametrize("edit", [False, True])
def test_a_full_disk_leaves_the_previous_output(site, edit):
    """A write that fails (here: the file-size limit, as a full disk fails it) in a cold or a
    one-edit rebuild: one message, exit 1, the previous output byte for byte."""
    import resource

    assert build(site, "--no-search").wait() == 0
    before = tree(site / "build")
    if edit:
        issue = site / "content/en/issues/13.md"
        issue.write_text(issue.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write fails instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))

    result = subprocess.run([sys.executable, "-m", "generator", "--root", str(site), "build",
                             "--no-search", *([] if edit else ["--clean"])], cwd=ROOT,
                            capture_output=True, text=True, preexec_fn=small_files)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "error:" in result.stderr
    assert tree(site / "build") == before


def _processes_of(site: Path) -> list[str]:
    """Processes still running a build of `site` (its path is in their command line)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, UnicodeDecodeError):
            continue
        if entry.name.isdigit() and str(site) in command:
            found.append(f"{entry.name} {command}")
    return found


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux's /proc")
def test_a_killed_build_leaves_no_process_behind(site):
    """The parse and render workers and the template helper end with the build that forked
    them, even when it is killed (otherwise they wait forever on pipes nobody reads)."""
    issues = site / "content/en/issues"
    for number in range(100, 200):  # enough files for the parse pool, pages for the render one
        (issues / f"{number}.md").write_text(
            f"---\nnumber: {number}\ndate: 2001-01-01\n---\n\n## News {{#news}}\n\n"
            f"### Item {{#item}}\n\nText of issue {number}.\n", encoding="utf-8")
    started = time.monotonic()
    assert build(site, "--clean", "--no-search").wait() == 0
    duration = time.monotonic() - started
    for step in range(1, 8):
        proc = build(site, "--clean", "--no-search")
        time.sleep(duration * step / 8)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 5
        while _processes_of(site) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _processes_of(site), f"left running after a kill at step {step}"


def test_a_full_disk_in_a_small_rebuild_leaves_the_previous_output(site, monkeypatch):
    """The disk fills up after the first file a few-page rebuild writes: none of its files
    may reach the output (it used to publish the new issue page beside the old feed)."""
    import datetime as dt
    import errno

    from generator.build import build as build_site
    from generator.load import Options

    assert build(site, "--no-search").wait() == 0
    before = tree(site / "build")
    issue = site / "content/en/issues/13.md"
    issue.write_text(issue.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    writes = []
    write_bytes = Path.write_bytes

    def filling(self, data):
        if self.is_relative_to(site / "build"):
            writes.append(self)
            if len(writes) > 1:
                raise OSError(errno.ENOSPC, "No space left on device")
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", filling)
    with pytest.raises(OSError, match="No space"):
        # (as the command line sets it: the same setup as the build before, so the few-page
        # path is taken)
        build_site(Options(site, site / "build", search=False, today=dt.date.today()))
    assert len(writes) == 2  # the few-page path: files written into the output folder
    assert tree(site / "build") == before
