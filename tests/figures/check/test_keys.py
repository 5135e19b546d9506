"""hooks/figures/check/keys.py: a misspelt front-matter key is named on its line."""
from __future__ import annotations

from figures.check.keys import KNOWN, unknown
from figures.parse.frontmatter import read_page


def test_known_keys_pass():
    text = "---\n" + "".join(f"{key}: x\n" for key in KNOWN) + "---\n# T\n"
    assert unknown(read_page("docs/a.md", text).meta, file="docs/a.md") == []


def test_a_misspelt_key_is_named_on_its_line():
    page = read_page("docs/a.md", "---\nofficial_text: true\nnot_figure: [2023年]\n---\n# T\n")
    [problem] = unknown(page.meta, file="docs/a.md")
    assert str(problem).startswith("docs/a.md:3: unknown front-matter key 'not_figure' (did you mean "
                                   "'not_figures'?) (known keys: metrics, ")


def test_a_key_like_none_of_the_known_ones_gets_no_guess():
    page = read_page("docs/a.md", "---\nzzzzz: 1\n---\n# T\n")
    [problem] = unknown(page.meta, file="docs/a.md")
    assert "did you mean" not in problem.text() and "(known keys: metrics, " in problem.text()


def test_no_front_matter_no_problem():
    assert unknown(read_page("docs/a.md", "# T\n").meta, file="docs/a.md") == []
