"""The report's type, as the browser computes it: Chinese pages start with the Chinese fonts, so
that the digits and punctuation among the Hanzi come from the same font; English pages with the
Latin system fonts, the Chinese fonts after them for their Chinese (docs/stylesheets/report.css).
Which of them a machine has varies: the order is what the site decides."""
from __future__ import annotations

import pytest

from browser_site import goto

pytestmark = pytest.mark.browser

# The stacks the style sheet promises, in order.
CJK = ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
       "WenQuanYi Micro Hei"]
LATIN = ["-apple-system", "BlinkMacSystemFont", "Segoe UI", "Helvetica Neue", "Helvetica", "Arial"]
# Where readers meet text: the article, the header's title, the search box, the navigation.
PLACES = ["article.md-content__inner", ".md-header__title", "input.md-search__input", ".md-nav__link"]

FAMILIES = """selector => getComputedStyle(document.querySelector(selector)).fontFamily
    .split(',').map(f => f.trim().replace(/^["']|["']$/g, ''))"""


def _families(page, selector: str) -> list[str]:
    return page.evaluate(FAMILIES, selector)


@pytest.mark.parametrize("path", ["", "theory/", "statistics/", "glossary/"])
def test_chinese_pages_start_with_the_chinese_fonts(page, server, path):
    goto(page, server.url("zh", path))
    for place in PLACES:
        families = _families(page, place)
        assert families[:len(CJK)] == CJK, f"{place}: {families}"
        assert families[len(CJK):len(CJK) + len(LATIN)] == LATIN and families[-1] == "sans-serif", families


@pytest.mark.parametrize("path", ["", "theory/", "glossary/"])
def test_english_pages_start_with_the_latin_fonts_then_the_chinese(page, server, path):
    goto(page, server.url("en", path))
    for place in PLACES:
        families = _families(page, place)
        assert families[:len(LATIN) + len(CJK)] == LATIN + CJK and families[-1] == "sans-serif", f"{place}: {families}"

