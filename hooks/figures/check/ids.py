"""Check that every metric id is used once across the whole site."""
from __future__ import annotations

from messages import msg

from ..schema import Metric, Problem


def duplicates(metrics: list[Metric]) -> list[Problem]:
    first: dict[str, Metric] = {}
    problems = []
    for m in metrics:
        if m.id in first:
            other = first[m.id]
            problems.append(Problem(m.file, m.line, msg("this metric id is also used at {place}: each metric "
                                                        "needs an id of its own", place=f"{other.file}:{other.line}"),
                                    m.id))
        else:
            first[m.id] = m
    return problems
