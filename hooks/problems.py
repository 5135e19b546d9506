"""Problems where editors look: GitHub workflow commands, so that each shows on its line of the
pull request's "Files changed", and a short job summary. Knows nothing of MkDocs.

A problem is anything with ``file``, ``line``, ``message`` and ``metric`` (``figures.schema.Problem``).
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Protocol


class ProblemLike(Protocol):
    file: str
    line: int
    message: str
    metric: str | None


def workflow_commands(problems: Iterable[ProblemLike], *, title: str = "Report check") -> list[str]:
    """One ``::error file=…,line=…,title=…::message`` line per problem."""
    out = []
    for p in problems:
        props = [f"file={_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        props.append(f"title={_property(title + (f' ({p.metric})' if p.metric else ''))}")
        out.append(f"::error {','.join(props)}::{_data(p.message)}")
    return out


def summary(problems: list[ProblemLike]) -> str:
    """A Markdown job summary: how many problems in which files, then each one."""
    files = Counter(p.file for p in problems)
    lines = [f"## {len(problems)} problem(s) in the report's pages", "",
             "Nothing was published. Each problem is also marked on its line under "
             "*Files changed*.", "", "| file | line | problem |", "| --- | ---: | --- |"]
    for p in problems:
        message = p.message + (f" ({p.metric})" if p.metric else "")
        lines.append(f"| `{p.file}` | {p.line or ''} | {_cell(message)} |")
    lines += ["", "Files: " + ", ".join(f"`{f}` ({n})" for f, n in files.items()), ""]
    return "\n".join(lines)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
