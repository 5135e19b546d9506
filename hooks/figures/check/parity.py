"""Check that an English page's metrics, where it repeats them, agree with the Chinese page's.

The Chinese front matter is the one source of truth. An English page may repeat a metric
(``id`` plus any fields); every field it repeats must be the same.
"""
from __future__ import annotations

from decimal import Decimal

from ..parse.metrics import Record
from .fields import KNOWN
from ..schema import Metric, Problem

_COMPARED = ("value", "qualifier", "category", "person_times", "cumulative", "in_total")


def compare(english: list[Record], chinese: dict[str, Metric], *, file: str,
            zh_file: str) -> list[Problem]:
    problems = []
    for record in english:
        mid = record.id
        if mid is None:
            problems.append(Problem(file, record.line, "a repeated metric needs its 'id'"))
            continue
        metric = chinese.get(mid)
        if metric is None:
            problems.append(Problem(file, record.line,
                                    f"metric '{mid}' is not in the Chinese page {zh_file}", mid))
            continue
        for name in _COMPARED:
            node = record.fields.get(name)
            if node is None:
                continue
            expected = getattr(metric, name)
            actual = node.value
            if name == "value" and isinstance(actual, (int, float)) and not isinstance(actual, bool):
                actual = Decimal(str(actual))
            if actual != expected:
                shown = metric.number if name == "value" else expected
                problems.append(Problem(file, node.line,
                                        f"'{name}' is {node.value!r} here but {shown!r} in {zh_file}", mid))
        for name, node in record.fields.items():
            if name not in KNOWN:
                problems.append(Problem(file, node.line, f"unknown field '{name}' (known fields: "
                                                         f"{', '.join(KNOWN)})", mid))
        for name in ("unit", "label", "cue"):
            node = record.fields.get(name)
            if node is not None and not isinstance(node.value, dict):
                problems.append(Problem(file, node.line, f"'{name}' differs from {zh_file}: repeat it as "
                                                         f"{{zh: …, en: …}}, or leave it out", mid))
            elif node is not None:
                for lang, text in node.value.items():
                    expected = getattr(metric, name).get(lang)
                    if name == "unit" and isinstance(text, dict):  # {one: person, other: people}
                        expected = {"one": metric.unit_one.get(lang), "other": expected}
                    if expected != text:
                        problems.append(Problem(file, node.line,
                                                f"'{name}.{lang}' differs from {zh_file}", mid))
    return problems
