"""Every page in a real browser: it loads cleanly and fits a phone (languages: test_languages.py)."""
from __future__ import annotations

import pytest

from browser_site import LANGUAGES, PAGES, PHONE, goto, page_id, wait_for_search

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
    wait_for_search(page)  # the last request, the search index, answered too


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
    # Tables and charts fit the screen, and nothing inside them is clipped.
    boxes = page.evaluate("""() => [...document.querySelectorAll(
            '.figures-table, .figures-chart, .figures-key, .figures-panel')].map(box => {
        const r = box.getBoundingClientRect();
        return {what: box.className, left: r.left, right: r.right, inner: box.scrollWidth, outer: box.clientWidth};
    })""")
    for box in boxes:
        assert box["left"] >= 0 and box["right"] <= width + 0.5, box
        assert box["inner"] <= box["outer"] + 0.5, f"clipped or scrolling inside: {box}"


CELLS = """() => [...document.querySelectorAll('.figures-table th, .figures-table td')]
    .filter(cell => cell.getClientRects().length && cell.innerText.trim().length >= 2)
    .map(cell => {
        const style = getComputedStyle(cell), range = document.createRange(), em = parseFloat(style.fontSize);
        range.selectNodeContents(cell);
        // lines of text, from the text's own boxes: a marker's border box (small, padded) sits
        // on the same line at another height, depending on the font
        const middles = [], walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const text = document.createRange();
            text.selectNodeContents(walker.currentNode);
            for (const r of text.getClientRects()) if (r.width > 0) middles.push((r.top + r.bottom) / 2);
        }
        middles.sort((a, b) => a - b);
        let lines = 0, last = -Infinity;
        for (const middle of middles) if (middle - last > em / 2) { lines++; last = middle; }
        return {text: cell.innerText.trim().slice(0, 20), width: range.getBoundingClientRect().width,
                em, chars: [...cell.innerText.trim()].length, lines,
                unit: cell === cell.parentElement.lastElementChild, box: cell.getBoundingClientRect().width,
                card: cell.parentElement.getBoundingClientRect().width};
    })"""


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_phone_tables_never_squeeze_text_to_a_character_a_line(make_context, server, lang):
    """On a phone each row is a card: what is counted on one line, the value and unit on the
    next. No cell is so narrow that it breaks its text a character at a time."""
    page = make_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    goto(page, server.url(lang, "statistics/"))
    cells = page.evaluate(CELLS)
    assert len(cells) > 100
    squeezed = [c for c in cells if c["lines"] >= c["chars"] or c["width"] < 2 * c["em"] and c["lines"] > 1]
    assert not squeezed, squeezed[:5]
    # a unit wraps only where a whole line of the card cannot hold it, never in a column of its own
    narrow = [c for c in cells if c["unit"] and c["lines"] > 1 and c["box"] < 0.9 * c["card"]]
    assert not narrow, narrow[:5]
    # a card: what is counted above, the value and unit under it
    label, value = page.locator(".figures-table tr").nth(3).locator("th, td").evaluate_all(
        "cells => cells.slice(0, 2).map(c => c.getBoundingClientRect().top)")
    assert value > label


BARS = """() => [...document.querySelectorAll('.figures-chart')].map(chart => ({
    id: chart.id,
    rows: [...chart.querySelectorAll('.figures-chart__row[data-metric]')].map(row => {
        const track = row.querySelector('.figures-chart__track'), bar = row.querySelector('.figures-chart__bar');
        const value = row.querySelector('.figures-chart__value'), style = getComputedStyle(track);
        const t = track.getBoundingClientRect(), b = bar.getBoundingClientRect(), v = value.getBoundingClientRect();
        const content = t.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return {metric: row.dataset.metric, style: [...row.classList].find(c => c.includes('--')),
                track: content, bar: b.width, barRight: b.right, trackRight: t.right,
                valueLeft: v.left, valueRight: v.right, valueClipped: value.scrollWidth > value.clientWidth + 0.5,
                chartRight: chart.getBoundingClientRect().right,
                after: getComputedStyle(bar, '::after').borderTopStyle,
                fill: getComputedStyle(bar).backgroundImage};
    })}))"""


@pytest.mark.parametrize("device", ["desktop", "phone"])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_charts_compare_on_one_scale_and_fit_any_screen(make_context, server, site, lang, device):
    """Bars are CSS widths on one scale from zero; labels and values are HTML that wraps, so
    nothing depends on the fonts a machine has."""
    import json

    values = {m["id"]: m["value"] for m in json.loads((site / "data/metrics.json").read_text(encoding="utf-8"))["metrics"]}
    options = {"viewport": PHONE, "is_mobile": True, "has_touch": True} if device == "phone" else {}
    page = make_context(**options).new_page()
    goto(page, server.url(lang, "statistics/"))
    charts = page.evaluate(BARS)
    assert len(charts) >= 2
    for chart in charts:
        rows = chart["rows"]
        assert len(rows) >= 2, chart["id"]
        assert max(r["track"] for r in rows) - min(r["track"] for r in rows) < 0.5, (chart["id"], rows)
        top = max(values[r["metric"]] for r in rows)
        for r in rows:
            assert abs(r["bar"] - r["track"] * values[r["metric"]] / top) <= 2.5, (chart["id"], r)
            assert r["barRight"] <= r["trackRight"] + 0.5 and r["valueRight"] <= r["chartRight"] + 0.5, r
            assert r["valueLeft"] >= r["trackRight"] - 0.5 and not r["valueClipped"], r


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_lower_bound_is_drawn_unlike_an_exact_figure(page, server, lang):
    goto(page, server.url(lang, "statistics/"))
    rows = [r for chart in page.evaluate(BARS) for r in chart["rows"]]
    exact = [r for r in rows if r["style"].endswith("--exact")]
    over = [r for r in rows if r["style"].endswith("--over")]
    assert exact and over
    assert all(r["after"] == "dashed" for r in over), over   # the bar runs on, open-ended
    assert all(r["after"] in ("none", "") for r in exact), exact
    # the chart says what the open end means
    assert page.locator(".figures-chart--open .figures-chart__key li").count() >= 2


@pytest.mark.parametrize("section", PAGES[1:7])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_section_starts_with_its_text_on_a_phone(make_context, server, lang, section):
    """The figures panel is closed under the title: the first paragraph starts within about a
    screen and a half, and the panel still links every figure to its sentence."""
    page = make_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    goto(page, server.url(lang, section))
    first = page.evaluate("""() => {
        const p = [...document.querySelectorAll('article > p')][0];
        return p.getBoundingClientRect().top + scrollY;
    }""")
    assert first <= 1.5 * PHONE["height"], first
    panel = page.locator("article details.figures-panel")
    assert panel.count() == 1 and panel.get_attribute("open") is None
    targets = panel.locator("a.figure-value").evaluate_all("links => links.map(a => a.hash.slice(1))")
    ids = set(page.locator("span.figure-source").evaluate_all("spans => spans.map(s => s.id)"))
    assert targets and set(targets) <= ids
    panel.locator("summary").click()
    assert panel.locator("a.figure-value").first.is_visible()


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_statistics_page_is_a_few_screens_long(make_context, server, lang):
    """A few screens, not thirty: measured with this machine's fonts (DejaVu Sans, among the
    widest; narrower fonts give shorter pages)."""
    heights = {}
    for device, options in (("desktop", {}), ("phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True})):
        page = make_context(**options).new_page()
        goto(page, server.url(lang, "statistics/"))
        heights[device] = page.evaluate("document.scrollingElement.scrollHeight")
    assert heights["desktop"] <= 6000 and heights["phone"] <= 14000, heights


def test_the_watch_catches_what_it_should(page, server, watch):
    """The guard every test relies on: other hosts, console errors, failed requests."""
    goto(page, server.url("en"))
    # The events reach the watch before the test's own waiters (registered after it).
    with page.expect_event("requestfailed", lambda r: r.url.endswith("/tracker.js")), \
            page.expect_response(lambda r: r.url.endswith("/missing.json")), \
            page.expect_console_message(lambda m: m.text == "boom"):
        page.evaluate("""async () => {
            await fetch('https://example.org/tracker.js').catch(() => null);
            await fetch('missing.json').catch(() => null);
            console.error('boom');
        }""")
    problems = "\n".join(watch.problems())
    assert "request to another host: GET https://example.org/tracker.js" in problems
    assert f"failed request: GET {server.url('en')}missing.json: HTTP 404" in problems
    assert "console error: boom" in problems
    watch.foreign.clear(), watch.console.clear(), watch.failed.clear()
