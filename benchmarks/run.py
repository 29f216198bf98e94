"""Time `newsletter build` on a generated corpus: cold, no-change and one-edit builds.

    python -m benchmarks.run --issues 500 --runs 3 [--search] [--out-json FILE]

Every build runs in a fresh child process (`python -m generator`'s own code path, see CHILD),
timed from spawn to exit; its peak resident memory comes from os.wait4() on that child (the
largest of the child and the processes it waited for, e.g. the Pagefind binary). Per-stage times
come from the generator's BuildReport.stages. If `hugo` is on PATH, or Pelican is installed in
--pelican-venv, the same corpus is laid out for them and they are timed in the same way, in
the same session; with --search, the Pagefind CLI is also run over Hugo's output.

The corpus is cached in --cache (keyed by issues, seed and a hash of corpus.py and site.yaml);
the one-edit scenario appends a sentence to one English issue and restores it afterwards.
"""

from __future__ import annotations

import argparse
import compileall
import fcntl
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import corpus

REPO = Path(__file__).resolve().parent.parent
VENV_PYTHON = REPO / ".venv" / "bin" / "python"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "newsletter-bench"
SCENARIOS = ("cold", "no-change", "one-edit")

# Runs in the child: the CLI exactly as `python -m generator --root R build --out O`, with
# pipeline.build wrapped to catch the BuildReport (cli.py calls it as `pipeline.build`).
CHILD = r"""
import contextlib, io, json, resource, sys, time
t0 = time.perf_counter()
from generator import build as pipeline
from generator import cli
captured = []
_build = pipeline.build
def build(*args, **kwargs):
    report = _build(*args, **kwargs)
    captured.append(report)
    return report
pipeline.build = build
t1 = time.perf_counter()
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    rc = cli.main(sys.argv[1:])
r = captured[0] if captured else None
print(json.dumps({
    "rc": rc, "imports": t1 - t0, "main": time.perf_counter() - t1,
    "seconds": getattr(r, "seconds", None), "stages": getattr(r, "stages", {}) or {},
    "pages": getattr(r, "pages", {}), "unchanged": getattr(r, "unchanged", None),
    "self_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "stdout": out.getvalue()[-2000:], "stderr": err.getvalue()[-4000:]}))
"""


@dataclass
class Measure:
    wall: float
    rss_mb: float  # peak RSS of the process tree's largest member (wait4)
    cpu: float = 0.0  # user + system seconds of the child and the processes it waited for
    load: float = 0.0  # 1-minute load average when the measurement started
    tree_mb: float = 0.0  # peak of the summed PSS of the process tree, sampled at 5 Hz
    info: dict = field(default_factory=dict)


PAGE = os.sysconf("SC_PAGE_SIZE")


def _pss(pid: int) -> int:
    """Proportional set size: pages shared with other processes (forked workers share most
    of the parent's memory) count in part, so a tree's sum is what it really occupies."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:  # no smaps_rollup (old kernel): resident pages, shared ones counted in full
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, ValueError, IndexError):
        return 0


def tree_memory(pid: int) -> int:
    """Bytes occupied by a process and all its descendants, now (0 once it is gone)."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            parents.setdefault(ppid, []).append(int(entry.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += parents.get(p, [])
        total += _pss(p)
    return total


class TreeSampler(threading.Thread):
    """Samples the memory (summed PSS) of a process tree every `interval` s; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, tree_memory(self.pid))


def timed(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> Measure:
    """Run cmd in a fresh process; wall time from spawn to exit, peak RSS via wait4."""
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    err_chunks: list[bytes] = []
    stderr = proc.stderr
    assert stderr is not None
    reader = threading.Thread(target=lambda: err_chunks.append(stderr.read()), daemon=True)
    reader.start()
    out = proc.stdout.read()  # type: ignore[union-attr]
    reader.join()
    err = b"".join(err_chunks)
    sampler.done.set()  # before wait4: a reaped pid may be reused
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                           f"{out.decode(errors='replace')[-3000:]}"
                           f"{err.decode(errors='replace')[-3000:]}")
    return Measure(wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, load,
                   sampler.peak / 2**20, {"stdout": out.decode(errors="replace")})


def wait_idle(limit: float, max_load: float, log: Callable[[str], None]) -> None:
    """Wait up to `limit` seconds for the 1-minute load average to drop to `max_load`."""
    deadline = time.monotonic() + limit
    if os.getloadavg()[0] > max_load and limit > 0:
        log(f"  waiting for load {os.getloadavg()[0]:.1f} to drop to {max_load} ...")
    while os.getloadavg()[0] > max_load and time.monotonic() < deadline:
        time.sleep(2)


# ----- the tools --------------------------------------------------------------------------
@dataclass
class Tool:
    name: str
    site: Path  # the laid-out site folder
    out: Path
    command: Callable[[], list[str]]
    clean: list[Path]  # deleted before a cold build (output, caches)
    edit_file: Path
    cwd: Path | None = None
    parse: Callable[[Measure], None] | None = None


def ours(site: Path, work: Path, search: bool, edit: str) -> Tool:
    out = work / "out-newsletter"
    cmd = [str(VENV_PYTHON), "-c", CHILD, "--root", str(site), "build", "--out", str(out)]
    if not search:
        cmd.append("--no-search")

    def parse(m: Measure) -> None:
        data = json.loads(m.info["stdout"].strip().splitlines()[-1])
        if data["rc"] != 0:
            raise RuntimeError("newsletter build failed:\n" + data["stderr"] + data["stdout"])
        m.info = data

    return Tool("newsletter", site, out, lambda: cmd,
                [out, out.parent / f".{out.name}.staging", out.parent / f".{out.name}.old",
                 site / ".cache", site / ".newsletter-cache"],
                site / "content" / "en" / "issues" / edit, cwd=site, parse=parse)


HUGO_CONFIG = """baseURL = "https://example.github.io/newsletter/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term"]
buildFuture = true
hasCJKLanguage = true
enableRobotsTXT = true
[markup.goldmark.parser.attribute]
  block = true
  title = true
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
[languages.en]
  contentDir = "content/en"
  languageName = "English"
  languageCode = "en"
  title = "China Science and Technology Newsletter"
  weight = 1
[languages.zh]
  contentDir = "content/zh"
  languageName = "中文"
  languageCode = "zh-CN"
  title = "中国科技通讯"
  weight = 2
"""
# Our site has a parallel view (中英对照) of every document at .../parallel/: a Hugo user gets
# the same pages with an output format whose template shows both editions side by side.
HUGO_PARALLEL = """[outputFormats.parallel]
  mediaType = "text/html"
  baseName = "parallel/index"
  isHTML = true
  permalinkable = false
[outputs]
  page = ["html", "parallel"]
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": """<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description"
  content="{{ with .Description }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
{{ range .AllTranslations }}
<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}
{{ with .OutputFormats.Get "rss" }}
<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
</head>
<body><header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .Translations }}
<a hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body></html>
""",
    # data-pagefind-body: the CLI indexes the documents' text only, as our build does
    "_default/single.html": """{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time>
{{ with .Description }}<p class="summary">{{ . }}</p>{{ end }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}
<nav class="pager">
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav></article>{{ end }}
""",
    "_default/single.parallel.html": """{{ define "main" }}<div class="parallel">
<article lang="{{ .Lang }}"><h1>{{ .Title }}</h1>{{ .Content }}</article>
{{ range .Translations }}<article lang="{{ .Lang }}"><h1>{{ .Title }}</h1>{{ .Content }}</article>
{{ end }}</div>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ range .Pages.GroupByDate "2006" }}<h2>{{ .Key }}</h2><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>{{ end }}{{ end }}
""",
    "index.html": """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
{{ range first 10 (where .Site.RegularPages "Section" "issues") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>
{{ end }}</ul>{{ end }}
""",
}
ISSUE_TITLE = {"en": "China Science and Technology Newsletter No.{n}", "zh": "中国科技通讯 第{n}期"}


def _split(text: str) -> tuple[dict[str, str], str]:
    """The corpus's simple front matter: top-level `key: value` lines (block values skipped)."""
    _, head, body = text.split("---\n", 2)
    meta = {}
    for line in head.splitlines():
        if line and not line.startswith(" ") and ": " in line:
            key, value = line.split(": ", 1)
            meta[key] = json.loads(value) if value.startswith('"') else value
    return meta, body


def layout_hugo(site: Path, dest: Path, parallel: bool = True) -> None:
    """The corpus as a Hugo site; `parallel=False` leaves out the parallel views."""
    if dest.exists():
        shutil.rmtree(dest)
    (dest / "layouts" / "_default").mkdir(parents=True)
    (dest / "config.toml").write_text(HUGO_CONFIG + (HUGO_PARALLEL if parallel else ""),
                                      encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (dest / "layouts" / name).write_text(text, encoding="utf-8")
    for src in sorted((site / "content").rglob("*.md")):
        lang, kind = src.parent.parent.name, src.parent.name
        meta, body = _split(src.read_text(encoding="utf-8"))
        if kind == "issues":
            title, key = ISSUE_TITLE[lang].format(n=meta["number"]), f"issue-{meta['number']}"
        else:
            title, key = meta["title"], meta.get("translation_key", src.stem)
        fm = {"title": title, "translationKey": key, "description": meta.get("summary", "")}
        if "date" in meta:
            fm["date"] = meta["date"]
        target = dest / "content" / lang / kind / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n"
                                            for k, v in fm.items()) + "---\n" + body,
                          encoding="utf-8")


def hugo(site: Path, work: Path, edit: str, parallel: bool = True) -> Tool | None:
    exe = shutil.which("hugo")
    if not exe:
        return None
    tail = "" if parallel else "-no-parallel"
    dest = work / f"hugo-site{tail}"
    layout_hugo(site, dest, parallel)
    out = work / f"out-hugo{tail}"
    return Tool("hugo", dest, out, lambda: [exe, "--source", str(dest), "--destination",
                                            str(out), "--quiet"],
                [out, dest / "resources", dest / ".hugo_build.lock"],
                dest / "content" / "en" / "issues" / edit)


PELICAN_CONF = """SITENAME = "China Science and Technology Newsletter"
SITEURL = ""
PATH = "content"
ARTICLE_PATHS = ["en/issues", "zh/issues"]
PAGE_PATHS = ["en/pages", "zh/pages"]
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 10
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {}, "markdown.extensions.admonition": {},
        "markdown.extensions.sane_lists": {}, "markdown.extensions.toc": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}
"""


def layout_pelican(site: Path, dest: Path) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    (dest / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
    for src in sorted((site / "content").rglob("*.md")):
        lang, kind = src.parent.parent.name, src.parent.name
        meta, body = _split(src.read_text(encoding="utf-8"))
        if kind == "issues":
            head = {"Title": ISSUE_TITLE[lang].format(n=meta["number"]), "Date": meta["date"],
                    "Slug": f"issue-{meta['number']}", "Category": "issues"}
        else:
            head = {"Title": meta["title"], "Slug": meta.get("translation_key", src.stem)}
        head.update({"Lang": lang, "Summary": meta.get("summary", "")})
        target = dest / "content" / lang / kind / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("".join(f"{k}: {v}\n" for k, v in head.items()) + "\n" + body,
                          encoding="utf-8")


def pelican(site: Path, work: Path, venv: Path, edit: str) -> Tool | None:
    exe = venv / "bin" / "pelican"
    if not exe.exists():
        return None
    dest = work / "pelican-site"
    layout_pelican(site, dest)
    out = work / "out-pelican"
    return Tool("pelican", dest, out, lambda: [str(exe), "content", "-s", "pelicanconf.py",
                                               "-o", str(out), "-q"],
                [out, dest / "cache"], dest / "content" / "en" / "issues" / edit, cwd=dest)


def pagefind_cli() -> Path | None:
    """The Pagefind binary the build runs (see generator/search/binary.py), if installed."""
    from generator.errors import PagefindError
    from generator.search.binary import find

    try:
        return find()
    except PagefindError:
        return None


# ----- running ----------------------------------------------------------------------------
def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


class Trash:
    """Where the cold scenario's deleted outputs and caches go until the runner ends.

    On this machine's disk, creating thousands of folders and files soon after a large tree
    was deleted costs several times the kernel time it costs otherwise (mkdir ~0.75 ms instead
    of ~0.1 ms a call, for minutes), which would time the deletion, not the tool. Moving the
    old tree aside is one rename; it is deleted after the last timed build."""

    def __init__(self, folder: Path):
        self.folder, self.count = folder, 0
        remove(folder)

    def discard(self, path: Path) -> None:
        if path.exists() or path.is_symlink():
            self.folder.mkdir(parents=True, exist_ok=True)
            self.count += 1
            path.rename(self.folder / str(self.count))

    def empty(self) -> None:
        remove(self.folder)


def code_digest() -> str:
    """The generator's code and theme as they are now (others may be editing them)."""
    h = hashlib.sha256()
    for path in sorted([*(REPO / "generator").rglob("*.py"), *(REPO / "themes").rglob("*")]):
        if path.is_file():
            h.update(path.as_posix().encode() + path.read_bytes())
    return h.hexdigest()[:12]


def measure(tool: Tool) -> Measure:
    before = code_digest() if tool.name == "newsletter" else ""
    m = timed(tool.command(), cwd=tool.cwd)
    if tool.parse:
        tool.parse(m)
    if before and code_digest() != before:
        m.info["code_changed"] = True
    m.info["code"] = before
    return m


def run_tool(tool: Tool, runs: int, log: Callable[[str], None], trash: Trash,
             idle: tuple[float, float] = (0, 0),
             failures: list[str] | None = None) -> dict[str, list[Measure]]:
    failures = failures if failures is not None else []
    results: dict[str, list[Measure]] = {s: [] for s in SCENARIOS}
    original = tool.edit_file.read_bytes()
    try:
        for run in range(1, runs + 1):
            for path in tool.clean:
                trash.discard(path)
            for scenario in SCENARIOS:
                if scenario == "one-edit":
                    edited = original.rstrip(b"\n") + \
                        f"\n\nThis sentence was added by benchmark run {run}.\n".encode()
                    tool.edit_file.write_bytes(edited)
                wait_idle(idle[0], idle[1], log)
                try:
                    m = measure(tool)
                except RuntimeError as exc:  # record it and go on with the other runs
                    failures.append(f"{tool.name} run {run} {scenario}: {exc}")
                    log(f"  {tool.name} run {run} {scenario} FAILED:\n{str(exc)[-1500:]}")
                    continue
                results[scenario].append(m)
                notes = "".join([
                    ", reported unchanged" if m.info.get("unchanged") else "",
                    ", GENERATOR CODE CHANGED DURING THE BUILD" if m.info.get("code_changed")
                    else "",
                    ", generator code differs from run 1's" if m.info.get("code") and
                    results["cold"] and m.info["code"] != results["cold"][0].info.get("code")
                    else ""])
                log(f"  {tool.name} run {run} {scenario}: {m.wall:.2f} s wall, {m.cpu:.2f} s "
                    f"CPU, {m.rss_mb:.0f} MB max process, {m.tree_mb:.0f} MB tree, "
                    f"load {m.load:.1f}{notes}")
            tool.edit_file.write_bytes(original)
    finally:
        tool.edit_file.write_bytes(original)
    return results


def pagefind_runs(exe: Path, site: Path, subdir: str, runs: int, what: str, trash: Trash,
                  idle: tuple[float, float], log: Callable[[str], None]) -> list[Measure]:
    """Time the Pagefind CLI over `site`, writing its bundle to `site`/`subdir`."""
    measures = []
    for _ in range(runs):
        trash.discard(site / subdir)
        wait_idle(idle[0], idle[1], log)
        measures.append(timed([str(exe), "--site", str(site), "--output-subdir", subdir]))
        log(f"  pagefind CLI over {what}: {measures[-1].wall:.2f} s, "
            f"{measures[-1].rss_mb:.0f} MB")
    return measures


def content_digest(site: Path) -> str:
    h = hashlib.sha256()
    for path in sorted((site / "content").rglob("*.md")):
        h.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def lock(cache: Path, log: Callable[[str], None]) -> object:
    """One runner at a time per cache folder: two would share the corpus and the outputs."""
    handle = open(cache / ".lock", "w")  # noqa: SIM115 (held until the process exits)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        log(f"another benchmark is running in {cache}; waiting for it (or use --cache) ...")
        fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def prepare_corpus(issues: int, seed: int, cache: Path, log: Callable[[str], None]) -> Path:
    key = hashlib.sha256(Path(corpus.__file__).read_bytes() +
                         (REPO / "site.yaml").read_bytes()).hexdigest()[:10]
    site = cache / f"corpus-{issues}-s{seed}-{key}"
    marker = site / ".complete"
    if not marker.exists() or marker.read_text().strip() != content_digest(site):
        # missing, or changed since it was written (an edit left behind by a killed run)
        log(f"generating the corpus in {site} ...")
        remove(site)
        corpus.write_corpus(site, issues, seed)
        marker.write_text(content_digest(site) + "\n")
    link = site / "themes"
    if not link.is_symlink() or link.resolve() != (REPO / "themes").resolve():
        # (a corpus made from another checkout links to that one's themes)
        remove(link)
        link.symlink_to(REPO / "themes", target_is_directory=True)
    return site


def machine() -> dict:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    py = subprocess.run([str(VENV_PYTHON), "-c", "import sys, markdown_it, jinja2; print("
                         "sys.version.split()[0], markdown_it.__version__, jinja2.__version__)"],
                        capture_output=True, text=True).stdout.split()
    commit = subprocess.run(["git", "-C", str(REPO), "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip()
    hugo_exe = shutil.which("hugo")
    hugo_version = subprocess.run([hugo_exe, "version"], capture_output=True, text=True
                                  ).stdout.split()[1] if hugo_exe else None
    return {"cpu": cpu, "cores": len(os.sched_getaffinity(0)), "ram_gb": round(mem / 2**20, 1),
            "python": py[0] if py else platform.python_version(),
            "markdown_it": py[1] if len(py) > 1 else None, "jinja2": py[2] if len(py) > 2 else None,
            "os": platform.platform(), "commit": commit, "hugo": hugo_version}


def summarize(results: dict[str, dict[str, list[Measure]]]) -> dict:
    out: dict = {}
    for tool, scenarios in results.items():
        out[tool] = {}
        for scenario, ms in scenarios.items():
            if not ms:
                continue
            stages: dict[str, float] = {}
            for name in ms[0].info.get("stages", {}):
                stages[name] = statistics.median(m.info["stages"].get(name, 0.0) for m in ms)
            entry = {"runs": [round(m.wall, 3) for m in ms],
                     "median_s": round(statistics.median(m.wall for m in ms), 3),
                     "median_cpu_s": round(statistics.median(m.cpu for m in ms), 3),
                     "load_at_start": [round(m.load, 1) for m in ms],
                     "peak_rss_mb": round(max(m.rss_mb for m in ms), 1),
                     "peak_tree_mb": round(max(m.tree_mb for m in ms), 1),
                     "stages_s": {k: round(v, 3) for k, v in stages.items()}}
            if any("code" in m.info for m in ms):
                entry["unchanged"] = [m.info.get("unchanged") for m in ms]
                entry["code"] = [m.info.get("code") for m in ms]
            if ms[0].info.get("imports") is not None:
                entry["imports_s"] = round(statistics.median(m.info["imports"]
                                                                     for m in ms), 3)
                entry["python_rss_mb"] = round(max(m.info["self_rss_mb"] for m in ms), 1)
                entry["children_rss_mb"] = round(max(m.info["children_rss_mb"] for m in ms), 1)
            out[tool][scenario] = entry
    return out


def table(summary: dict) -> str:
    stage_names: list[str] = []
    for scenarios in summary.values():
        for entry in scenarios.values():
            stage_names += [s for s in entry["stages_s"] if s not in stage_names]
    hugo_cold = summary.get("hugo", {}).get("cold", {}).get("median_s")
    head = ["tool", "scenario", "median s", "runs", "CPU s", "max proc MB", "tree PSS MB",
            *stage_names]
    if hugo_cold:
        head.append("x Hugo cold")
    rows = [head]
    for tool, scenarios in summary.items():
        for scenario, e in scenarios.items():
            row = [tool, scenario, f"{e['median_s']:.2f}", " ".join(f"{r:.2f}" for r in e["runs"]),
                   f"{e['median_cpu_s']:.2f}", f"{e['peak_rss_mb']:.0f}",
                   f"{e['peak_tree_mb']:.0f}",
                   *[f"{e['stages_s'][s]:.2f}" if s in e["stages_s"] else "" for s in stage_names]]
            if hugo_cold:
                row.append(f"{e['median_s'] / hugo_cold:.2f}")
            rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"
             for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=500, help="issues per language")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search", action="store_true", help="build the search index too")
    parser.add_argument("--out-json", type=Path, help="write the results as JSON")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE,
                        help=f"corpus cache and work folder (default: {DEFAULT_CACHE})")
    parser.add_argument("--peers", default="hugo,pelican",
                        help="peers to time when installed (comma-separated; '' for none)")
    parser.add_argument("--peer-runs", type=int, help="runs for the peers (default: --runs)")
    parser.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                        help="before each build, wait up to this long for the 1-minute load "
                             "average to drop to --idle-load (shared machines)")
    parser.add_argument("--idle-load", type=float, default=1.0)
    parser.add_argument("--pelican-venv", type=Path, default=Path("/tmp/pelican-venv"))
    args = parser.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    info = machine()
    print(f"machine: {info['cpu']}, {info['cores']} cores, {info['ram_gb']} GB RAM; "
          f"Python {info['python']} (markdown-it-py {info['markdown_it']}, "
          f"Jinja2 {info['jinja2']}); "
          f"{info['os']}; commit {info['commit']}" + (f"; Hugo {info['hugo']}" if info["hugo"]
                                                       else ""))
    # As an install has it (pip compiles on install, Python caches on first import). Machines
    # that set PYTHONDONTWRITEBYTECODE=1, as this project's do, would otherwise compile the
    # generator from source in every timed build: ~30 ms of each.
    compileall.compile_dir(REPO / "generator", quiet=1)
    args.cache.mkdir(parents=True, exist_ok=True)
    held = lock(args.cache, log)  # noqa: F841 (released at exit)
    site = prepare_corpus(args.issues, args.seed, args.cache, log)
    sizes = [p.stat().st_size for p in (site / "content").rglob("*.md")]
    print(f"corpus: {args.issues} issues per language, {len(sizes)} files, "
          f"{sum(sizes) / 1e6:.1f} MB, in {site}")
    work = args.cache / f"work-{args.issues}"
    work.mkdir(exist_ok=True)

    results: dict[str, dict[str, list[Measure]]] = {}
    failures: list[str] = []
    edit = f"{max(1, args.issues // 2)}.md"  # an issue in the middle: it has both neighbours
    trash = Trash(work / "trash")
    idle = (args.wait_idle, args.idle_load)
    results["newsletter"] = run_tool(ours(site, work, args.search, edit), args.runs, log, trash,
                                     idle, failures)
    if args.search and (exe := pagefind_cli()):
        # The Pagefind CLI over the same pages, read back from disk (what the API avoids).
        ours_out = work / "out-newsletter"
        results["pagefind-cli (newsletter out)"] = {"cold": pagefind_runs(
            exe, ours_out, "pagefind-cli", args.runs, "newsletter's output", trash, idle, log)}
        remove(ours_out / "pagefind-cli")
    peers = [p for p in args.peers.split(",") if p]
    peer_runs = args.peer_runs or args.runs
    for name in peers:
        tool = hugo(site, work, edit) if name == "hugo" else \
            pelican(site, work, args.pelican_venv, edit) if name == "pelican" else None
        if tool is None:
            log(f"{name}: not installed, skipped")
            continue
        results[name] = run_tool(tool, peer_runs, log, trash, idle, failures)
        if name == "hugo" and args.search and (exe := pagefind_cli()):
            results["pagefind-cli (hugo out)"] = {"cold": pagefind_runs(
                exe, work / "out-hugo", "pagefind", peer_runs, "Hugo's output", trash, idle,
                log)}

    trash.empty()  # after the last timed build
    summary = summarize(results)
    print()
    print(table(summary))
    for tool, scenarios in summary.items():
        e = scenarios.get("cold", {})
        if "imports_s" in e:
            print(f"\n{tool} cold: imports ~{e['imports_s']:.2f} s "
                  f"(in the median); peak RSS: main process {e['python_rss_mb']:.0f} MB, "
                  f"largest child (worker or Pagefind) {e['children_rss_mb']:.0f} MB")
    for failure in failures:
        print(f"\nFAILED: {failure.splitlines()[0][:200]}")
    if args.out_json:
        args.out_json.write_text(json.dumps({
            "machine": info, "issues_per_language": args.issues, "runs": args.runs,
            "search": args.search, "corpus": str(site), "results": summary,
            "failures": failures}, indent=2) + "\n")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
