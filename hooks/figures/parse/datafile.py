"""Read a YAML data file (``data/*.yml``): a YAML mistake becomes ``file:line: message``.

:func:`load` gives the plain data; :func:`load_nodes` gives it as :class:`Node` objects that
know their line, so that a check can name the line of each mistake.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from messages import msg

from ..schema import Problem
from .frontmatter import SELF_ALIAS, Node, scalar, twice
from .yamlerrors import explain, reread

try:  # the C loader is faster; fall back where libyaml is missing
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


NOT_UTF8 = msg("the file is not UTF-8 text: save it as UTF-8 (in the editor's \"Save as\" or "
               "\"Encoding\" menu)")
MISSING = msg("the file does not exist: restore it (git checkout -- <file>)")


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
    text = read_text(path, shown)
    try:
        data = yaml.load(text, Loader=_Loader)  # libyaml, as for the pages' front matter: ~10× faster
    except yaml.YAMLError as error:
        raise DataFileError(_yaml_problem(shown, text, error)) from None
    _refuse_twice_given(yaml.compose(text, Loader=_Loader), shown)
    return data


def load_nodes(path: Path, shown: str) -> Node | None:
    """The file's data as nodes with their lines (None for an empty file). The value of a
    mapping's key carries the key's line: a block list or mapping starts on the line after."""
    text = read_text(path, shown)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:
        raise DataFileError(_yaml_problem(shown, text, error)) from None
    if root is None:
        return None
    _refuse_twice_given(root, shown)
    try:
        return node(root)
    except RecursionError:  # an alias inside its own anchor (&a [*a])
        raise DataFileError(Problem(shown, 1, SELF_ALIAS)) from None


def node(yaml_node: yaml.Node, line: int | None = None) -> Node:
    """A composed YAML node as a :class:`Node`, with its 1-based line in the file."""
    line = line or yaml_node.start_mark.line + 1
    if isinstance(yaml_node, yaml.MappingNode):
        children = {str(scalar(k)): node(v, k.start_mark.line + 1) for k, v in yaml_node.value}
        return Node({k: v.value for k, v in children.items()}, line, children)
    if isinstance(yaml_node, yaml.SequenceNode):
        items = [node(item) for item in yaml_node.value]
        return Node([item.value for item in items], line, items)
    return Node(scalar(yaml_node), line)


def _refuse_twice_given(root: yaml.Node | None, shown: str) -> None:
    """A key given twice in one mapping: YAML keeps the last, and the first (a whole list of
    charts, say) would be dropped without a word."""
    problems, stack, seen = [], [root] if root is not None else [], set()
    while stack:
        current = stack.pop()
        if id(current) in seen:  # an alias: its value is checked where it is anchored
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: set = set()
            for key, value in current.value:
                name = str(scalar(key))
                if name in keys:
                    problems.append(Problem(shown, key.start_mark.line + 1, twice(name)))
                keys.add(name)
                stack.append(value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    if problems:
        raise DataFileError(sorted(problems, key=lambda p: p.line))


def read_text(path: Path, shown: str) -> str:
    """The text of a file that must be UTF-8 (a byte-order mark is not content); raises
    :class:`DataFileError` when it is missing or not UTF-8, naming the line of the first bad byte."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataFileError(Problem(shown, 0, MISSING)) from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataFileError(Problem(shown, line, NOT_UTF8)) from None


def _yaml_problem(shown: str, text: str, error: yaml.YAMLError) -> Problem:
    """The mistake in plain words, on its line (libyaml's error is read again by PyYAML,
    whose marks the explanation knows)."""
    line, message = explain(text, reread(text) or error)
    return Problem(shown, line, message)
