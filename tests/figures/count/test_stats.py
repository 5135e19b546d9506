"""hooks/figures/count/stats.py: figures by section and category, honest totals, the matrix."""
from __future__ import annotations

from decimal import Decimal

import pytest

from figures.count.stats import Section, combine, compute

SECTIONS = [Section("basics", {"zh": "一、基本情况", "en": "I. Basics"}),
            Section("theory", {"zh": "二、理论学习", "en": "II. Theory"})]
PT = ("人次", "person-times")


@pytest.mark.parametrize("parts, result", [
    (["exact"], "exact"),
    (["exact", "exact"], "exact"),
    (["exact", "over"], "over"),
    (["over", "over", "exact"], "over"),
    (["nearly", "exact"], "nearly"),
    (["nearly", "nearly"], "nearly"),
    (["about", "exact"], "about"),
    (["over", "nearly"], None),
    (["exact", "over", "nearly"], None),
    (["over", "about"], None),
    (["nearly", "about"], None),
    ([], "exact"),
])
def test_combine(parts, result):
    assert combine(parts) == result


def table(stats, category):
    return next(t for t in stats.categories if t.category.id == category)


def test_exact_plus_over_is_an_over_total(make_metric, categories):
    ms = [make_metric("a", 1000000, "over", category="people-reached", unit=PT, person_times=True),
          make_metric("b", 40000, "over", category="people-reached", unit=PT, person_times=True,
                      section="basics"),
          make_metric("c", 500, "exact", category="people-reached", unit=PT, person_times=True)]
    stats = compute(SECTIONS, ms, categories)
    [total] = table(stats, "people-reached").totals
    assert total.value == Decimal(1040500) and total.qualifier == "over"
    assert total.unit == {"zh": "人次", "en": "person-times"}
    assert total.person_times is True and total.cumulative is False
    assert {m.id for m in total.metrics} == {"a", "b", "c"}


def test_all_exact_is_an_exact_total(make_metric, categories):
    ms = [make_metric("a", 1440), make_metric("b", 3), make_metric("c", "0.5")]
    [total] = table(compute(SECTIONS, ms, categories), "organisations").totals
    assert (total.value, total.qualifier) == (Decimal("1443.5"), "exact")


def test_over_and_nearly_give_no_total(make_metric, categories):
    ms = [make_metric("a", 5000, "over", category="participants", unit=("人", "people")),
          make_metric("b", 60000, "nearly", category="participants", unit=("人", "people"))]
    [total] = table(compute(SECTIONS, ms, categories), "participants").totals
    assert total.value is None and total.qualifier is None
    assert len(total.metrics) == 2


def test_totals_only_for_the_same_unit_and_kind(make_metric, categories):
    people = ("人", "people")
    ms = [
        make_metric("p1", 10, category="participants", unit=people),
        make_metric("p2", 20, category="participants", unit=people),
        make_metric("named", 30, category="participants", unit=("名", "people")),   # other zh unit
        make_metric("pt", 40, category="participants", unit=PT, person_times=True),  # person-times
        make_metric("cum1", 50, category="participants", unit=people, cumulative=True),
        make_metric("cum2", 60, category="participants", unit=people, cumulative=True),
        make_metric("other", 70, category="measures", unit=people),                  # other category
    ]
    stats = compute(SECTIONS, ms, categories)
    totals = table(stats, "participants").totals
    assert sorted(([m.id for m in t.metrics], t.value, t.cumulative) for t in totals) == [
        (["cum1", "cum2"], Decimal(110), True),
        (["p1", "p2"], Decimal(30), False),
    ]
    assert table(stats, "measures").totals == []


def test_in_total_false_is_left_out_of_the_total(make_metric, categories):
    ms = [make_metric("a", 10), make_metric("b", 20), make_metric("part", 5, in_total=False)]
    stats = compute(SECTIONS, ms, categories)
    [total] = table(stats, "organisations").totals
    assert total.value == Decimal(30) and [m.id for m in total.metrics] == ["a", "b"]
    # …but it is still listed in its category and section
    assert [m.id for m in table(stats, "organisations").metrics] == ["a", "b", "part"]


def test_a_single_figure_has_no_total(make_metric, categories):
    ms = [make_metric("a", 10), make_metric("b", 20, in_total=False)]
    assert table(compute(SECTIONS, ms, categories), "organisations").totals == []


def test_by_section_and_order(make_metric, categories):
    ms = [make_metric("t1", 1, section="theory"), make_metric("b1", 2, section="basics"),
          make_metric("t2", 3, section="theory", category="measures")]
    stats = compute(SECTIONS, ms, categories)
    assert {k: [m.id for m in v] for k, v in stats.by_section.items()} == {
        "basics": ["b1"], "theory": ["t1", "t2"]}
    # metrics in page order: sections in navigation order, then as written
    assert [m.id for m in stats.metrics] == ["b1", "t1", "t2"]
    assert [m.id for m in table(stats, "organisations").metrics] == ["b1", "t1"]


def test_categories_in_list_order_and_only_when_used(make_metric, categories):
    ms = [make_metric("m", 1, category="measures"), make_metric("p", 2, category="people-reached")]
    stats = compute(SECTIONS, ms, categories)
    assert [t.category.id for t in stats.categories] == ["people-reached", "measures"]


def test_matrix_counts_figures_per_section_and_category(make_metric, categories):
    ms = [make_metric("a", 1, section="theory"), make_metric("b", 2, section="theory"),
          make_metric("c", 3, section="theory", category="measures"),
          make_metric("d", 4, section="basics", category="measures", in_total=False)]
    stats = compute(SECTIONS, ms, categories)
    assert stats.matrix == {
        "basics": {"people-reached": 0, "participants": 0, "organisations": 0, "measures": 1},
        "theory": {"people-reached": 0, "participants": 0, "organisations": 2, "measures": 1},
    }
    assert sum(sum(row.values()) for row in stats.matrix.values()) == len(stats.metrics) == 4


def test_a_section_without_figures(make_metric, categories):
    stats = compute(SECTIONS, [make_metric("a", 1, section="theory")], categories)
    assert stats.by_section["basics"] == []
    assert stats.matrix["basics"] == dict.fromkeys(categories, 0)
