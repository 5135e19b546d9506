"""hooks/meta/crawl.py: the sitemap tells each page's date; robots.txt names the sitemap."""
from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from meta.crawl import Entry, outputs, robots, sitemap

SITE = "https://example.github.io/report-2023/"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _entry(path: str, lastmod: str | None) -> Entry:
    return Entry(SITE + path, lastmod, [("zh", SITE + path), ("en", SITE + "en/" + path), ("x-default", SITE + path)])


def test_each_page_has_its_own_date_its_twins_and_no_change_frequency():
    root = ET.fromstring(sitemap([_entry("", "2024-01-10"), _entry("theory/", "2024-03-05"), _entry("a&b/", None)]))
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [SITE, SITE + "theory/", SITE + "a&b/"]
    assert [u.findtext("s:lastmod", namespaces=NS) for u in urls] == ["2024-01-10", "2024-03-05", None]
    assert [(l.get("hreflang"), l.get("href")) for l in urls[1].findall("x:link", NS)] == [
        ("zh", SITE + "theory/"), ("en", SITE + "en/theory/"), ("x-default", SITE + "theory/")]
    assert root.find(".//s:changefreq", NS) is None


def test_robots_txt_names_the_absolute_sitemap():
    assert robots(SITE).splitlines()[-1] == f"Sitemap: {SITE}sitemap.xml"
    assert robots("http://127.0.0.1:8000").endswith("Sitemap: http://127.0.0.1:8000/sitemap.xml\n")


def test_the_files_are_written_only_once_every_language_is_known_and_are_reproducible():
    zh = {"index.md": _entry("", "2024-01-10")}
    assert outputs({"zh": zh}, ["index.md"], ("zh", "en"), SITE) == {}
    files = outputs({"zh": zh, "en": {"index.md": _entry("en/", "2024-01-11")}}, ["index.md"], ("zh", "en"), SITE)
    assert set(files) == {"sitemap.xml", "sitemap.xml.gz", "robots.txt"}
    assert gzip.decompress(files["sitemap.xml.gz"]) == files["sitemap.xml"]
    assert files["sitemap.xml.gz"][4:8] == b"\0\0\0\0"  # no time in the gzip header
    assert files["sitemap.xml"].index(b"<loc>" + SITE.encode() + b"</loc>") < files["sitemap.xml"].index(b"en/</loc>")
