"""Search through the real search box: each language finds its own pages, the query sets of
tests/search/queries.yml score as the issue asks, queries as readers type them work, results
are clean to read and copy, and a result opens its match."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from browser_site import ROOT, goto, result_hrefs, search, until

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load((ROOT / "tests/search/queries.yml").read_text(encoding="utf-8"))
NOT_CONTENT = {"", "statistics/", "glossary/"}
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")

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


@pytest.mark.parametrize(("lang", "query", "expected"), [("zh", "暑托班", "grassroots/"),
                                                      ("en", "couriers", "grassroots/")])
def test_a_pasted_query_lists_its_pages_without_a_key_press(page, server, lang, query, expected):
    """A query pasted from a phone's menu sends an input event and no keyup, on which alone
    Material searches: search-query.js passes the input on."""
    goto(page, server.url(lang, "basics/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)  # an input event, no key
    first = page.locator(".md-search-result__list > li.md-search-result__item a").first
    first.wait_for()
    paths = _pages(result_hrefs(page.locator(".md-search-result__list a.md-search-result__link")))
    assert server.root_path + ("en/" if lang == "en" else "") + expected in paths, sorted(paths)


def test_a_query_committed_by_an_input_method_lists_its_pages(page, server):
    """A Chinese input method: the text arrives in "composing" input events, then the
    composition ends; no keyup (a candidate tapped on a phone)."""
    goto(page, server.url("zh", "basics/"))
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("xyzzyq")  # once this finds nothing, the index is loaded: what follows is searched at once, or never
    expect(page.locator(".md-search-result__meta")).to_contain_text("没有")
    box.evaluate("""(box) => {
        box.dispatchEvent(new CompositionEvent("compositionstart", {data: ""}));
        for (const text of ["shu", "暑托", "暑托班"]) {
            box.value = text;
            box.dispatchEvent(new InputEvent("input", {data: text, isComposing: true, inputType: "insertCompositionText"}));
        }
        box.dispatchEvent(new CompositionEvent("compositionend", {data: "暑托班"}));
    }""")
    first = page.locator(".md-search-result__list > li.md-search-result__item a").first
    first.wait_for()
    paths = _pages(result_hrefs(page.locator(".md-search-result__list a.md-search-result__link")))
    assert server.root_path + "grassroots/" in paths, sorted(paths)


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
        until(page, """id => {
            const r = document.getElementById(decodeURIComponent(id)).getBoundingClientRect();
            return r.top >= 0 && r.top < innerHeight;
        }""", fragment, what=f"#{fragment} is scrolled into view")
    # search.highlight marks the words on the page it opens (the visible ones: a mark may also
    # fall in the section's closed figures panel), once the page has loaded its search index.
    marks = page.locator("article mark[data-md-highlight]:visible")
    until(page, """() => [...document.querySelectorAll('article mark[data-md-highlight]')]
        .some(m => m.checkVisibility())""", what="the searched words are highlighted on the page")
    assert text.lower() in marks.first.inner_text().lower()


# --- the query sets, through the search box ---------------------------------------------------

def listed_pages(page, server, lang: str) -> list[str]:
    """The pages the results list, best first, as paths under the language's root."""
    root = server.root_path + ("en/" if lang == "en" else "")
    hrefs = page.locator(".md-search-result__list > li").evaluate_all(
        "items => items.map(li => li.querySelector('a').href)")
    return [urlsplit(href).path[len(root):] for href in hrefs]


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def _found(lang: str) -> dict[str, list[str]]:
    out = {}
    for item in QUERIES[lang]["found"]:
        query, holds = (item["query"], item["holds"]) if isinstance(item, dict) else (str(item), [str(item)])
        out[str(query)] = [str(h) for h in holds]
    return out


def _page_text(page, url: str) -> str:
    goto(page, url)
    return _normal(page.locator("article").inner_text())


@pytest.mark.parametrize(("lang", "required"), [("zh", 0.97), ("en", 0.95)])
def test_the_query_set_finds_pages_that_hold_each_term(page, server, lang, required):
    """Right: the first content page listed holds the term. The issue asks for 97 % (zh) and
    95 % (en); absent terms must list nothing."""
    texts = {p: _page_text(page, server.url(lang, p))
             for p in ("basics/", "theory/", "central-tasks/", "grassroots/", "cadres/", "integrity/")}
    goto(page, server.url(lang, "theory/"))
    wrong = []
    found = _found(lang)
    for query, holds in found.items():
        search(page, query)
        content = [p for p in listed_pages(page, server, lang) if p not in NOT_CONTENT]
        if not content or not any(_normal(h) in texts.get(content[0], "") for h in holds):
            wrong.append(f"{query} → {listed_pages(page, server, lang)[:4]}")
    listed = {}
    for query in QUERIES[lang]["absent"]:
        pages = listed_pages(page, server, lang) if search(page, str(query)).count() else []
        if pages:
            listed[str(query)] = pages
    rate = 1 - len(wrong) / len(found)
    print(f"{lang}: {len(found) - len(wrong)}/{len(found)} right ({rate:.1%}), "
          f"{len(listed)}/{len(QUERIES[lang]['absent'])} absent terms listed")
    assert rate >= required, "\n".join(wrong)
    assert not listed, listed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_queries_as_readers_type_them_find_what_the_plain_query_finds(page, server, lang):
    goto(page, server.url(lang, "basics/"))
    for typed, plain in QUERIES[lang]["typed"].items():
        search(page, str(plain))
        expected = listed_pages(page, server, lang)
        search(page, str(typed))
        assert listed_pages(page, server, lang) == expected != [], (typed, plain)
        # the box keeps what the reader typed
        assert page.locator("input.md-search__input").input_value() == str(typed)


# Records, as Material creates its search worker, whether search-query.js has already wrapped
# the worker's postMessage (the page's own scripts come after this).
RECORD_WORKERS = """(() => {
    const native = Worker.prototype.postMessage, Real = window.Worker;
    window.preparedWorkers = [];
    window.Worker = function (...args) {
        window.preparedWorkers.push(Worker.prototype.postMessage !== native);
        return new Real(...args);
    };
    window.Worker.prototype = Real.prototype;
})()"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_queries_are_prepared_before_materials_worker_starts(context, server, lang):
    """search-query.js reads the index's settings as Material posts the index to its worker,
    and prepares every query with them: it must wrap the worker before Material creates it.
    Loaded after Material's bundle, it missed the index whenever the index came first (a busy
    machine, a cached index), and traditional characters found nothing."""
    context.add_init_script(RECORD_WORKERS)
    page = context.new_page()
    goto(page, server.url(lang, "basics/"))
    until(page, "() => window.preparedWorkers.length > 0", what="Material created its search worker")
    assert page.evaluate("window.preparedWorkers") == [True], "search-query.js ran after Material's bundle"
    query, expected = ("團市委", "basics/") if lang == "zh" else ("1,440", "theory/")  # traditional; grouped digits
    search(page, query)
    assert expected in listed_pages(page, server, lang)


def test_the_404_page_searches_with_the_same_preparation(page, server, watch):
    missing = server.root + "no-such-page/"
    watch.expect_status(missing, 404)
    goto(page, missing, status=404)
    search(page, "團市委")
    assert "basics/" in listed_pages(page, server, "zh")


@pytest.mark.parametrize(("lang", "query"), [("zh", "暑托班"), ("zh", "青年突击队"), ("en", "Youth Federation"),
                                             ("en", "couriers")])
def test_results_are_marked_and_clean_to_copy(page, server, lang, query):
    goto(page, server.url(lang, "basics/"))
    links = search(page, query)
    assert links.count() >= 1
    text = page.locator(".md-search-result").evaluate("r => r.textContent")
    assert not INVISIBLE.search(text), repr(INVISIBLE.search(text).group())
    marks = page.locator(".md-search-result__list mark").evaluate_all("ms => ms.map(m => m.textContent)")
    words = [w.lower() for w in query.split()]
    assert marks and all(any(w in m.lower() for w in words) for m in marks), [m for m in marks if not any(w in m.lower() for w in words)]
    for href in result_hrefs(links):
        terms = parse_qs(urlsplit(href).query, keep_blank_values=True).get("h", [])
        assert all(t.strip() for t in terms), f"empty ?h= in {href}"
        assert not any(t.startswith("_") or " _" in t for t in terms), f"a word pair in {href}"
    missing = page.locator(".md-search-result__terms del").evaluate_all("ds => ds.map(d => d.textContent)")
    assert not [m for m in missing if m.startswith("_")], missing
    # As Material shows what it marks: at most two blocks of a text, those with a mark.
    blocks = page.locator(".md-search-result__article").evaluate_all("""articles => articles.map(a =>
        [...a.children].filter(c => !c.matches('h1, h2, nav, .md-search-result__icon, .md-search-result__terms'))
            .map(c => !!c.querySelector('mark')))""")
    for shown in blocks:
        if any(shown):
            assert len(shown) <= 2 and all(shown), blocks


def test_a_glossary_row_result_opens_its_row(page, server):
    goto(page, server.url("zh", "basics/"))
    links = search(page, "追光小屋")
    hrefs = result_hrefs(links)
    rows = [i for i, href in enumerate(hrefs) if "#term-" in href]
    assert rows, hrefs
    link = links.nth(rows[0])
    if not link.is_visible():
        link.locator("xpath=ancestor::details[1]/summary").click()
    with page.expect_navigation():
        link.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")
    row = page.locator("tr:target")
    assert row.count() == 1 and "追光小屋" in row.inner_text()
