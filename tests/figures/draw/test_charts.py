"""hooks/figures/draw/charts.py: an editor's comparison as bars on one scale, in HTML."""
from __future__ import annotations

import pytest

from figures.count.stats import Section
from figures.draw.charts import draw
from figures.schema import Chart

PT = ("人次", "person-times")
SECTIONS = {"theory": Section("theory", {"zh": "二、理论学习", "en": "II. Theory"}),
            "basics": Section("basics", {"zh": "一、基本情况", "en": "I. Basics"})}


def chart(*metrics, title=("工作组", "Working groups")):
    return Chart("groups", {"zh": title[0], "en": title[1]}, list(metrics))


def test_bars_share_a_linear_scale_from_zero(make_metric):
    drawn = draw(chart(make_metric("a", 3), make_metric("b", 6), make_metric("c", 21)), "en", SECTIONS)
    assert [b.share for b in drawn.bars] == [14.29, 28.57, 100.0]
    assert [b.metric.id for b in drawn.bars] == ["a", "b", "c"]  # the editor's order


def test_a_zero_bar_and_an_all_zero_chart(make_metric):
    drawn = draw(chart(make_metric("a", 0), make_metric("b", 5)), "en", SECTIONS)
    assert [b.share for b in drawn.bars] == [0.0, 100.0]
    drawn = draw(chart(make_metric("a", 0), make_metric("b", 0)), "en", SECTIONS)
    assert [b.share for b in drawn.bars] == [0.0, 0.0]


def test_title_unit_and_values_in_each_language(make_metric):
    c = chart(make_metric("a", 1000000, "over", unit=PT, person_times=True),
              make_metric("b", 60000, "nearly", unit=PT, person_times=True))
    zh, en = draw(c, "zh", SECTIONS), draw(c, "en", SECTIONS)
    assert (zh.title, zh.unit) == ("工作组", "人次")
    assert (en.title, en.unit) == ("Working groups", "person-times")
    assert [b.value_text for b in zh.bars] == ["超过100万", "近6万"]
    assert [b.value_text for b in en.bars] == ["more than 1 million", "nearly 60,000"]
    assert [b.label for b in en.bars] == ["Youth lecture teams"] * 2


def test_a_lower_bound_or_an_approximation_has_its_own_style(make_metric):
    c = chart(make_metric("a", 10), make_metric("b", 20, "over"), make_metric("c", 30, "nearly"),
              make_metric("d", 40, "about"))
    drawn = draw(c, "en", SECTIONS)
    assert [b.style for b in drawn.bars] == ["exact", "over", "nearly", "about"]
    assert drawn.styles == ["over", "nearly", "about"]
    assert draw(chart(make_metric("a", 1), make_metric("b", 2)), "en", SECTIONS).styles == []


def test_cumulative_figures_say_so(make_metric):
    drawn = draw(chart(make_metric("a", 1, cumulative=True), make_metric("b", 2, cumulative=True)),
                 "en", SECTIONS)
    assert drawn.cumulative is True


def test_the_source_lists_each_section_once_in_order(make_metric):
    c = chart(make_metric("a", 1, section="theory"), make_metric("b", 2, section="basics"),
              make_metric("c", 3, section="theory"))
    assert [s.slug for s in draw(c, "en", SECTIONS).sources] == ["theory", "basics"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_labels_are_kept_whole(make_metric, lang):
    long = ("很长的标签" * 10, "A very long label " * 8)
    drawn = draw(chart(make_metric("a", 1, label=long), make_metric("b", 2)), lang, SECTIONS)
    assert drawn.bars[0].label == long[0 if lang == "zh" else 1]
