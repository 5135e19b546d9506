"""hooks/figures/count/stats.py: figures by section, in page order, and the editors' highlights."""
from __future__ import annotations

from figures.count.stats import Section, compute
from figures.schema import Chart, Highlights, KeyFigure

SECTIONS = [Section("basics", {"zh": "一、基本情况", "en": "I. Basics"}),
            Section("theory", {"zh": "二、理论学习", "en": "II. Theory"})]


def test_by_section_and_order(make_metric):
    ms = [make_metric("t1", 1, section="theory"), make_metric("b1", 2, section="basics"),
          make_metric("t2", 3, section="theory", category="measures")]
    stats = compute(SECTIONS, ms)
    assert {k: [m.id for m in v] for k, v in stats.by_section.items()} == {
        "basics": ["b1"], "theory": ["t1", "t2"]}
    # metrics in page order: sections in navigation order, then as written
    assert [m.id for m in stats.metrics] == ["b1", "t1", "t2"]


def test_a_section_without_figures(make_metric):
    stats = compute(SECTIONS, [make_metric("a", 1, section="theory")])
    assert stats.by_section["basics"] == []
    assert [m.id for m in stats.metrics] == ["a"]


def test_a_metric_of_a_section_not_listed_is_left_out(make_metric):
    stats = compute(SECTIONS, [make_metric("a", 1, section="elsewhere")])
    assert stats.metrics == []


def test_highlights_are_carried_as_chosen(make_metric):
    a, b = make_metric("a", 3), make_metric("b", 6)
    highlights = Highlights([KeyFigure(b, {"zh": "乙", "en": "B"})],
                            [Chart("c", {"zh": "图", "en": "Chart"}, [a, b])])
    stats = compute(SECTIONS, [a, b], highlights)
    assert [k.metric.id for k in stats.key_figures] == ["b"]
    assert [[m.id for m in c.metrics] for c in stats.charts] == [["a", "b"]]


def test_no_highlights_means_none(make_metric):
    stats = compute(SECTIONS, [make_metric("a", 1)])
    assert stats.key_figures == [] and stats.charts == []
