"""Check a page's links to other pages and files of the site, each with its line.

MkDocs reports a broken link without its line; this check runs first and names it. Links to
other hosts are left alone, and so are anchors of pages whose headings are drawn by the build
(MkDocs still checks those).
"""
from __future__ import annotations

import posixpath
import re
from typing import Callable

from messages import msg
from messages.hints import suggest

from ..parse.prose import mask_code
from ..schema import Problem

_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def check(body: str, *, page: str, file: str, first_line: int, exists: Callable[[str], bool],
          anchors: Callable[[str], set[str] | None], pages: tuple[str, ...] = ()) -> list[Problem]:
    """Broken links of one page's ``body``.

    ``page`` is the page's path in the docs (``theory.md``); ``exists(path)`` says whether a
    docs path is a file of the site; ``anchors(path)`` gives the ids a page has, or None when
    they are not all known; ``pages`` are the docs' pages, to suggest one for a misspelt link.
    """
    if "](" not in body:  # every link pattern holds "](": most pages link nowhere
        return []
    masked = mask_code(body)
    problems = []
    for match in _LINK.finditer(masked):
        target = match.group(1)
        if _SCHEME.match(target) or target.startswith("/"):
            continue
        path, _, fragment = target.partition("#")
        line = first_line + body.count("\n", 0, match.start())
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
        if path and (resolved.startswith("../") or not exists(resolved)):
            problems.append(Problem(file, line, msg("the link to '{target}' leads nowhere: there is no "
                                                    "'{page}' in the docs{suggestion}", target=target,
                                                    page=resolved, suggestion=suggest(resolved, pages))))
            continue
        known = anchors(resolved) if fragment else None
        if known is not None and fragment not in known:
            problems.append(Problem(file, line, msg("the link to '{target}' leads to no place: '{page}' has "
                                                    "no '#{fragment}'{suggestion}", target=target, page=resolved,
                                                    fragment=fragment, suggestion=suggest(fragment, known))))
    return problems
