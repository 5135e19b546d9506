"""hooks/figures/parse/frontmatter.py: front matter and body, YAML values with their lines."""
from __future__ import annotations

import datetime

from figures.parse.frontmatter import Node, read_page

PAGE = """\
---
metrics:
  - id: lecture-teams
    value: 1440
    unit: {zh: 支, en: lecture teams}
---

# 二、理论学习

共成立青年宣讲团1440支。
"""


def test_a_page_is_readable_unless_its_front_matter_is_broken():
    assert read_page("x.md", "---\ntitle: T\n---\n# T\n").readable
    assert read_page("x.md", "# T\n").readable
    assert not read_page("x.md", "---\n- a list\n---\n# T\n").readable


def test_front_matter_and_body_are_split():
    page = read_page("docs/theory.md", PAGE)
    assert page.path == "docs/theory.md"
    assert page.problems == []
    assert page.meta.value == {"metrics": [
        {"id": "lecture-teams", "value": 1440, "unit": {"zh": "支", "en": "lecture teams"}}]}
    # the body starts where MkDocs starts page.markdown: blank lines after the fence dropped
    assert page.body == "# 二、理论学习\n\n共成立青年宣讲团1440支。\n"
    assert page.body_line == 8
    assert PAGE.splitlines()[page.body_line - 1] == "# 二、理论学习"


def test_every_node_carries_its_line_in_the_file():
    page = read_page("docs/theory.md", PAGE)
    metrics = page.meta.children["metrics"]
    assert metrics.line == 3
    record = metrics.children[0]
    assert isinstance(record, Node)
    assert record.line == 3
    assert record.children["id"].line == 3
    assert record.children["value"].line == 4
    assert record.children["value"].value == 1440
    unit = record.children["unit"]
    assert unit.line == 5
    assert unit.children["zh"].value == "支" and unit.children["zh"].line == 5


def test_body_matches_what_mkdocs_gives_the_page():
    from mkdocs.utils.meta import get_data

    page = read_page("docs/theory.md", PAGE)
    markdown, meta = get_data(PAGE)
    assert page.body == markdown
    assert page.meta.value == meta


def test_page_without_front_matter_is_all_body():
    text = "# Title\n\nText.\n"
    page = read_page("docs/x.md", text)
    assert page.meta is None and page.problems == []
    assert page.body == text and page.body_line == 1


def test_empty_front_matter():
    page = read_page("docs/x.md", "---\n---\nbody\n")
    assert page.meta is None and page.problems == []
    assert page.body == "body\n" and page.body_line == 3


def test_dots_may_close_the_front_matter():
    page = read_page("docs/x.md", "---\ntitle: x\n...\nbody\n")
    assert page.meta.value == {"title": "x"} and page.body == "body\n"


def test_invalid_yaml_is_a_problem_with_its_line():
    text = """\
---
metrics:
  - id: lecture-teams
    value: 1440
    unit: {zh: 支, en: lecture teams}}
---

# Title
"""
    page = read_page("docs/theory.md", text)
    assert page.meta is None and not page.readable
    assert len(page.problems) == 1
    problem = page.problems[0]
    assert problem.file == "docs/theory.md"
    assert problem.line == 5  # the line with the stray brace
    assert str(problem) == "docs/theory.md:5: this `}` closes nothing: remove it, or add the opening one (lecture-teams)"
    assert page.body == "# Title\n" and page.body_line == 8


def test_unclosed_bracket_points_at_its_line():
    text = "---\nmetrics:\n  - id: a\n    value: [1\n    qualifier: exact\n---\nbody\n"
    page = read_page("docs/x.md", text)
    assert [(p.line, p.text()) for p in page.problems] == [
        (4, "the `[` opened on line 4 is not closed: add `]` at the end of its value, on the same line")]


def test_tab_indentation_is_invalid_yaml_on_its_line():
    text = "---\nmetrics:\n  - id: a\n\tvalue: 1\n---\nbody\n"
    page = read_page("docs/x.md", text)
    assert [(p.line, p.text().startswith("this line is indented with a tab")) for p in page.problems] == [(4, True)]


def test_a_key_given_twice_is_a_problem():
    text = "---\nmetrics:\n  - id: a\n    value: 1\n    value: 2\n---\nbody\n"
    page = read_page("docs/x.md", text)
    assert [(p.line, p.text()) for p in page.problems] == [
        (5, "the key 'value' is given twice here: YAML would keep only the last; keep one")]


def test_front_matter_that_is_not_a_mapping():
    page = read_page("docs/x.md", "---\n- a\n- b\n---\nbody\n")
    assert page.meta is None
    assert [(p.line, "keys with their values" in p.text()) for p in page.problems] == [(2, True)]


def test_scalars_are_typed_as_yaml_says():
    text = "---\na: 1440\nb: \"1,440\"\nc: 1,440\nd: true\ne: 16.5\nf: 2023-01-01\ng: ~\n---\n"
    values = read_page("docs/x.md", text).meta.value
    assert values == {"a": 1440, "b": "1,440", "c": "1,440", "d": True, "e": 16.5,
                      "f": datetime.date(2023, 1, 1), "g": None}


def test_crlf_line_endings():
    text = "---\r\nmetrics:\r\n  - id: a\r\n---\r\nbody\r\n"
    page = read_page("docs/x.md", text)
    assert page.problems == []
    assert page.meta.value == {"metrics": [{"id": "a"}]}
    assert page.meta.children["metrics"].children[0].children["id"].line == 3


def test_a_front_matter_fence_later_in_the_page_is_not_front_matter():
    text = "# Title\n\n---\na: 1\n---\n"
    page = read_page("docs/x.md", text)
    assert page.meta is None and page.body == text


def test_an_alias_inside_its_own_anchor_is_a_problem_not_a_crash():
    page = read_page("docs/x.md", "---\nmetrics: &a [*a]\n---\n# T\n")
    assert not page.readable and page.meta is None
    assert [str(p) for p in page.problems] == [
        "docs/x.md:2: a YAML alias refers to the value it is part of (&name … *name inside it): write the value out"]
