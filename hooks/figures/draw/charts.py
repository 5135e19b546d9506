"""Bar charts as data for an HTML template: text the browser wraps, bars as CSS widths.

A chart is drawn only where an editor chose it (``data/highlights.yml``) and the figures count
the same thing. Bars share a linear scale from zero, so their lengths compare honestly. The
drawing depends on no font: nothing here measures or estimates the width of any text, and
labels, values and titles are HTML that wraps. A figure the report states as a lower bound
("more than") or as an approximation ("nearly", "about") is drawn in its own style, so that it
is never read as an exact length.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..count.stats import Section
from ..schema import Chart, Metric
from .numbers import qualified


@dataclass
class Bar:
    metric: Metric
    label: str
    value_text: str
    #: the bar's length, as a share of the longest (0–100, for a CSS width in %)
    share: float
    #: exact | over | nearly | about: how the bar is drawn
    style: str


@dataclass
class DrawnChart:
    id: str
    title: str
    unit: str
    #: the figures are cumulative totals (累计), not the year's
    cumulative: bool
    bars: list[Bar]
    #: the styles other than exact that the chart uses, in a fixed order, for its key
    styles: list[str]
    #: the sections that state the figures, in order: the chart's source
    sources: list[Section]


def draw(chart: Chart, lang: str, sections: dict[str, Section]) -> DrawnChart:
    """The data of one chart, in ``lang``."""
    top = max(m.value for m in chart.metrics)
    bars = [Bar(m, m.label[lang], qualified(m.value, m.qualifier, lang),
                round(float(m.value / top * 100), 2) if top else 0.0, m.qualifier)
            for m in chart.metrics]
    first = chart.metrics[0]
    unit = first.unit[lang]
    styles = [s for s in ("over", "nearly", "about") if any(b.style == s for b in bars)]
    slugs = list(dict.fromkeys(m.section for m in chart.metrics))
    return DrawnChart(chart.id, chart.title[lang], unit, first.cumulative, bars, styles,
                      [sections[s] for s in slugs if s in sections])
