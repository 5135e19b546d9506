"""Search in each language finds that language's pages only, and a result opens its match."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_site import goto, result_hrefs, search

pytestmark = pytest.mark.browser

# query -> a page that must be among the results (path under the language's root)
CHINESE = {
    "暑托班": "grassroots/",
    "青年文明号": "central-tasks/",
    "整改措施": "theory/",
}
ENGLISH = {
    "lecture": "theory/",
    "teams": "theory/",
    "committee": "basics/",
    "couriers": "grassroots/",
    # Plural and singular find each other (hooks/search/variants.py).
    "committees": "basics/",
    "courier": "grassroots/",
    "lectures": "theory/",
}


def test_a_word_in_neither_language_finds_nothing(page, server):
    goto(page, server.url("en", "theory/"))
    assert search(page, "xyzzyq").count() == 0


def _pages(hrefs: list[str]) -> set[str]:
    return {urlsplit(href).path for href in hrefs}


@pytest.mark.parametrize("query", list(CHINESE))
def test_chinese_search_lists_chinese_pages_only(page, server, query):
    goto(page, server.url("zh", "basics/"))
    hrefs = result_hrefs(search(page, query))
    assert hrefs, f"no result for {query}"
    paths = _pages(hrefs)
    english = [p for p in paths if p.startswith(server.root_path + "en/")]
    assert not english, f"{query}: English pages among the Chinese results: {english}"
    assert all(href.startswith(server.root) for href in hrefs), hrefs
    assert server.root_path + CHINESE[query] in paths, f"{query}: {sorted(paths)}"


@pytest.mark.parametrize("query", list(ENGLISH))
def test_english_search_lists_english_pages_only(page, server, query):
    goto(page, server.url("en", "basics/"))
    hrefs = result_hrefs(search(page, query))
    assert hrefs, f"no result for {query}"
    paths = _pages(hrefs)
    not_english = [p for p in paths if not p.startswith(server.root_path + "en/")]
    assert not not_english, f"{query}: pages outside /en/ among the English results: {not_english}"
    assert server.root_path + "en/" + ENGLISH[query] in paths, f"{query}: {sorted(paths)}"


@pytest.mark.parametrize(("lang", "query", "expected", "text"), [
    pytest.param("zh", "暑托班", "grassroots/", "暑托班", id="zh"),
    pytest.param("en", "couriers", "grassroots/", "couriers", id="en"),
])
def test_clicking_a_result_opens_the_match(page, server, lang, query, expected, text):
    goto(page, server.url(lang))
    links = search(page, query)
    target = server.url(lang, expected)
    # The most specific result on the expected page: a numbered item of its text if there is
    # one, else any section of it, else the page.
    hrefs = result_hrefs(links)
    candidates = [i for i, href in enumerate(hrefs) if href.split("?")[0].split("#")[0] == target]
    assert candidates, f"{query}: {target} not among {hrefs}"
    index = max(candidates, key=lambda i: ("#item-" in hrefs[i], "#" in hrefs[i]))
    chosen = hrefs[index]
    link = links.nth(index)
    if not link.is_visible():
        # Material folds a page's further matches under "N more on this page": unfold them.
        link.locator("xpath=ancestor::details[1]/summary").click()
    with page.expect_navigation():
        link.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")
    url = urlsplit(page.url)
    assert f"{url.scheme}://{url.netloc}{url.path}" == target
    fragment = urlsplit(chosen).fragment
    assert url.fragment == fragment
    if fragment:
        # The anchor exists, and its part of the page holds the words searched for.
        section = page.evaluate("""id => {
            const start = document.getElementById(decodeURIComponent(id));
            if (!start) return null;
            let text = start.textContent, el = start.nextElementSibling;
            while (el && !/^H[1-6]$/.test(el.tagName)) { text += el.textContent; el = el.nextElementSibling; }
            return text;
        }""", fragment)
        assert section is not None, f"no element with id {fragment!r}"
        assert text.lower() in section.lower(), f"{text!r} is not in section #{fragment}"
        in_view = page.evaluate("""id => {
            const r = document.getElementById(decodeURIComponent(id)).getBoundingClientRect();
            return r.top >= 0 && r.top < innerHeight;
        }""", fragment)
        assert in_view, f"#{fragment} is not scrolled into view"
    # search.highlight marks the words on the page it opens (the visible ones: a mark may also
    # fall in the section's closed figures panel).
    marks = page.locator("article mark[data-md-highlight]:visible")
    assert marks.count() >= 1, "the searched words are not highlighted on the page"
    assert text.lower() in marks.first.inner_text().lower()
