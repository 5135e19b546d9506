"""hooks/meta/share.py: every page of the real site described, carded and tagged."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from figures import pipeline
from figures.count.stats import Section, compute
from figures.schema import Highlights, KeyFigure, Metric
from meta import share
from support import ROOT, real_nav

SITE = "https://example.github.io/report-2023/"


@pytest.fixture(scope="module")
def analysis():
    return pipeline.analyse(ROOT / "docs", real_nav(), ROOT / "data/categories.yml",
                            official_text=ROOT / "data/source/report-2023.zh.txt",
                            highlights_path=ROOT / "data/highlights.yml")


@pytest.fixture(scope="module")
def about(analysis):
    return share.described(real_nav(), analysis.pages, analysis.blocks, pipeline.source_path)


def _settings(lang: str) -> share.Settings:
    return share.Settings(lang, SITE, "报告" if lang == "zh" else "Report", "团市委" if lang == "zh" else "CYL",
                          "2023年基层评议公开内容" if lang == "zh" else "2023 Disclosure", "2023")


def _shared(analysis, about, settings, cache, *, original=None, anchors=None):
    return share.shared(real_nav(), analysis.bodies, about, analysis.stats, settings, official=analysis.official,
                        highlights="data/highlights.yml", source_path=pipeline.source_path, original=original,
                        cache=cache, anchors=anchors)


def test_every_page_of_the_site_is_described_in_both_languages_each_differently(about):
    assert about.problems == []
    for lang in ("zh", "en"):
        texts = [about.pages[(page, lang)].description for page in real_nav()]
        assert len(set(texts)) == len(texts) == len(real_nav())


def test_official_pages_are_described_by_their_own_words(about):
    official = (ROOT / "data/source/report-2023.zh.txt").read_text(encoding="utf-8")
    for page in real_nav():
        described = about.pages[(page, "zh")]
        if page != "index.md" and "official_text: true" in (ROOT / "docs" / page).read_text(encoding="utf-8"):
            text = described.description.removesuffix("……")
            assert text in official.replace("\n", ""), page


def test_a_section_s_headline_is_its_first_key_figure_with_its_qualifier():
    def metric(id, value, qualifier, section, **extra):
        return Metric(id=id, section=section, value=Decimal(value), qualifier=qualifier, category="c",
                      unit={"zh": "个", "en": "jobs"}, label={"zh": id, "en": id}, **extra)
    jobs = metric("jobs", "5000", "over", "grassroots")
    learners = metric("learners", "16587000", "over", "theory", cumulative=True)
    sites = metric("sites", "579", "exact", "grassroots")
    stats = compute([Section("grassroots", {}), Section("theory", {})], [jobs, learners, sites],
                    Highlights([KeyFigure(jobs, {"zh": "就业岗位", "en": "jobs offered"}),
                                KeyFigure(sites, {"zh": "办班点", "en": "sites"}),
                                KeyFigure(learners, {"zh": "青少年", "en": "young people"})], []))
    zh_body = "举办招聘会,吸引318家用人单位提供超5000个就业岗位。"
    zh = share.headline("grassroots.md", stats, "zh", body=zh_body, anchors=[(0, len(zh_body), "jobs")])
    assert (zh.number, zh.unit, zh.context) == ("超5000", "个", "就业岗位")  # as the sentence says it
    en_body = "A job fair drew 318 employers, which offered more than 5,000 jobs."
    en = share.headline("grassroots.md", stats, "en", body=en_body, anchors=[(0, len(en_body), "jobs")])
    assert (en.number, en.unit, en.context) == ("more than 5,000", "jobs", "jobs offered")
    cumulative = share.headline("theory.md", stats, "zh")  # no sentence to hand: the site's own words
    assert (cumulative.number, cumulative.mark) == ("超过1658.7万", "累计")
    assert share.headline("cadres.md", stats, "zh") is None


def test_each_page_gets_its_tags_its_image_and_the_right_structured_data(analysis, about, tmp_path):
    for lang in ("zh", "en"):
        out, problems = _shared(analysis, about, _settings(lang), tmp_path, original="data/report-2023.zh.txt",
                                anchors=analysis.anchors)
        assert problems == [] and list(out) == real_nav()
        assert all(s.image.startswith(b"\x89PNG") for s in out.values())
        assert out["index.md"].head.structured["@type"] == "Report"
        assert len(out["index.md"].head.structured["hasPart"]) == 6  # the six parts, not the statistics
        assert out["statistics.md"].head.structured["@type"] == "Dataset"
        assert out["theory.md"].head.structured is None
        alt = dict(out["theory.md"].head.opengraph)["og:image:alt"]
        assert ("15405场" if lang == "zh" else "15,405 lecture events") in alt


def test_a_title_the_font_cannot_draw_is_a_problem_on_its_line(analysis, about, tmp_path):
    page = about.pages[("theory.md", "zh")]
    broken = share.Described({**about.pages, ("theory.md", "zh"): type(page)(
        **{**page.__dict__, "title": "二、学习\U0001F600"})}, [])
    _, problems = _shared(analysis, broken, _settings("zh"), tmp_path)
    assert [(p.file, p.line) for p in problems] == [("docs/theory.md", page.title_line)]
    message = str(problems[0].message)
    assert "\U0001F600" in message and "Noto Sans CJK SC" in message


def test_a_setting_the_font_cannot_draw_is_one_problem_not_one_a_page(analysis, about, tmp_path):
    settings = share.Settings("en", SITE, "Report", "CYL \U00013000", "2023 Disclosure", "2023")
    _, problems = _shared(analysis, about, settings, tmp_path)
    assert [(p.file, p.line) for p in problems] == [("mkdocs.yml", 0)]
    assert "\U00013000" in str(problems[0].message)


def test_every_headline_figure_is_written_as_its_sentence_writes_it(analysis):
    shown = 0
    for page in real_nav():
        for lang in ("zh", "en"):
            source = pipeline.source_path(page, lang)
            figure = share.headline(page, analysis.stats, lang, body=analysis.bodies[source],
                                    anchors=analysis.anchors.get(source, []))
            if figure:
                shown += 1
                assert figure.number in analysis.bodies[source], (page, lang, figure.number)
    assert shown >= 6  # theory, central tasks, grassroots, in both languages
