"""Sections of benchmarks/RESULTS.md that another script writes: each between two markers,
replaced in place by its script and kept as they are when run.py rewrites the rest."""
from __future__ import annotations

import re


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name}: start -->", f"<!-- {name}: end -->"


def put(text: str, name: str, body: str) -> str:
    """``text`` with the section ``name`` set to ``body`` (appended when it is not there yet)."""
    start, end = markers(name)
    block = f"{start}\n{body.rstrip()}\n{end}\n"
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end) + r"\n?", re.S)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    return text.rstrip("\n") + ("\n\n" if text.strip() else "") + block


def kept(text: str) -> str:
    """Every marked section of ``text``, to put back after a rewrite of the rest (markers
    written ``<!-- name: start -->`` or ``<!-- name:start -->``)."""
    found = re.finditer(r"<!-- ([\w-]+): ?start -->.*?<!-- \1: ?end -->\n?", text, re.S)
    return "".join(match.group(0).rstrip("\n") + "\n" for match in found)
