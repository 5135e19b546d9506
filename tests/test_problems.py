"""hooks/problems.py: problems as GitHub workflow commands and a job summary."""
from __future__ import annotations

from figures.schema import Problem
from problems import summary, workflow_commands


def test_one_error_command_per_problem_with_file_line_and_title():
    commands = workflow_commands([Problem("docs/theory.md", 3, "the prose does not state 1440", "lecture-teams"),
                                  Problem("data/glossary.yml", 0, "invalid YAML")])
    assert commands == [
        "::error file=docs/theory.md,line=3,title=Report check (lecture-teams)::the prose does not state 1440",
        "::error file=data/glossary.yml,title=Report check::invalid YAML",
    ]


def test_properties_and_messages_are_escaped_as_github_asks():
    [command] = workflow_commands([Problem("docs/a,b.md", 2, "100% wrong\nsecond line: here", "x:y")])
    assert command == ("::error file=docs/a%2Cb.md,line=2,title=Report check (x%3Ay)::"
                       "100%25 wrong%0Asecond line: here")


def test_the_summary_lists_every_problem_once():
    text = summary([Problem("docs/a.md", 3, "one | two"), Problem("docs/a.md", 9, "three", "m")])
    assert text.startswith("## 2 problems in the report's pages")
    assert "| `docs/a.md` | 3 | one \\| two |" in text
    assert "| `docs/a.md` | 9 | three (m) |" in text
    assert "`docs/a.md` (2)" in text
