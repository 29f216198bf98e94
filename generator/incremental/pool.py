"""THE process pool: independent CPU-bound jobs (parsing files, rendering pages) on every core.
Forked workers inherit the jobs (closures over the site and the templates), so nothing but
the results crosses between processes, and results come back in the jobs' order: the output
does not depend on how many workers ran."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

# Below this many jobs a pool costs more than it saves.
PARALLEL_FROM = 64
_JOBS: list[Callable[[], Any]] = []  # set before the fork: what the workers run


T = TypeVar("T")


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    # Below the build's other processes: once a language's pages are rendered, its search
    # index (Pagefind, in a process of its own) is the build's longest step, and the
    # rendering left can wait for a free core (benchmarks/README.md).
    os.nice(10)
    gc.enable()  # (a build parses with collections off; a worker's jobs make garbage)


def die_with_parent(parent: int) -> None:
    """In a forked worker: end when the build that forked it ends, killed included (Linux's
    PR_SET_PDEATHSIG). Otherwise a worker of a `kill -9`ed build waits forever on a pipe
    that nobody will read or write again."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux
        return
    if os.getppid() != parent:  # the build ended before the call above
        os._exit(1)


def workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else os.cpu_count() or 1)


def _run(span: tuple[int, int]) -> list[Any]:
    results: list[Any] = []
    for job in _JOBS[span[0]:span[1]]:
        try:
            results.append(job())
        except Exception:  # noqa: BLE001 - the parent runs the job again and reports it
            results.append(None)
    return results


def run_all(jobs: list[Callable[[], T]]) -> list[T]:
    """Every job's result (never None), in order; the same however many workers ran them."""
    return list(results(jobs))


def results(jobs: list[Callable[[], T]]) -> Iterator[T]:
    """run_all(), each result as soon as it and those before it are done: the caller can act
    on the first ones while the workers go on with the rest. The workers start (fork) now,
    not at the first result: a thread the caller starts afterwards is never forked."""
    count = workers()
    if count < 2 or len(jobs) < PARALLEL_FROM:
        return (job() for job in jobs)
    import multiprocessing  # (a small rebuild renders a few pages here, without it)

    if "fork" not in multiprocessing.get_all_start_methods():
        return (job() for job in jobs)
    global _JOBS
    _JOBS = jobs
    gc.freeze()  # the workers' collections then leave the inherited objects' pages shared
    try:
        pool = multiprocessing.get_context("fork").Pool(count, _start_worker, (os.getpid(),))
    except BaseException:  # (cannot fork: no workers to wait for)
        gc.unfreeze()
        _JOBS = []
        raise
    return _collected(pool, jobs, count)


def _collected(pool: Any, jobs: list[Callable[[], T]], count: int) -> Iterator[T]:
    global _JOBS
    try:
        # Small spans (a few dozen pages): no worker sits idle long while another ends.
        size = max(1, min(64, len(jobs) // (count * 8)))
        spans = [(at, min(at + size, len(jobs))) for at in range(0, len(jobs), size)]
        with pool:
            done = (result for chunk in pool.imap(_run, spans) for result in chunk)
            # A job that failed in a worker fails again here, with its real exception.
            for job, result in zip(jobs, done, strict=True):
                yield job() if result is None else result
    finally:
        gc.unfreeze()
        _JOBS = []
