"""hooks/report_hook.py, for real: editors are told in their own language.

A copy of the real site with the three mistakes of issue 20 (a figure changed in the Chinese
prose only, a `{` never closed in data/glossary.yml, a misspelt metric id in
data/highlights.yml), built strictly with a Chinese locale, with the Chinese the Check workflow
sets (LANGUAGE), and with LANG=C.UTF-8: each mistake is reported on its file and line, in that
language, the misspelt id answered with the existing one, and never in the YAML parser's words.
"""
from __future__ import annotations

import re

import pytest

from hook_sites import CHINESE, ENGLISH, PARSER_WORDS, Built, build_all, copy_real_site, edit, line_of

CJK = re.compile(r"[\u4e00-\u9fff]")
BUILDS = {
    "zh-locale": CHINESE,
    "check-workflow": {**ENGLISH, "LANGUAGE": "zh_CN", "GITHUB_ACTIONS": "true"},  # as check.yml builds
    "c-utf8": {**ENGLISH, "GITHUB_ACTIONS": "true"},
}


@pytest.fixture(scope="module")
def places(tmp_path_factory) -> dict:
    """The three mistakes' lines, and the other places that state the changed figure."""
    folder = copy_real_site(tmp_path_factory.mktemp("language") / "source")
    zh = edit(folder, "theory.md", "15405场", "15406场")
    glossary = edit(folder, "data/glossary.yml", "      - {zh: 团中央, en: CYL Central Committee}\n",
                    "      - {zh: 团中央, en: CYL Central Committee\n")
    highlights = edit(folder, "data/highlights.yml", "  - metric: lecture-events\n", "  - metric: lecture-event\n")
    en = (folder / "docs" / "theory.en.md").read_text(encoding="utf-8")
    official = (folder / "data" / "source" / "report-2023.zh.txt").read_text(encoding="utf-8")
    return {
        "folder": folder,
        "prose": f"docs/theory.md:{line_of(zh, '15406场')}",
        "metric": line_of(zh, "id: lecture-events"),
        "glossary": f"data/glossary.yml:{line_of(glossary, '{zh: 团中央, en: CYL Central Committee')}",
        "brace": line_of(glossary, "{zh: 团中央, en: CYL Central Committee"),
        "highlights": f"data/highlights.yml:{line_of(highlights, 'metric: lecture-event')}",
        "english": f"docs/theory.en.md:{line_of(en, '15,405')} «15,405»",
        "official": f"data/source/report-2023.zh.txt:{line_of(official, '15405场')} «15405»",
    }


@pytest.fixture(scope="module")
def builds(places, tmp_path_factory) -> dict[str, Built]:
    base = tmp_path_factory.mktemp("language-sites")
    jobs = {}
    for name, env in BUILDS.items():
        env = dict(env)
        if env.get("GITHUB_ACTIONS"):
            env["GITHUB_STEP_SUMMARY"] = str(base / f"{name}-summary.md")
        jobs[name] = (places["folder"], base / f"{name}-site", [], env)
    return build_all(jobs)


def _problem_lines(built: Built, where: str) -> list[str]:
    return [line for line in built.output.splitlines() if line.startswith("ERROR") and f"{where}:" in line]


def _check(built: Built, places: dict) -> dict[str, str]:
    """Each mistake's line of the output, after the checks every language shares."""
    assert built.returncode != 0, built.output
    assert "Traceback" not in built.output and not PARSER_WORDS.search(built.output), built.output
    found = {}
    for key in ("prose", "glossary", "highlights"):
        lines = _problem_lines(built, places[key])
        assert lines, f"{places[key]} is not named\n{built.output}"
        found[key] = lines[0]
    assert places["english"] in found["prose"] and places["official"] in found["prose"], found["prose"]
    assert "'lecture-events'" in found["highlights"], found["highlights"]
    return found


@pytest.mark.parametrize("name", ["zh-locale", "check-workflow"])
def test_with_a_chinese_locale_each_mistake_is_reported_in_chinese_on_its_line(builds, places, name):
    found = _check(builds[name], places)
    assert f"正文写的是 «15406»,而第 {places['metric']} 行定义的指标是 15405 (exact)" in found["prose"]
    assert f"第 {places['brace']} 行的 `{{` 没有闭合" in found["glossary"]
    assert "没有哪个页面有 id 为 'lecture-event' 的指标(是否应为 'lecture-events'?)" in found["highlights"]
    assert "报告页面中有 4 个问题" in builds[name].output


def test_with_lang_c_utf8_each_mistake_is_reported_in_english_on_its_line(builds, places):
    found = _check(builds["c-utf8"], places)
    assert f"the prose says «15406» where the metric, defined at line {places['metric']}, is 15405 (exact)" \
        in found["prose"]
    assert f"the `{{` opened on line {places['brace']} is not closed" in found["glossary"]
    assert "no page has a metric with the id 'lecture-event' (did you mean 'lecture-events'?)" in found["highlights"]
    assert not CJK.search(found["glossary"] + found["highlights"])
    assert "4 problems in the report's pages" in builds["c-utf8"].output


def test_on_github_the_annotations_and_the_job_summary_speak_the_workflows_language(builds, places):
    """check.yml sets LANGUAGE=zh_CN for its build: what a pull request shows is in Chinese."""
    for name, chinese in (("check-workflow", True), ("c-utf8", False)):
        built = builds[name]
        commands = [line for line in built.output.splitlines() if line.startswith("::error ")]
        assert len(commands) == 4, built.output
        title = "title=报告检查" if chinese else "title=Report check"
        assert all(title in command for command in commands), commands
        file, line = places["glossary"].split(":")
        assert any(c.startswith(f"::error file={file},line={line},") for c in commands), commands
        summary = (built.site.parent / f"{name}-summary.md").read_text(encoding="utf-8")
        heading = "## 报告页面中有 4 个问题" if chinese else "## 4 problems in the report's pages"
        assert summary.startswith(heading) and f"| `{file}` | {line} |" in summary, summary
        said = "没有发布任何内容。" if chinese else "Nothing was published."
        assert said in summary and ("没有哪个页面" in summary) is chinese, summary
