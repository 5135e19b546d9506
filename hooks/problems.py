"""Problems where editors look: GitHub workflow commands, so that each shows on its line of the
pull request's "Files changed", and a short job summary. Knows nothing of MkDocs.

A problem is anything with ``file``, ``line``, ``metric`` and ``text(lang)`` (``figures.schema.Problem``).
Everything is written in the editor's language (``messages.language()``: check.yml sets it), or
in ``lang``.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Protocol

from messages import msg, msg_n


class ProblemLike(Protocol):
    file: str
    line: int
    metric: str | None

    def text(self, lang: str | None = None) -> str: ...


def workflow_commands(problems: Iterable[ProblemLike], *, lang: str | None = None) -> list[str]:
    """One ``::error file=…,line=…,title=…::message`` line per problem."""
    title = msg("Report check").render(lang)
    out = []
    for p in problems:
        props = [f"file={_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_property(title + (f' ({p.metric})' if p.metric else ''))}")
        out.append(f"::error {','.join(props)}::{_data(p.text(lang))}")
    return out


def summary(problems: list[ProblemLike], *, lang: str | None = None) -> str:
    """A Markdown job summary: how many problems in which files, then each one."""
    files = Counter(p.file for p in problems)
    heading = msg_n("{n} problem in the report's pages", "{n} problems in the report's pages", len(problems))
    columns = msg("| file | line | problem |")
    lines = [f"## {heading.render(lang)}", "",
             msg("Nothing was published. Each problem is also marked on its line under *Files changed*.")
             .render(lang), "", columns.render(lang), "| --- | ---: | --- |"]
    for p in problems:
        message = p.text(lang) + (f" ({p.metric})" if p.metric else "")
        lines.append(f"| `{p.file}` | {p.line or ''} | {_cell(message)} |")
    listed = ", ".join(f"`{f}` ({n})" for f, n in files.items())
    lines += ["", msg("Files: {files}", files=listed).render(lang), ""]
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
