"""hooks/figures/parse/metrics.py: the ``metrics:`` records of a page, with their lines."""
from __future__ import annotations

from figures.parse.frontmatter import read_page
from figures.parse.metrics import records


def page(front: str):
    return read_page("docs/theory.md", f"---\n{front}---\n\n# Title\n")


def test_records_keep_their_fields_and_first_line():
    found, problems = records(page(
        "metrics:\n"
        "  - id: lecture-teams\n"
        "    value: 1440\n"
        "  - value: 7237\n"
        "    id: youth-lecturers\n"))
    assert problems == []
    assert [r.id for r in found] == ["lecture-teams", "youth-lecturers"]
    assert [r.line for r in found] == [3, 5]
    assert found[0].fields["value"].value == 1440 and found[0].fields["value"].line == 4
    assert found[1].fields["id"].line == 6


def test_no_metrics_key_is_none_not_empty():
    assert records(page("title: x\n")) == (None, [])
    assert records(read_page("docs/x.md", "# no front matter\n")) == (None, [])


def test_empty_metrics_key_is_an_empty_list():
    assert records(page("metrics:\n")) == ([], [])
    assert records(page("metrics: []\n")) == ([], [])


def test_metrics_that_are_not_a_list():
    found, problems = records(page("metrics: 5\n"))
    assert found == []
    assert [(p.file, p.line) for p in problems] == [("docs/theory.md", 2)]
    assert "list" in problems[0].text()


def test_an_item_that_is_not_a_mapping_is_reported_and_skipped():
    found, problems = records(page("metrics:\n  - 5\n  - id: b\n"))
    assert [r.id for r in found] == ["b"]
    assert [(p.line, "each metric must be its fields" in p.text()) for p in problems] == [(3, True)]


def test_id_is_none_unless_a_text():
    found, _ = records(page("metrics:\n  - id: 5\n  - value: 1\n  - id: ok\n"))
    assert [r.id for r in found] == [None, None, "ok"]


def test_invalid_front_matter_has_no_records():
    broken = read_page("docs/x.md", "---\nmetrics: [\n---\nbody\n")
    assert broken.problems
    assert records(broken) == (None, [])
