"""hooks/figures/draw/charts.py: one bar chart per group of comparable figures."""
from __future__ import annotations

from figures.count.stats import Section, compute
from figures.draw.charts import GAP, LABEL_CHARS, ROW, TOP, VALUE_SIZE, WIDTH, charts
from figures.draw.html import statistics_block, unit_note

PT = ("人次", "person-times")
SECTIONS = [Section("theory", {"zh": "二、理论学习", "en": "II. Theory"})]


def table_of(metrics, categories, category):
    stats = compute(SECTIONS, metrics, categories)
    return next(t for t in stats.categories if t.category.id == category)


def test_one_chart_per_unit_and_kind(make_metric, categories):
    ms = [make_metric("a", 1000000, "over", category="people-reached", unit=PT, person_times=True),
          make_metric("b", 40000, "over", category="people-reached", unit=PT, person_times=True),
          make_metric("c", 16587000, category="people-reached", unit=("人", "young people"),
                      cumulative=True)]
    out = charts(table_of(ms, categories, "people-reached"), "en", unit_note=unit_note)
    assert [c.id for c in out] == ["chart-people-reached-1", "chart-people-reached-2"]
    assert [[b.metric.id for b in c.bars] for c in out] == [["a", "b"], ["c"]]
    assert out[0].title == "People reached: person-times"
    assert out[1].title == "People reached: young people, cumulative"


def test_bars_share_a_linear_scale_from_zero(make_metric, categories):
    ms = [make_metric("a", 100), make_metric("b", 50), make_metric("c", 25)]
    [chart] = charts(table_of(ms, categories, "organisations"), "zh", unit_note=unit_note)
    widths = [b.width for b in chart.bars]
    assert widths[0] == WIDTH - GAP - 160  # short values: the longest bar leaves 160 for its value
    assert widths[1] == widths[0] / 2 and widths[2] == widths[0] / 4
    assert [b.y for b in chart.bars] == [TOP, TOP + ROW, TOP + 2 * ROW]
    assert chart.width == WIDTH and chart.height == TOP * 2 + ROW * 3


def test_a_tiny_or_zero_bar_is_still_visible(make_metric, categories):
    ms = [make_metric("a", 1000000), make_metric("b", 1), make_metric("z", 0)]
    [chart] = charts(table_of(ms, categories, "organisations"), "en", unit_note=unit_note)
    assert [b.width for b in chart.bars][1:] == [2.0, 2.0]


def test_all_zero_does_not_divide_by_zero(make_metric, categories):
    [chart] = charts(table_of([make_metric("z", 0)], categories, "organisations"), "en",
                     unit_note=unit_note)
    assert chart.bars[0].width == 2.0


def test_value_texts_carry_qualifier_and_unit(make_metric, categories):
    ms = [make_metric("a", 1000000, "over", category="people-reached", unit=PT, person_times=True),
          make_metric("b", 60000, "nearly", category="people-reached", unit=PT, person_times=True)]
    t = table_of(ms, categories, "people-reached")
    [zh] = charts(t, "zh", unit_note=unit_note)
    [en] = charts(t, "en", unit_note=unit_note)
    assert [b.value_text for b in zh.bars] == ["超过100万人次", "近6万人次"]
    assert [b.value_text for b in en.bars] == ["more than 1 million person-times", "nearly 60,000 person-times"]
    assert zh.title == "覆盖人群：人次"
    assert zh.description == "青年宣讲团 超过100万人次；青年宣讲团 近6万人次"
    assert en.description.startswith("Youth lecture teams more than 1 million person-times; ")


def test_long_labels_are_shortened_but_kept_whole_for_the_description(make_metric, categories):
    long_en = "A very long label " * 8
    m = make_metric("a", 5, label=("很长的标签" * 10, long_en))
    t = table_of([m], categories, "organisations")
    for lang in ("zh", "en"):
        [chart] = charts(t, lang, unit_note=unit_note)
        bar = chart.bars[0]
        assert len(bar.label) == LABEL_CHARS[lang] and bar.label.endswith("…")
        assert bar.full_label == m.label[lang]
        assert bar.full_label in chart.description


def test_the_svg_escapes_labels_and_units(make_metric, categories, templates):
    script = "<script>alert(1)</script>"
    img = "<img src=x onerror=alert(1)>"
    ms = [make_metric("a", 10, label=(script + "标签", img + "label"), unit=(img, script)),
          make_metric("b", 20, label=(img, script), unit=(img, script))]
    stats = compute(SECTIONS, ms, categories)
    for lang in ("zh", "en"):
        svg = statistics_block(templates, "charts", stats, lang, data_url="../data/")
        assert "<svg" in svg
        assert "<script" not in svg and "<img" not in svg
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
        assert "&lt;img src=x onerror=alert(1)&gt;" in svg
        title = svg[svg.index("<title"):svg.index("</title>")]
        desc = svg[svg.index("<desc"):svg.index("</desc>")]
        assert "&lt;" in title and "&lt;" in desc
        for text in svg.split("<text")[1:]:
            assert "<" not in text[text.index(">") + 1:text.index("</text>")]



def test_the_longest_bar_leaves_room_for_a_long_value(make_metric, categories):
    ms = [make_metric("a", 1000000, qualifier="over", unit=("人次", "person-times and more words"))]
    [chart] = charts(table_of(ms, categories, "organisations"), "en", unit_note=unit_note)
    bar = chart.bars[0]
    assert bar.width + GAP + 0.65 * VALUE_SIZE * len(bar.value_text) <= WIDTH + 1e-6
