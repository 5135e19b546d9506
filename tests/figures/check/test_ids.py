"""hooks/figures/check/ids.py: a metric id is used once across the whole site."""
from __future__ import annotations

from figures.check.ids import duplicates


def test_unique_ids(make_metric):
    assert duplicates([make_metric("a"), make_metric("b"), make_metric("c")]) == []


def test_a_duplicate_across_two_files_names_both(make_metric):
    first = make_metric("lecture-teams", section="theory", file="docs/theory.md", line=3)
    second = make_metric("lecture-teams", section="basics", file="docs/basics.md", line=9)
    problems = duplicates([first, second])
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line, p.metric) == ("docs/basics.md", 9, "lecture-teams")
    assert "docs/theory.md:3" in p.text()
    assert str(p).startswith("docs/basics.md:9: ") and str(p).endswith("(lecture-teams)")


def test_a_duplicate_in_one_file(make_metric):
    problems = duplicates([make_metric("a", file="docs/t.md", line=3),
                           make_metric("a", file="docs/t.md", line=10)])
    assert [(p.line, "docs/t.md:3" in p.text()) for p in problems] == [(10, True)]


def test_three_uses_give_two_problems_pointing_at_the_first(make_metric):
    ms = [make_metric("a", file=f"docs/{n}.md", line=n) for n in (1, 2, 3)]
    problems = duplicates(ms)
    assert [(p.file, "docs/1.md:1" in p.text()) for p in problems] == [
        ("docs/2.md", True), ("docs/3.md", True)]


def test_empty():
    assert duplicates([]) == []
