"""The process pool: results in the jobs' order whatever ran them, and workers that yield the
cores to the build's other processes (Pagefind's)."""

import os

import pytest

from generator.incremental import pool


@pytest.fixture
def two_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    monkeypatch.setattr(pool, "workers", lambda: 2)


def test_results_come_in_the_jobs_order(two_workers: None) -> None:
    jobs = [lambda n=n: (n, os.getpid()) for n in range(200)]
    done = pool.run_all(jobs)
    assert [n for n, _ in done] == list(range(200))
    assert os.getpid() not in {pid for _, pid in done}  # (run in workers, not here)


def test_workers_run_below_the_build(two_workers: None) -> None:
    here = os.nice(0)
    assert set(pool.run_all([lambda: os.nice(0)] * 10)) == {min(19, here + 10)}
