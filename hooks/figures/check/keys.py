"""The keys of a page's front matter: ours, and those MkDocs and Material read. A misspelt key
(``not_figure:``, ``offical_text:``) would otherwise be ignored without a word, and its page
checked as if the key were absent."""
from __future__ import annotations

from messages import msg
from messages.hints import suggest

from ..parse.frontmatter import Node
from ..schema import Problem

#: what the build reads: the figures, the numbers that are not figures, the official-text flag
OURS = ("metrics", "not_figures", "official_text")
#: what MkDocs and Material read from a page
THEME = ("title", "description", "template", "hide", "search", "icon", "status", "subtitle", "tags")
KNOWN = OURS + THEME


def unknown(meta: Node | None, *, file: str) -> list[Problem]:
    """A problem for each top-level key of ``meta`` that nothing reads."""
    if meta is None or not isinstance(meta.children, dict):
        return []
    return [Problem(file, node.line, msg("unknown front-matter key '{key}'{suggestion} (known keys: {known})",
                                         key=key, suggestion=suggest(key, KNOWN), known=list(KNOWN)))
            for key, node in meta.children.items() if key not in KNOWN]
