"""Cross-section statistics: figures by section, by category, the summary and the totals.

A total is drawn only where the figures count the same thing: the same category, the same
unit in both languages, and the same kind of count (people or person-times, for the year or
cumulative). Its qualifier follows from its parts: a sum that includes a "more than" figure
is itself "more than"; "more than" and "nearly" together give no honest total at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..schema import Category, Metric


@dataclass(frozen=True)
class Section:
    slug: str
    title: dict[str, str]


@dataclass
class Total:
    metrics: list[Metric]
    value: Decimal | None      # None: the parts' qualifiers give no honest sum
    qualifier: str | None
    unit: dict[str, str]
    person_times: bool
    cumulative: bool


@dataclass
class CategoryTable:
    category: Category
    metrics: list[Metric]
    totals: list[Total] = field(default_factory=list)


@dataclass
class Statistics:
    sections: list[Section]
    by_section: dict[str, list[Metric]]
    categories: list[CategoryTable]
    matrix: dict[str, dict[str, int]]  # section slug → category id → number of figures

    @property
    def metrics(self) -> list[Metric]:
        return [m for s in self.sections for m in self.by_section[s.slug]]


def combine(qualifiers: list[str]) -> str | None:
    """The qualifier of a sum, or None where no honest one exists."""
    kinds = set(qualifiers) - {"exact"}
    if not kinds:
        return "exact"
    if len(kinds) == 1:
        return kinds.pop()
    return None


def compute(sections: list[Section], metrics: list[Metric], categories: dict[str, Category]) -> Statistics:
    by_section: dict[str, list[Metric]] = {s.slug: [] for s in sections}
    for m in metrics:  # one pass: a scan per section would be quadratic in the sections
        if m.section in by_section:
            by_section[m.section].append(m)
    ordered = [m for s in sections for m in by_section[s.slug]]
    tables = []
    for category in categories.values():
        members = [m for m in ordered if m.category == category.id]
        if members:
            tables.append(CategoryTable(category, members, _totals(members)))
    matrix = {s.slug: dict.fromkeys(categories, 0) for s in sections}
    for m in ordered:
        matrix[m.section][m.category] = matrix[m.section].get(m.category, 0) + 1
    return Statistics(sections, by_section, tables, matrix)


def _totals(metrics: list[Metric]) -> list[Total]:
    groups: dict[tuple, list[Metric]] = {}
    for m in metrics:
        if m.in_total:
            key = (m.unit["zh"], m.unit["en"], m.person_times, m.cumulative)
            groups.setdefault(key, []).append(m)
    totals = []
    for (_, _, person_times, cumulative), members in groups.items():
        if len(members) < 2:
            continue
        qualifier = combine([m.qualifier for m in members])
        value = sum((m.value for m in members), Decimal(0)) if qualifier else None
        totals.append(Total(members, value, qualifier, dict(members[0].unit), person_times, cumulative))
    return totals
