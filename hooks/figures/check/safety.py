"""Refuse page content that would run code in a reader's browser."""
from __future__ import annotations

import re

from ..schema import Problem

_UNSAFE = [
    (re.compile(r"<\s*script\b", re.I), "a <script> element"),
    (re.compile(r"<[^>]*\son[a-z]+\s*=", re.I), "an inline event handler (on…=)"),
    (re.compile(r"javascript\s*:", re.I), "a javascript: URL"),
    (re.compile(r"<\s*(iframe|object|embed)\b", re.I), "an embedded <iframe>, <object> or <embed>"),
]


def scan(text: str, *, file: str) -> list[Problem]:
    """Every unsafe construct in a page's source (front matter included), by line."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, what in _UNSAFE:
            if pattern.search(line):
                problems.append(Problem(file, number, f"the page carries {what}, which is not allowed"))
    return problems
