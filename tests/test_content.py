"""The report's text: faithful to the official source, complete in English, terms consistent."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

import glossary
from support import ROOT
from figures import pipeline
from figures.parse import numbers
from figures.parse.frontmatter import read_page
from figures.parse.prose import sentences
from htmltext import article_text

SOURCE = ROOT / "data/source/report-2023.zh.txt"  # the official text, as published

def _nav() -> list[str]:
    return pipeline.pages_in(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])


def _source_sentences() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        out.extend(s for s in re.split(r"(?<=。)", line.strip()) if s)
    return out


def test_source_is_there():
    assert SOURCE.exists(), f"the official text is missing: {SOURCE}"


def test_every_sentence_of_the_source_is_on_the_chinese_pages_in_order(site: Path):
    pages = [p[:-3] for p in _nav()]
    text = ""
    for slug in pages:
        folder = site if slug == "index" else site / slug
        text += article_text((folder / "index.html").read_text(encoding="utf-8")) + "\n"
    flat = text.replace("\n", "")
    position = 0
    for sentence in _source_sentences():
        found = flat.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence}"
        position = found + len(sentence)


def test_the_documents_own_numbering_is_kept():
    heads = [line for p in _nav() for line in
             (ROOT / "docs" / p).read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    assert [h[2] for h in heads if h[3:4] == "、"] == ["一", "二", "三", "三", "四", "五"]
    central = (ROOT / "docs/central-tasks.md").read_text(encoding="utf-8")
    assert "## (五)" in central and "## (一)" not in central
    integrity = (ROOT / "docs/integrity.md").read_text(encoding="utf-8")
    assert "## (一)" in integrity and "## (三)" in integrity and "## (二)" not in integrity


@pytest.mark.parametrize("page", ["index.md", "basics.md", "theory.md", "central-tasks.md",
                                  "grassroots.md", "cadres.md", "integrity.md"])
def test_english_twin_is_complete(page: str):
    zh = read_page(page, (ROOT / "docs" / page).read_text(encoding="utf-8"))
    en_path = pipeline.source_path(page, "en")
    en = read_page(en_path, (ROOT / "docs" / en_path).read_text(encoding="utf-8"))
    heads = lambda body: re.findall(r"^#+ .*?\{ #([\w-]+) \}|^(#) ", body, re.M)
    assert heads(zh.body) == heads(en.body), "same headings, same ids"
    # sentence for sentence: the English has as many prose sentences as the Chinese
    assert len(sentences(en.body, "en")) == len(sentences(zh.body, "zh"))


@pytest.mark.parametrize("page", ["index.md", "basics.md", "theory.md", "central-tasks.md",
                                  "grassroots.md", "cadres.md", "integrity.md"])
def test_english_pages_translate_official_terms_as_the_glossary_does(page: str):
    groups = glossary.load(ROOT / "data/glossary.yml")
    zh = (ROOT / "docs" / page).read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    en = (ROOT / "docs" / pipeline.source_path(page, "en")).read_text(encoding="utf-8")
    missing = glossary.missing_translations(zh, en, groups)
    assert not missing, [f"{t.zh} → {t.en}" for t in missing]


# Numbers in the Chinese prose that are not figures: names, not counts.
NOT_FIGURES = {
    "theory.md": {"九", "百千万"},  # 九个一 and “百千万” are the names of projects
    "central-tasks.md": set(),
    "grassroots.md": {"五", "千"},   # 五大服务计划; 千联万聚常引 / 千校万岗 (names)
    "integrity.md": {"八"},          # 中央八项规定 (the eight-point rules)
}


@pytest.mark.parametrize("page", ["basics.md", "theory.md", "central-tasks.md", "grassroots.md",
                                  "cadres.md", "integrity.md"])
def test_every_figure_in_the_chinese_prose_is_a_metric(page: str):
    """Completeness: a number the prose states is either captured, or a known name."""
    analysis = pipeline.analyse(ROOT / "docs", _nav(), ROOT / "data/categories.yml")
    captured = [m for m in analysis.metrics if m.section == page[:-3]]
    parsed = read_page(page, (ROOT / "docs" / page).read_text(encoding="utf-8"))
    uncaptured = []
    for sentence in sentences(parsed.body, "zh"):
        for mention in numbers.find(sentence.text, "zh"):
            if mention.kind != numbers.FIGURE:
                continue
            if any(m.value == mention.value and m.qualifier == mention.qualifier for m in captured):
                continue
            if mention.text in NOT_FIGURES.get(page, set()):
                continue
            uncaptured.append(mention.text)
    assert not uncaptured, f"figures with no metric in {page}: {uncaptured}"
