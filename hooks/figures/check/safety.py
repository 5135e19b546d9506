"""Refuse page content that would run code in a reader's browser.

Python-Markdown passes raw HTML through, so the source is scanned as HTML would be read:
tags may span lines and quote '>' inside attributes, and entities are decoded before
looking for ``javascript:``.

What Markdown treats as code is not the same everywhere (an escaped backtick opens nothing;
backticks inside a raw HTML block are plain text), so :func:`rendered` checks what is really
published too: a page's HTML after Markdown, where code is already escaped.
"""
from __future__ import annotations

import html
import re

from messages import msg

from ..parse.prose import mask_code
from ..schema import Problem

_TAG = re.compile(r"""<\s*([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_HANDLER = re.compile(r"""(?:^|[\s"'/])on[a-z]+\s*=""", re.I)
# case-insensitive after its first letter ([jJ]: nothing else matches j in any case), so that
# the scan skips straight to the j's of the page
_JS_URL = re.compile(r"[jJ](?i:\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:)")
#: what is refused, by kind: the embedded elements (by tag), inline event handlers, javascript: URLs
WHAT = {"script": msg("a <script> element"), "iframe": msg("an embedded <iframe>"),
        "object": msg("an embedded <object>"), "embed": msg("an embedded <embed>"),
        "handler": msg("an inline event handler (on…=)"), "javascript": msg("a javascript: URL")}
_EMBEDS = ("script", "iframe", "object", "embed")


def scan(text: str, *, file: str, owner=lambda line: None, markdown: bool = True) -> list[Problem]:
    """Every unsafe construct in a page's source (front matter included), by line; code
    (inline or fenced) is text, not markup.

    ``owner(line)`` names the metric a front-matter line belongs to, if any. ``markdown``:
    False for HTML, where backticks are text and code is already escaped.
    """
    problems = []
    if markdown:
        text = mask_code(text)  # `<script>` in code is text, not markup

    def report_line(line: int, kind: str) -> None:
        problems.append(Problem(file, line, msg("the page carries {what}, which is not allowed: remove it "
                                                "(to show code as text, put it in backticks)", what=WHAT[kind]),
                                owner(line), kind))

    def report(offset: int, kind: str) -> None:
        report_line(text.count("\n", 0, offset) + 1, kind)

    for tag in _TAG.finditer(text):
        name = tag.group(1).lower()
        if name in _EMBEDS:
            report(tag.start(), name)
        if _HANDLER.search(tag.group(2)):
            report(tag.start(), "handler")
    decoded = html.unescape(text)  # entities keep their line: count lines in the decoded text
    for match in _JS_URL.finditer(decoded):
        report_line(decoded.count("\n", 0, match.start()) + 1, "javascript")
    return sorted(problems, key=lambda p: p.line)


_CODE_HTML = re.compile(r"<(code|pre)\b[^>]*>.*?</\1>", re.S | re.I)
#: what any unsafe construct has in HTML, entities not yet decoded: a page without it is safe,
#: and the full scan (tag by tag) is spared
_SUSPECT = re.compile(r"<\s*(?:script|iframe|object|embed)|&#|&(?:colon|tab|newline);", re.I)


def rendered(page_html: str) -> list[str]:
    """What is unsafe in a page's HTML as Markdown produced it, by kind (see :data:`WHAT`): the
    constructs the source scan missed, for the build to refuse. Empty when it is safe."""
    if not (_SUSPECT.search(page_html) or _HANDLER.search(page_html) or _JS_URL.search(page_html)):
        return []
    found = scan(_CODE_HTML.sub(" ", page_html), file="", markdown=False)
    return list(dict.fromkeys(p.code for p in found))


def published(file: str, line: int, kind: str) -> Problem:
    """A problem for what the published page would carry (a kind of :func:`rendered`)."""
    return Problem(file, line, msg("the published page would carry {what}, which is not allowed (write "
                                   "code in backticks outside HTML, or leave it out)", what=WHAT[kind]),
                   code=kind)


def line_of(source: str, kind: str) -> int:
    """The first line of ``source`` that may hold ``kind`` (of :func:`rendered`), for the editor
    to look at; 1 when none can be told."""
    needle = {"handler": _HANDLER, "javascript": _JS_URL}.get(kind)
    if needle is None:
        needle = re.compile(r"<\s*" + kind, re.I)
    for number, line in enumerate(source.splitlines(), 1):
        if needle.search(html.unescape(line)):
            return number
    return 1
