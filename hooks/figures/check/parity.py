"""Check that an English page's metrics, where it repeats them, agree with the Chinese page's.

The Chinese front matter is the one source of truth. An English page may repeat a metric
(``id`` plus any fields); every field it repeats must be the same.
"""
from __future__ import annotations

from decimal import Decimal

from messages import msg
from messages.hints import suggest

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
            problems.append(Problem(file, record.line, msg("a metric repeated on the English page needs "
                                                           "its 'id', as on the Chinese page")))
            continue
        metric = chinese.get(mid)
        if metric is None:
            problems.append(Problem(file, record.line, msg(
                "the metric '{id}' is not on the Chinese page {zh_file}{suggestion}: metrics are defined "
                "there", id=mid, zh_file=zh_file, suggestion=suggest(mid, chinese)), mid))
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
                problems.append(Problem(file, node.line, msg(
                    "'{name}' is {here} here but {there} in {zh_file}: make it the same, or leave it out "
                    "(the Chinese page is the source)", name=name, here=repr(node.value), there=repr(shown),
                    zh_file=zh_file), mid))
        for name, node in record.fields.items():
            if name not in KNOWN:
                problems.append(Problem(file, node.line, msg(
                    "unknown field '{name}'{suggestion} (known fields: {known})", name=name,
                    suggestion=suggest(name, KNOWN), known=list(KNOWN)), mid))
        for name in ("unit", "label", "cue"):
            node = record.fields.get(name)
            if node is not None and not isinstance(node.value, dict):
                problems.append(Problem(file, node.line, msg(
                    "'{name}' differs from {zh_file}: repeat it as {{zh: …, en: …}}, or leave it out",
                    name=name, zh_file=zh_file), mid))
            elif node is not None:
                for lang, text in node.value.items():
                    expected = getattr(metric, name).get(lang)
                    if name == "unit" and isinstance(text, dict):  # {one: person, other: people}
                        expected = {"one": metric.unit_one.get(lang), "other": expected}
                    if expected != text:
                        problems.append(Problem(file, node.line, msg(
                            "'{name}' differs from {zh_file}: make it the same, or leave it out",
                            name=f"{name}.{lang}", zh_file=zh_file), mid))
    return problems
