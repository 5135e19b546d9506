"""hooks/addresses.py: every address of a page, from the site's address and the language."""
from __future__ import annotations

from addresses import base, page_path, page_url, path_of, root

SITE = "https://example.github.io/report-2023/"


def test_each_language_has_its_root_and_each_page_its_path():
    assert (root("zh"), root("en")) == ("", "en/")
    assert path_of("index.md") == "" and path_of("theory.md") == "theory/" and path_of("a/index.md") == "a/"
    assert path_of("theory") == "theory/" and path_of("index") == ""  # a slug, as a metric names its section
    assert page_path("index.md", "en") == "en/" and page_path("theory.md", "zh") == "theory/"


def test_addresses_follow_the_site_s_address_and_language():
    assert base(SITE) == base(SITE.rstrip("/")) == SITE
    assert page_url(SITE, "theory.md", "zh") == SITE + "theory/"
    assert page_url(SITE, "theory.md", "en") == SITE + "en/theory/"
    assert page_url("http://127.0.0.1:8000", "index.md", "en") == "http://127.0.0.1:8000/en/"
