"""The statistics page's content: the figures by section, and what the editors put forward.

There are no totals across figures: two figures of the report seldom count the same people or
things (a young person reached by two programmes is counted twice), so the page shows each
figure as the report states it, and compares only what an editor chose as a chart.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..schema import Chart, Highlights, KeyFigure, Metric


@dataclass(frozen=True)
class Section:
    slug: str
    title: dict[str, str]


@dataclass
class Statistics:
    sections: list[Section]
    by_section: dict[str, list[Metric]]
    highlights: Highlights = field(default_factory=Highlights)

    @property
    def metrics(self) -> list[Metric]:
        return [m for s in self.sections for m in self.by_section[s.slug]]

    @property
    def key_figures(self) -> list[KeyFigure]:
        return self.highlights.key_figures

    @property
    def charts(self) -> list[Chart]:
        return self.highlights.charts


def compute(sections: list[Section], metrics: list[Metric],
            highlights: Highlights | None = None) -> Statistics:
    by_section: dict[str, list[Metric]] = {s.slug: [] for s in sections}
    for m in metrics:  # one pass: a scan per section would be quadratic in the sections
        if m.section in by_section:
            by_section[m.section].append(m)
    return Statistics(sections, by_section, highlights or Highlights())
