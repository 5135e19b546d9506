"""Read a YAML data file (``data/*.yml``): a YAML mistake becomes ``file:line: message``."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..schema import Problem


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where PyYAML was built with it


class DataFileError(Exception):
    """A data file that cannot be used; ``problems`` say where and why, all at once."""

    def __init__(self, problems: Problem | list[Problem]) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def problem(self) -> Problem:
        return self.problems[0]


def load(path: Path, shown: str) -> Any:
    """The file's data; ``shown`` is how problems name the file (``data/glossary.yml``)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(Problem(shown, 0, "the file does not exist")) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataFileError(Problem(shown, line, "the file is not UTF-8 text")) from None
    try:
        return yaml.load(text, Loader=_FAST)  # libyaml, as for the pages' front matter: ~10× faster
    except yaml.YAMLError:
        pass  # a mistake: read again below, so that it is reported in PyYAML's words, as always
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        context = getattr(error, "context", None)
        message = f"invalid YAML: {reason}" + (f" ({context})" if context else "")
        raise DataFileError(Problem(shown, mark.line + 1 if mark else 0, message)) from None
