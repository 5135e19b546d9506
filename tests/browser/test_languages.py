"""Reading in two languages: a switcher that keeps the reader's place, addresses that stay where
the reader clicked, chrome in the page's language, and a 404 page in the reader's language."""
from __future__ import annotations

import re

import pytest

from browser_site import DESKTOP, LANGUAGES, OTHER, PAGES, PHONE, goto, page_id, wait_for_search

pytestmark = pytest.mark.browser

EVERY_PAGE = [pytest.param(lang, page, id=f"{lang}-{page_id(page)}") for lang in LANGUAGES for page in PAGES]
HAN = re.compile(r"[\u3400-\u9fff]")


def switch(page, lang: str):
    """Follow the header's link to the other language; return the address it lands on."""
    link = page.locator(f'.md-header .report-languages a[hreflang="{OTHER[lang]}"]')
    assert link.is_visible(), "the other language is one tap away, in the header"
    with page.expect_navigation():
        link.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")
    return page.url


@pytest.mark.parametrize(("lang", "path"), EVERY_PAGE)
def test_the_switcher_names_both_languages_marks_this_one_and_opens_the_same_page(page, server, lang, path):
    goto(page, server.url(lang, path))
    switcher = page.locator(".md-header .report-languages")
    assert switcher.inner_text().split() == ["中文", "English"]
    current = switcher.locator('[aria-current="true"]')
    assert current.get_attribute("lang") == lang
    assert switch(page, lang) == server.url(OTHER[lang], path)
    assert page.get_attribute("html", "lang") == OTHER[lang]
    assert switch(page, OTHER[lang]) == server.url(lang, path)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_switching_keeps_the_readers_place_and_back(make_context, server, device):
    viewport = DESKTOP if device == "desktop" else PHONE
    page = make_context(viewport=viewport, is_mobile=device == "phone", has_touch=device == "phone").new_page()
    goto(page, server.url("zh", "grassroots/#item-3"))
    assert switch(page, "zh") == server.url("en", "grassroots/#item-3")
    target = page.locator("#item-3")
    page.wait_for_function("document.querySelector('#item-3').getBoundingClientRect().top < innerHeight")
    assert "(3)" in target.inner_text()
    assert switch(page, "en") == server.url("zh", "grassroots/#item-3")
    assert "(三)" in page.locator("#item-3").inner_text()


def test_a_link_opened_in_a_new_tab_keeps_the_readers_place_too(page, server):
    """A middle click, or the context menu's "open in new tab": the link carries the anchor
    before the browser reads it."""
    goto(page, server.url("zh", "grassroots/#item-3"))
    link = page.locator("header a[data-report-switch]").first
    for event in ("auxclick", "contextmenu"):
        link.evaluate("a => a.href = a.href.split('#')[0]")
        link.dispatch_event(event, {"button": 1 if event == "auxclick" else 2})
        assert link.evaluate("a => a.href") == server.url("en", "grassroots/#item-3"), event


def _scroll(page, by: int) -> None:
    """Scroll with the mouse wheel, and wait until the page has stopped scrolling."""
    page.evaluate("() => { window.scrolled = new Promise(done => addEventListener('scrollend', done, {once: true})); }")
    page.mouse.wheel(0, by)
    page.evaluate("window.scrolled")


def test_a_figure_address_stays_in_the_url_after_scrolling(page, server):
    goto(page, server.url("zh", "theory/#fig-lecture-teams"))
    # Material rewrites the address as the reader scrolls only with navigation.tracking, and
    # then 250 ms after the scrolling stops: a test cannot wait for something not to happen,
    # so it reads the switch, and checks the address once the scrolling has stopped.
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    assert "navigation.tracking" not in features and "navigation.instant" not in features, features
    for by in (1500, -700):
        _scroll(page, by)
        assert page.url.endswith("#fig-lecture-teams")
    # … and it survives the switch, to the same sentence in English
    assert switch(page, "zh") == server.url("en", "theory/#fig-lecture-teams")
    assert "1,440" in page.locator("#fig-lecture-teams").inner_text()


@pytest.mark.parametrize("path", ["theory/", ""])
def test_english_pages_say_they_are_a_translation_and_link_to_the_chinese(page, server, path):
    goto(page, server.url("en", path))
    notice = page.locator("article .report-translation")
    assert "The Chinese text is the official version" in notice.inner_text()
    assert notice.locator("a").evaluate("a => a.href") == server.url("zh", path)
    goto(page, server.url("zh", path))
    assert page.locator("article .report-translation").count() == 0


# Every string a reader sees or hears around the report's text, in the page's language.
CHROME = """() => {
    const seen = [];
    const visible = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
        return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.height > 0; };
    const article = document.querySelector('article.md-content__inner');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.trim();
        const owner = n.parentElement;
        if (!text || owner.closest('script, style, template, .md-search-result') ) continue;
        if (article && article.contains(owner) && !owner.closest('.md-source-file, .report-translation')) continue;
        if (visible(owner)) seen.push(['text', text, owner.outerHTML.slice(0, 80)]);
    }
    for (const e of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
        if (article && article.contains(e) && !e.closest('.headerlink')) continue;
        for (const a of ['title', 'aria-label', 'placeholder'])
            if (e.getAttribute(a)) seen.push([a, e.getAttribute(a).trim(), e.outerHTML.slice(0, 80)]);
    }
    return seen;
}"""
# What may be in the other language, and why.
EXCEPTIONS = {
    "zh": {"English", "EN"},   # the switcher names the other language in that language
    "en": {"中文"},            # likewise
}
LATIN_ONLY = re.compile(r"^[\d\s.,:;/()%+\-–—·|©]*$")  # dates, numbers, punctuation belong to both


@pytest.mark.parametrize(("lang", "path"), [("zh", ""), ("zh", "theory/"), ("zh", "statistics/"),
                                             ("en", ""), ("en", "theory/"), ("en", "statistics/")])
def test_every_string_of_the_chrome_is_in_the_pages_language(make_context, server, lang, path):
    for viewport in (DESKTOP, PHONE):
        page = make_context(viewport=viewport).new_page()
        goto(page, server.url(lang, path))
        wait_for_search(page)  # the search's words too, once it is ready
        wrong = []
        for kind, text, where in page.evaluate(CHROME):
            if text in EXCEPTIONS[lang] or LATIN_ONLY.match(text):
                continue
            chinese = bool(HAN.search(text))
            if (lang == "zh") != chinese:
                wrong.append(f"{kind} {text!r} in {where}")
        assert not wrong, f"{lang} page {path or 'home'} ({viewport['width']}px):\n  " + "\n  ".join(wrong)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_missing_page_answers_in_the_readers_language_with_its_search(page, server, watch, lang):
    missing = server.url(lang, "no-such-page/")
    watch.expect_status(missing, 404)
    page.goto(missing, wait_until="load")
    page.wait_for_function("document.documentElement.classList.contains('js')")
    assert page.get_attribute("html", "lang") == lang
    heading = page.locator("article h1").inner_text()
    assert "404" in heading and (("页面不存在" in heading) if lang == "zh" else ("Page not found" in heading))
    # The stylesheet and script load from the site's root, whatever the missing path's depth.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    base = page.evaluate("JSON.parse(document.getElementById('__config').textContent).base")
    expected = server.root_path + ("en/" if lang == "en" else "")
    assert base.rstrip("/") + "/" == expected, "the search of this page's language"
    home = page.locator("article a").first.evaluate("a => a.href")
    assert home == server.url(lang)
    wait_for_search(page)  # its index loaded too (the page's watch fails on any failed request)
