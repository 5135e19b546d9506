"""Every page in a real browser: it loads cleanly and fits a phone (languages: test_languages.py)."""
from __future__ import annotations

import pytest

from browser_site import LANGUAGES, PAGES, PHONE, goto, page_id

pytestmark = pytest.mark.browser

EVERY_PAGE = [pytest.param(lang, page, id=f"{lang}-{page_id(page)}") for lang in LANGUAGES for page in PAGES]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_home_page_loads_cleanly(page, server, lang):
    """The home page: right language, Material's script running, nothing fetched elsewhere.

    The ``page`` fixture fails the test on any console error, failed request or request to
    another host.
    """
    goto(page, server.url(lang))
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("article.md-content__inner h1").is_visible()
    # Links into every section of the report.
    for section in PAGES[1:7]:
        assert page.locator(f'article a[href$="{section}"]').count() >= 1, section
    page.wait_for_load_state("networkidle")


def test_site_path_without_slash_redirects(page, server):
    response = page.goto(server.root.rstrip("/"))
    assert response.status == 200 and page.url == server.root


@pytest.mark.parametrize(("lang", "path"), EVERY_PAGE)
def test_phone_has_no_horizontal_page_scroll(make_context, server, lang, path):
    page = make_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    goto(page, server.url(lang, path))
    width = page.evaluate("document.scrollingElement.clientWidth")
    scroll = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll <= width, f"the page scrolls sideways on a phone: {scroll}px of content in {width}px"
    # Wide tables scroll inside their own box, which itself fits the screen.
    boxes = page.evaluate("""() => [...document.querySelectorAll('.figures-table')].map(box => {
        const r = box.getBoundingClientRect();
        return {left: r.left, right: r.right, inner: box.scrollWidth, outer: box.clientWidth,
                overflow: getComputedStyle(box).overflowX};
    })""")
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= width + 0.5, box
        assert box["inner"] <= box["outer"] or box["overflow"] in ("auto", "scroll"), box
    # So do the charts' figures.
    charts = page.evaluate("""() => [...document.querySelectorAll('.figures-chart')]
        .map(figure => figure.getBoundingClientRect().right)""")
    assert all(right <= width + 0.5 for right in charts), charts


CHART_GEOMETRY = """() => [...document.querySelectorAll('.figures-chart svg')].map(svg => {
    const view = svg.viewBox.baseVal, box = svg.getBoundingClientRect();
    const right = Math.max(...[...svg.querySelectorAll('text')].map(t => { const b = t.getBBox(); return b.x + b.width; }));
    const size = parseFloat(getComputedStyle(svg.querySelector('text')).fontSize);
    return {id: svg.querySelector('title').id, view: view.width, right, shown: size * box.width / view.width};
})"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_charts_fit_their_drawing_and_stay_readable_on_a_phone(make_context, server, lang):
    page = make_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    goto(page, server.url(lang, "statistics/"))
    charts = page.evaluate(CHART_GEOMETRY)
    assert len(charts) >= 10
    overflowing = [c for c in charts if c["right"] > c["view"]]
    assert not overflowing, f"chart text runs past the drawing's right edge: {overflowing}"
    tiny = [c for c in charts if c["shown"] < 11]
    assert not tiny, f"chart text under 11px on a phone: {tiny}"


def test_the_watch_catches_what_it_should(page, server, watch):
    """The guard every test relies on: other hosts, console errors, failed requests."""
    goto(page, server.url("en"))
    page.evaluate("""async () => {
        await fetch('https://example.org/tracker.js').catch(() => null);
        await fetch('missing.json').catch(() => null);
        console.error('boom');
    }""")
    page.wait_for_timeout(200)
    problems = "\n".join(watch.problems())
    assert "request to another host: GET https://example.org/tracker.js" in problems
    assert f"failed request: GET {server.url('en')}missing.json: HTTP 404" in problems
    assert "console error: boom" in problems
    watch.foreign.clear(), watch.console.clear(), watch.failed.clear()
