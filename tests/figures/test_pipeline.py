"""hooks/figures/pipeline.py: every page read, checked and counted once, problems together."""
from __future__ import annotations

import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from figures import pipeline
from support import real_nav

ROOT = Path(__file__).resolve().parents[2]

THEORY_ZH = """\
---
metrics:
  - id: lecture-teams
    value: 1440
    qualifier: exact
    category: organisations
    unit: {zh: 支, en: lecture teams}
    label: {zh: 青年宣讲团, en: Youth lecture teams}
  - id: lecture-audience
    value: 1000000
    qualifier: over
    category: people-reached
    person_times: true
    unit: {zh: 人次, en: person-times}
    label: {zh: 宣讲覆盖团员青年, en: Young people reached}
  - id: online-learners
    value: 60000
    qualifier: nearly
    category: participants
    unit: {zh: 名, en: young people}
    label: {zh: 参与线上学习的青年, en: Young people who joined online study}
---

# 二、理论学习 { #theory }

共成立青年宣讲团1440支,覆盖团员青年百万余人次。

近6万名青年参与线上学习。
"""

THEORY_EN = """\
---
metrics:
  - id: lecture-teams
    value: 1440
---

# II. Theoretical Study

In total, 1,440 youth lecture teams were set up, reaching more than 1 million person-times.

Nearly 60,000 young people joined online study.
"""

BASICS_ZH = """\
---
metrics:
  - id: internal-departments
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
INDEX = {"index.md": "# 首页\n\n没有数据。\n", "index.en.md": "# Home\n\nNo figures.\n"}
PAGES = ["index.md", "basics.md", "theory.md"]


def write_docs(folder: Path, **changes: str | None) -> Path:
    """A docs folder with index, basics and theory in both languages; ``changes`` (file name with
    ``_`` for ``.``, e.g. ``theory_en_md``) replace a page, or remove it when ``None``."""
    files = {**INDEX, "basics.md": BASICS_ZH, "basics.en.md": BASICS_EN,
             "theory.md": THEORY_ZH, "theory.en.md": THEORY_EN}
    for key, text in changes.items():
        name = key.replace("_", ".")
        if text is None:
            files.pop(name, None)
        else:
            files[name] = text
    docs = folder / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    return docs


def analyse(tmp_path: Path, pages=PAGES, **changes):
    docs = write_docs(tmp_path, **changes)
    return pipeline.analyse(docs, pages, ROOT / "data" / "categories.yml")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_source_path():
    assert pipeline.source_path("theory.md", "zh") == "theory.md"
    assert pipeline.source_path("theory.md", "en") == "theory.en.md"


def test_a_good_site(tmp_path):
    a = analyse(tmp_path)
    assert a.problems == []
    assert [m.id for m in a.metrics] == ["internal-departments", "lecture-teams", "lecture-audience",
                                         "online-learners"]
    # pages without metrics are not sections; sections in navigation order, titled from the H1
    assert [(s.slug, s.title) for s in a.stats.sections] == [
        ("basics", {"zh": "一、基本情况", "en": "I. Basics"}),
        ("theory", {"zh": "二、理论学习", "en": "II. Theoretical Study"}),
    ]
    m = a.metrics[1]
    assert (m.section, m.file, m.line, m.value) == ("theory", "docs/theory.md", 3, Decimal(1440))
    assert set(a.categories) >= {"organisations", "people-reached", "participants"}


def test_anchors_point_at_the_sentences_of_each_language(tmp_path):
    a = analyse(tmp_path)
    for source, expected in [
        ("theory.md", {"lecture-teams": "共成立青年宣讲团1440支,覆盖团员青年百万余人次。",
                       "lecture-audience": "共成立青年宣讲团1440支,覆盖团员青年百万余人次。",
                       "online-learners": "近6万名青年参与线上学习。"}),
        ("theory.en.md", {"lecture-teams": "In total, 1,440 youth lecture teams were set up, "
                                           "reaching more than 1 million person-times.",
                          "online-learners": "Nearly 60,000 young people joined online study."}),
    ]:
        body = a.bodies[source]
        found = {mid: body[start:end] for start, end, mid in a.anchors[source]}
        for mid, sentence in expected.items():
            assert found[mid] == sentence, (source, mid)


def test_bodies_are_what_mkdocs_hands_the_page(tmp_path):
    a = analyse(tmp_path)
    docs = tmp_path / "docs"
    for source in ("theory.md", "theory.en.md", "basics.md", "basics.en.md", "index.md"):
        markdown, _ = get_data((docs / source).read_text(encoding="utf-8-sig"))
        assert a.bodies[source] == markdown, source


def test_several_problems_in_several_files_are_all_reported(tmp_path):
    bad_zh = THEORY_ZH.replace("value: 1000000", 'value: "100万"').replace(
        "category: participants", "category: youth")
    bad_en = THEORY_EN.replace("value: 1440", "value: 1441") + "\n<script>alert(1)</script>\n"
    a = analyse(tmp_path, theory_md=bad_zh, theory_en_md=bad_en)
    shown = [str(p) for p in a.problems]
    assert any(s.startswith(f"docs/theory.md:{line_of(bad_zh, '100万')}: ")
               and s.endswith("(lecture-audience)") for s in shown), shown
    assert any(s.startswith(f"docs/theory.md:{line_of(bad_zh, 'youth')}: unknown category")
               and s.endswith("(online-learners)") for s in shown), shown
    assert any(s.startswith(f"docs/theory.en.md:{line_of(bad_en, '<script>')}: ") for s in shown), shown
    assert any(s.startswith(f"docs/theory.en.md:{line_of(bad_en, '1441')}: ")
               and s.endswith("(lecture-teams)") for s in shown), shown
    assert len(shown) == 4, shown
    # the good metrics are still counted
    assert [m.id for m in a.metrics] == ["internal-departments", "lecture-teams"]


def test_an_english_repeat_of_an_invalid_chinese_metric_is_not_called_missing(tmp_path):
    # lecture-teams is in the Chinese page, with a mistake: the English page repeating it must
    # not be told that the Chinese page lacks it.
    bad_zh = THEORY_ZH.replace("value: 1440", 'value: "1,440"')
    a = analyse(tmp_path, theory_md=bad_zh)
    assert [(p.file, p.line) for p in a.problems] == [("docs/theory.md", line_of(bad_zh, "1,440"))], \
        [str(p) for p in a.problems]


def test_a_duplicate_id_across_two_files_names_both(tmp_path):
    basics = BASICS_ZH.replace("id: internal-departments", "id: lecture-teams")
    a = analyse(tmp_path, basics_md=basics)
    [p] = a.problems
    assert (p.file, p.line, p.metric) == ("docs/theory.md", 3, "lecture-teams")
    assert "docs/basics.md:3" in p.text()


def test_a_figure_missing_from_the_english_prose(tmp_path):
    en = THEORY_EN.replace("Nearly 60,000", "Many")
    a = analyse(tmp_path, theory_en_md=en)
    [p] = a.problems
    assert (p.file, p.metric) == ("docs/theory.en.md", "online-learners")
    assert p.line > 1


def test_invalid_yaml_stops_the_page_not_the_site(tmp_path):
    broken = THEORY_ZH.replace("unit: {zh: 支, en: lecture teams}", "unit: {zh: 支, en: lecture teams}}")
    a = analyse(tmp_path, theory_md=broken)
    assert [(p.file, p.line) for p in a.problems] == [("docs/theory.md", line_of(broken, "}}"))]
    assert a.problems[0].text().startswith("this `}` closes nothing")
    assert [m.id for m in a.metrics] == ["internal-departments"]


def test_a_missing_chinese_page(tmp_path):
    a = analyse(tmp_path, basics_md=None)
    assert [str(p) for p in a.problems] == [
        "docs/basics.md: the page does not exist: create it, or correct its name in nav: in mkdocs.yml"]


def test_a_missing_english_twin_is_a_problem(tmp_path):
    # Every page exists in both languages; a missing translation must be named, as a missing
    # Chinese page is.
    a = analyse(tmp_path, theory_en_md=None)
    assert [p.file for p in a.problems] == ["docs/theory.en.md"], a.problems


def test_a_page_saved_with_a_byte_order_mark_keeps_its_metrics(tmp_path):
    # Windows editors save UTF-8 with a BOM; MkDocs reads pages as utf-8-sig and sees the
    # front matter, so the figures must be read too.
    docs = write_docs(tmp_path)
    (docs / "theory.md").write_text("\ufeff" + THEORY_ZH, encoding="utf-8")
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml")
    assert a.problems == []
    assert "lecture-teams" in [m.id for m in a.metrics]
    markdown, _ = get_data((docs / "theory.md").read_text(encoding="utf-8-sig"))
    assert a.bodies["theory.md"] == markdown


@pytest.mark.parametrize("raw", [".inf", ".nan"])
def test_a_value_that_is_not_finite_is_reported_not_raised(tmp_path, raw):
    zh = THEORY_ZH.replace("value: 1440", f"value: {raw}")
    en = THEORY_EN[THEORY_EN.index("# II."):]  # no repeated metrics
    a = analyse(tmp_path, theory_md=zh, theory_en_md=en)
    assert ("docs/theory.md", line_of(zh, raw), "lecture-teams") in [
        (p.file, p.line, p.metric) for p in a.problems], [str(p) for p in a.problems]


def test_the_result_is_cached_until_a_file_changes(tmp_path):
    docs = write_docs(tmp_path)
    categories = ROOT / "data" / "categories.yml"
    first = pipeline.analyse(docs, PAGES, categories)
    assert pipeline.analyse(docs, PAGES, categories) is first
    page = docs / "theory.en.md"
    page.write_text(THEORY_EN.replace("value: 1440", "value: 1441"), encoding="utf-8")
    stat = page.stat()
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = pipeline.analyse(docs, PAGES, categories)
    assert second is not first
    assert [p.metric for p in second.problems] == ["lecture-teams"]
    # another list of pages is another analysis
    assert pipeline.analyse(docs, ["theory.md"], categories) is not second


@pytest.mark.usefixtures("site")  # a mistake in the real pages is the build's one failure (tests/sitebuild.py)
def test_the_real_pages_have_no_problems():
    pages = real_nav()
    a = pipeline.analyse(ROOT / "docs", pages, ROOT / "data" / "categories.yml")
    assert a.problems == []
    assert len(a.metrics) >= 50
    for m in a.metrics:
        spans = {mid for _, _, mid in a.anchors[f"{m.section}.md"]}
        en_spans = {mid for _, _, mid in a.anchors[f"{m.section}.en.md"]}
        assert m.id in spans and m.id in en_spans, m.id


def test_titles_drop_attribute_lists(tmp_path):
    zh = THEORY_ZH
    assert "{ #theory }" in zh
    a = analyse(tmp_path)
    assert a.stats.sections[1].title["zh"] == "二、理论学习"


def test_shown_dir_names_the_files(tmp_path):
    docs = write_docs(tmp_path, basics_md=None)
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml", shown_dir="pages")
    assert [p.file for p in a.problems] == ["pages/basics.md"]


HIGHLIGHTS = """\
key_figures:
  - metric: lecture-teams
  - metric: lecture-audience
  - metric: online-learners
  - metric: internal-departments
charts:
  - id: teams
    title: {zh: 组织, en: Organisations}
    metrics: [lecture-teams, internal-departments]
"""


def test_highlights_are_checked_against_every_page(tmp_path):
    docs = write_docs(tmp_path)
    path = tmp_path / "data" / "highlights.yml"
    path.parent.mkdir()
    path.write_text(HIGHLIGHTS, encoding="utf-8")
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml", highlights_path=path)
    # 支 (lecture teams) and 个 (internal departments) are different units: no chart
    assert [(p.file, p.line, p.metric) for p in a.problems] == [
        ("data/highlights.yml", line_of(HIGHLIGHTS, "metrics: [lecture-teams"), "internal-departments")]
    assert [k.metric.id for k in a.stats.key_figures] == [
        "lecture-teams", "lecture-audience", "online-learners", "internal-departments"]
    assert a.stats.charts == []


def test_a_highlight_naming_an_invalid_metric_is_not_reported_twice(tmp_path):
    bad_zh = THEORY_ZH.replace("value: 1440", 'value: "1,440"')
    docs = write_docs(tmp_path, theory_md=bad_zh)
    path = tmp_path / "highlights.yml"
    path.write_text(HIGHLIGHTS.split("charts:")[0], encoding="utf-8")
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml", highlights_path=path)
    assert [(p.file, p.metric) for p in a.problems] == [("docs/theory.md", "lecture-teams")]


def test_a_change_to_the_highlights_is_a_new_analysis(tmp_path):
    docs = write_docs(tmp_path)
    path = tmp_path / "highlights.yml"
    path.write_text(HIGHLIGHTS.split("charts:")[0], encoding="utf-8")
    categories = ROOT / "data" / "categories.yml"
    first = pipeline.analyse(docs, PAGES, categories, highlights_path=path)
    assert pipeline.analyse(docs, PAGES, categories, highlights_path=path) is first
    path.write_text(HIGHLIGHTS.split("charts:")[0].replace("  - metric: internal-departments\n", ""),
                    encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = pipeline.analyse(docs, PAGES, categories, highlights_path=path)
    assert second is not first and len(second.stats.key_figures) == 3
    assert [p.line for p in second.problems] == [1]  # three key figures: too few


def test_pages_in_reads_a_flat_or_nested_nav_in_order():
    nav = ["index.md", {"第一部分": ["a.md", {"标题": "b.md"}]}, {"Stats": "statistics.md"},
           {"Elsewhere": "https://example.org/"}]
    assert pipeline.pages_in(nav) == ["index.md", "a.md", "b.md", "statistics.md"]


def test_a_figure_changed_in_one_place_is_one_problem_on_the_changed_line(tmp_path):
    en = THEORY_EN.replace("Nearly 60,000", "Nearly 70,000")
    a = analyse(tmp_path, theory_en_md=en)
    [p] = a.problems
    assert (p.file, p.line, p.metric) == ("docs/theory.en.md", line_of(en, "70,000"), "online-learners")
    assert "«Nearly 70,000»" in p.text() and "write it as “nearly 60,000”" in p.text()
    zh = THEORY_ZH.replace("value: 60000", "value: 70000")
    en_fixed = THEORY_EN.replace("Nearly 60,000", "Nearly 70,000")
    a = analyse(tmp_path, theory_md=zh, theory_en_md=en_fixed)
    [p] = a.problems
    assert (p.file, p.line) == ("docs/theory.md", line_of(zh, "近6万"))
    assert "the prose says «近6万»" in p.text() and "is 70000 (nearly)" in p.text()


def test_the_official_text_and_the_translation_are_checked_for_every_page(tmp_path):
    source = tmp_path / "official.txt"
    source.write_text("一、基本情况\n团市委机关内设9个部门。\n", encoding="utf-8")
    basics = BASICS_ZH.replace("---\nmetrics:", "---\nofficial_text: true\nmetrics:")
    docs = write_docs(tmp_path, basics_md=basics.replace("9个部门。", "9个部门。新增一句。"),
                      basics_en_md=BASICS_EN + "\nAn extra paragraph.\n")
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml", official_text=source)
    shown = sorted(str(p) for p in a.problems)
    assert any(s.startswith("docs/basics.md:") and "not in the official text" in s for s in shown), shown
    assert any(s.startswith("docs/basics.en.md:") and "paragraph(s)" in s for s in shown), shown


@pytest.mark.parametrize("front", [
    "not_figure: [“九个一”]\n",            # a misspelt key
    "not_figures: “九个一”\n",             # not a list
    "not_figures: [“九个一”\n",            # broken YAML
])
def test_exemptions_that_cannot_be_read_give_their_own_problem_not_one_per_name(tmp_path, front):
    """Which numbers are names is unknown: the prose's numbers are not all called uncovered."""
    zh = THEORY_ZH.replace("---\nmetrics:", f"---\n{front}metrics:", 1).replace(
        "近6万名青年参与线上学习。", "近6万名青年参与线上学习。推进“九个一”重点项目。")
    a = analyse(tmp_path, theory_md=zh, theory_en_md=THEORY_EN.replace(
        "joined online study.", 'joined online study. The "Nine Ones" projects advanced.'))
    found = [p for p in a.problems if p.file == "docs/theory.md"]
    assert len(found) == 1 and found[0].line in (2, 3), [str(p) for p in a.problems]
    assert not any("九个一" in p.text() and "add a metric" in p.text() for p in a.problems)


def test_a_metric_mistyped_in_the_chinese_front_matter_is_not_also_blamed_on_the_english(tmp_path):
    """The English states the figure as the Chinese prose does: telling the translator to write
    the mistyped value would spread the mistake."""
    zh = THEORY_ZH.replace("    value: 1000000\n", "    value: 2000000\n")
    a = analyse(tmp_path, theory_md=zh)
    assert [(p.file, p.metric) for p in a.problems] == [("docs/theory.md", "lecture-audience")], \
        [str(p) for p in a.problems]


def test_a_figure_changed_in_the_chinese_prose_only_names_every_place_of_the_old_figure(tmp_path):
    """One round for one change: the metric, the English sentence and the official text that
    still say 1440 are named by the same build, on the changed line."""
    source = tmp_path / "official.txt"
    source.write_text("二、理论学习\n共成立青年宣讲团1440支,覆盖团员青年百万余人次。\n近6万名青年参与线上学习。\n",
                      encoding="utf-8")
    zh = THEORY_ZH.replace("---\nmetrics:", "---\nofficial_text: true\nmetrics:").replace("1440支", "1450支")
    docs = write_docs(tmp_path, theory_md=zh)
    a = pipeline.analyse(docs, PAGES, ROOT / "data" / "categories.yml", official_text=source)
    prose = [p for p in a.problems if p.metric == "lecture-teams"]
    [p] = prose
    assert (p.file, p.line) == ("docs/theory.md", line_of(zh, "1450支"))
    assert p.text().startswith(f"the prose says «1450» where the metric, defined at line "
                               f"{line_of(zh, 'id: lecture-teams')}, is 1440 (exact): correct the one that is wrong")
    assert f"docs/theory.en.md:{line_of(THEORY_EN, '1,440')} «1,440»" in p.text()
    assert "official.txt:2 «1440»" in p.text()
    assert "改正错的一方,并一起修改写有这个数字的其他地方" in p.render("zh")
    official = [p for p in a.problems if p.metric is None]
    assert [(o.line, "«1450支" in o.text()) for o in official] == [(line_of(zh, "1450支"), True)]


def test_a_figure_only_in_an_editorial_block_is_explained(tmp_path):
    zh = THEORY_ZH.replace("近6万名青年参与线上学习。",
                           '近期青年参与线上学习。\n\n<div class="editorial" markdown>\n\n近6万名青年参与。\n\n</div>')
    en = THEORY_EN.replace("Nearly 60,000 young people joined online study.",
                           'Young people joined online study.\n\n<div class="editorial" markdown>\n\n'
                           'Nearly 60,000 joined.\n\n</div>')
    a = analyse(tmp_path, theory_md=zh, theory_en_md=en)
    [p] = a.problems  # the English, which says the same, is not blamed for the metric
    assert (p.file, p.line) == ("docs/theory.md", line_of(zh, "id: online-learners"))
    assert p.text() == (f"the page states 60000 only in editorial text (line {line_of(zh, '近6万名青年参与。')}: "
                        "«近6万»), where figures are not read: only the report's own text states figures; remove "
                        "this metric, or state the figure in the report's text")
