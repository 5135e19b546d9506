"""hooks/edition/assemble.py: the site's rendered pages joined into one document."""
from __future__ import annotations

from edition.assemble import Page, assemble

HOME = """<h1 class="editorial" id="2023">测试报告<a class="headerlink" href="#2023">¶</a></h1>
<div class="editorial"><p>本网站介绍。</p></div>
<h2 class="editorial" id="sections">公开内容</h2>
<p>根据要求,现将有关内容公布如下。</p>
<ol><li><a href="theory/">二、理论学习</a></li></ol>
<div class="admonition note"><p class="admonition-title">编者按</p><p>原文编号照录,见<a href="theory/#item-2">第(二)项</a>。</p></div>"""

THEORY = """<h1 id="_1">二、理论学习<a class="headerlink" href="#_1">¶</a></h1><details class="figures-panel" data-search-exclude>
<summary>本部分数据(1项)</summary><ul><li><a class="figure-value" href="#fig-teams">1440</a></li></ul></details>
<h2 id="item-1">(一)强化理论武装。<a class="headerlink" href="#item-1">¶</a></h2>
<p><span class="figure-source" id="fig-teams">共成立青年宣讲团1440支。</span>另见<a href="#item-2">下文</a>、<a href="../glossary/#terms">术语</a>和<a href="../#key-figures">主要数据</a>。</p>
<h2 id="item-2">(二)开展主题教育。</h2>
<p>第一句<span class="editorial">(编者注)</span>之后的文字。</p>
<hr>
<p>末段。</p>
<div class="admonition note"><p class="admonition-title">编者按</p><p>本部分只有两项。</p></div>"""

TABLES = """<div class="figures-tables" data-search-exclude><h3>二、理论学习</h3>
<table class="figures-table"><tr><th>青年宣讲团</th><td><a href="theory/#fig-teams">1440</a></td><td>支</td></tr></table></div>"""


def _edition(outside=lambda path: "OUT/" + path):
    return assemble(Page("index", "", HOME), [Page("theory", "theory/", THEORY)],
                    annex={"tables": TABLES}, annex_url="", outside=outside)


def test_the_title_is_the_home_pages_heading_and_the_opening_its_official_text():
    edition = _edition()
    assert edition.title == "测试报告"
    assert edition.opening == "<p>根据要求,现将有关内容公布如下。</p>"


def test_a_part_keeps_its_text_and_leaves_out_what_the_site_adds():
    part = _edition().parts[0]
    assert (part.id, part.title) == ("theory", "二、理论学习")
    assert part.html.startswith('<h2 id="theory">二、理论学习</h2>')
    for gone in ("figures-panel", "headerlink", "¶", "编者注", "编者按", "本部分只有两项"):
        assert gone not in part.html, gone
    assert "<p>第一句之后的文字。</p>" in part.html  # the text after a left-out span stays
    assert "<hr>" in part.html and "<p>末段。</p>" in part.html


def test_ids_are_unique_in_the_document_and_a_figures_sentence_keeps_its_own():
    part = _edition().parts[0]
    assert '<h3 id="theory-item-1">(一)强化理论武装。</h3>' in part.html
    assert '<span class="figure-source" id="fig-teams">' in part.html
    assert [(item.id, item.title) for item in part.items] == [
        ("theory-item-1", "(一)强化理论武装。"), ("theory-item-2", "(二)开展主题教育。")]


def test_links_lead_inside_the_document_when_it_holds_their_target():
    edition = _edition()
    html = edition.parts[0].html
    assert '<a href="#theory-item-2">下文</a>' in html
    assert '<a href="OUT/glossary/#terms">术语</a>' in html  # not in the edition: the site's page
    assert '<a href="OUT/#key-figures">主要数据</a>' in html  # the home page's key figures are not either
    assert '<a href="#fig-teams">1440</a>' in edition.annex["tables"]
    assert '<a href="#theory-item-2">第(二)项</a>' in edition.notes[0].html


def test_notes_are_collected_in_order_without_their_title_each_with_its_part():
    notes = _edition().notes
    assert [(n.id, n.part) for n in notes] == [("note-1", ""), ("note-2", "二、理论学习")]
    assert notes[1].html == "<p>本部分只有两项。</p>"


def test_the_annex_headings_move_down_a_level_and_get_ids_for_the_contents():
    edition = _edition()
    assert '<h4 id="annex-tables-1">二、理论学习</h4>' in edition.annex["tables"]
    assert [(e.id, e.title) for e in edition.annex_entries["tables"]] == [("annex-tables-1", "二、理论学习")]


def test_a_link_to_another_site_is_left_alone():
    page = Page("theory", "theory/", '<h1>T</h1><p><a href="https://example.org/x">x</a> <a href="mailto:a@b.c">m</a></p>')
    html = assemble(None, [page], annex={}, annex_url="", outside=lambda p: "OUT/" + p).parts[0].html
    assert '<a href="https://example.org/x">x</a>' in html and '<a href="mailto:a@b.c">m</a>' in html


def test_markup_in_the_text_stays_escaped():
    page = Page("theory", "theory/", "<h1>T</h1><p>&lt;script&gt; &amp; <code>&lt;b&gt;</code></p>")
    html = assemble(None, [page], annex={}, annex_url="", outside=str).parts[0].html
    assert "<p>&lt;script&gt; &amp; <code>&lt;b&gt;</code></p>" in html
