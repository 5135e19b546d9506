"""hooks/report_hook.py, for real: a broken fixture site fails, naming the file, the line and the
metric, without a traceback; problems are reported together, once each, on GitHub as annotations
and a job summary, and in the preview atop every page.

Every site here is a copy of ``tests/fixtures/good/`` with one thing in its front matter, its
metrics or its figures broken (the rules on the text are in test_hook_rules.py); all of them are
built once per module, in parallel.
"""
from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from hook_sites import (ENGLISH, Built, Expect, assert_fails_naming, build_variants, copy_fixture, edit,
                        fetch_when_served, line_of)


# Each variant breaks one thing in a copy of the good site and says what the output must name.


def invalid_yaml(f):
    text = edit(f, "theory.md", "    unit: {zh: 支, en: lecture teams}\n",
                "    unit: {zh: 支, en: lecture teams}}\n")
    return [Expect("docs/theory.md", line_of(text, "}}"), "lecture-teams")]


def page_not_utf8(f):
    path = f / "docs" / "theory.en.md"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(text.replace("youth", "y\xf6uth", 1).encode("latin-1", "replace"))
    return [Expect("docs/theory.en.md", line_of(text, "youth"), None, ["the file is not UTF-8 text"])]


def official_text_not_utf8(f):
    path = f / "data" / "source" / "report-2023.zh.txt"
    path.write_bytes(path.read_bytes() + "\n补充。\n".encode("gb18030"))
    lines = path.read_bytes().count(b"\n")
    return [Expect("data/source/report-2023.zh.txt", lines, None, ["the file is not UTF-8 text"])]


def official_flag_not_boolean(f):
    text = edit(f, "theory.md", "official_text: true\n", "official_text: yes please\n")
    return [Expect("docs/theory.md", line_of(text, "official_text"), None, ["must be true or false"])]


def misspelt_front_matter_key(f):
    text = edit(f, "index.en.md", "not_figures: [one section only]", "not_figure: [one section only]")
    return [Expect("docs/index.en.md", line_of(text, "not_figure:"), None, ["unknown front-matter key 'not_figure'"])]


def official_flag_misspelt(f):
    text = edit(f, "theory.md", "official_text: true", "offical_text: true")
    return [Expect("docs/theory.md", line_of(text, "offical_text"), None, ["unknown front-matter key 'offical_text'"])]


def page_missing(f):
    (f / "docs" / "theory.md").unlink()
    return [Expect("docs/theory.md", 0, None, ["the page does not exist"])]


def missing_field(f):
    text = edit(f, "theory.md", "    value: 1440\n    qualifier: exact\n", "    value: 1440\n")
    return [Expect("docs/theory.md", line_of(text, "id: lecture-teams"), "lecture-teams",
                   ["missing field 'qualifier'"])]


def mistyped_value(f):
    text = edit(f, "theory.md", "    value: 1440\n", '    value: "1,440"\n')
    return [Expect("docs/theory.md", line_of(text, '"1,440"'), "lecture-teams", ["'value'"])]


def mistyped_flag(f):
    text = edit(f, "theory.md", "    person_times: true\n    unit: {zh: 人次, en: person-times}\n"
                "    label: {zh: 宣讲覆盖团员青年",
                '    person_times: "yes"\n    unit: {zh: 人次, en: person-times}\n'
                "    label: {zh: 宣讲覆盖团员青年")
    return [Expect("docs/theory.md", line_of(text, '"yes"'), "lecture-audience", ["'person_times'"])]


def unknown_qualifier(f):
    text = edit(f, "theory.md", "    value: 5000\n    qualifier: over\n", "    value: 5000\n    qualifier: more\n")
    return [Expect("docs/theory.md", line_of(text, "qualifier: more"), "volunteers", ["'more'"])]


def unknown_category(f):
    text = edit(f, "theory.md", "    category: participants\n    unit: {zh: 名,",
                "    category: youth\n    unit: {zh: 名,")
    return [Expect("docs/theory.md", line_of(text, "category: youth"), "online-learners", ["'youth'"])]

BASICS_ZH = """\
---
metrics:
  - id: lecture-teams
    value: 9
    qualifier: exact
    category: organisations
    unit: {zh: 个, en: internal departments}
    label: {zh: 内设部门, en: Internal departments}
---

# 一、基本情况

团市委机关内设9个部门。
"""

BASICS_EN = "# I. Basics\n\nThe CYL Shanghai Committee has 9 internal departments.\n"


def duplicate_id(f):
    (f / "docs" / "basics.md").write_text(BASICS_ZH, encoding="utf-8")
    (f / "docs" / "basics.en.md").write_text(BASICS_EN, encoding="utf-8")
    config = f / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - index.md\n", "  - index.md\n  - basics.md\n"), encoding="utf-8")
    theory = (f / "docs" / "theory.md").read_text(encoding="utf-8")
    first, second = ("docs/basics.md", 3), ("docs/theory.md", line_of(theory, "id: lecture-teams"))
    return [Expect(second[0], second[1], "lecture-teams", [f"{first[0]}:{first[1]}"])]


def figure_not_stated(f):
    theory = edit(f, "theory.md", "共成立青年宣讲团1440支", "共成立青年宣讲团一批")
    return [Expect("docs/theory.md", line_of(theory, "id: lecture-teams"), "lecture-teams")]


def qualifier_contradicted(f):
    text = edit(f, "theory.md", "    value: 5000\n    qualifier: over\n", "    value: 5000\n    qualifier: exact\n")
    return [Expect("docs/theory.md", line_of(text, "动员超5000人"), "volunteers", ["超5000"])]


def stated_twice(f):
    path = f / "docs" / "theory.md"
    text = path.read_text(encoding="utf-8") + "\n另有1440支宣讲队伍参与。\n"
    path.write_text(text, encoding="utf-8")
    return [Expect("docs/theory.md", line_of(text, "共成立青年宣讲团1440支"), "lecture-teams",
                   [f"lines {line_of(text, '共成立青年宣讲团1440支')}, {line_of(text, '另有1440支')}"])]


def english_value_differs(f):
    text = edit(f, "theory.en.md", "    value: 1440\n", "    value: 1441\n")
    return [Expect("docs/theory.en.md", line_of(text, "1441"), "lecture-teams", ["docs/theory.md"])]


def missing_twin(f):
    (f / "docs" / "theory.en.md").unlink()
    return [Expect("docs/theory.en.md", 0)]


def several(f):
    zh = edit(f, "theory.md", "    value: 16587000\n", "    value: 1658.7万\n")
    zh = edit(f, "theory.md", "    category: participants\n    unit: {zh: 名,",
              "    category: youth\n    unit: {zh: 名,")
    en = edit(f, "theory.en.md", "open around the clock.", "open around the clock.\n\n<script>x</script>")
    return [Expect("docs/theory.md", line_of(zh, "1658.7万"), "study-learners"),
            Expect("docs/theory.md", line_of(zh, "category: youth"), "online-learners"),
            Expect("docs/theory.en.md", line_of(en, "<script>"), None)]


def stray_unit(f):
    text = edit(f, "theory.md", "    unit: {zh: 支, en: lecture teams}\n", "    unit: {zh: 大, en: lecture teams}\n")
    return [Expect("docs/theory.md", line_of(text, "{zh: 大,"), "lecture-teams", ["'大'"])]


def unit_without_singular(f):
    zh = edit(f, "theory.md", "    value: 6\n", "    value: 1\n")
    return [Expect("docs/theory.md", line_of(zh, "en: aspects}"), "examined-aspects", ["the value is 1"])]


def english_figure_not_stated(f):
    text = edit(f, "theory.en.md", "In total, 1,440 youth", "In total, 1,441 youth")
    return [Expect("docs/theory.en.md", line_of(text, "1,441 youth"), "lecture-teams",
                   ["this sentence says «1,441»", "write it as “1,440”", "docs/theory.md:"])]


def figure_changed_in_the_front_matter_only(f):
    text = edit(f, "theory.md", "    value: 1440\n", "    value: 1450\n")
    return [Expect("docs/theory.md", line_of(text, "共成立青年宣讲团1440支"), "lecture-teams",
                   [f"the prose says «1440» where the metric, defined at line {line_of(text, 'id: lecture-teams')}, "
                    "is 1450 (exact)"])]


def warnings_in_both_languages(f):
    """Pages left out of the nav: MkDocs warns once per language; the count says two."""
    (f / "docs" / "extra.md").write_text("# 额外\n", encoding="utf-8")
    (f / "docs" / "extra.en.md").write_text("# Extra\n", encoding="utf-8")
    return [Expect("extra.md", 0, None, ["extra.en.md", "Aborted with 2 warnings in strict mode"])]


def github_annotations(f):
    edit(f, "theory.en.md", "In total, 1,440 youth", "In total, 1,441 youth")
    return []


FAILING: dict[str, Callable[[Path], list[Expect]]] = {
    "invalid-yaml": invalid_yaml,
    "page-not-utf8": page_not_utf8,
    "official-text-not-utf8": official_text_not_utf8,
    "official-flag-not-boolean": official_flag_not_boolean,
    "misspelt-front-matter-key": misspelt_front_matter_key,
    "official-flag-misspelt": official_flag_misspelt,
    "page-missing": page_missing,
    "missing-field": missing_field,
    "mistyped-value": mistyped_value,
    "mistyped-flag": mistyped_flag,
    "unknown-qualifier": unknown_qualifier,
    "unknown-category": unknown_category,
    "duplicate-id": duplicate_id,
    "figure-not-stated": figure_not_stated,
    "qualifier-contradicted": qualifier_contradicted,
    "stated-twice-without-cue": stated_twice,
    "english-value-differs": english_value_differs,
    "missing-english-twin": missing_twin,
    "several-problems": several,
    "stray-unit": stray_unit,
    "unit-without-singular": unit_without_singular,
    "english-figure-not-stated": english_figure_not_stated,
    "figure-changed-in-the-front-matter-only": figure_changed_in_the_front_matter_only,
    "warnings-in-both-languages": warnings_in_both_languages,
    "github-annotations": github_annotations,
}
#: variants built with extra environment variables
ENVIRONMENTS = {"github-annotations": {"GITHUB_ACTIONS": "true"}}


@pytest.fixture(scope="module")


def builds(tmp_path_factory) -> dict[str, Built]:
    return build_variants(tmp_path_factory.mktemp("hook-problems"), FAILING, ENVIRONMENTS)


@pytest.mark.parametrize("name", list(FAILING))


def test_a_broken_site_fails_naming_file_line_and_metric(builds, name):
    assert_fails_naming(builds[name], name)


def test_several_problems_are_reported_together_once_each(builds):
    built = builds["several-problems"]
    for expect in built.expect:
        where = f"{expect.file}:{expect.line}:"
        assert built.output.count(where) == 1, f"{where} reported {built.output.count(where)} times\n{built.output}"
    assert "3 problems in the report's pages" in built.output


@pytest.mark.parametrize("name", ["invalid-yaml", "page-not-utf8", "official-flag-not-boolean",
                                  "official-flag-misspelt", "page-missing"])


def test_a_page_that_cannot_be_read_gives_one_problem_not_a_cascade(builds, name):
    """Its official part and its metrics are unknown: the official text and the key figures
    are checked again once it is fixed, not reported against every later page meanwhile."""
    built = builds[name]
    assert "1 problem in the report's pages" in built.output, built.output


def test_a_qualifier_the_prose_contradicts_is_one_problem(builds):
    """The number with the other qualifier is the metric's own: not also "no metric covers it";
    and the English, which says what the Chinese prose says, is not blamed for the metric."""
    built = builds["qualifier-contradicted"]
    assert "1 problem in the report's pages" in built.output, built.output
    assert "no metric of this page" not in built.output, built.output
    assert "docs/theory.en.md" not in built.output, built.output


def test_nothing_is_published_when_the_build_fails(builds):
    # MkDocs' own warnings stop a strict build only once it has written its pages (the
    # workflows publish nothing from a failed build); every problem of ours stops it first.
    for name in set(FAILING) - {"warnings-in-both-languages"}:
        assert not (builds[name].site / "data" / "metrics.json").exists(), name


def test_on_github_each_problem_is_an_annotation_on_its_line_and_in_the_job_summary(builds):
    built = builds["github-annotations"]
    assert built.returncode != 0
    theory = (built.folder / "docs" / "theory.en.md").read_text(encoding="utf-8")
    line = line_of(theory, "1,441 youth")
    commands = [l for l in built.output.splitlines() if l.startswith("::error ")]
    assert len(commands) == 1, built.output
    assert commands[0].startswith(f"::error file=docs/theory.en.md,line={line},title=Report check (lecture-teams)::")
    assert "write it as “1,440”" in commands[0]
    summary = (built.folder / "step-summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## 1 problem in the report's pages") and f"| `docs/theory.en.md` | {line} |" in summary
    assert "::error" not in builds["english-figure-not-stated"].output  # only on GitHub


def test_the_preview_shows_each_problem_on_every_page_in_its_language(tmp_path):
    """`mkdocs serve` keeps serving a broken site, and each page starts with the problems, named
    by file and line, as the strict build names them."""
    folder = copy_fixture(tmp_path / "preview")
    text = edit(folder, "theory.md", "    value: 1440\n", '    value: "1,440"\n')
    where = "docs/theory.md:%d:" % line_of(text, 'value: "1,440"')
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENGLISH}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a",
                               f"127.0.0.1:{port}", "-f", str(folder / "mkdocs.yml")],
                              cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        pages = {path: fetch_when_served(f"http://127.0.0.1:{port}/report-test/{path}", server)
                 for path in ("", "en/theory/")}
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert where in output and "The preview shows these problems" in output, output
    for path, title, message in (("", "页面有错误,构建不会通过", "'value' 必须是纯数字"),
                                 ("en/theory/", "The pages have errors: the build will fail",
                                  "'value' must be a plain number")):
        assert 'class="admonition failure build-problems"' in pages[path] and title in pages[path], path
        assert where in pages[path] and message in html.unescape(pages[path]), path
