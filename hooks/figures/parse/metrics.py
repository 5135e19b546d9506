"""Pull the ``metrics:`` records out of a page's front matter, keeping each field's line."""
from __future__ import annotations

from dataclasses import dataclass

from messages import msg

from ..schema import Problem
from .frontmatter import Node, Page


@dataclass
class Record:
    """One metric as written: its fields (as YAML nodes) and the line of its first field."""

    fields: dict[str, Node]
    line: int

    @property
    def id(self) -> str | None:
        node = self.fields.get("id")
        return node.value if node is not None and isinstance(node.value, str) else None


def records(page: Page) -> tuple[list[Record] | None, list[Problem]]:
    """The page's metric records; ``None`` when the page declares no ``metrics`` key."""
    if page.meta is None or "metrics" not in page.meta.children:
        return None, []
    node = page.meta.children["metrics"]
    if node.value is None:
        return [], []
    if not isinstance(node.children, list):
        return [], [Problem(page.path, node.line, msg("'metrics' must be a list: each metric starts with "
                                                      "a line '  - id: …'"))]
    out, problems = [], []
    for item in node.children:
        if not isinstance(item.children, dict):
            problems.append(Problem(page.path, item.line, msg("each metric must be its fields, one "
                                                              "'field: value' per line, starting with "
                                                              "'- id: …'")))
            continue
        out.append(Record(item.children, item.line))
    return out, problems
