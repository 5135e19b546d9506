"""Split a Markdown page into its YAML front matter and body, and load the YAML with lines.

MkDocs swallows front-matter errors (a broken block gives an empty ``page.meta``), so the
pages are read here, and every YAML error becomes a :class:`Problem` with its line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from messages import msg

from ..schema import Problem
from .yamlerrors import explain, reread

try:  # the C loader is ~8× faster; fall back where libyaml is missing
    _Base = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader with its tag resolution done in fewer steps: the composer asks for it for
    every node, and PyYAML's general version (path resolvers, a list built per call) was a third
    of the time the front matter took. It resolves exactly as PyYAML's does."""

    #: the implicit resolvers to try for a scalar, by its first character ("" for the empty one)
    _by_first = {key: (*_Base.yaml_implicit_resolvers.get(key, []), *_Base.yaml_implicit_resolvers.get(None, []))
                 for key in _Base.yaml_implicit_resolvers if key is not None}
    _wildcard = tuple(_Base.yaml_implicit_resolvers.get(None, []))
    _defaults = {yaml.ScalarNode: _Base.DEFAULT_SCALAR_TAG, yaml.SequenceNode: _Base.DEFAULT_SEQUENCE_TAG,
                 yaml.MappingNode: _Base.DEFAULT_MAPPING_TAG}

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # the safe loader has no path resolvers

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str | None:
        if kind is yaml.ScalarNode and implicit[0]:
            for tag, regexp in self._by_first.get(value[:1], self._wildcard):
                if regexp.match(value):
                    return tag
        return self._defaults.get(kind)


assert not _Base.yaml_path_resolvers, "the loader's resolve() assumes no path resolvers"

_FENCE = re.compile(r"^-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|$)", re.S)
#: what front matter that never closes looks like: "key: value" lines after the opening ---
_LOOKS_LIKE_KEYS = re.compile(r"^-{3}[ \t]*\r?\n(?:\s*#.*\r?\n)*[A-Za-z_][\w-]*:", re.S)
_TITLE_AFTER_BLANK = re.compile(r"(?<=\n\n)# ")


@dataclass(slots=True)  # tens of thousands at 500 sections: slots make them quicker to build
class Node:
    """A YAML value with the (1-based) line where it starts in the page."""

    value: Any
    line: int
    children: dict[str, "Node"] | list["Node"] | None = None


@dataclass
class Page:
    path: str
    meta: Node | None
    body: str | None  # None: the file is not UTF-8 text
    body_line: int  # line number of the body's first line in the file
    problems: list[Problem] = field(default_factory=list)
    #: False when the front matter could not be read: what the page declares is unknown
    readable: bool = True


def read_page(path: str, text: str) -> Page:
    """Parse one page. ``path`` is how problems name the file (relative to the docs)."""
    match = _FENCE.match(text)
    if not match:
        if _LOOKS_LIKE_KEYS.match(text):  # MkDocs would show it all as text
            title = _TITLE_AFTER_BLANK.search(text)  # the body most likely starts at the title
            body = text[title.start():] if title else ""
            body_line = text.count("\n", 0, title.start()) + 1 if title else 1
            return Page(path, None, body, body_line, [Problem(path, 1, UNCLOSED)], readable=False)
        return Page(path, None, text, 1)
    yaml_text = match.group(1) or ""
    body = text[match.end():].lstrip("\n")  # as MkDocs does, so offsets agree with page.markdown
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    try:
        root = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.YAMLError as error:
        return Page(path, None, body, body_line, [_yaml_problem(path, error, yaml_text)], readable=False)
    if root is None:
        return Page(path, None, body, body_line)
    problems: list[Problem] = []
    try:
        node = _convert(root, path, problems)
    except RecursionError:  # an alias inside its own anchor (&a [*a]): a value without end
        return Page(path, None, body, body_line, [Problem(path, 2, SELF_ALIAS)], readable=False)
    if not isinstance(node.value, dict):
        problems.append(Problem(path, 2, msg("the front matter must be keys with their values "
                                             "(key: value), starting with a key such as metrics:")))
        return Page(path, None, body, body_line, problems, readable=False)
    return Page(path, node, body, body_line, problems)


SELF_ALIAS = msg("a YAML alias refers to the value it is part of (&name … *name inside it): write the "
                 "value out")
UNCLOSED = msg("the front matter opened by the `---` on line 1 is not closed: add a line `---` after "
               "its last key")


_RECORD_ID = re.compile(r"^\s*-?\s*id:\s*['\"]?([\w-]+)", re.M)


def _yaml_problem(path: str, error: yaml.YAMLError, yaml_text: str) -> Problem:
    """The mistake in plain words, on its line of the page (libyaml's error is read again by
    PyYAML, whose marks the explanation knows)."""
    line, message = explain(yaml_text, reread(yaml_text) or error, first_line=2)  # after the opening ---
    line = line or 1
    before = "\n".join(yaml_text.splitlines()[: line - 1])
    ids = _RECORD_ID.findall(before)  # the metric being written where the error is
    return Problem(path, line, message, ids[-1] if ids else None)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _convert(node: yaml.Node, path: str, problems: list[Problem]) -> Node:
    line = node.start_mark.line + 2
    if isinstance(node, yaml.ScalarNode):  # most nodes: tested first
        return Node(node.value if node.tag == _STR else scalar(node), line)
    if isinstance(node, yaml.MappingNode):
        children: dict[str, Node] = {}
        for key_node, value_node in node.value:
            plain_key = type(key_node) is yaml.ScalarNode and key_node.tag == _STR  # most keys
            key = key_node.value if plain_key else str(scalar(key_node))
            if key in children:
                problems.append(Problem(path, key_node.start_mark.line + 2, twice(key)))
            children[key] = _convert(value_node, path, problems)
        return Node({k: v.value for k, v in children.items()}, line, children)
    if isinstance(node, yaml.SequenceNode):
        items = [_convert(item, path, problems) for item in node.value]
        return Node([item.value for item in items], line, items)
    return Node(None, line)


_STR = "tag:yaml.org,2002:str"


def twice(key: str):
    return msg("the key '{key}' is given twice here: YAML would keep only the last; keep one", key=key)


def scalar(node: yaml.Node) -> Any:
    """The value of a scalar node as YAML's safe loader gives it (None for a collection)."""
    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag == _STR:  # most keys and values: the constructor would return the text as it is
        return node.value
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        return node.value
