"""axe-core on every page, both languages, both colour schemes: WCAG 2.1 A and AA rules, no
serious or critical violation. Also the states a reader brings about: the search dialog
with results, the language menu open, a highlighted sentence, the 404 page, the phone's
navigation drawer."""
from __future__ import annotations

import pytest

from browser_site import LANGUAGES, PAGES, PHONE, SCHEMES, describe_violations, goto, page_id, run_axe, search

pytestmark = pytest.mark.browser


@pytest.fixture(params=list(SCHEMES))
def scheme_page(request, make_context):
    """A page whose reader prefers ``light`` or ``dark`` (Material follows the system)."""
    page = make_context(color_scheme=request.param).new_page()
    page.scheme = SCHEMES[request.param]
    return page


def _check(page, what: str, context=None) -> None:
    assert page.get_attribute("body", "data-md-color-scheme") == page.scheme
    violations = run_axe(page, context)
    assert not violations, f"{what} ({page.scheme}): WCAG 2.1 AA violations\n{describe_violations(violations)}"


@pytest.mark.parametrize("path", PAGES, ids=page_id)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_page(scheme_page, server, lang, path):
    goto(scheme_page, server.url(lang, path))
    _check(scheme_page, server.url(lang, path))


@pytest.mark.parametrize(("lang", "query"), [("zh", "暑托班"), ("en", "committees")])
def test_search_dialog_with_results(scheme_page, server, lang, query):
    goto(scheme_page, server.url(lang, "theory/"))
    assert search(scheme_page, query).count() > 0
    dialog = scheme_page.locator(".md-search[role=dialog]")
    assert dialog.get_attribute("aria-label"), "the search dialog has no accessible name"
    _check(scheme_page, f"search for {query}")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_language_switcher_focused(scheme_page, server, lang):
    goto(scheme_page, server.url(lang, "basics/"))
    scheme_page.locator(".md-header .report-languages a").focus()
    _check(scheme_page, "the language switcher, focused", ".md-header")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_highlighted_sentence(scheme_page, server, lang):
    """A sentence highlighted by a link from the statistics page, on each section page: the
    first sentence, and every sentence with a link or emphasis in it (their colours differ)."""
    goto(scheme_page, server.url(lang, "statistics/"))
    hrefs = scheme_page.locator('article a[href*="#fig-"]').evaluate_all("links => links.map(a => a.href)")
    pages: dict[str, list[str]] = {}
    for href in hrefs:
        pages.setdefault(href.split("#")[0], []).append(href.split("#")[1])
    assert len(pages) >= 6
    for url in sorted(pages):
        goto(scheme_page, url)
        marked = scheme_page.locator("span.figure-source:has(a, em, strong, code)").evaluate_all(
            "spans => spans.map(s => s.id)")
        for anchor in dict.fromkeys([pages[url][0], *[m for m in marked if m in pages[url]]]):
            scheme_page.evaluate("hash => { location.hash = hash }", "#" + anchor)
            assert scheme_page.locator("span.figure-source:target").get_attribute("id") == anchor
            _check(scheme_page, f"the highlighted sentence {url}#{anchor}", "span.figure-source:target")


def test_missing_page(scheme_page, server, watch):
    missing = server.root + "en/no-such-page/"
    watch.expect_status(missing, 404)
    goto(scheme_page, missing, status=404)
    _check(scheme_page, "the 404 page")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_phone_navigation_drawer(make_context, server, lang):
    for scheme, value in SCHEMES.items():
        page = make_context(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True).new_page()
        page.scheme = value
        goto(page, server.url(lang, "theory/"))
        page.locator('label.md-header__button[for="__drawer"]').click()
        page.locator(".md-sidebar--primary .md-nav__link").first.wait_for(state="visible")
        _check(page, "the navigation drawer")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_open_figures_panel(scheme_page, server, lang):
    """The section's figures, once the reader opens the panel."""
    goto(scheme_page, server.url(lang, "grassroots/"))
    scheme_page.locator("article details.figures-panel > summary").click()
    assert scheme_page.locator("article details.figures-panel a.figure-value").first.is_visible()
    _check(scheme_page, "the open figures panel", "article details.figures-panel")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_phone_statistics(make_context, server, lang):
    """On a phone the tables are cards and the charts rearrange: both schemes."""
    for scheme, value in SCHEMES.items():
        page = make_context(viewport=PHONE, color_scheme=scheme, is_mobile=True, has_touch=True).new_page()
        page.scheme = value
        goto(page, server.url(lang, "statistics/"))
        _check(page, "the statistics page on a phone")
