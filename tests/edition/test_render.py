"""hooks/edition/render.py: the edition's HTML, and what it says in each language."""
from __future__ import annotations

from pathlib import Path

import pytest

from edition.assemble import Edition, Entry, Note, Part
from edition.render import Cover, contents, css_string, document, edition_date, pdf_link, plain_size, title_lines, web

TEMPLATES = str(Path(__file__).resolve().parents[2] / "overrides")
EDITION = Edition("测试报告", "<p>开头。</p>",
                  [Part("theory", "二、理论学习", '<h2 id="theory">二、理论学习</h2><p>正文。</p>',
                        [Entry("theory-item-1", "(一)强化理论武装。")])],
                  [Note("note-1", "", "<p>总的说明。</p>"), Note("note-2", "二、理论学习", "<p>本部分说明。</p>")],
                  {"key-figures": '<ul class="figures-key"></ul>', "tables": "<h4 id=\"annex-tables-1\">二、理论学习</h4>"},
                  {"tables": [Entry("annex-tables-1", "二、理论学习")]})
COVER = Cover("共青团上海市委员会", "2023", "测试报告", "https://example.org/r/", "https://example.org/r/data/x.zh.txt",
              1765152000)  # 2025-12-08 00:00 UTC


@pytest.mark.parametrize(("size", "words"), [(999, "1 KB"), (480_400, "480 KB"), (1_234_567, "1.2 MB"),
                                             (2_950_000, "3.0 MB"), (10, "1 KB")])
def test_a_size_in_plain_words(size, words):
    assert plain_size(size) == words


def test_the_edition_date_is_the_commits_day_in_shanghai():
    assert edition_date(1765152000, "zh") == "2025年12月8日"
    assert edition_date(1765152000, "en") == "8 December 2025"
    assert edition_date(1765209599, "zh") == "2025年12月8日"  # 15:59:59 UTC, 23:59:59 in Shanghai
    assert edition_date(1765209600, "zh") == "2025年12月9日"  # 16:00 UTC is the next day there


def test_contents_hold_the_parts_with_their_items_the_notes_and_the_annex():
    found = [(e.id, e.title, [c.id for c in e.children]) for e in contents(EDITION, "en")]
    assert found == [("theory", "二、理论学习", ["theory-item-1"]),
                     ("notes", "Editor's notes", ["note-1", "note-2"]),
                     ("annex", "Annex: Figures", ["annex-key-figures", "annex-tables"])]
    assert contents(EDITION, "zh")[1].children[0].title == "关于全文"


def test_the_web_edition_holds_the_report_in_order():
    html = web(TEMPLATES, EDITION, "zh")
    order = [html.index(s) for s in ("开头。", "正文。", '<h2 id="notes">编者按</h2>', "总的说明。", "本部分说明。",
                                     '<h2 id="annex">附录:数据</h2>', "figures-key", "annex-tables-1")]
    assert order == sorted(order)


def test_the_document_has_its_cover_contents_metadata_and_the_english_says_it_is_a_translation():
    zh = document(TEMPLATES, EDITION, "zh", COVER, serif="Noto Serif CJK SC", sans="Noto Sans CJK SC")
    assert '<html lang="zh">' in zh and "<title>测试报告</title>" in zh
    assert '<meta name="dcterms.created" content="2025-12-08T00:00:00Z">' in zh
    assert "2025年12月8日" in zh and "2023年" in zh and "https://example.org/r/data/x.zh.txt" in zh
    assert '<a href="#theory-item-1">(一)强化理论武装。</a>' in zh
    assert 'font-family: "Noto Serif CJK SC", serif' in zh and '<p class="cover__translation">' not in zh
    en = document(TEMPLATES, EDITION, "en", COVER, serif="Noto Serif CJK SC", sans="Noto Sans CJK SC")
    assert "<title>测试报告 (English translation)</title>" in en
    assert "This is an English translation. The Chinese text is the official version." in en
    assert "8 December 2025" in en


def test_the_pdf_link_says_what_it_is_and_its_size():
    assert str(pdf_link("full-text/r.zh.pdf", "662 KB", "zh")) == \
        '<a class="edition-pdf" href="full-text/r.zh.pdf" type="application/pdf">全文PDF版(662 KB)</a>'
    assert "The whole report as a PDF (1.2 MB)" in pdf_link("r.en.pdf", "1.2 MB", "en")


def test_a_css_string_is_quoted_and_escaped():
    assert css_string('a "b" \\ c') == '"a \\"b\\" \\\\ c"'


def test_the_covers_title_goes_on_two_lines_after_the_publishers_name():
    assert title_lines("共青团上海市委员会2023年基层评议公开内容", "共青团上海市委员会") == ("共青团上海市委员会", "2023年基层评议公开内容")
    assert title_lines("CYL Committee: 2023 Disclosure", "CYL Committee") == ("CYL Committee:", "2023 Disclosure")
    assert title_lines("测试报告", "共青团上海市委员会") == ("", "测试报告")
    assert title_lines("共青团上海市委员会", "共青团上海市委员会") == ("", "共青团上海市委员会")
