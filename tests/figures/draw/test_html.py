"""hooks/figures/draw/html.py: the panel and the blocks of the home and statistics pages, from
the real templates."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from markupsafe import escape

from figures.count.stats import Section, compute
from figures.draw.html import BLOCKS, UI, environment, marks, panel, statistics_block
from figures.schema import Chart, Highlights, KeyFigure

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

    def links(self, **attrs) -> list[str]:
        return [a["href"] for tag, a in self.tags
                if tag == "a" and all(a.get(k) == v for k, v in attrs.items())]


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
                    cumulative=True, label=("“青年大学习”吸引的青少年", "Youth Study learners"),
                    unit_one={"en": "young person"}),
        make_metric("medal", 1, category="awards", unit=("人", "people"), unit_one={"en": "person"},
                    label=("获奖章", "Medal winners")),
        make_metric("online", 60000, "nearly", category="participants", unit=("人", "people")),
    ]


@pytest.fixture
def stats(metrics):
    by_id = {m.id: m for m in metrics}
    highlights = Highlights(
        [KeyFigure(by_id["lecture-teams"], {"zh": "支青年宣讲团", "en": "youth lecture teams"}),
         KeyFigure(by_id["learners"], dict(by_id["learners"].label))],
        [Chart("reach", {"zh": "覆盖人次", "en": "Reach"}, [by_id["lecture-audience"], by_id["federation-reach"]])])
    return compute(SECTIONS, metrics, highlights)


def render(templates, stats, block, lang, root="../"):
    return statistics_block(templates, block, stats, lang, data_url="../data/", root=root)


def test_the_environment_autoescapes(templates):
    env = environment(templates)
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x=SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("block", BLOCKS)
def test_every_block_renders_in_both_languages(templates, stats, block):
    for lang in ("zh", "en"):
        html = render(templates, stats, block, lang)
        assert html.strip()
        Tags(html)  # parses


# --- the section panel --------------------------------------------------------------------------

def test_the_panel_is_a_closed_disclosure_linking_each_figure_to_its_sentence(templates, stats):
    for lang, values in [("zh", ["1440", "超过100万", "超过4万", "1658.7万"]),
                         ("en", ["1,440", "more than 1 million", "more than 40,000", "16.587 million"])]:
        html = panel(templates, stats.by_section["theory"], lang)
        tags = Tags(html)
        details = [a for tag, a in tags.tags if tag == "details"]
        assert len(details) == 1 and "open" not in details[0]
        assert tags.links() == [f"#fig-{m.id}" for m in stats.by_section["theory"]]
        summary = html[html.index("<summary>") + 9:html.index("</summary>")]
        assert summary == UI[lang]["panel_summary"].format(len(stats.by_section["theory"]))
        for value in values:
            assert f">{value}</a>" in html


def test_the_panel_writes_units_that_agree_with_the_number(templates, stats):
    html = panel(templates, stats.by_section["theory"], "en")
    assert "</a> person<" in html and "</a> people<" in html
    assert "</a> young people <" in html  # 16,587,000: the plural
    zh = panel(templates, stats.by_section["theory"], "zh")
    assert ">1</a>人<" in zh


def test_panel_escapes_labels_and_units(templates, make_metric):
    ms = [make_metric("a", 10, label=(SCRIPT, IMG), unit=(IMG, SCRIPT))]
    for lang in ("zh", "en"):
        html = panel(templates, ms, lang)
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert [tag for tag, _ in Tags(html).tags] == ["details", "summary", "ul", "li", "a", "span"]


# --- key figures --------------------------------------------------------------------------------

def test_key_figures_link_to_their_sentences_from_any_page(templates, stats):
    for root, prefix in (("../", "../"), ("", "")):
        html = render(templates, stats, "key-figures", "en", root=root)
        assert Tags(html).links() == [f"{prefix}theory/#fig-lecture-teams", f"{prefix}theory/#fig-learners"]


def test_key_figures_show_number_unit_and_context(templates, stats):
    en = render(templates, stats, "key-figures", "en")
    assert '<span class="figures-key__number">1,440</span>' in en
    assert '<span class="figures-key__context">youth lecture teams</span>' in en
    assert '<span class="figures-key__number">16.587 million</span>' in en
    assert UI["en"]["cumulative"] in en
    zh = render(templates, stats, "key-figures", "zh")
    assert '<span class="figures-key__number">1658.7万</span><span class="figures-key__unit">人' in zh


def test_no_key_figures_no_list(templates, metrics):
    assert "<ul" not in render(templates, compute(SECTIONS, metrics), "key-figures", "en")


# --- tables ---------------------------------------------------------------------------------------

def test_one_table_per_section_with_its_name_once_as_a_heading(templates, stats):
    for lang in ("zh", "en"):
        html = render(templates, stats, "tables", lang)
        headings = re.findall(r"<h3>([^<]+)</h3>", html)
        assert headings == [s.title[lang] for s in SECTIONS]
        assert html.count("<table") == 2
        for section in SECTIONS:
            assert html.count(section.title[lang]) == 1
        # three cells a row: what is counted (the row's header), the value, the unit
        rows = re.findall(r"<tr>(.*?)</tr>", html)
        assert len(rows) == len(stats.metrics)
        assert all(re.fullmatch(r"<th>[^<]+</th><td><a [^>]+>[^<]+</a></td><td>.+</td>", row) for row in rows)


def test_tables_link_each_value_once_to_its_page_and_sentence(templates, stats):
    html = render(templates, stats, "tables", "en")
    assert sorted(Tags(html).links()) == sorted(f"../{m.section}/#fig-{m.id}" for m in stats.metrics)


def test_tables_rows_value_and_unit(templates, stats):
    en = render(templates, stats, "tables", "en")
    assert ('<tr><th>Medal winners</th><td><a href="../theory/#fig-medal">1</a></td><td>person</td></tr>' in en)
    assert '>more than 1 million</a></td><td>person-times</td>' in en
    assert '>nearly 60,000</a></td><td>people</td>' in en
    zh = render(templates, stats, "tables", "zh")
    assert '>近6万</a></td><td>人</td>' in zh


def test_the_markers_are_explained_once(templates, stats):
    for lang in ("zh", "en"):
        html = render(templates, stats, "tables", lang)
        legend = html[html.index("<dl"):html.index("</dl>")]
        terms = re.findall(r"<dt>([^<]+)</dt>", legend)
        assert terms == [UI[lang]["legend"][m][0] for m in ("over", "nearly", "person_times", "cumulative")]
        for mark in ("over", "nearly", "person_times", "cumulative"):
            assert html.count(str(escape(UI[lang]["legend"][mark][1]))) == 1
        # cumulative figures carry the marker, explained above
        rows = [r for r in re.findall(r"<tr>.*?</tr>", html) if "fig-learners" in r]
        assert f'<small>{UI[lang]["cumulative"]}</small>' in rows[0]


def test_marks_lists_only_what_the_figures_use(make_metric):
    assert marks([make_metric("a", 1)]) == []
    assert marks([make_metric("a", 1, "about"), make_metric("b", 2, cumulative=True)]) == ["about", "cumulative"]
    assert marks([make_metric("a", 1, person_times=True, unit=PT), make_metric("b", 2, "over")]) \
        == ["over", "person_times"]


# --- charts ---------------------------------------------------------------------------------------

def test_a_chart_has_title_unit_bars_and_source(templates, stats):
    html = render(templates, stats, "charts", "en")
    assert html.count("<figure") == 1
    assert '<span class="figures-chart__title">Reach</span>' in html
    assert '<span class="figures-chart__unit">Unit: person-times</span>' in html
    bars = re.findall(r'class="figures-chart__row figures-chart__row--(\w+)" data-metric="([\w-]+)">.*?'
                      r'width: ([\d.]+)%.*?<span class="figures-chart__value">([^<]+)</span>', html)
    assert bars == [("over", "lecture-audience", "100.0", "more than 1 million"),
                    ("over", "federation-reach", "4.0", "more than 40,000")]
    assert Tags(html).links() == ["../theory/"]  # the source; bars link nowhere
    assert "figures-chart--open" in html and "figures-chart__key" in html


def test_a_chart_of_exact_figures_has_no_key(templates, make_metric):
    a, b = make_metric("a", 3), make_metric("b", 6)
    stats = compute(SECTIONS, [a, b], Highlights([], [Chart("g", {"zh": "组", "en": "Groups"}, [a, b])]))
    html = render(templates, stats, "charts", "zh")
    assert "figures-chart__key" not in html and "figures-chart--open" not in html
    assert "来源:本报告“" in html


def test_downloads_point_at_the_data_folder_in_plain_words(templates, stats):
    html = statistics_block(templates, "downloads", stats, "en", data_url="../../data/")
    assert Tags(html).links() == ["../../data/metrics.csv", "../../data/metrics.json",
                                  "../../data/datapackage.json"]
    assert "All figures as a spreadsheet (CSV)" in html


@pytest.mark.parametrize("block", BLOCKS)
def test_blocks_escape_labels_units_and_titles(templates, make_metric, block):
    ms = [make_metric("a", 10, label=(SCRIPT, IMG), unit=(IMG, SCRIPT)),
          make_metric("b", 20, label=(IMG, SCRIPT), unit=(IMG, SCRIPT), section="basics")]
    highlights = Highlights([KeyFigure(ms[0], {"zh": SCRIPT, "en": IMG})],
                            [Chart("c", {"zh": SCRIPT, "en": IMG}, ms)])
    sections = [Section("basics", {"zh": SCRIPT, "en": IMG}), Section("theory", {"zh": IMG, "en": SCRIPT})]
    stats = compute(sections, ms, highlights)
    for lang in ("zh", "en"):
        html = render(templates, stats, block, lang)
        assert "<script" not in html and "<img" not in html, html
        if block != "downloads":
            assert "&lt;script&gt;" in html and "&lt;img" in html
