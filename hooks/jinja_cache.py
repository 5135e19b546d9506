"""Compiled templates, kept in memory for the whole MkDocs process.

MkDocs makes a new Jinja environment for every build: for each language, and for every
``mkdocs serve`` rebuild. Each one compiles Material's templates again (about 0.15 s of CPU
per build). With this bytecode cache, each template is compiled once per process; Jinja
keys every entry by the template's source checksum, so an edited template is recompiled.
"""
from __future__ import annotations

import jinja2


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


shared = MemoryBytecodeCache()
