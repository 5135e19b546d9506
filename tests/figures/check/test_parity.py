"""hooks/figures/check/parity.py: metrics an English page repeats agree with the Chinese page."""
from __future__ import annotations

from figures.check.parity import compare
from figures.parse.frontmatter import read_page
from figures.parse.metrics import records


def english(front: str):
    page = read_page("docs/theory.en.md", f"---\nmetrics:\n{front}---\n\n# T\n")
    assert page.problems == []
    found, problems = records(page)
    assert problems == []
    return found


def run(front: str, chinese):
    return compare(english(front), {m.id: m for m in chinese},
                   file="docs/theory.en.md", zh_file="docs/theory.md")


def test_a_repeat_that_agrees(make_metric):
    zh = [make_metric("lecture-teams", 1440, "exact"),
          make_metric("reach", 1000000, "over", unit=("人次", "person-times"), person_times=True)]
    assert run("  - id: lecture-teams\n    value: 1440\n    qualifier: exact\n"
               "    category: organisations\n    unit: {zh: 支, en: lecture teams}\n"
               "  - id: reach\n    value: 1000000\n    person_times: true\n", zh) == []


def test_an_id_alone_is_enough(make_metric):
    assert run("  - id: lecture-teams\n", [make_metric()]) == []


def test_decimal_values_agree(make_metric):
    assert run("  - id: x\n    value: 16.5\n", [make_metric("x", "16.5")]) == []


def test_a_value_that_differs(make_metric):
    problems = run("  - id: lecture-teams\n    value: 1441\n", [make_metric("lecture-teams", 1440)])
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.metric) == ("docs/theory.en.md", 4, "lecture-teams")
    assert "'value' is 1441 here but 1440 in docs/theory.md" in p.text()
    assert str(p) == ("docs/theory.en.md:4: 'value' is 1441 here but 1440 in docs/theory.md: make it the "
                      "same, or leave it out (the Chinese page is the source) (lecture-teams)")


def test_a_value_written_as_text_differs(make_metric):
    problems = run("  - id: lecture-teams\n    value: \"1440\"\n", [make_metric("lecture-teams", 1440)])
    assert [(p.line, p.metric) for p in problems] == [(4, "lecture-teams")]


def test_every_compared_field(make_metric):
    zh = [make_metric("x", 5, "over", category="participants")]
    front = ("  - id: x\n    qualifier: exact\n    category: measures\n    person_times: true\n"
             "    cumulative: true\n    in_total: false\n")
    problems = run(front, zh)
    assert [(p.line, p.text().split("'")[1]) for p in problems] == [
        (4, "qualifier"), (5, "category"), (6, "person_times"), (7, "cumulative"), (8, "in_total")]
    assert {p.metric for p in problems} == {"x"}


def test_unit_and_label_texts(make_metric):
    zh = [make_metric("x", 5, unit=("支", "teams"), label=("宣讲团", "Lecture teams"))]
    problems = run("  - id: x\n    unit: {en: groups}\n    label: {zh: 宣讲团, en: Lecture teams}\n", zh)
    assert [(p.line, p.text()) for p in problems] == [(4, "'unit.en' differs from docs/theory.md: make it the same, or leave it out")]


def test_a_repeated_unit_with_its_singular(make_metric):
    zh = [make_metric("x", 1, unit=("人", "people"), unit_one={"en": "person"})]
    assert run("  - id: x\n    unit: {zh: 人, en: {one: person, other: people}}\n", zh) == []
    problems = run("  - id: x\n    unit: {en: {one: persons, other: people}}\n", zh)
    assert [(p.line, p.text()) for p in problems] == [(4, "'unit.en' differs from docs/theory.md: make it the same, or leave it out")]


def test_a_metric_the_chinese_page_lacks(make_metric):
    problems = run("  - id: ghost\n    value: 3\n", [make_metric()])
    assert [(p.line, p.metric) for p in problems] == [(3, "ghost")]
    assert "the metric 'ghost' is not on the Chinese page docs/theory.md" in problems[0].text()
    assert "did you mean" not in problems[0].text()


def test_a_misspelt_repeated_id_is_answered_with_the_chinese_one(make_metric):
    [p] = run("  - id: lecture-team\n    value: 1440\n", [make_metric("lecture-teams", 1440)])
    assert "(did you mean 'lecture-teams'?)" in p.text()


def test_a_repeat_without_id(make_metric):
    problems = run("  - value: 1440\n", [make_metric()])
    assert [(p.line, "'id'" in p.text()) for p in problems] == [(3, True)]


def test_several_mismatches_are_all_reported(make_metric):
    zh = [make_metric("a", 1), make_metric("b", 2)]
    problems = run("  - id: a\n    value: 10\n  - id: b\n    value: 20\n", zh)
    assert [(p.line, p.metric) for p in problems] == [(4, "a"), (6, "b")]


def test_a_misspelt_field_in_a_repeat_is_named(make_metric):
    [p] = run("  - id: lecture-teams\n    valeu: 3\n", [make_metric("lecture-teams", 1440)])
    assert (p.line, p.metric) == (4, "lecture-teams")
    assert p.text().startswith("unknown field 'valeu' (did you mean 'value'?) (known fields: id, value,")


def test_a_text_field_repeated_as_plain_text_is_named(make_metric):
    [p] = run("  - id: lecture-teams\n    unit: teams\n", [make_metric("lecture-teams", 1440)])
    assert p.line == 4 and "'unit' differs from docs/theory.md: repeat it as {zh: …, en: …}" in p.text()


def test_a_cue_is_compared_too(make_metric):
    zh = [make_metric("lecture-teams", 1440)]
    problems = run("  - id: lecture-teams\n    cue: {en: lecture teams}\n", zh)
    assert [(p.line, p.text()) for p in problems] == [(4, "'cue.en' differs from docs/theory.md: make it the same, or leave it out")]
