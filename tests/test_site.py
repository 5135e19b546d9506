"""The built site, as the public gets it: both languages, language links, search indexes."""
from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

import pytest

import sitebuild
from support import SITE_PATH, SITE_URL
from htmltext import article_text, links

NOT_PAGES = {"assets", "search", "data", "stylesheets", "en"}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _pages(root: Path) -> list[str]:
    """Page folders relative to a language root: '' for the home page, 'theory/' …"""
    out = []
    for html in sorted(root.rglob("index.html")):
        rel = html.parent.relative_to(root).as_posix()
        if rel.split("/")[0] in NOT_PAGES:
            continue
        out.append("" if rel == "." else rel + "/")
    return out


def test_the_real_site_builds(real_build, request):
    """The suite's one failure when the real site does not build, with the build's messages;
    every test that needs the site is then skipped, naming this one (tests/sitebuild.py)."""
    sitebuild.claim(request)
    if not real_build.ok:
        pytest.fail(real_build.failure(), pytrace=False)
    assert (real_build.site / "index.html").is_file() and (real_build.site / "en" / "index.html").is_file()


def test_every_chinese_page_has_its_english_twin_and_back(site: Path):
    zh, en = _pages(site), _pages(site / "en")
    assert len(zh) >= 9
    assert zh == en


def test_html_lang_is_the_page_language_404_included(site: Path):
    for page in _pages(site):
        assert '<html lang="zh"' in (site / page / "index.html").read_text(encoding="utf-8"), page
        assert '<html lang="en"' in (site / "en" / page / "index.html").read_text(encoding="utf-8"), page
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in not_found and "页面不存在" in not_found
    english = (site / "en" / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Page not found" in english
    # GitHub Pages serves the root 404.html for every missing path: it sends /en/… readers on
    assert f'location.replace("{SITE_PATH}en/404.html")' in not_found
    assert "location.replace" not in english


def test_language_links_point_at_the_twin(site: Path):
    for page in _pages(site):
        for lang, here, other_lang, twin in (("zh", page, "en", "en/" + page), ("en", "en/" + page, "zh", page)):
            html = (site / here / "index.html").read_text(encoding="utf-8")
            switch = [a["href"] for a in links(html, hreflang=other_lang) if "report-languages__item" in a.get("class", "")]
            assert len(switch) == 1, f"{here}: one switcher link to {other_lang}"
            href = switch[0]
            if href.startswith("/"):
                assert href == SITE_PATH + twin, f"{here} → {href}"
            else:
                resolved = posixpath.normpath(posixpath.join("/" + here, href)) + "/"
                assert resolved.replace("//", "/") == ("/" + twin).replace("//", "/") or \
                    resolved == "/" + twin, f"{here} → {href} ({resolved})"


@pytest.mark.parametrize("here, other_lang, home", [("404.html", "en", "en/"), ("en/404.html", "zh", "")])
def test_the_language_link_of_a_missing_page_leads_to_the_other_home(site: Path, here, other_lang, home):
    """A page for a missing address has no twin: its switcher leads to the other language's home,
    by an address that works wherever the 404 page is served."""
    html = (site / here).read_text(encoding="utf-8")
    switch = [a["href"] for a in links(html, hreflang=other_lang) if "report-languages__item" in a.get("class", "")]
    assert switch == [SITE_PATH + home]


def test_sitemap_lists_both_languages_with_hreflang(site: Path):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    base = SITE_URL
    for page in _pages(site):
        assert f'hreflang="zh" href="{base}{page}"' in sitemap, page
        assert f'hreflang="en" href="{base}en/{page}"' in sitemap, page


def test_each_search_index_holds_only_its_language(site: Path):
    zh = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert zh["docs"] and en["docs"]
    for doc in zh["docs"]:
        assert not doc["location"].startswith("en/")
        assert HAN.search(doc["title"]), doc["title"]
    for doc in en["docs"]:
        assert not doc["location"].startswith("en/")  # relative to /en/, where the index lives
        assert not HAN.search(doc["title"]), doc["title"]
        # English text; the statistics page quotes a few Chinese words, the glossary all terms
        if not doc["location"].startswith("glossary/"):
            assert len(HAN.findall(doc["text"])) <= 0.2 * max(1, len(doc["text"].split())), doc["location"]
    assert "stemmer" not in en["config"]["pipeline"]
    assert r"\u200b" in zh["config"]["separator"]  # the word breaks jieba would add, if installed


def test_english_pages_search_their_own_index(site: Path):
    """Material resolves the index and result links against `base`: /en/ for English."""
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                       (site / "en/theory/index.html").read_text(encoding="utf-8"), re.S)
    assert json.loads(config.group(1))["base"] == "../../en/"


def test_no_page_loads_anything_from_another_host(site: Path):
    pattern = re.compile(r'<(?:link|script|img|iframe|source)\b[^>]*(?:href|src)="(https?:)?//', re.I)
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for match in pattern.finditer(text):
            tag = text[match.start():text.find(">", match.start()) + 1]
            # the page's own addresses (canonical, its language twins): named, never loaded
            assert 'rel="canonical"' in tag or "hreflang=" in tag, f"{html}: {tag}"
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, html
        assert 'data-md-component="source"' not in text, f"{html}: would ask api.github.com"


def test_statistics_page_and_open_data_exist_in_both_languages(site: Path):
    for root in (site, site / "en"):
        html = (root / "statistics/index.html").read_text(encoding="utf-8")
        assert "<!-- figures:" not in html
        assert '<figure class="figures-chart' in html and '<table class="figures-table">' in html
        assert "<svg role=\"img\"" not in html  # charts are HTML now: nothing drawn at a guessed width
    data = json.loads((site / "data/metrics.json").read_text(encoding="utf-8"))
    assert len(data["metrics"]) >= 50
    assert (site / "data/metrics.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    assert (site / "data/datapackage.json").exists()


def _figure_links(html: str) -> list[str]:
    return [a["href"].split("#", 1)[1] for a in links(html) if "#fig-" in a.get("href", "")]


def test_the_statistics_page_links_each_figure_at_most_twice_and_every_one_once(site: Path):
    ids = {m["id"] for m in json.loads((site / "data/metrics.json").read_text(encoding="utf-8"))["metrics"]}
    for root in (site, site / "en"):
        linked = _figure_links((root / "statistics/index.html").read_text(encoding="utf-8"))
        counts = {anchor: linked.count(anchor) for anchor in linked}
        assert max(counts.values()) <= 2, {k: v for k, v in counts.items() if v > 2}
        assert set(counts) == {f"fig-{i}" for i in ids}


def test_no_chart_has_fewer_than_two_bars(site: Path):
    for root in (site, site / "en"):
        html = (root / "statistics/index.html").read_text(encoding="utf-8")
        charts = re.findall(r'<figure class="figures-chart.*?</figure>', html, re.S)
        assert len(charts) >= 2
        for chart in charts:
            assert chart.count('class="figures-chart__row figures-chart__row--') >= 2, chart[:200]


def test_the_home_page_has_key_figures_and_the_original_text_to_download(site: Path):
    source = Path(__file__).resolve().parent.parent / "data/source/report-2023.zh.txt"
    assert (site / "data/report-2023.zh.txt").read_bytes() == source.read_bytes()
    for root, href in ((site, "data/report-2023.zh.txt"), (site / "en", "../data/report-2023.zh.txt")):
        html = (root / "index.html").read_text(encoding="utf-8")
        assert f'<a href="{href}" download>' in html
        keys = _figure_links(html)
        assert 4 <= len(keys) <= 8 and len(set(keys)) == len(keys)


def test_every_figure_links_to_a_sentence_that_exists_in_both_languages(site: Path):
    data = json.loads((site / "data/metrics.json").read_text(encoding="utf-8"))
    base = SITE_URL
    for metric in data["metrics"]:
        for lang in ("zh", "en"):
            url = metric["url"][lang]
            assert url.startswith(base)
            path, anchor = url[len(base):].split("#")
            html = (site / path / "index.html").read_text(encoding="utf-8")
            assert f'<span class="figure-source" id="{anchor}">' in html, url


def test_section_pages_read_in_order_with_their_text(site: Path):
    text = article_text((site / "theory/index.html").read_text(encoding="utf-8"))
    assert text.index("(一)强化理论武装。") < text.index("(二)扎实开展主题教育。") < text.index("(三)深入推进")


def test_the_statistics_figures_stay_out_of_the_search_index(site: Path):
    """The figures are searched on their own pages: the statistics page's key figures, charts
    and tables are excluded (data-search-exclude), all the way to their end."""
    data = json.loads((site / "data/metrics.json").read_text(encoding="utf-8"))["metrics"]
    for index, lang in ((site / "search/search_index.json", "zh"), (site / "en/search/search_index.json", "en")):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        text = " ".join(d["text"] for d in docs if d["location"].startswith("statistics/")).replace("\u200b", "")
        leaked = [m["label"][lang] for m in data if m["label"][lang] in text]
        assert not leaked, leaked[:5]


@pytest.mark.parametrize("page", ["glossary/index.html", "en/glossary/index.html"])
def test_the_glossary_lists_its_groups_in_the_pages_contents(site: Path, page: str):
    """The groups are drawn by the hook after Markdown made the table of contents: they are
    added to it, so the glossary has its contents like every page with headings (and the
    phone's menu a label for its contents toggle)."""
    html = (site / page).read_text(encoding="utf-8")
    groups = re.findall(r'<h2 id="(terms-\d+)">', html)
    contents = html.split('data-md-type="toc"', 1)[1].split("</nav>", 1)[0]
    assert len(groups) >= 4 and re.findall(r'href="#(terms-\d+)"', contents) == groups
    assert 'for="__toc"' in html
