"""The real site as a search engine and a chat app read it, built for its deploy address
(SITE_URL): every page in both languages described, tagged, with its share image; language
alternates that agree both ways; robots.txt, a truthful sitemap and structured data.

The share images of the home, a section and the statistics page, in both languages, are
copied to test-output/share-images/ to be looked at.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from support import ROOT, SITE_URL, real_config, real_nav

OUTPUT = ROOT / "test-output" / "share-images"
SHANGHAI = ZoneInfo("Asia/Shanghai")
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
REQUIRED = ("og:title", "og:description", "og:url", "og:type", "og:site_name", "og:locale",
            "og:locale:alternate", "og:image", "og:image:alt", "og:image:width", "og:image:height")


class Head(HTMLParser):
    """The <head> of a built page: its meta tags, links and JSON-LD."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: list[dict[str, str]] = []
        self.structured: list[str] = []
        self._in_json = False
        self.feed(html[: html.index("</head>")])

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        elif tag == "link":
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_json = True
            self.structured.append("")

    def handle_endtag(self, tag):
        self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.structured[-1] += data

    def one(self, name: str) -> str:
        values = self.meta.get(name, [])
        assert len(values) == 1, f"{name}: {values}"
        return values[0]

    @property
    def canonical(self) -> str:
        return next(link["href"] for link in self.links if link.get("rel") == "canonical")

    @property
    def alternates(self) -> dict[str, str]:
        return {link["hreflang"]: link["href"] for link in self.links
                if "alternate" in link.get("rel", "").split() and "hreflang" in link}


def _path(page: str) -> str:
    return "" if page == "index.md" else page[:-3] + "/"


def _file(lang: str, page: str) -> str:
    return ("" if lang == "zh" else "en/") + _path(page) + "index.html"


@pytest.fixture(scope="module")
def heads(site: Path) -> dict[tuple[str, str], Head]:
    return {(lang, page): Head((site / _file(lang, page)).read_text(encoding="utf-8"))
            for lang in ("zh", "en") for page in real_nav()}


def _local(site: Path, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    rest = url[len(SITE_URL):]
    return site / (rest + "index.html" if rest == "" or rest.endswith("/") else rest)


def test_every_page_has_a_description_of_its_own_in_its_language(heads):
    han = re.compile(r"[\u4e00-\u9fff]")
    for lang in ("zh", "en"):
        descriptions = {page: heads[(lang, page)].one("description") for page in real_nav()}
        assert len(set(descriptions.values())) == len(descriptions), descriptions
        for page, text in descriptions.items():
            assert 20 <= len(text) <= (130 if lang == "zh" else 170), (lang, page, text)
            assert bool(han.search(text)) == (lang == "zh"), (lang, page, text)
            assert heads[(lang, page)].one("og:description") == text


def test_every_page_has_its_share_tags_with_absolute_addresses(heads):
    for (lang, page), head in heads.items():
        for name in REQUIRED:
            assert head.one(name).strip(), (lang, page, name)
        assert head.one("twitter:card") == "summary_large_image"
        assert head.one("og:locale") == {"zh": "zh_CN", "en": "en_GB"}[lang]
        assert head.one("og:type") == ("website" if page == "index.md" else "article")
        for name in ("og:url", "og:image"):
            assert head.one(name).startswith(SITE_URL), (lang, page, name)
        assert head.canonical.startswith(SITE_URL)
        assert all(href.startswith(SITE_URL) for href in head.alternates.values())


def test_og_url_is_the_canonical_address_and_the_page_is_there(site, heads):
    for (lang, page), head in heads.items():
        assert head.one("og:url") == head.canonical
        assert _local(site, head.canonical) == site / _file(lang, page)


def test_each_share_image_exists_at_its_stated_size(site, heads):
    images = set()
    for (lang, page), head in heads.items():
        path = _local(site, head.one("og:image"))
        with Image.open(path) as image:
            assert image.format == "PNG"
            assert image.size == (int(head.one("og:image:width")), int(head.one("og:image:height"))) == (1200, 630)
        images.add(path)
    assert len(images) == len(heads)  # one per page and language


def test_each_language_s_tags_and_images_carry_that_language_s_settings(heads):
    """The English cards and tags are made in the Chinese build, from the i18n plugin's English
    settings: they are those the English build itself has."""
    config = real_config()
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    expected = {"zh": (config["site_name"], config["copyright"], config["extra"]["masthead"]["title"]),
                "en": (english["site_name"], english["copyright"], english["extra"]["masthead"]["title"])}
    for (lang, page), head in heads.items():
        site_name, publisher, edition = expected[lang]
        assert head.one("og:site_name") == site_name, (lang, page)
        assert head.one("og:image:alt").endswith(f"{publisher}, {edition}." if lang == "en"
                                                 else f"{publisher},{edition}。"), (lang, page)


def test_the_language_alternates_are_the_canonical_addresses_both_ways(heads):
    for page in real_nav():
        zh, en = heads[("zh", page)], heads[("en", page)]
        expected = {"zh": zh.canonical, "en": en.canonical, "x-default": zh.canonical}
        assert zh.alternates == expected, page
        assert en.alternates == expected, page  # reciprocal: each names the other, and itself


def test_robots_txt_names_the_absolute_sitemap(site):
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert (site / "sitemap.xml").is_file()


def _shown_date(html: str, lang: str) -> str:
    """The "updated" date the page shows: its machine-readable day, checked against its words."""
    found = re.search(r'md-source-file__fact">[^<]*<time datetime="([0-9-]+)">([^<]+)</time>', html)
    day, shown = found.groups()
    parsed = datetime.strptime(shown, "%Y年%m月%d日" if lang == "zh" else "%B %d, %Y")
    assert parsed.strftime("%Y-%m-%d") == day, (day, shown)
    return day


def _last_change(path: str) -> str:
    stamp = subprocess.run(["git", "log", "-1", "--format=%at", "--", path], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    return datetime.fromtimestamp(int(stamp), SHANGHAI).strftime("%Y-%m-%d")  # the report's own day


def test_the_sitemap_dates_each_page_by_its_content_s_last_change_as_the_page_shows_it(site, heads):
    """The exact sources of a page's date are tested on a history of our own (test_lastmod.py):
    here, each page is no older than its own file, and the glossary than data/glossary.yml."""
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    assert root.find(".//s:changefreq", NS) is None
    entries = {u.findtext("s:loc", namespaces=NS): u for u in root.findall("s:url", NS)}
    assert set(entries) == {head.canonical for head in heads.values()}
    for (lang, page), head in heads.items():
        entry = entries[head.canonical]
        lastmod = entry.findtext("s:lastmod", namespaces=NS)
        html = (site / _file(lang, page)).read_text(encoding="utf-8")
        assert lastmod == _shown_date(html, lang), (lang, page)
        source = page if lang == "zh" else page.replace(".md", ".en.md")
        assert lastmod >= _last_change(f"docs/{source}"), (lang, page)
        if page == "glossary.md":
            assert lastmod >= _last_change("data/glossary.yml"), lang
        assert {l.get("hreflang"): l.get("href") for l in entry.findall("x:link", NS)} == head.alternates


def test_the_structured_data_parses_and_its_files_are_in_the_site(site, heads):
    kinds = {}
    for (lang, page), head in heads.items():
        for text in head.structured:
            data = json.loads(text)
            kinds[(lang, page)] = data["@type"]
            assert data["@context"] == "https://schema.org"
            assert data["url"] == head.canonical and data["description"] == head.one("description")
    for lang in ("zh", "en"):
        assert kinds.pop((lang, "index.md")) == "Report"
        assert kinds.pop((lang, "statistics.md")) == "Dataset"
    assert kinds == {}, "structured data only on the home and statistics pages"
    for lang in ("zh", "en"):
        dataset = json.loads(heads[(lang, "statistics.md")].structured[0])
        assert dataset["creator"]["name"] and dataset["temporalCoverage"] == "2023"
        assert dataset["inLanguage"] == ["zh", "en"]
        formats = {}
        for download in dataset["distribution"]:
            assert _local(site, download["contentUrl"]).is_file(), download
            formats[download["contentUrl"].rsplit("/", 1)[1]] = download["encodingFormat"]
        assert formats == {"metrics.csv": "text/csv", "metrics.json": "application/json",
                           "datapackage.json": "application/json"}
        report = json.loads(heads[(lang, "index.md")].structured[0])
        for part in report["hasPart"]:
            assert _local(site, part["url"]).is_file(), part
        assert _local(site, report["encoding"]["contentUrl"]).is_file()


def test_the_share_images_to_look_at_are_in_the_test_output(site, heads):
    """Home, a section with its headline figure, a section without, and the statistics page."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for lang in ("zh", "en"):
        for page in ("index.md", "theory.md", "basics.md", "statistics.md"):
            source = _local(site, heads[(lang, page)].one("og:image"))
            shutil.copyfile(source, OUTPUT / f"{lang}-{page[:-3]}.png")
    assert len(list(OUTPUT.glob("*.png"))) >= 8
