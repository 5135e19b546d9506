"""The schema: categories from the controlled list, problems as file:line, metric numbers."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from figures.parse.datafile import DataFileError
from figures.schema import QUALIFIERS, Metric, Problem, load_categories
from support import ROOT


def test_categories_come_from_the_one_list_in_its_order(tmp_path: Path):
    path = tmp_path / "categories.yml"
    path.write_text("- {id: b, zh: 乙, en: B}\n- {id: a, zh: 甲, en: A}\n", encoding="utf-8")
    categories = load_categories(path)
    assert list(categories) == ["b", "a"]
    assert categories["a"].label("zh") == "甲" and categories["a"].label("en") == "A"


@pytest.mark.parametrize("rows, line, message", [
    ("- {id: a, zh: 甲, en: A, description: 写给编辑的说明}\n", 1, "the description of category 'a' must give both languages: {zh: …, en: …}"),
    ("- {id: a, zh: 甲, en: A}\n- {id: b, zh: 乙, en: B}\n- {id: a, zh: 丙, en: C}\n", 3, "category 'a' is given twice: keep one"),
])
def test_a_category_row_with_a_mistake_is_named_by_its_line(tmp_path: Path, rows, line, message):
    path = tmp_path / "categories.yml"
    path.write_text(rows, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_categories(path, "data/categories.yml")
    assert str(raised.value) == f"data/categories.yml:{line}: {message}"


def test_the_real_list_has_the_categories_the_report_needs():
    categories = load_categories(ROOT / "data/categories.yml")
    for needed in ("people-reached", "activities", "organisations", "sites", "jobs", "awards", "measures"):
        assert needed in categories


def test_qualifiers_are_the_four_the_text_uses():
    assert list(QUALIFIERS) == ["exact", "over", "nearly", "about"]


def test_a_problem_reads_file_line_message_and_metric():
    assert str(Problem("docs/x.md", 12, "missing field 'unit'", "lecture-teams")) == \
        "docs/x.md:12: missing field 'unit' (lecture-teams)"
    assert str(Problem("docs/x.en.md", 0, "the page does not exist")) == "docs/x.en.md: the page does not exist"


def _metric(value: str) -> Metric:
    return Metric("a", "s", Decimal(value), "exact", "sites", {"zh": "个", "en": "sites"},
                  {"zh": "甲", "en": "A"})


def test_a_whole_value_is_an_integer_and_a_fraction_stays_a_fraction():
    assert _metric("16587000.0").number == 16587000 and isinstance(_metric("16587000.0").number, int)
    assert _metric("4.5").number == 4.5


def test_each_real_category_says_what_belongs_in_it_in_both_languages():
    categories = load_categories(ROOT / "data/categories.yml")
    for category in categories.values():
        assert set(category.description) == {"zh", "en"}, category.id
        assert all(text.strip() for text in category.description.values()), category.id


def test_a_category_without_description_still_loads(tmp_path: Path):
    path = tmp_path / "categories.yml"
    path.write_text("- {id: a, zh: 甲, en: A}\n", encoding="utf-8")
    assert load_categories(path)["a"].description == {}


def _person(value: str, qualifier: str = "exact") -> Metric:
    return Metric("a", "s", Decimal(value), qualifier, "awards", {"zh": "人", "en": "people"},
                  {"zh": "甲", "en": "A"}, unit_one={"en": "person"})


def test_the_unit_agrees_with_the_value():
    assert _person("1").unit_for("en") == "person"
    assert [_person(v).unit_for("en") for v in ("0", "2", "1.5", "16587000")] == ["people"] * 4
    assert _person("1", "over").unit_for("en") == "people"  # more than one person
    assert _person("1").unit_for("zh") == "人"
    assert _metric("1").unit_for("en") == "sites"  # no singular given: the one form


def test_kind_is_the_unit_and_the_kind_of_count():
    a, b = _person("1"), _person("2")
    assert a.kind == b.kind
    b.person_times = True
    assert a.kind != b.kind
    assert _metric("1").kind != a.kind
