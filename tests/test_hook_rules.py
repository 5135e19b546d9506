"""hooks/report_hook.py, for real: the rules on the pages' text, each broken in a copy of the
fixture site: the official text, the English twin and the glossary, numbers no metric covers,
links, unsafe content, the data files. Each build must fail, without a traceback, naming the
file and the line. All the sites are built once per module, in parallel.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from hook_sites import Built, Expect, assert_fails_naming, build_variants, edit, line_of


def script(f):
    path = f / "docs" / "theory.md"
    text = path.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n"
    path.write_text(text, encoding="utf-8")
    return [Expect("docs/theory.md", line_of(text, "<script>"), None, ["<script>"])]


def escaped_backticks(f):
    """An escaped backtick opens no code: what follows is markup, and refused."""
    path = f / "docs" / "theory.md"
    text = path.read_text(encoding="utf-8") + "\n正文\\`<script>alert(1)</script>\\`正文。\n"
    path.write_text(text, encoding="utf-8")
    return [Expect("docs/theory.md", line_of(text, "<script>"), None, ["<script>"])]


def code_inside_html(f):
    """Backticks inside a raw HTML block are text, not code: the handler would be published.
    The source scan cannot tell; the page's HTML, checked before anything is written, can."""
    path = f / "docs" / "theory.en.md"
    text = path.read_text(encoding="utf-8") + '\n<div>`<img src=x onerror="alert(1)">`</div>\n'
    path.write_text(text, encoding="utf-8")
    return [Expect("docs/theory.en.md", line_of(text, "onerror"), None,
                   ["the published page would carry an inline event handler"])]


def inline_handler(f):
    text = edit(f, "theory.md", "label: {zh: 青年宣讲团, en: Youth lecture teams}",
                "label: {zh: 青年宣讲团<img src=x onerror=alert(1)>, en: Youth lecture teams}")
    return [Expect("docs/theory.md", line_of(text, "onerror"), "lecture-teams")]


def javascript_url(f):
    text = edit(f, "theory.en.md", "Shanghai 12355 hotline",
                "Shanghai 12355 [hotline](javascript:alert(1))")
    return [Expect("docs/theory.en.md", line_of(text, "javascript:"), None, ["javascript:"])]


def highlights(f, old: str, new: str) -> str:
    path = f / "data" / "highlights.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text.replace(old, new)


def unknown_key_figure(f):
    text = highlights(f, "  - metric: study-learners\n", "  - metric: study-learner\n")
    return [Expect("data/highlights.yml", line_of(text, "metric: study-learner"), "study-learner")]


def chart_of_different_things(f):
    text = highlights(f, "[lecture-audience, federation-reach]", "[lecture-audience, lecture-teams]")
    return [Expect("data/highlights.yml", line_of(text, "[lecture-audience, lecture-teams]"), "lecture-teams",
                   ["same unit"])]


def chart_with_one_bar(f):
    text = highlights(f, "[lecture-audience, federation-reach]", "[lecture-audience]")
    return [Expect("data/highlights.yml", line_of(text, "[lecture-audience]"), None, ["two figures or more"])]


def official_sentence_added(f):
    text = edit(f, "theory.md", "青联学习品牌覆盖青联委员4万余人次。",
                "青联学习品牌覆盖青联委员4万余人次。另有青年踊跃参与。")
    return [Expect("docs/theory.md", line_of(text, "另有青年踊跃参与"), None,
                   ["not in the official text", "另有青年踊跃参与"])]


def official_figure_changed_everywhere(f):
    """1440 → 1450 in the prose, the front matter and the English: every figure check passes,
    but the Chinese page is no longer the official text."""
    zh = edit(f, "theory.md", "共成立青年宣讲团1440支", "共成立青年宣讲团1450支")
    edit(f, "theory.md", "    value: 1440\n", "    value: 1450\n")
    edit(f, "theory.en.md", "In total, 1,440 youth", "In total, 1,450 youth")
    edit(f, "theory.en.md", "    value: 1440\n", "    value: 1450\n")
    return [Expect("docs/theory.md", line_of(zh, "1450支"), None,
                   ["differs from the official text (data/source/report-2023.zh.txt)",
                    "the page has «1450支", "the official text «1440支"])]


def english_paragraph_missing(f):
    text = edit(f, "theory.en.md", "\nThe CYL Shanghai Committee examined problems", "\nThe CYL Shanghai Committee examined problems")
    path = f / "docs" / "theory.en.md"
    heading = line_of(text, "## (2)")
    text = "\n".join(line for i, line in enumerate(text.splitlines(), 1) if i <= heading) + "\n"
    path.write_text(text, encoding="utf-8")
    return [Expect("docs/theory.en.md", heading, None, ["paragraph(s)", "the English 0"])]


def english_paragraph_added(f):
    text = edit(f, "theory.en.md", "open around the clock.", "open around the clock.\n\nAn invented paragraph.")
    return [Expect("docs/theory.en.md", line_of(text, "An invented paragraph."), None, ["the English 2"])]


def glossary_term_missing(f):
    text = edit(f, "theory.en.md", "The CYL Shanghai Committee examined", "The Committee examined")
    return [Expect("docs/theory.en.md", line_of(text, "The Committee examined"), None,
                   ["团市委", "“CYL Shanghai Committee”"])]


def number_without_metric(f):
    text = edit(f, "theory.en.md", "open around the clock.", "open around the clock for 7 new groups.")
    return [Expect("docs/theory.en.md", line_of(text, "7 new groups"), None, ["«7»", "not_figures"])]


def stale_not_figures(f):
    text = edit(f, "index.md", "not_figures: [只有一个部分]", "not_figures: [只有一个部分, 九个一]")
    return [Expect("docs/index.md", line_of(text, "九个一"), None, ["«九个一»"])]


def heading_without_id(f):
    zh = edit(f, "index.md", "## 术语对照 { #terms .editorial }", "## 术语对照 { .editorial }")
    edit(f, "index.en.md", "## Terms { #terms .editorial }", "## Terms { .editorial }")
    return [Expect("docs/index.md", line_of(zh, "## 术语对照"), None, ["needs an id"])]


def broken_link(f):
    text = edit(f, "theory.en.md", "open around the clock.", "open around the [clock](nowhere.md).")
    return [Expect("docs/theory.en.md", line_of(text, "nowhere.md"), None, ["'nowhere.md'"])]


def glossary_yaml_error(f):
    path = f / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8").replace('{zh: 青联, en: Youth Federation}',
                                                    '{zh: 青联, en: Youth Federation, note: Short: form}')
    path.write_text(text, encoding="utf-8")
    return [Expect("data/glossary.yml", line_of(text, "Short: form"), None, ["a `:` in a value needs quotes"])]


def categories_yaml_error(f):
    path = f / "data" / "categories.yml"
    text = path.read_text(encoding="utf-8").replace("  en: People reached", "  en: People: reached")
    path.write_text(text, encoding="utf-8")
    return [Expect("data/categories.yml", line_of(text, "People: reached"), None, ["a `:` in a value needs quotes"])]


FAILING: dict[str, Callable[[Path], list[Expect]]] = {
    "script": script,
    "inline-handler": inline_handler,
    "escaped-backticks": escaped_backticks,
    "code-inside-html": code_inside_html,
    "javascript-url": javascript_url,
    "unknown-key-figure": unknown_key_figure,
    "chart-of-different-things": chart_of_different_things,
    "chart-with-one-bar": chart_with_one_bar,
    "official-sentence-added": official_sentence_added,
    "official-figure-changed-everywhere": official_figure_changed_everywhere,
    "english-paragraph-missing": english_paragraph_missing,
    "english-paragraph-added": english_paragraph_added,
    "glossary-term-missing": glossary_term_missing,
    "number-without-metric": number_without_metric,
    "stale-not-figures": stale_not_figures,
    "heading-without-id": heading_without_id,
    "broken-link": broken_link,
    "glossary-yaml-error": glossary_yaml_error,
    "categories-yaml-error": categories_yaml_error,
}


@pytest.fixture(scope="module")


def builds(tmp_path_factory) -> dict[str, Built]:
    return build_variants(tmp_path_factory.mktemp("hook-rules"), FAILING)


@pytest.mark.parametrize("name", list(FAILING))


def test_a_broken_rule_fails_naming_file_and_line(builds, name):
    assert_fails_naming(builds[name], name)


def test_nothing_is_published_when_a_rule_is_broken(builds):
    for name in FAILING:
        assert not (builds[name].site / "data" / "metrics.json").exists(), name
