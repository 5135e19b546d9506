"""Check what editors put forward in ``data/highlights.yml``: key figures and charts.

Key figures are shown large, with one line of context, on the home page and at the top of the
statistics page. A chart compares two figures or more that count the same thing: the same
unit in both languages, and the same kind of count (people or person-times, for the year or
cumulative). Every problem is reported as ``file:line: message (metric id)``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from messages import msg
from messages.hints import suggest

from ..parse.datafile import DataFileError, load_nodes
from ..parse.frontmatter import Node
from ..schema import LANGUAGES, Chart, Highlights, KeyFigure, Metric, Problem
from .fields import both_languages, empty_text, missing_language, unknown_language

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KEY_FIGURES = (4, 8)   # the home page shows at least 4 and at most 8
SECTIONS = ("key_figures", "charts")
KEY_FIGURE_FIELDS = ("metric", "context")
CHART_FIELDS = ("id", "title", "metrics")


def load(path: Path, shown: str, metrics: list[Metric], *,
         failed: set[str] = frozenset(), incomplete: bool = False) -> tuple[Highlights, list[Problem]]:
    """Read and check ``path`` (named ``shown`` in problems); no file means no highlights.

    ``failed`` holds the ids of metrics that exist but did not pass their own checks: they are
    already reported, so a selection naming them is not reported again. ``incomplete``: some
    page could not be read, so an id that no page has may be on it (not reported either)."""
    if not path.exists():
        return Highlights(), []
    try:
        root = load_nodes(path, shown)
    except DataFileError as error:
        return Highlights(), error.problems
    return check(root, shown, metrics, failed=failed, incomplete=incomplete)


def check(root: Node | None, file: str, metrics: list[Metric], *,
          failed: set[str] = frozenset(), incomplete: bool = False) -> tuple[Highlights, list[Problem]]:
    """Turn the file's YAML (as nodes with lines) into :class:`Highlights`, with its problems."""
    problems: list[Problem] = []
    if incomplete:
        failed = _AnyId()

    def report(line: int, message, metric: str | None = None) -> None:
        problems.append(Problem(file, line, message, metric))

    if root is None:
        return Highlights(), []
    if not isinstance(root.children, dict):
        report(root.line, msg("the file must have the keys 'key_figures:' and 'charts:', each with its list"))
        return Highlights(), problems
    for name, node in root.children.items():
        if name not in SECTIONS:
            report(node.line, msg("unknown key '{key}'{suggestion} (known keys: {known})", key=name,
                                  suggestion=suggest(name, SECTIONS), known=list(SECTIONS)))
    by_id = {m.id: m for m in metrics}
    out = Highlights()
    if "key_figures" in root.children:
        out.key_figures = _key_figures(root.children["key_figures"], by_id, failed, report)
    if "charts" in root.children:
        out.charts = _charts(root.children["charts"], by_id, failed, report)
    return out, problems


def _key_figures(node: Node, by_id: dict[str, Metric], failed, report) -> list[KeyFigure]:
    items = _items(node, "key_figures", report)
    low, high = KEY_FIGURES
    if items is not None and not low <= len(items) <= high:
        report(node.line, msg("there are {n} key figures: the home page shows {low} to {high}", n=len(items),
                              low=low, high=high))
    out, seen = [], {}
    for item in items or []:
        fields = _fields(item, KEY_FIGURE_FIELDS, KEY_FIGURE, report)
        if fields is None:
            continue
        metric = _metric(fields.get("metric"), item, by_id, failed, report, required=True)
        if metric is None:
            continue
        if metric.id in seen:
            report(fields["metric"].line, msg("'{id}' is already a key figure (line {line}): choose another "
                                              "metric", id=metric.id, line=seen[metric.id]), metric.id)
            continue
        seen[metric.id] = fields["metric"].line
        context = _bilingual(fields.get("context"), "context", report, metric.id)
        if "context" in fields and context is None:
            continue
        out.append(KeyFigure(metric, context or dict(metric.label)))
    return out


def _charts(node: Node, by_id: dict[str, Metric], failed, report) -> list[Chart]:
    out, ids = [], {}
    for item in _items(node, "charts", report) or []:
        fields = _fields(item, CHART_FIELDS, CHART, report)
        if fields is None:
            continue
        ok = True
        for name in CHART_FIELDS:
            if name not in fields:
                report(item.line, msg("a chart needs '{name}' (a chart has {fields})", name=name,
                                      fields=list(CHART_FIELDS)))
                ok = False
        chart_id = fields["id"].value if "id" in fields else None
        if "id" in fields:
            if not isinstance(chart_id, str) or not ID.match(chart_id):
                report(fields["id"].line, msg("a chart's 'id' must be lower-case words joined by hyphens (like "
                                              "'theme-education-groups'), not {value}", value=repr(chart_id)))
                ok = False
            elif chart_id in ids:
                report(fields["id"].line, msg("the chart id '{id}' is already used (line {line}): give this "
                                              "chart another", id=chart_id, line=ids[chart_id]))
                ok = False
            else:
                ids[chart_id] = fields["id"].line
        title = _bilingual(fields.get("title"), "title", report, None)
        members = _chart_metrics(fields.get("metrics"), by_id, failed, report)
        if ok and title and members:
            out.append(Chart(chart_id, title, members))
    return out


def _chart_metrics(node: Node | None, by_id, failed, report) -> list[Metric] | None:
    if node is None:
        return None
    if not isinstance(node.children, list):
        report(node.line, msg("a chart's 'metrics' must be a list of metric ids, like [a, b]"))
        return None
    members, complete, seen = [], True, set()
    for child in node.children:
        metric = _metric(child, child, by_id, failed, report, required=True)
        if metric is None:
            complete = False
            continue
        if metric.id in seen:
            report(child.line, msg("'{id}' is twice in the chart: list each metric once", id=metric.id),
                   metric.id)
            complete = False
            continue
        seen.add(metric.id)
        members.append(metric)
    if complete and len(members) < 2:
        report(node.line, msg("a chart compares two figures or more; this one has {n}", n=len(members)))
        return None
    first = members[0] if members else None
    for metric in members[1:]:
        if metric.kind != first.kind:
            report(_line_of(node, metric.id), msg("'{id}' counts ({kind}), but '{first}' counts ({first_kind}): a "
                                                  "chart only compares figures with the same unit and the same "
                                                  "kind of count", id=metric.id, kind=_kind(metric),
                                                  first=first.id, first_kind=_kind(first)), metric.id)
            complete = False
    return members if complete else None


def _kind(metric: Metric) -> list:
    words: list = [f"{metric.unit['zh']} / {metric.unit['en']}"]
    if metric.person_times:
        words.append(msg("person-times"))
    if metric.cumulative:
        words.append(msg("cumulative"))
    return words


class _AnyId:
    """Any metric id: while a page cannot be read, every unknown id may be one of its metrics."""

    def __contains__(self, metric_id: object) -> bool:
        return True


def _line_of(node: Node, metric_id: str) -> int:
    return next((c.line for c in node.children if c.value == metric_id), node.line)


def _metric(node: Node | None, owner: Node, by_id, failed, report, *, required: bool) -> Metric | None:
    if node is None:
        if required:
            report(owner.line, msg("missing 'metric': give a metric id from a page's front matter"))
        return None
    mid = node.value
    if not isinstance(mid, str):
        report(node.line, msg("a metric id must be a text, not {value}", value=repr(mid)))
        return None
    if mid in by_id:
        return by_id[mid]
    if mid not in failed:
        found = suggest(mid, by_id)
        report(node.line, msg("no page has a metric with the id '{id}'{suggestion}", id=mid, suggestion=found)
               if found else msg("no page has a metric with the id '{id}': copy the id from the metric's "
                                 "page (its front matter, 'id:')", id=mid), mid)
    return None


def _items(node: Node, name: str, report) -> list[Node] | None:
    if node.value is None:
        return []
    if not isinstance(node.children, list):
        report(node.line, msg("'{name}' must be a list, one '- …' per item", name=name))
        return None
    return node.children


KEY_FIGURE, CHART = "key figure", "chart"


def _fields(item: Node, known: tuple[str, ...], what: str, report) -> dict[str, Node] | None:
    if not isinstance(item.children, dict):
        report(item.line, msg("a key figure must be its fields ({known}), one 'field: value' per line",
                              known=list(known)) if what == KEY_FIGURE else
               msg("a chart must be its fields ({known}), one 'field: value' per line", known=list(known)))
        return None
    for name, child in item.children.items():
        if name not in known:
            args = {"name": name, "suggestion": suggest(name, known), "known": list(known)}
            report(child.line, msg("unknown field '{name}' in a key figure{suggestion} (known fields: {known})",
                                   **args) if what == KEY_FIGURE else
                   msg("unknown field '{name}' in a chart{suggestion} (known fields: {known})", **args))
    return item.children


def _bilingual(node: Node | None, name: str, report, metric: str | None) -> dict[str, str] | None:
    if node is None:
        return None
    if not isinstance(node.children, dict):
        report(node.line, both_languages(name), metric)
        return None
    out = {}
    for key, child in node.children.items():
        if key not in LANGUAGES:
            report(child.line, unknown_language(name, key), metric)
        elif not isinstance(child.value, str) or not child.value.strip():
            report(child.line, empty_text(f"{name}.{key}"), metric)
        else:
            out[key] = child.value.strip()
    for lang in LANGUAGES:
        if lang not in node.children:
            report(node.line, missing_language(name, lang), metric)
    return out if len(out) == len(LANGUAGES) else None
