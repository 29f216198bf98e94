"""Cold build with search, side by side with its peers, runs alternated:

    python -m benchmarks.versus --issues 500 --runs 5 [--out-json FILE]

Each round times, in turn (the order rotates from round to round, so that a slow spell of a
shared machine falls on every tool alike):
- `newsletter build` from nothing, search included (its search stage from the BuildReport);
- Hugo from nothing, then the Pagefind CLI over Hugo's output: what a Hugo user runs; Hugo's
  site has our pages (a parallel view of every document), with the CLI as it comes and told
  (`--glob`) which pages to read, and, as in earlier passes, no parallel views;
- the Pagefind CLI over our published pages (the peer of our search stage).
The CLI is the same Pagefind binary the build runs. Prints the medians, the spread of the
runs (min-max) and the ratios; index sizes are the bundles' bytes on disk.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks.run import (
    DEFAULT_CACHE,
    Measure,
    Trash,
    hugo,
    machine,
    measure,
    ours,
    prepare_corpus,
    remove,
    timed,
)
from generator.search.binary import find as pagefind_binary


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _ours_index(out: Path) -> int:
    return sum(_size(p) for p in out.glob("pagefind*") if p.is_dir())


# Hugo's site with our pages (a parallel view of every document), and without them, as the
# earlier passes measured it: (parallel views, the CLI's --glob). The CLI as a user runs it
# parses every page; told which pages are the documents, it skips the views unread.
GLOB = "*/{issues,pages}/*/index.html"
PEERS = {"hugo+cli": (True, None), "hugo+cli --glob": (True, GLOB),
         "hugo+cli, no parallel views": (False, None)}


def _round(tools: dict, trash: Trash, exe: Path, turn: int) -> dict[str, dict]:
    """One measurement of each contender, starting with a different one each round."""
    got: dict[str, dict] = {}

    def newsletter() -> None:
        tool = tools["newsletter"]
        for path in tool.clean:
            trash.discard(path)
        m = measure(tool)
        got["newsletter"] = {"s": m.wall, "mb": m.rss_mb, "index": _ours_index(tool.out),
                             "search_s": m.info["stages"].get("search", 0.0)}

    def hugo_cli(name: str) -> Callable[[], None]:
        def step() -> None:
            tool = tools[name]
            for path in tool.clean:
                trash.discard(path)
            build = measure(tool)
            glob = PEERS[name][1]
            index = timed([str(exe), "--site", str(tool.out), *(["--glob", glob] if glob else [])])
            got[name] = {"s": build.wall + index.wall, "mb": max(build.rss_mb, index.rss_mb),
                         "index": _size(tool.out / "pagefind"), "cli_s": index.wall}
        return step

    def cli_ours() -> None:
        out = tools["newsletter"].out
        trash.discard(out / "pagefind-cli")
        m: Measure = timed([str(exe), "--site", str(out), "--output-subdir", "pagefind-cli"])
        got["cli over ours"] = {"s": m.wall, "mb": m.rss_mb,
                                "index": _size(out / "pagefind-cli")}
        remove(out / "pagefind-cli")

    steps = [newsletter, *(hugo_cli(name) for name in PEERS), cli_ours]
    for step in steps[turn % len(steps):] + steps[:turn % len(steps)]:
        if step is cli_ours and "newsletter" not in got:
            continue  # needs our output: measured after it in this round
        step()
    if "cli over ours" not in got:
        cli_ours()
    return got


def _summary(rounds: list[dict[str, dict]]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name in rounds[0]:
        values = {key: [r[name][key] for r in rounds] for key in rounds[0][name]}
        out[name] = {key: {"median": statistics.median(v), "min": min(v), "max": max(v)}
                     for key, v in values.items()}
    return out


def paired(rounds: list[dict[str, dict]]) -> str:
    """Ratios within each round (minutes apart, so under about the same load): on a shared
    machine they vary less than the medians of runs taken far apart."""
    lines = []
    for peer in PEERS:
        build = [r["newsletter"]["s"] / r[peer]["s"] for r in rounds]
        lines.append(f"per round, build / ({peer}): {' '.join(f'{v:.2f}' for v in build)} "
                     f"(median {statistics.median(build):.2f})")
    return "\n".join(lines)


def report(summary: dict[str, dict]) -> str:
    lines = ["| contender | median s | min-max s | max process MB | index MB |",
             "|---|---|---|---|---|"]
    for name, e in summary.items():
        lines.append(f"| {name} | {e['s']['median']:.2f} | {e['s']['min']:.2f}-"
                     f"{e['s']['max']:.2f} | {e['mb']['max']:.0f} | "
                     f"{e['index']['median'] / 1e6:.1f} |")
    ours, cli = summary["newsletter"], summary["cli over ours"]
    lines.append("")
    lines += [f"cold build with search / ({peer}): "
              f"{ours['s']['median'] / summary[peer]['s']['median']:.2f}x" for peer in PEERS]
    lines += [f"our search stage {ours['search_s']['median']:.2f} s / CLI over our pages "
              f"{cli['s']['median']:.2f} s: {ours['search_s']['median'] / cli['s']['median']:.2f}x",
              f"index / CLI's over our pages: "
              f"{ours['index']['median'] / cli['index']['median']:.2f}x"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.versus", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=500, help="issues per language")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out-json", type=Path)
    args = parser.parse_args(argv)

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    args.cache.mkdir(parents=True, exist_ok=True)
    site = prepare_corpus(args.issues, args.seed, args.cache, log)
    work = args.cache / f"versus-{args.issues}"
    work.mkdir(exist_ok=True)
    edit = f"{max(1, args.issues // 2)}.md"
    hugo_sites = {parallel: hugo(site, work, edit, parallel)  # (one site for both CLI runs)
                  for parallel in sorted({parallel for parallel, _ in PEERS.values()})}
    tools = {"newsletter": ours(site, work, True, edit),
             **{name: hugo_sites[parallel] for name, (parallel, _) in PEERS.items()}}
    if None in tools.values():
        log("hugo is not installed (apt-get install hugo)")
        return 2
    trash, exe, rounds = Trash(work / "trash"), pagefind_binary(), []
    for turn in range(args.runs):
        rounds.append(_round(tools, trash, exe, turn))
        log(f"round {turn + 1}: " + ", ".join(f"{k} {v['s']:.2f} s" for k, v in
                                              rounds[-1].items()))
    trash.empty()
    summary = _summary(rounds)
    info = machine()
    print(f"{args.issues} issues per language, {args.runs} rounds; {info['cpu']}, "
          f"{info['cores']} cores; commit {info['commit']}; Hugo {info['hugo']}\n")
    print(report(summary))
    print(paired(rounds))
    if args.out_json:
        args.out_json.write_text(json.dumps({"machine": info, "rounds": rounds,
                                             "summary": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
