"""Templates compiled once per process: a second environment reuses the first's bytecode."""
from __future__ import annotations

import jinja2

from jinja_cache import MemoryBytecodeCache


def test_a_template_is_compiled_once_and_recompiled_when_it_changes():
    cache = MemoryBytecodeCache()
    sources = {"page.html": "Hello {{ name }}"}

    def environment() -> jinja2.Environment:
        return jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache)

    assert environment().get_template("page.html").render(name="a") == "Hello a"
    assert len(cache._store) == 1
    key = next(iter(cache._store))
    assert environment().get_template("page.html").render(name="b") == "Hello b"
    assert list(cache._store) == [key]  # the second environment loaded, not compiled
    sources["page.html"] = "Bye {{ name }}"
    assert environment().get_template("page.html").render(name="c") == "Bye c"
