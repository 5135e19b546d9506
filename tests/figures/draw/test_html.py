"""hooks/figures/draw/html.py: panels and statistics blocks from the real templates."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from figures.count.stats import Section, compute
from figures.draw.html import BLOCKS, UI, environment, panel, statistics_block, unit_note

SECTIONS = [Section("basics", {"zh": "一、基本情况", "en": "I. Basics"}),
            Section("theory", {"zh": "二、理论学习", "en": "II. Theory"})]
PT = ("人次", "person-times")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


class Tags(HTMLParser):
    """Every start tag of a fragment, with its attributes; text outside tags."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def metrics(make_metric):
    return [
        make_metric("internal-departments", 9, section="basics", unit=("个", "departments"),
                    label=("内设部门", "Internal departments")),
        make_metric("lecture-teams", 1440),
        make_metric("lecture-audience", 1000000, "over", category="people-reached", unit=PT,
                    person_times=True, label=("宣讲覆盖团员青年", "Young people reached")),
        make_metric("federation-reach", 40000, "over", category="people-reached", unit=PT,
                    person_times=True, label=("覆盖青联委员", "Federation members reached")),
        make_metric("learners", 16587000, category="people-reached", unit=("人", "young people"),
                    cumulative=True, label=("“青年大学习”吸引的青少年", "Youth Study learners")),
        make_metric("volunteers", 5000, "over", category="participants", unit=("人", "people")),
        make_metric("online", 60000, "nearly", category="participants", unit=("人", "people")),
    ]


@pytest.fixture
def stats(metrics, categories):
    return compute(SECTIONS, metrics, categories)


def test_the_environment_autoescapes(templates):
    env = environment(templates)
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


def test_panel_lists_each_figure_linking_to_its_sentence(templates, stats):
    for lang, values in [("zh", ["1440", "超过100万", "超过4万", "1658.7万"]),
                         ("en", ["1,440", "more than 1 million", "more than 40,000", "16.587 million"])]:
        html = panel(templates, stats.by_section["theory"], lang)
        links = [(a["href"], a) for tag, a in Tags(html).tags if tag == "a"]
        assert [href for href, _ in links] == [f"#fig-{m.id}" for m in stats.by_section["theory"]]
        assert UI[lang]["panel"] in html
        for value in values:
            assert f">{value}</a>" in html
        assert UI[lang]["person_times"] in html and UI[lang]["cumulative"] in html


def test_panel_escapes_labels_and_units(templates, make_metric):
    ms = [make_metric("a", 10, label=(SCRIPT, IMG), unit=(IMG, SCRIPT))]
    for lang in ("zh", "en"):
        html = panel(templates, ms, lang)
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert [tag for tag, _ in Tags(html).tags] == ["aside", "h2", "ul", "li", "a", "span", "span"]


@pytest.mark.parametrize("block", BLOCKS)
def test_every_block_renders_in_both_languages(templates, stats, block):
    for lang in ("zh", "en"):
        html = statistics_block(templates, block, stats, lang, data_url="../data/")
        assert html.strip()
        Tags(html)  # parses


def test_downloads_point_at_the_data_folder(templates, stats):
    html = statistics_block(templates, "downloads", stats, "en", data_url="../../data/")
    hrefs = [a["href"] for tag, a in Tags(html).tags if tag == "a"]
    assert hrefs == ["../../data/metrics.json", "../../data/metrics.csv", "../../data/datapackage.json"]


def test_summary_counts_by_section_and_category(templates, stats):
    html = statistics_block(templates, "summary", stats, "zh", data_url="")
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    cells = [re.findall(r'<td class="figures-count">([^<]*)</td>', row) for row in rows]
    # header; basics; theory; totals — columns: people-reached, participants, organisations, All
    assert [c for c in cells if c] == [["–", "–", "1", "1"], ["3", "2", "1", "6"], ["3", "2", "2", "7"]]


def test_by_category_shows_honest_totals(templates, stats):
    zh = statistics_block(templates, "by-category", stats, "zh", data_url="")
    en = statistics_block(templates, "by-category", stats, "en", data_url="")
    assert "超过104万" in zh and "more than 1.04 million" in en      # over + over
    assert UI["zh"]["no_total"] in zh and UI["en"]["no_total"] in en  # over + nearly: no sum
    assert "1449" not in zh  # 个 and 支 are different units: never added


def test_by_category_and_by_section_link_each_value_to_its_page_and_sentence(templates, stats):
    for block in ("by-category", "by-section"):
        html = statistics_block(templates, block, stats, "en", data_url="")
        values = [a["href"] for tag, a in Tags(html).tags if tag == "a" and a.get("class") == "figure-value"]
        assert sorted(values) == sorted(f"../{m.section}/#fig-{m.id}" for m in stats.metrics)


@pytest.mark.parametrize("block", ["summary", "by-category", "charts", "by-section"])
def test_blocks_escape_labels_and_units(templates, make_metric, categories, block):
    ms = [make_metric("a", 10, label=(SCRIPT, IMG), unit=(IMG, SCRIPT)),
          make_metric("b", 20, label=(IMG, SCRIPT), unit=(IMG, SCRIPT), section="basics")]
    stats = compute(SECTIONS, ms, categories)
    for lang in ("zh", "en"):
        html = statistics_block(templates, block, stats, lang, data_url="../data/")
        assert "<script" not in html and "<img" not in html, html
        if block != "summary":  # the summary shows counts, not labels
            assert "&lt;script&gt;" in html and "&lt;img" in html


def test_section_titles_are_escaped(templates, make_metric, categories):
    sections = [Section("theory", {"zh": SCRIPT, "en": IMG})]
    stats = compute(sections, [make_metric("a", 1)], categories)
    for block in ("summary", "by-category", "by-section"):
        for lang in ("zh", "en"):
            html = statistics_block(templates, block, stats, lang, data_url="")
            assert "<script" not in html and "<img" not in html


def test_unit_note(make_metric):
    assert unit_note(make_metric(unit=("人", "young people"), cumulative=True), "zh") == "人，累计数"
    assert unit_note(make_metric(unit=("人", "young people"), cumulative=True), "en") == "young people, cumulative"
    assert unit_note(make_metric(unit=("支", "teams")), "en") == "teams"
