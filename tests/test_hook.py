"""hooks/report_hook.py, for real: small fixture sites built with ``mkdocs build --strict``.

``tests/fixtures/good/`` is a tiny bilingual site (home with the glossary, one section with
figures, the statistics page) with the real theme, plugins, hook and templates. Every other
site here is a copy of it, written into a temporary folder, with one thing broken: the build
must then fail, without a Python traceback, naming the file, the line and the metric.

All the sites are built once per module, in parallel.
"""
from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

import pytest

from support import ROOT, SITE_URL as REAL_SITE_URL, build_site, real_nav

GOOD = ROOT / "tests" / "fixtures" / "good"
SITE_URL = "https://example.org/report-test/"  # site_url in the fixture's mkdocs.yml
THEORY_IDS = ["lecture-teams", "lecture-audience", "study-learners", "federation-reach",
              "examined-aspects", "volunteers", "online-learners"]
CJK = re.compile(r"[\u4e00-\u9fff]")


# --- building the sites ------------------------------------------------------------------------

@dataclass
class Expect:
    """What the build output must name: ``file:line`` and the metric id (when there is one)."""

    file: str
    line: int
    metric: str | None = None
    also: list[str] = field(default_factory=list)


@dataclass
class Built:
    folder: Path
    site: Path
    returncode: int
    output: str
    expect: list[Expect]


def copy_fixture(dest: Path, source: Path = GOOD) -> Path:
    """A copy of a fixture site that works from anywhere: the relative paths to the real hook
    and templates become absolute."""
    shutil.copytree(source, dest, symlinks=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "../../../hooks/report_hook.py" in text and "../../../overrides" in text
    config.write_text(text.replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return dest


def edit(folder: Path, page: str, old: str, new: str) -> str:
    """Replace ``old`` (which must occur once) in ``docs/<page>``; return the new text."""
    path = folder / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {page}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


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


# Rules on the pages' text: the official text, the translation, numbers, links, data files.

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
                    "the page has «50支", "the official text «40支"])]


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


def english_figure_not_stated(f):
    text = edit(f, "theory.en.md", "In total, 1,440 youth", "In total, 1,441 youth")
    return [Expect("docs/theory.en.md", line_of(text, "1,441 youth"), "lecture-teams",
                   ["this sentence says «1,441»", "write it as “1,440”", "docs/theory.md:"])]


def figure_changed_in_the_front_matter_only(f):
    text = edit(f, "theory.md", "    value: 1440\n", "    value: 1450\n")
    return [Expect("docs/theory.md", line_of(text, "共成立青年宣讲团1440支"), "lecture-teams",
                   [f"the prose says «1440» where the metric, defined at line {line_of(text, 'id: lecture-teams')}, "
                    "is 1450 (exact)"])]


def glossary_yaml_error(f):
    path = f / "data" / "glossary.yml"
    text = path.read_text(encoding="utf-8").replace('{zh: 青联, en: Youth Federation}',
                                                    '{zh: 青联, en: Youth Federation, note: Short: form}')
    path.write_text(text, encoding="utf-8")
    return [Expect("data/glossary.yml", line_of(text, "Short: form"), None, ["invalid YAML"])]


def categories_yaml_error(f):
    path = f / "data" / "categories.yml"
    text = path.read_text(encoding="utf-8").replace("  en: People reached", "  en: People: reached")
    path.write_text(text, encoding="utf-8")
    return [Expect("data/categories.yml", line_of(text, "People: reached"), None, ["invalid YAML"])]


def warnings_in_both_languages(f):
    """Pages left out of the nav: MkDocs warns once per language; the count says two."""
    (f / "docs" / "extra.md").write_text("# 额外\n", encoding="utf-8")
    (f / "docs" / "extra.en.md").write_text("# Extra\n", encoding="utf-8")
    return [Expect("extra.md", 0, None, ["extra.en.md", "Aborted with 2 warnings in strict mode"])]


def code_is_not_markup(f):
    edit(f, "index.en.md", "with one section only.",
         "with one section only. Markup such as `<script>` shows as text.")
    return []


def github_annotations(f):
    edit(f, "theory.en.md", "In total, 1,440 youth", "In total, 1,441 youth")
    return []


MARKUP_ZH = "<b>青年</b>宣讲团 & <u>队伍</u>"
MARKUP_EN = "<em>Youth</em> lecture teams & <img src=x>"
GLOSSARY_NOTE = "<script>alert(1)</script>"


def markup(f):
    edit(f, "theory.md", "label: {zh: 青年宣讲团, en: Youth lecture teams}",
         f'label: {{zh: "{MARKUP_ZH}", en: "{MARKUP_EN}"}}')
    path = f / "data" / "glossary.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        '{zh: 青联, en: Youth Federation}', f'{{zh: 青联, en: Youth Federation, note: "{GLOSSARY_NOTE}"}}'),
        encoding="utf-8")
    return []


def templates_from_custom_dir(f):
    """No overrides/ next to mkdocs.yml: theme.custom_dir alone says where the templates are."""
    assert not (f / "overrides").exists()
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
    "script": script,
    "inline-handler": inline_handler,
    "escaped-backticks": escaped_backticks,
    "code-inside-html": code_inside_html,
    "javascript-url": javascript_url,
    "missing-english-twin": missing_twin,
    "several-problems": several,
    "stray-unit": stray_unit,
    "unit-without-singular": unit_without_singular,
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
    "english-figure-not-stated": english_figure_not_stated,
    "figure-changed-in-the-front-matter-only": figure_changed_in_the_front_matter_only,
    "glossary-yaml-error": glossary_yaml_error,
    "categories-yaml-error": categories_yaml_error,
    "warnings-in-both-languages": warnings_in_both_languages,
    "github-annotations": github_annotations,
}
PASSING: dict[str, Callable[[Path], list[Expect]]] = {
    "markup": markup,
    "custom-dir": templates_from_custom_dir,
    "code-is-not-markup": code_is_not_markup,
}
#: variants built with extra environment variables
ENVIRONMENTS = {"github-annotations": {"GITHUB_ACTIONS": "true"}}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Built]:
    """Every site of this module, built in parallel: the good fixture in place (twice, to
    compare outputs) and each variant from a copy."""
    base = tmp_path_factory.mktemp("hook")
    jobs: dict[str, tuple[Path, Path, list[Expect]]] = {
        "good": (GOOD, base / "good-site", []),
        "good-again": (GOOD, base / "good-again-site", []),
    }
    for name, make in {**FAILING, **PASSING}.items():
        folder = copy_fixture(base / name)
        jobs[name] = (folder, base / f"{name}-site", make(folder))

    def run(name):
        folder, site, expect = jobs[name]
        env = dict(ENVIRONMENTS.get(name, {}))
        if env:
            env["GITHUB_STEP_SUMMARY"] = str(folder / "step-summary.md")
        result = build_site(folder / "mkdocs.yml", site, env=env)
        return Built(folder, site, result.returncode, result.stdout + result.stderr, expect)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        done = dict(zip(jobs, pool.map(run, jobs)))
    return done


@pytest.fixture(scope="module")
def good(builds) -> Built:
    built = builds["good"]
    assert built.returncode == 0, built.output
    return built


# --- the good site ------------------------------------------------------------------------------

class Page(HTMLParser):
    """Ids, links and the text inside each element with an id, of one built page."""

    def __init__(self, path: Path):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, dict]] = []
        self.text_of: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []
        self.html = path.read_text(encoding="utf-8")
        self.feed(self.html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
            self.text_of.setdefault(a["id"], "")
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a))
        if tag not in ("img", "br", "meta", "link", "input", "hr", "source", "path", "rect"):
            self._open.append((tag, a.get("id")))

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i][0] == tag:
                del self._open[i:]
                break

    def handle_data(self, data):
        for _, element_id in self._open:
            if element_id:
                self.text_of[element_id] += data


def page_url(site: Path, path: Path) -> str:
    """The published address of a built file."""
    rel = path.relative_to(site).as_posix()
    return urljoin(SITE_URL, rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target(site: Path, url: str) -> tuple[Path, str]:
    """The built file a published address points at, and its fragment."""
    parts = urlsplit(url)
    base = urlsplit(SITE_URL).path
    assert parts.path.startswith(base), f"{url} leaves the site ({SITE_URL})"
    rel = parts.path[len(base):]
    path = site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel
    return path, parts.fragment


def test_the_good_site_builds_cleanly(good):
    assert "Traceback" not in good.output
    assert "WARNING" not in good.output and "ERROR" not in good.output


@pytest.mark.parametrize("path", [
    "index.html", "en/index.html", "theory/index.html", "en/theory/index.html",
    "statistics/index.html", "en/statistics/index.html",
    "data/metrics.json", "data/metrics.csv", "data/datapackage.json",
    "search/search_index.json", "en/search/search_index.json",
])
def test_output_paths(good, path):
    assert (good.site / path).is_file()


@pytest.mark.parametrize("lang, folder, value", [("zh", "theory", "1440"), ("en", "en/theory", "1,440")])
def test_the_section_panel_links_to_sentence_anchors(good, lang, folder, value):
    page = Page(good.site / folder / "index.html")
    panel = page.html[page.html.index('<details class="figures-panel"'):]
    panel = panel[:panel.index("</details>")]
    hrefs = re.findall(r'class="figure-value" href="([^"]+)"', panel)
    assert hrefs == [f"#fig-{mid}" for mid in THEORY_IDS]
    for href in hrefs:
        assert href[1:] in page.ids, f"{folder}: {href} has no target"
    # each anchor wraps the sentence that states its figure
    assert value in page.text_of["fig-lecture-teams"]
    sentence = page.text_of["fig-volunteers"]
    assert ("超5000" in sentence) if lang == "zh" else ("More than 5,000" in sentence)
    # the panel sits right after the page title, closed: the section's text comes first
    assert page.html.index("</h1>") < page.html.index('<details class="figures-panel"') < page.html.index('id="item-1"')
    assert '<details class="figures-panel" data-search-exclude>' in page.html


KEY_FIGURES = ["lecture-teams", "lecture-audience", "study-learners", "online-learners"]


def figure_links(page: Page) -> list[str]:
    return [href for href, _ in page.links if "#fig-" in href]


@pytest.mark.parametrize("folder", ["statistics", "en/statistics"])
def test_statistics_links_resolve_to_existing_sentences_and_files(good, folder):
    path = good.site / folder / "index.html"
    page = Page(path)
    here = page_url(good.site, path)
    value_links = figure_links(page)
    # every figure once in its section's table, the key figures once more
    assert sorted(value_links) == sorted(f"../theory/#fig-{mid}" for mid in THEORY_IDS + KEY_FIGURES)
    downloads = [href for href, a in page.links if "download" in a]
    assert len(downloads) == 3
    for href in value_links + downloads:
        file, fragment = target(good.site, urljoin(here, href))
        assert file.is_file(), f"{folder}: {href} → {file} does not exist"
        if fragment:
            assert fragment in Page(file).ids, f"{folder}: {href} has no target"
    assert sorted(posixpath.basename(urlsplit(urljoin(here, h)).path) for h in downloads) == [
        "datapackage.json", "metrics.csv", "metrics.json"]


@pytest.mark.parametrize("folder", ["", "en"])
def test_the_home_page_shows_the_key_figures_linking_to_their_sentences(good, folder):
    path = good.site / folder / "index.html"
    page = Page(path)
    assert figure_links(page) == [f"theory/#fig-{mid}" for mid in KEY_FIGURES]
    for href in figure_links(page):
        file, fragment = target(good.site, urljoin(page_url(good.site, path), href))
        assert fragment in Page(file).ids
    assert "<!-- figures:" not in page.html
    context = "宣讲覆盖的团员青年" if folder == "" else "League members and young people reached"
    assert f'<span class="figures-key__context">{context}</span>' in page.html


def test_statistics_blocks_are_filled(good):
    zh = (good.site / "statistics" / "index.html").read_text(encoding="utf-8")
    en = (good.site / "en" / "statistics" / "index.html").read_text(encoding="utf-8")
    for html in (zh, en):
        assert "<!-- figures:" not in html
        assert html.count('<figure class="figures-chart') == 1  # the one chart of data/highlights.yml
        assert html.count('<table class="figures-table">') == 1  # one section, one table
        assert "figures-downloads" in html and "figures-key" in html
    assert "超过100万" in zh and "more than 1 million" in en
    assert "1658.7万" in zh and "16.587 million" in en
    assert "近6万" in zh and "nearly 60,000" in en


def test_the_original_text_is_published_with_the_data(good):
    source = GOOD / "data" / "source" / "report-2023.zh.txt"
    assert (good.site / "data" / source.name).read_bytes() == source.read_bytes()


def test_the_glossary_is_drawn_on_the_pages_that_ask_for_it(good):
    zh = (good.site / "index.html").read_text(encoding="utf-8")
    en = (good.site / "en" / "index.html").read_text(encoding="utf-8")
    for html in (zh, en):
        assert "<!-- glossary -->" not in html
        assert '<table class="glossary"' in html
        assert "CYL Shanghai Committee" in html and "团市委" in html


def metrics_of(site: Path) -> list[dict]:
    return json.loads((site / "data" / "metrics.json").read_text(encoding="utf-8"))["metrics"]


def test_open_data_json(good):
    metrics = metrics_of(good.site)
    assert [m["id"] for m in metrics] == THEORY_IDS
    by_id = {m["id"]: m for m in metrics}
    assert by_id["lecture-teams"]["value"] == 1440 and by_id["lecture-teams"]["qualifier"] == "exact"
    assert by_id["study-learners"]["value"] == 16587000
    assert by_id["lecture-audience"]["qualifier"] == "over" and by_id["lecture-audience"]["person_times"] is True
    assert by_id["online-learners"]["qualifier"] == "nearly"
    for m in metrics:
        assert m["section"] == "theory"
        assert set(m["unit"]) == set(m["label"]) == set(m["url"]) == {"zh", "en"}
        for lang in ("zh", "en"):
            file, fragment = target(good.site, m["url"][lang])
            assert file.is_file() and fragment == f"fig-{m['id']}"
            assert fragment in Page(file).ids


def test_open_data_csv_and_datapackage_agree_with_the_json(good):
    data = good.site / "data"
    raw = (data / "metrics.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    [resource] = package["resources"]
    assert resource["path"] == "metrics.csv"
    assert [f["name"] for f in resource["schema"]["fields"]] == list(rows[0])
    for row, m in zip(rows, metrics_of(good.site), strict=True):
        assert row["id"] == m["id"] and float(row["value"]) == m["value"]
        assert row["qualifier"] == m["qualifier"] and row["category"] == m["category"]
        assert row["unit_zh"] == m["unit"]["zh"] and row["label_en"] == m["label"]["en"]
        assert row["url_en"] == m["url"]["en"]
    assert package["homepage"] == SITE_URL
    assert set(resource["schema"]["fields"][1]["constraints"]["enum"]) == {"theory"}


def test_open_data_is_the_same_on_every_build(builds, good):
    again = builds["good-again"]
    assert again.returncode == 0, again.output
    for name in ("metrics.json", "metrics.csv", "datapackage.json"):
        assert (good.site / "data" / name).read_bytes() == (again.site / "data" / name).read_bytes(), name


def search_docs(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_each_language_has_its_own_search_index(good):
    zh = search_docs(good.site, "search/search_index.json")
    en = search_docs(good.site, "en/search/search_index.json")
    zh_pages = {d["location"].split("#")[0] for d in zh["docs"]}
    en_pages = {d["location"].split("#")[0] for d in en["docs"]}
    assert zh_pages == en_pages == {"", "theory/", "statistics/"}
    # Chinese index: only Chinese pages (every page title is Chinese)
    zh_titles = [d["title"] for d in zh["docs"] if "#" not in d["location"]]
    assert zh_titles and all(CJK.search(t) for t in zh_titles), zh_titles
    assert "宣讲团" in "".join(d["text"] for d in zh["docs"]).replace("\u200b", "")
    # English index: only English pages
    en_titles = [d["title"] for d in en["docs"]]
    assert en_titles and not any(CJK.search(t) for t in en_titles), en_titles
    assert "lecture teams" in "".join(d["text"] for d in en["docs"])
    assert "stemmer" not in en["config"]["pipeline"]
    assert en["config"]["fields"]["variants"] == {"boost": 1}
    assert any("variants" in d for d in en["docs"])


# --- one build per error class ------------------------------------------------------------------

def named(built: Built, expect: Expect) -> list[str]:
    """What the output fails to name of ``expect``."""
    out = built.output
    missing = []
    where = f"{expect.file}:{expect.line}" if expect.line else expect.file
    if where not in out:
        missing.append(where)
    if expect.metric and f"({expect.metric})" not in out:
        lines = [line for line in out.splitlines() if where in line]
        if not any(expect.metric in line for line in lines):
            missing.append(f"the metric id {expect.metric!r} on the line naming {where}")
    missing.extend(text for text in expect.also if text not in out)
    return missing


@pytest.mark.parametrize("name", list(FAILING))
def test_a_broken_site_fails_naming_file_line_and_metric(builds, name):
    built = builds[name]
    assert built.returncode != 0, f"{name}: the strict build passed\n{built.output}"
    assert "Traceback" not in built.output, f"{name}: a Python traceback\n{built.output}"
    missing = [m for expect in built.expect for m in named(built, expect)]
    assert not missing, f"{name}: the output does not name {missing}\n{built.output}"


def test_several_problems_are_reported_together_once_each(builds):
    built = builds["several-problems"]
    for expect in built.expect:
        where = f"{expect.file}:{expect.line}:"
        assert built.output.count(where) == 1, f"{where} reported {built.output.count(where)} times\n{built.output}"
    assert "3 problem(s)" in built.output


@pytest.mark.parametrize("name", ["invalid-yaml", "page-not-utf8", "official-flag-not-boolean",
                                  "official-flag-misspelt", "page-missing"])
def test_a_page_that_cannot_be_read_gives_one_problem_not_a_cascade(builds, name):
    """Its official part and its metrics are unknown: the official text and the key figures
    are checked again once it is fixed, not reported against every later page meanwhile."""
    built = builds[name]
    assert "1 problem(s)" in built.output, built.output


def test_a_qualifier_the_prose_contradicts_is_one_problem(builds):
    """The number with the other qualifier is the metric's own: not also "no metric covers it";
    and the English, which says what the Chinese prose says, is not blamed for the metric."""
    built = builds["qualifier-contradicted"]
    assert "1 problem(s)" in built.output and "no metric of this page" not in built.output, built.output
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
    assert summary.startswith("## 1 problem(s)") and f"| `docs/theory.en.md` | {line} |" in summary
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
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a",
                               f"127.0.0.1:{port}", "-f", str(folder / "mkdocs.yml")],
                              cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        pages = {path: _fetch_when_served(f"http://127.0.0.1:{port}/report-test/{path}", server)
                 for path in ("", "en/theory/")}
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert where in output and "The preview shows these problems" in output, output
    for path, title in (("", "页面有错误,构建不会通过"), ("en/theory/", "The pages have errors: the build will fail")):
        assert 'class="admonition failure build-problems"' in pages[path] and title in pages[path], path
        assert where in pages[path], path


def _fetch_when_served(url: str, server: subprocess.Popen, timeout: float = 120) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served within {timeout} s")


def test_markup_in_inline_code_is_shown_as_text(builds):
    built = builds["code-is-not-markup"]
    assert built.returncode == 0, built.output
    html = (built.site / "en" / "index.html").read_text(encoding="utf-8")
    assert "<code>&lt;script&gt;</code>" in html


# --- escaping in the built site ------------------------------------------------------------------

def test_a_label_with_markup_is_escaped_in_the_panel_and_the_statistics(builds):
    built = builds["markup"]
    assert built.returncode == 0, built.output
    for folder, raw, label in [
        ("theory", MARKUP_ZH, "&lt;b&gt;青年&lt;/b&gt;宣讲团 &amp; &lt;u&gt;队伍&lt;/u&gt;"),
        ("statistics", MARKUP_ZH, "&lt;b&gt;青年&lt;/b&gt;宣讲团 &amp; &lt;u&gt;队伍&lt;/u&gt;"),
        ("en/theory", MARKUP_EN, "&lt;em&gt;Youth&lt;/em&gt; lecture teams &amp; &lt;img src=x&gt;"),
        ("en/statistics", MARKUP_EN, "&lt;em&gt;Youth&lt;/em&gt; lecture teams &amp; &lt;img src=x&gt;"),
    ]:
        html = (built.site / folder / "index.html").read_text(encoding="utf-8")
        assert label in html, folder
        assert raw not in html, folder
        assert "<b>青年</b>" not in html and "<em>Youth</em>" not in html and "<img src=x>" not in html
    for folder in ("", "en/statistics"):  # the key figure: no context, so the label
        html = (built.site / folder / "index.html").read_text(encoding="utf-8")
        key = html[html.index('<ul class="figures-key"'):]
        assert "&lt;em&gt;Youth&lt;/em&gt;" in key[:key.index("</ul>")] or "&lt;b&gt;青年" in key[:key.index("</ul>")]


def test_glossary_text_is_escaped(builds):
    built = builds["markup"]
    assert built.returncode == 0, built.output
    for path in ("index.html", "en/index.html"):
        html = (built.site / path).read_text(encoding="utf-8")
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)</script>" not in html


def test_the_templates_are_found_through_theme_custom_dir(builds):
    # The fixture sets theme.custom_dir to the real overrides/ and has no overrides/ of its own:
    # the hook must take its figure and glossary templates from where the theme does.
    built = builds["custom-dir"]
    assert built.returncode == 0, built.output
    assert '<details class="figures-panel"' in (built.site / "theory" / "index.html").read_text(encoding="utf-8")


# --- the real site ------------------------------------------------------------------------------

def test_the_real_site_links_every_figure_to_an_existing_sentence(site):
    base = urlsplit(REAL_SITE_URL).path
    pages: dict[Path, Page] = {}

    def page(path: Path) -> Page:
        if path not in pages:
            pages[path] = Page(path)
        return pages[path]

    checked = 0
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()[: -len("index.html")]
        here = urljoin(REAL_SITE_URL, rel)
        for href, a in page(path).links:
            if a.get("class") != "figure-value" and "download" not in a:
                continue
            parts = urlsplit(urljoin(here, href))
            assert parts.path.startswith(base), f"{rel}: {href} leaves the site"
            target_rel = parts.path[len(base):]
            file = site / target_rel / "index.html" if target_rel == "" or target_rel.endswith("/") else site / target_rel
            assert file.is_file(), f"{rel}: {href} → {file}"
            if parts.fragment:
                assert parts.fragment in page(file).ids, f"{rel}: {href} has no target"
            checked += 1
    assert checked > 100


def test_the_real_open_data_lists_every_metric_once(site):
    from figures import pipeline

    pages = real_nav()
    analysis = pipeline.analyse(ROOT / "docs", pages, ROOT / "data" / "categories.yml")
    metrics = metrics_of(site)
    assert [m["id"] for m in metrics] == [m.id for m in analysis.metrics]
    assert len({m["id"] for m in metrics}) == len(metrics)
    rows = list(csv.DictReader(io.StringIO((site / "data" / "metrics.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == [m["id"] for m in metrics]


