"""hooks/figures/check/fields.py: each record's fields, checked and turned into a Metric."""
from __future__ import annotations

from decimal import Decimal

import pytest

from figures.check.fields import metric
from figures.parse.frontmatter import read_page
from figures.parse.metrics import records

GOOD = {
    "id": "lecture-teams",
    "value": "1440",
    "qualifier": "exact",
    "category": "organisations",
    "unit": "{zh: 支, en: lecture teams}",
    "label": "{zh: 青年宣讲团, en: Youth lecture teams}",
}


def record_text(**changes) -> str:
    """One record as YAML; a change of ``None`` drops the field. Line 3 is its first field."""
    fields = {**GOOD, **changes}
    lines = [f"{name}: {value}" for name, value in fields.items() if value is not None]
    return "metrics:\n" + "".join(("  - " if i == 0 else "    ") + line + "\n" for i, line in enumerate(lines))


def check(categories, **changes):
    text = record_text(**changes)
    page = read_page("docs/theory.md", f"---\n{text}---\n\n# T\n")
    assert page.problems == []
    found, problems = records(page)
    assert problems == []
    return metric(found[0], file="docs/theory.md", section="theory", categories=categories)


def line_of(field: str, **changes) -> int:
    """The file line of ``field`` in the record built from ``changes``."""
    text = "---\n" + record_text(**changes)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip(" -").startswith(f"{field}:"):
            return number
    raise AssertionError(field)


def test_a_good_record_becomes_a_metric(categories):
    m, problems = check(categories)
    assert problems == []
    assert m.id == "lecture-teams" and m.section == "theory"
    assert m.value == Decimal(1440) and isinstance(m.value, Decimal)
    assert m.qualifier == "exact" and m.category == "organisations"
    assert m.unit == {"zh": "支", "en": "lecture teams"}
    assert m.label == {"zh": "青年宣讲团", "en": "Youth lecture teams"}
    assert (m.person_times, m.cumulative, m.in_total) == (False, False, True)
    assert m.cue == {}
    assert (m.file, m.line) == ("docs/theory.md", 3)
    assert m.number == 1440 and isinstance(m.number, int)


def test_flags_and_cue(categories):
    m, problems = check(categories, unit="{zh: 人次, en: person-times}", person_times="true",
                        cumulative="true", in_total="false", cue="{zh: 宣讲团, en: lecture teams}")
    assert problems == []
    assert (m.person_times, m.cumulative, m.in_total) == (True, True, False)
    assert m.cue == {"zh": "宣讲团", "en": "lecture teams"}


def test_decimal_value_is_kept_exactly(categories):
    m, _ = check(categories, value="16.5")
    assert m.value == Decimal("16.5") and m.number == 16.5


def test_texts_are_stripped(categories):
    m, _ = check(categories, label="{zh: ' 青年宣讲团 ', en: ' Youth lecture teams '}")
    assert m.label == {"zh": "青年宣讲团", "en": "Youth lecture teams"}


@pytest.mark.parametrize("field", ["id", "value", "qualifier", "category", "unit", "label"])
def test_a_missing_field(categories, field):
    m, problems = check(categories, **{field: None})
    assert m is None
    assert [p.text().split(":")[0] for p in problems if "missing" in p.text()] == [f"missing field '{field}'"]
    missing = next(p for p in problems if "missing" in p.text())
    assert (missing.file, missing.line) == ("docs/theory.md", 3)
    if field != "id":
        assert missing.metric == "lecture-teams"


@pytest.mark.parametrize("raw, shown", [
    ('"1,440"', "'1,440'"), ("1,440", "'1,440'"), ("1658.7万", "'1658.7万'"), ("true", "True"),
    ("[1440]", "[1440]"),
])
def test_value_must_be_a_plain_number(categories, raw, shown):
    m, problems = check(categories, value=raw)
    assert m is None
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.metric) == ("docs/theory.md", line_of("value"), "lecture-teams")
    assert "'value' must be a plain number" in p.text() and shown in p.text()
    assert str(p).startswith(f"docs/theory.md:{line_of('value')}: ")
    assert str(p).endswith("(lecture-teams)")


def test_negative_value(categories):
    m, problems = check(categories, value="-5")
    assert m is None and ["negative" in p.text() for p in problems] == [True]


@pytest.mark.parametrize("raw", [".inf", ".nan", "-.inf"])
def test_value_must_be_finite(categories, raw):
    # Infinity and NaN are floats to YAML, but no figure a report can state.
    m, problems = check(categories, value=raw)
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of("value"), "lecture-teams")]


def test_unknown_qualifier(categories):
    m, problems = check(categories, qualifier="more")
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of("qualifier"), "lecture-teams")]
    assert "unknown qualifier 'more'" in problems[0].text()
    assert "exact, over, nearly, about" in problems[0].text()


def test_unknown_category(categories):
    m, problems = check(categories, category="teams")
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of("category"), "lecture-teams")]
    assert "unknown category 'teams'" in problems[0].text()
    assert "organisations" in problems[0].text()


@pytest.mark.parametrize("field", ["qualifier", "category"])
@pytest.mark.parametrize("raw", ["[exact]", "{zh: 组织}"])
def test_a_list_or_mapping_for_a_qualifier_or_category_is_a_problem_not_a_crash(categories, field, raw):
    m, problems = check(categories, **{field: raw})
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of(field), "lecture-teams")]
    assert f"unknown {field}" in problems[0].text()


@pytest.mark.parametrize("raw", ["lecture_teams", "LectureTeams", "lecture teams", "-lead", "5"])
def test_id_must_be_kebab_case(categories, raw):
    m, problems = check(categories, id=raw)
    assert m is None
    assert any("lower-case words joined by hyphens" in p.text() and p.line == 3 for p in problems)


@pytest.mark.parametrize("flag", ["person_times", "cumulative", "in_total"])
@pytest.mark.parametrize("raw", ['"yes"', "1", "maybe"])
def test_flags_must_be_booleans(categories, flag, raw):
    m, problems = check(categories, **{flag: raw})
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of(flag, **{flag: raw}), "lecture-teams")]
    assert f"'{flag}' must be true or false" in problems[0].text()


def test_unit_renci_needs_person_times(categories):
    m, problems = check(categories, unit="{zh: 人次, en: person-times}")
    assert m is None
    assert [(p.line, "person_times: true" in p.text()) for p in problems] == [(line_of("unit"), True)]


def test_person_times_needs_the_unit_renci(categories):
    m, problems = check(categories, person_times="true")
    assert m is None
    assert [(p.line, "人次" in p.text()) for p in problems] == [(line_of("unit"), True)]


@pytest.mark.parametrize("name", ["unit", "label"])
def test_bilingual_texts_need_both_languages(categories, name):
    m, problems = check(categories, **{name: "{zh: 支}"})
    assert m is None
    assert [f"missing its 'en' text" in p.text() for p in problems] == [True]
    m, problems = check(categories, **{name: "支"})
    assert m is None and [f"'{name}' must have a 'zh' and an 'en'" in p.text() for p in problems] == [True]
    m, problems = check(categories, **{name: "{zh: '', en: x}"})
    assert m is None and [f"'{name}.zh' must be a non-empty text" in p.text() for p in problems] == [True]
    m, problems = check(categories, **{name: "{zh: 支, en: x, fr: y}"})
    assert m is None and ["unknown language 'fr'" in p.text() for p in problems] == [True]


def test_unknown_field(categories):
    m, problems = check(categories, valeu="1440")
    assert m is None
    assert [(p.line, "unknown field 'valeu'" in p.text()) for p in problems] == [(line_of("valeu", valeu="1440"), True)]


def test_all_problems_of_a_record_are_reported_together(categories):
    m, problems = check(categories, value='"1,440"', qualifier="more", category="teams",
                        person_times='"yes"')
    assert m is None
    assert sorted(p.line for p in problems) == sorted(
        line_of(f, person_times='"yes"') for f in ("value", "qualifier", "category", "person_times"))
    assert {p.metric for p in problems} == {"lecture-teams"}


# --- units that agree with the number -------------------------------------------------------------

def test_an_english_unit_with_a_singular_and_a_plural(categories):
    m, problems = check(categories, value="1", unit="{zh: 人, en: {one: person, other: people}}")
    assert problems == []
    assert m.unit == {"zh": "人", "en": "people"} and m.unit_one == {"en": "person"}
    assert (m.unit_for("en"), m.unit_for("zh")) == ("person", "人")
    m, _ = check(categories, value="2", unit="{zh: 人, en: {one: person, other: people}}")
    assert m.unit_for("en") == "people"


def test_a_plain_english_unit_is_the_form_for_every_number(categories):
    m, problems = check(categories, value="2", unit="{zh: 人, en: people}")
    assert problems == [] and m.unit_one == {} and m.unit_for("en") == "people"


@pytest.mark.parametrize("qualifier", ["over", "nearly", "about"])
def test_a_plain_unit_is_enough_for_a_value_of_one_that_is_not_exact(categories, qualifier):
    m, problems = check(categories, value="1", qualifier=qualifier, unit="{zh: 人, en: people}")
    assert problems == [] and m.unit_for("en") == "people"


def test_a_value_of_one_needs_the_singular(categories):
    m, problems = check(categories, value="1", unit="{zh: 人, en: people}")
    assert m is None
    [p] = problems
    assert (p.file, p.line, p.metric) == ("docs/theory.md", line_of("unit"), "lecture-teams")
    assert "the value is 1" in p.text() and "{one: …, other: people}" in p.text()


def test_plural_forms_on_their_own_lines_are_reported_on_their_line(categories):
    block = "\n      zh: 人\n      en:\n        one: person\n        many: people"
    text = "---\n" + record_text(unit=block)
    m, problems = check(categories, unit=block)
    assert m is None
    lines = text.splitlines()
    many = next(i for i, line in enumerate(lines, 1) if "many:" in line)
    forms = next(i for i, line in enumerate(lines, 1) if "one: person" in line)  # where en's forms start
    assert sorted((p.line, p.text().split(" (")[0]) for p in problems) == sorted([
        (many, "'unit.en' has an unknown form 'many'"),
        (forms, "'unit.en' is missing its 'other' form"),
    ])
    assert {p.metric for p in problems} == {"lecture-teams"}


def test_an_empty_plural_form(categories):
    m, problems = check(categories, unit="{zh: 人, en: {one: '', other: people}}")
    assert m is None and ["'unit.en.one' must be a non-empty text" in p.text() for p in problems] == [True]


@pytest.mark.parametrize("word", ["大", "余", "近", "万"])
def test_a_word_that_counts_nothing_is_not_a_unit(categories, word):
    m, problems = check(categories, unit=f"{{zh: {word}, en: channels}}")
    assert m is None
    [p] = problems
    assert (p.line, p.metric) == (line_of("unit"), "lecture-teams")
    assert f"'unit.zh' is '{word}', which is not a unit" in p.text()


@pytest.mark.parametrize("unit, said", [("{zh: 万支, en: teams}", "starts with '万'"),
                                        ("{zh: 余名, en: people}", "starts with '余'"),
                                        ("{zh: 支, en: thousand teams}", "'thousand'"),
                                        ("{zh: 人, en: {one: million people, other: million people}}", "'million'")])
def test_a_unit_that_is_part_of_the_number_would_make_the_figure_larger(categories, unit, said):
    m, problems = check(categories, unit=unit)
    assert m is None
    assert [(p.line, p.metric) for p in problems] == [(line_of("unit"), "lecture-teams")]
    assert said in problems[0].text()


def test_person_times_in_english_say_times(categories):
    m, problems = check(categories, person_times="true", unit="{zh: 人次, en: young people}")
    assert m is None
    assert "the English unit must say so (person-times), not 'young people'" in problems[0].text()
    m, problems = check(categories, person_times="true", unit="{zh: 人次, en: person-times}")
    assert problems == [] and m.person_times
