"""What the browser tests share: the site's pages, the viewports, and page helpers.

A plain module (not conftest.py) so the test modules can import it for parametrize.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from support import SITE_PATH, real_nav  # noqa: F401  SITE_PATH: the path the site is built for (/report-2023/)

ROOT = Path(__file__).resolve().parents[2]

OUTPUT = ROOT / "test-output"          # git-ignored
SCREENSHOTS = OUTPUT / "screenshots"

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Every page of the site's navigation, in its order, by its path under a language's root
# ("" is the home page): from mkdocs.yml, so that a new page is tested as soon as it is added.
PAGES = ["" if page == "index.md" else page.removesuffix(".md") + "/" for page in real_nav()]
LANGUAGES = {"zh": "", "en": "en/"}
OTHER = {"zh": "en", "en": "zh"}
SCHEMES = {"light": "default", "dark": "slate"}   # prefers-color-scheme -> data-md-color-scheme

# axe-core: WCAG 2.0 and 2.1, levels A and AA; a serious or critical violation fails.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_FAILING_IMPACTS = {"serious", "critical"}


def page_id(page: str) -> str:
    return page.strip("/") or "home"


def page_path(lang: str, page: str = "") -> str:
    """The path of ``page`` in ``lang`` under the site's root: ``en/theory/``."""
    return LANGUAGES[lang] + page


def goto(page, url: str, *, status: int = 200):
    """Open ``url``, wait for Material's script to have run, and check the response status."""
    response = page.goto(url, wait_until="load")
    assert response is not None, f"no response for {url}"
    assert response.status == status, f"{url}: HTTP {response.status}, expected {status}"
    # Material's bundle swaps the "no-js" class for "js" once it runs.
    page.wait_for_function("document.documentElement.classList.contains('js')")
    return response


def settle(page) -> None:
    """Wait for running CSS transitions and animations (the search dialog fades in): colours
    read halfway through a fade are not the page's."""
    page.evaluate("""() => Promise.all(document.getAnimations()
        .filter(a => a.effect && a.effect.getTiming().iterations !== Infinity)
        .map(a => a.finished.catch(() => null)))""")


def run_axe(page, context: dict | str | None = None) -> list[dict]:
    """axe-core's WCAG 2.1 A/AA violations on the page, serious or critical only."""
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, context=context, options=options)
    return [v for v in results.response["violations"] if v.get("impact") in AXE_FAILING_IMPACTS]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} "
                     f"[{len(violation['nodes'])} element(s)]")
        for node in violation["nodes"][:6]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


# Material's search, waited for by what it shows, never for a time. Before its worker has the
# index the results say "initialising"; once it has, Material searches the box's text (empty:
# the results invite a query) and then every query typed, answering them in order.
SEARCH_IDLE = """() => {
    const placeholder = JSON.parse(document.getElementById('__config').textContent)
        .translations['search.result.placeholder'];
    return !document.querySelector('.md-search-result__list > li')
        && document.querySelector('.md-search-result__meta').textContent.trim() === placeholder;
}"""
SEARCH_ANSWERED = """() => {
    const none = JSON.parse(document.getElementById('__config').textContent)
        .translations['search.result.none'];
    return document.querySelector('.md-search-result__list > li.md-search-result__item')
        || document.querySelector('.md-search-result__meta').textContent.trim() === none;
}"""


def wait_for_search(page) -> None:
    """Wait until Material's search worker has its index and no query is outstanding (the page's
    last request, the index, is done)."""
    page.wait_for_function(SEARCH_IDLE)


def search(page, query: str):
    """Type ``query`` into Material's search box and wait for its results; return the links.

    The box is emptied first, and its answer waited for: the worker then has its index and
    nothing outstanding, so the next answer is this query's (an earlier answer arriving late
    would otherwise be read as this one's). Material searches on keyup: fill the box, then send
    the event.
    """
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.dispatch_event("keyup")
    wait_for_search(page)
    box.fill(query)
    box.dispatch_event("keyup")
    # Results, or Material's "no matching documents" (its own words, per language).
    page.wait_for_function(SEARCH_ANSWERED)
    return page.locator(".md-search-result__list a.md-search-result__link")


def until(page, condition: str, arg=None, *, what: str) -> None:
    """Wait for the JavaScript function ``condition`` to hold; fail saying ``what`` if it never
    does (within the context's timeout)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(condition, arg=arg)
    except PlaywrightTimeout:
        raise AssertionError(f"it never came to pass that {what}") from None


def result_hrefs(links) -> list[str]:
    """Absolute addresses of search result links."""
    return links.evaluate_all("links => links.map(a => a.href)")
