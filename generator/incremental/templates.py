"""Compiled templates kept in the build cache, so a rebuild does not compile the theme again.

Jinja checks each entry against its template's source (and Python's bytecode version) before
using it, so an edited template or another Python is compiled afresh. One store serves every
language's environment; a template's entry is per catalog, since literal translations are
compiled in (`translated`).
"""

from __future__ import annotations

import os
import pickle
from typing import TYPE_CHECKING, Any

import jinja2

if TYPE_CHECKING:
    from generator.config import SiteConfig
    from generator.render.theme import Theme


class CompiledTemplates(jinja2.BytecodeCache):
    def __init__(self, data: bytes | None = None, changed: bool = False):
        self.stored: dict[str, bytes] = {}
        self.changed = changed  # not yet in the build cache
        if data:
            try:
                self.stored = dict(pickle.loads(data))
            except Exception:  # noqa: BLE001 - an unreadable cache only costs compiling
                self.stored = {}

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        key = f"{self.get_cache_key(name, filename)}-{getattr(environment, 'catalog_key', '')}"
        bucket = jinja2.bccache.Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.stored.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()
        self.changed = True

    def dump(self) -> bytes:
        return pickle.dumps(self.stored, protocol=pickle.HIGHEST_PROTOCOL)


def compile_theme(theme: Theme, config: SiteConfig) -> bytes:
    """The store with every template of the theme compiled for every language."""
    from generator.errors import Diagnostics
    from generator.render.theme import compile_all, environment

    store = CompiledTemplates()
    for lang in config.languages:
        compile_all(environment(theme, config, lang, Diagnostics(), store))
    return store.dump()


class CompileAhead:
    """compile_theme in a forked helper process, started when a build begins without compiled
    templates: the theme then compiles (0.15-0.25 s) while the build scans and parses,
    instead of before it renders. Anything going wrong there (or taking a minute) gives None,
    and the build compiles, and reports, as it renders."""

    def __init__(self, theme: Theme, config: SiteConfig):
        import multiprocessing

        # What the helper runs is imported here, before the fork: a `serve` process has other
        # threads, and one of them holding the import lock at the fork would hang the helper.
        import generator.render.i18n
        import generator.render.literals  # noqa: F401

        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_compile_into,
                                        args=(send, self._receive, theme, config, os.getpid()),
                                        daemon=True)
        self._process.start()
        send.close()

    def result(self) -> bytes | None:
        try:
            data = self._receive.recv() if self._receive.poll(60) else None
        except (EOFError, OSError):
            data = None
        self.cancel()
        return data

    def cancel(self) -> None:
        self._process.terminate()
        self._process.join()


def _compile_into(send: Any, receive: Any, theme: Theme, config: SiteConfig,
                  parent: int) -> None:
    from generator.incremental.pool import die_with_parent

    die_with_parent(parent)
    receive.close()  # (only the build reads)
    try:
        data = compile_theme(theme, config)
    except Exception:  # noqa: BLE001 - the build compiles again, and reports the error
        data = None
    try:
        send.send(data)
    except OSError:
        pass  # the build is gone
    finally:
        send.close()
