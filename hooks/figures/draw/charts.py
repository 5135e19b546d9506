"""Bar charts as data for an inline-SVG template: no JavaScript, nothing fetched.

One chart per group of comparable figures (same category, unit and kind of count), on a
linear scale that starts at zero, so bar lengths compare honestly.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..count.stats import CategoryTable
from ..schema import Metric
from .numbers import qualified

WIDTH = 640
ROW = 46
VALUE_SIZE = 13  # px: .figures-chart__value in docs/stylesheets/report.css (bold)
GAP = 6          # between a bar and its value
TOP = 8
LABEL_CHARS = {"zh": 34, "en": 70}


@dataclass
class Bar:
    metric: Metric
    label: str
    full_label: str
    value_text: str
    y: int
    width: float


@dataclass
class Chart:
    id: str
    title: str
    description: str
    bars: list[Bar]
    width: int
    height: int


def charts(table: CategoryTable, lang: str, *, unit_note) -> list[Chart]:
    """The charts of one category: one per group of figures with the same unit and kind."""
    groups: dict[tuple, list[Metric]] = {}
    for m in table.metrics:
        groups.setdefault((m.unit["zh"], m.unit["en"], m.person_times, m.cumulative), []).append(m)
    out = []
    for number, members in enumerate(groups.values(), start=1):
        top = max(float(m.value) for m in members) or 1.0
        values = [_value_text(m, lang) for m in members]
        # The longest bar leaves room for the longest value written after it.
        room = WIDTH - GAP - max(160.0, max(_text_width(v) for v in values))
        bars = []
        for row, (m, value) in enumerate(zip(members, values)):
            label = m.label[lang]
            short = label if len(label) <= LABEL_CHARS[lang] else label[: LABEL_CHARS[lang] - 1] + "…"
            bars.append(Bar(m, short, label, value, TOP + row * ROW,
                            max(2.0, room * float(m.value) / top)))
        unit = unit_note(members[0], lang)
        title = f"{table.category.label(lang)}{'：' if lang == 'zh' else ': '}{unit}"
        description = ("；".join if lang == "zh" else "; ".join)(
            f"{b.full_label} {b.value_text}" for b in bars)
        out.append(Chart(f"chart-{table.category.id}-{number}", title, description, bars,
                         WIDTH, TOP * 2 + ROW * len(bars)))
    return out


def _value_text(m: Metric, lang: str) -> str:
    unit = m.unit[lang]
    sep = "" if lang == "zh" else " "
    return f"{qualified(m.value, m.qualifier, lang)}{sep}{unit}"


def _text_width(text: str) -> float:
    """A generous width of ``text`` in the chart's bold value type, in drawing units: Han
    and other wide characters are square, the rest take at most 0.65 em."""
    return sum(VALUE_SIZE if unicodedata.east_asian_width(ch) in "WF" else VALUE_SIZE * 0.65
               for ch in text)
