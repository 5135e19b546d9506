"""axe-core on every page, both languages, both colour schemes: WCAG 2.1 A and AA rules, no
serious or critical violation. Also the states a reader brings about: the search dialog
with results, the language menu open, a highlighted sentence, the 404 page, the phone's
navigation drawer."""
from __future__ import annotations

import unicodedata

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


# --- label in name (WCAG 2.5.3) ---------------------------------------------------------------

# Every control a reader can see, with the text it shows: its text nodes that are drawn, less
# those clipped to a pixel for screen readers only; for a text box, its value or placeholder,
# for a button input its value.
# Each is tagged so that its node can be found in Chromium's accessibility tree.
SHOWN_LABELS = """() => {
    const hidden = el => {
        for (let e = el; e; e = e.parentElement) {
            const s = getComputedStyle(e);
            if (s.clipPath.startsWith('inset(50%') || s.clip === 'rect(0px, 0px, 0px, 0px)') return true;
            if (s.overflow !== 'visible' && (e.clientWidth <= 1 || e.clientHeight <= 1)) return true;
        }
        return false;
    };
    const controls = document.querySelectorAll('a[href], button, input, select, textarea, summary, '
        + '[role=button], [role=link], [role=tab], [role=checkbox], [role=switch], [role=menuitem]');
    return [...controls].filter(c => c.checkVisibility({visibilityProperty: true}) && !hidden(c)).map((control, i) => {
        control.setAttribute('data-label-check', i);
        let shown = [];
        if (control.matches('textarea, input:is([type=text], [type=search], [type=email], [type=url], [type=tel], :not([type]))'))
            shown = [control.value || control.placeholder || ''];
        else if (control.matches('input:is([type=submit], [type=button], [type=reset])')) shown = [control.value];
        const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(n);
            const drawn = [...range.getClientRects()].some(r => r.width > 0 && r.height > 0);
            if (n.textContent.trim() && drawn && n.parentElement.checkVisibility({visibilityProperty: true})
                && !hidden(n.parentElement)) shown.push(n.textContent);
        }
        return {id: String(i), shown: shown.join(' '), html: control.outerHTML.slice(0, 160)};
    }).filter(c => c.shown.trim());
}"""


def _words(text: str) -> str:
    """Lower case, punctuation as spaces: ' next 一 团市委基本情况 '."""
    text = unicodedata.normalize("NFKC", text).lower()
    return " " + " ".join("".join(c if c.isalnum() else " " for c in text).split()) + " "


def accessible_names(page) -> dict[str, str]:
    """The accessible name Chromium gives each control tagged by SHOWN_LABELS, by tag."""
    cdp = page.context.new_cdp_session(page)
    tags: dict[int, str] = {}
    stack = [cdp.send("DOM.getDocument", {"depth": -1})["root"]]
    while stack:
        node = stack.pop()
        attributes = node.get("attributes", [])
        if "data-label-check" in attributes[::2]:
            tags[node["backendNodeId"]] = attributes[attributes.index("data-label-check") + 1]
        stack.extend(node.get("children", []))
    names = {}
    for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
        if node.get("backendDOMNodeId") in tags and not node.get("ignored"):
            names[tags[node["backendDOMNodeId"]]] = node.get("name", {}).get("value", "")
    cdp.detach()
    return names


@pytest.mark.parametrize("path", PAGES, ids=page_id)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_what_a_control_shows_is_part_of_its_name(make_context, server, lang, path):
    """A speech-input user says what they see ("click EN"): the accessible name of every
    visible link, button and field holds the text it shows, whole words, on a desktop and on
    a phone (where the header shortens its labels)."""
    wrong = []
    for device, options in (("desktop", {}), ("phone", {"viewport": PHONE, "is_mobile": True, "has_touch": True})):
        page = make_context(**options).new_page()
        goto(page, server.url(lang, path))
        controls = page.evaluate(SHOWN_LABELS)
        names = accessible_names(page)
        assert len(controls) >= 10 and len(names) >= 10, (len(controls), len(names))
        for control in controls:
            name = names.get(control["id"])
            if name is None:
                wrong.append(f"{device}: not in the accessibility tree although shown: {control['html']}")
            elif _words(control["shown"]) not in _words(name):
                wrong.append(f"{device}: shows {control['shown']!r}, named {name!r}: {control['html']}")
    assert not wrong, "\n  ".join([f"{lang} {path or 'home'}:", *wrong])
