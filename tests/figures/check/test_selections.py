"""hooks/figures/check/selections.py: the editors' key figures and charts, checked as file:line."""
from __future__ import annotations

from pathlib import Path

import pytest

from figures.check.selections import KEY_FIGURES, load

FILE = "data/highlights.yml"
PT = ("人次", "person-times")

GOOD = """\
key_figures:
  - metric: a
    context: {zh: 甲的说明, en: about a}
  - metric: b
  - metric: c
  - metric: d
charts:
  - id: groups
    title: {zh: 工作组, en: Working groups}
    metrics: [a, b, c]
"""


@pytest.fixture
def metrics(make_metric):
    return [make_metric("a", 3, unit=("个", "groups")), make_metric("b", 6, unit=("个", "groups")),
            make_metric("c", 21, unit=("个", "groups")), make_metric("d", 5000, "over", unit=("个", "jobs")),
            make_metric("reach", 1000000, "over", unit=PT, person_times=True),
            make_metric("reach-all", 2000000, "over", unit=PT, person_times=True, cumulative=True)]


def run(tmp_path: Path, text: str, metrics, failed=frozenset(), incomplete=False):
    path = tmp_path / "highlights.yml"
    path.write_text(text, encoding="utf-8")
    return load(path, FILE, metrics, failed=set(failed), incomplete=incomplete)


def line(text: str, needle: str, nth: int = 1) -> int:
    found = [i for i, row in enumerate(text.splitlines(), 1) if needle in row]
    return found[nth - 1]


def shown(problems) -> list[str]:
    return [str(p) for p in problems]


def test_a_good_file(tmp_path, metrics):
    highlights, problems = run(tmp_path, GOOD, metrics)
    assert problems == []
    assert [k.metric.id for k in highlights.key_figures] == ["a", "b", "c", "d"]
    assert highlights.key_figures[0].context == {"zh": "甲的说明", "en": "about a"}
    assert highlights.key_figures[1].context == metrics[1].label  # no context: the label
    [chart] = highlights.charts
    assert (chart.id, chart.title["en"], [m.id for m in chart.metrics]) == ("groups", "Working groups", ["a", "b", "c"])


def test_no_file_no_highlights(tmp_path, metrics):
    highlights, problems = load(tmp_path / "missing.yml", FILE, metrics)
    assert problems == [] and highlights.key_figures == [] and highlights.charts == []


def test_an_unknown_metric_is_named_on_its_line(tmp_path, metrics):
    text = GOOD.replace("  - metric: b\n", "  - metric: bb\n").replace("[a, b, c]", "[a, b, zz]")
    highlights, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [
        f"{FILE}:{line(text, 'metric: bb')}: no page has a metric with the id 'bb' (did you mean 'b'?) (bb)",
        f"{FILE}:{line(text, '[a, b, zz]')}: no page has a metric with the id 'zz': copy the id from the "
        f"metric's page (its front matter, 'id:') (zz)",
    ]
    assert [k.metric.id for k in highlights.key_figures] == ["a", "c", "d"] and highlights.charts == []


def test_a_metric_that_failed_its_own_check_is_not_reported_again(tmp_path, metrics):
    text = GOOD.replace("  - metric: b\n", "  - metric: broken\n")
    _, problems = run(tmp_path, text, metrics, failed={"broken"})
    assert problems == []


def test_while_a_page_cannot_be_read_unknown_ids_wait(tmp_path, metrics):
    text = GOOD.replace("  - metric: b\n", "  - metric: bb\n")
    highlights, problems = run(tmp_path, text, metrics, incomplete=True)
    assert problems == [] and [k.metric.id for k in highlights.key_figures] == ["a", "c", "d"]


def test_a_chart_with_one_bar(tmp_path, metrics):
    text = GOOD.replace("[a, b, c]", "[a]")
    highlights, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [f"{FILE}:{line(text, '[a]')}: a chart compares two figures or more; this one has 1"]
    assert highlights.charts == []


@pytest.mark.parametrize("other, what", [("d", "个 / jobs"), ("reach", "人次 / person-times, person-times")])
def test_a_chart_of_figures_that_count_different_things(tmp_path, metrics, other, what):
    text = GOOD.replace("[a, b, c]", f"[a, b, {other}]")
    highlights, problems = run(tmp_path, text, metrics)
    [p] = problems
    assert (p.file, p.line, p.metric) == (FILE, line(text, f"[a, b, {other}]"), other)
    assert f"'{other}' counts ({what}), but 'a' counts (个 / groups)" in p.text()
    assert highlights.charts == []


def test_person_times_for_the_year_and_cumulative_are_not_compared(tmp_path, metrics):
    text = GOOD.replace("[a, b, c]", "[reach, reach-all]")
    _, problems = run(tmp_path, text, metrics)
    assert ["'reach-all' counts (人次 / person-times, person-times, cumulative)" in p.text()
            for p in problems] == [True]


def test_a_chart_in_block_style_names_the_line_of_the_metric(tmp_path, metrics):
    text = GOOD.replace("    metrics: [a, b, c]\n", "    metrics:\n      - a\n      - d\n")
    _, problems = run(tmp_path, text, metrics)
    assert [(p.line, p.metric) for p in problems] == [(line(text, "      - d"), "d")]


def test_a_chart_needs_id_title_and_metrics(tmp_path, metrics):
    text = "charts:\n  - title: {zh: 图, en: Chart}\n  - id: x\n    metrics: [a, b]\n"
    _, problems = run(tmp_path, text, metrics)
    has = " (a chart has id, title, metrics)"
    assert shown(problems) == [f"{FILE}:2: a chart needs 'id'{has}", f"{FILE}:2: a chart needs 'metrics'{has}",
                               f"{FILE}:3: a chart needs 'title'{has}"]


def test_chart_ids_are_kebab_case_and_unique(tmp_path, metrics):
    text = GOOD + "  - id: groups\n    title: {zh: 图, en: Chart}\n    metrics: [a, b]\n" \
                  "  - id: Bad_Id\n    title: {zh: 图, en: Chart}\n    metrics: [a, b]\n"
    highlights, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [
        f"{FILE}:{line(text, 'id: groups', 2)}: the chart id 'groups' is already used "
        f"(line {line(text, 'id: groups')}): give this chart another",
        f"{FILE}:{line(text, 'Bad_Id')}: a chart's 'id' must be lower-case words joined by hyphens (like "
        f"'theme-education-groups'), not 'Bad_Id'",
    ]
    assert [c.id for c in highlights.charts] == ["groups"]


def test_a_metric_twice_in_a_chart(tmp_path, metrics):
    text = GOOD.replace("[a, b, c]", "[a, b, a]")
    _, problems = run(tmp_path, text, metrics)
    assert [("twice in the chart" in p.text(), p.metric) for p in problems] == [(True, "a")]


@pytest.mark.parametrize("count", [KEY_FIGURES[0] - 1, KEY_FIGURES[1] + 1])
def test_the_home_page_shows_four_to_eight_key_figures(tmp_path, make_metric, count):
    ms = [make_metric(f"m{i}", i) for i in range(count)]
    text = "key_figures:\n" + "".join(f"  - metric: m{i}\n" for i in range(count))
    highlights, problems = run(tmp_path, text, ms)
    assert shown(problems) == [f"{FILE}:1: there are {count} key figures: the home page shows 4 to 8"]
    assert len(highlights.key_figures) == count  # still shown while the editor fixes it


def test_a_key_figure_twice(tmp_path, metrics):
    text = GOOD.replace("  - metric: d\n", "  - metric: a\n")
    _, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [f"{FILE}:{line(text, 'metric: a', 2)}: 'a' is already a key figure (line 2): "
                               f"choose another metric (a)"]


def test_a_key_figure_context_needs_both_languages(tmp_path, metrics):
    text = GOOD.replace("{zh: 甲的说明, en: about a}", "{zh: 甲的说明}")
    highlights, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [f"{FILE}:3: 'context' is missing its 'en' text (a)"]
    assert "a" not in [k.metric.id for k in highlights.key_figures]


def test_unknown_keys_and_fields(tmp_path, metrics):
    text = GOOD.replace("    context:", "    contxt:").replace("charts:", "chart:")
    _, problems = run(tmp_path, text, metrics)
    assert shown(problems) == [
        f"{FILE}:{line(text, 'chart:')}: unknown key 'chart' (did you mean 'charts'?) (known keys: key_figures, "
        f"charts)",
        f"{FILE}:3: unknown field 'contxt' in a key figure (did you mean 'context'?) (known fields: metric, "
        f"context)",
    ]


def test_invalid_yaml_is_a_problem_with_its_line(tmp_path, metrics):
    text = GOOD.replace("[a, b, c]", "[a, b, c")
    highlights, problems = run(tmp_path, text, metrics)
    [p] = problems
    assert (p.file, p.line) == (FILE, line(text, "[a, b, c"))
    assert p.text().startswith(f"the `[` opened on line {p.line} is not closed: add `]`")
    assert highlights.key_figures == [] and highlights.charts == []


def test_the_wrong_shapes(tmp_path, metrics):
    _, problems = run(tmp_path, "- a\n- b\n", metrics)
    assert shown(problems) == [f"{FILE}:1: the file must have the keys 'key_figures:' and 'charts:', each with "
                               f"its list"]
    _, problems = run(tmp_path, "key_figures: a\ncharts:\n  - [a, b]\n", metrics)
    assert shown(problems) == [f"{FILE}:1: 'key_figures' must be a list, one '- …' per item",
                               f"{FILE}:3: a chart must be its fields (id, title, metrics), one 'field: value' "
                               f"per line"]


@pytest.mark.usefixtures("site")  # a mistake in the real pages is the build's one failure (tests/sitebuild.py)
def test_the_real_file_is_valid(real_categories_path):
    from figures import pipeline
    from support import real_nav

    root = real_categories_path.parents[1]
    analysis = pipeline.analyse(root / "docs", real_nav(), real_categories_path,
                                highlights_path=root / "data" / "highlights.yml")
    assert analysis.problems == []
    assert KEY_FIGURES[0] <= len(analysis.stats.key_figures) <= KEY_FIGURES[1]
    assert all(len(c.metrics) >= 2 for c in analysis.stats.charts) and analysis.stats.charts
