"""hooks/figures/check/coverage.py: every figure the prose states is a metric, or listed as a name."""
from __future__ import annotations

from figures.check.coverage import Snippet, snippets, uncovered
from figures.parse.frontmatter import read_page
from figures.parse.prose import sentences


def page(text: str):
    parsed = read_page("docs/t.md", text)
    return parsed, sentences(parsed.body, "zh", parsed.body_line)


def test_a_figure_with_no_metric_is_reported_on_its_line(make_metric):
    parsed, found = page("# T\n\n共成立宣讲团1440支。另建小组3个。\n")
    [p] = uncovered(found, [make_metric(value=1440)], "zh", file=parsed.path, exempt=[])
    assert (p.file, p.line) == ("docs/t.md", 3) and "«3»" in p.text() and "not_figures" in p.text()


def test_the_qualifier_must_agree_too(make_metric):
    _, found = page("# T\n\n覆盖超1440人。\n")
    assert len(uncovered(found, [make_metric(value=1440)], "zh", file="x", exempt=[])) == 1
    assert uncovered(found, [make_metric(value=1440, qualifier="over")], "zh", file="x", exempt=[]) == []


def test_years_dates_ordinals_and_codes_are_not_figures():
    _, found = page("# T\n\n2023年9月20日,第21届,连续十年,4.0版,上海12355。\n")
    assert uncovered(found, [], "zh", file="x", exempt=[]) == []
    en = sentences("For ten consecutive years, the 21st time, Version 4.0, in 2023.\n", "en")
    assert uncovered(en, [], "en", file="x", exempt=[]) == []


def test_listed_names_are_exempt_and_a_stale_entry_is_reported():
    parsed, found = page('---\nnot_figures:\n  - “九个一”\n  - 不存在的名称\n---\n\n# T\n\n推进“九个一”重点项目。\n')
    exempt, problems = snippets(parsed.meta, file=parsed.path)
    assert problems == [] and [s.text for s in exempt] == ["“九个一”", "不存在的名称"]
    [p] = uncovered(found, [], "zh", file=parsed.path, exempt=exempt)
    assert p.line == 4 and "不存在的名称" in p.text()


def test_an_exemption_covers_only_the_numbers_inside_it():
    _, found = page("# T\n\n推进“九个一”项目,另有3个。\n")
    [p] = uncovered(found, [], "zh", file="x", exempt=[Snippet("“九个一”", 2)])
    assert "«3»" in p.text()


def test_values_of_metrics_written_with_a_mistake_are_not_reported_twice():
    _, found = page("# T\n\n共成立宣讲团1440支。\n")
    assert uncovered(found, [], "zh", file="x", exempt=[], pending={1440}) == []


def test_not_figures_must_be_a_list_of_words():
    parsed, _ = page("---\nnot_figures: 九个一\n---\n\n# T\n")
    assert [p.line for p in snippets(parsed.meta, file="x")[1]] == [2]
    parsed, _ = page("---\nnot_figures: [[a]]\n---\n\n# T\n")
    assert len(snippets(parsed.meta, file="x")[1]) == 1
