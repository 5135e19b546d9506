"""Refuse page content that would run code in a reader's browser.

Python-Markdown passes raw HTML through, so the source is scanned as HTML would be read:
tags may span lines and quote '>' inside attributes, and entities are decoded before
looking for ``javascript:``.
"""
from __future__ import annotations

import html
import re

from ..parse.prose import mask_code
from ..schema import Problem

_TAG = re.compile(r"""<\s*([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_HANDLER = re.compile(r"""(?:^|[\s"'/])on[a-z]+\s*=""", re.I)
# case-insensitive after its first letter ([jJ]: nothing else matches j in any case), so that
# the scan skips straight to the j's of the page
_JS_URL = re.compile(r"[jJ](?i:\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:)")
_EMBEDS = {"script": "a <script> element", "iframe": "an embedded <iframe>",
           "object": "an embedded <object>", "embed": "an embedded <embed>"}


def scan(text: str, *, file: str, owner=lambda line: None) -> list[Problem]:
    """Every unsafe construct in a page's source (front matter included), by line; code
    (inline or fenced) is text, not markup.

    ``owner(line)`` names the metric a front-matter line belongs to, if any.
    """
    problems = []
    text = mask_code(text)  # `<script>` in code is text, not markup

    def report_line(line: int, what: str) -> None:
        problems.append(Problem(file, line, f"the page carries {what}, which is not allowed", owner(line)))

    def report(offset: int, what: str) -> None:
        report_line(text.count("\n", 0, offset) + 1, what)

    for tag in _TAG.finditer(text):
        name = tag.group(1).lower()
        if name in _EMBEDS:
            report(tag.start(), _EMBEDS[name])
        if _HANDLER.search(tag.group(2)):
            report(tag.start(), "an inline event handler (on…=)")
    decoded = html.unescape(text)  # entities keep their line: count lines in the decoded text
    for match in _JS_URL.finditer(decoded):
        report_line(decoded.count("\n", 0, match.start()) + 1, "a javascript: URL")
    return sorted(problems, key=lambda p: p.line)
