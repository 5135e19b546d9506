"""The report's text as published: what readers get is the official text.

The rules themselves (the official text word for word, one English paragraph per Chinese one,
the glossary's terms, every figure a metric) run in the build, for every page of the nav:
tests/test_hook_*.py test them on fixture sites. Here, the real site's output is read back.
"""
from __future__ import annotations

import re
from pathlib import Path

from figures.check.official import parts
from htmltext import article_text
from support import ROOT, real_nav

SOURCE = ROOT / "data/source/report-2023.zh.txt"  # the official text, as published


def test_the_published_chinese_pages_read_as_the_official_text_in_order(site: Path):
    """Rendering keeps every sentence: no Markdown mangles the text the build has checked."""
    text = ""
    for page in real_nav():
        slug = page[:-3]
        folder = site if slug == "index" else site / slug
        text += article_text((folder / "index.html").read_text(encoding="utf-8")) + "\n"
    flat = text.replace("\n", "")
    position = 0
    sentences = [s for part in parts(SOURCE.read_text(encoding="utf-8")) for s in part.sentences]
    assert len(sentences) > 60
    for sentence in sentences:
        found = flat.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence}"
        position = found + len(sentence)


def test_the_documents_own_numbering_is_kept():
    heads = [line for p in real_nav() for line in
             (ROOT / "docs" / p).read_text(encoding="utf-8").splitlines() if line.startswith("# ")]
    assert [h[2] for h in heads if h[3:4] == "、"] == ["一", "二", "三", "三", "四", "五"]
    central = (ROOT / "docs/central-tasks.md").read_text(encoding="utf-8")
    assert "## (五)" in central and "## (一)" not in central
    integrity = (ROOT / "docs/integrity.md").read_text(encoding="utf-8")
    assert "## (一)" in integrity and "## (三)" in integrity and "## (二)" not in integrity
    assert re.search(r"两个部分都编为“三”", (ROOT / "docs/index.md").read_text(encoding="utf-8"))
