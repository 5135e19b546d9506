"""hooks/report_hook.py, for real: what the hook draws on the fixture site and the real site.

``tests/fixtures/good/`` is a tiny bilingual site (home with the glossary, one section with
figures, the statistics page) with the real theme, plugins, hook and templates, built with
``mkdocs build --strict`` (twice, to compare outputs), and copies of it that must build too
(markup to escape, templates found through ``theme.custom_dir``, code shown as text).
"""
from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit

import pytest

from hook_sites import GOOD, SITE_URL, Built, Expect, build_variants, edit
from support import ROOT, SITE_URL as REAL_SITE_URL, real_nav

THEORY_IDS = ["lecture-teams", "lecture-audience", "study-learners", "federation-reach",
              "examined-aspects", "volunteers", "online-learners"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def code_is_not_markup(f):
    edit(f, "index.en.md", "with one section only.",
         "with one section only. Markup such as `<script>` shows as text.")
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


PASSING: dict[str, Callable[[Path], list[Expect]]] = {
    "markup": markup,
    "custom-dir": templates_from_custom_dir,
    "code-is-not-markup": code_is_not_markup,
}


@pytest.fixture(scope="module")


def builds(tmp_path_factory) -> dict[str, Built]:
    """The good fixture in place (twice, to compare outputs) and each variant from a copy."""
    return build_variants(tmp_path_factory.mktemp("hook-output"), PASSING, good=True)


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
