"""The light/dark toggle, kept across languages; and printing a section page."""
from __future__ import annotations

import pytest

from browser_site import LANGUAGES, OTHER, OUTPUT, goto

pytestmark = pytest.mark.browser


def _scheme(page) -> str:
    return page.get_attribute("body", "data-md-color-scheme")


def _toggle(page) -> None:
    """Click the palette toggle's visible button (Material shows one of three at a time)."""
    label = page.locator('form[data-md-component="palette"] label.md-header__button:visible')
    assert label.count() == 1, "one palette button should be visible"
    label.click()


def _switch_language(page, lang: str) -> None:
    link = page.locator(f'.md-header .report-languages a[hreflang="{lang}"]')
    with page.expect_navigation():
        link.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_palette_toggle_switches_scheme_and_keeps_it_in_the_other_language(page, server, lang):
    goto(page, server.url(lang, "theory/"))
    # Nothing chosen yet: Material follows the system, here light.
    assert _scheme(page) == "default"
    light_background = page.evaluate("getComputedStyle(document.body).backgroundColor")

    for _ in range(3):  # follow the system -> light -> dark
        _toggle(page)
        if _scheme(page) == "slate":
            break
    assert _scheme(page) == "slate", "the toggle never reached the dark scheme"
    dark_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert dark_background != light_background

    # The choice is stored for the whole site (extra.scope), so it survives the switch.
    _switch_language(page, OTHER[lang])
    assert page.url == server.url(OTHER[lang], "theory/")
    assert _scheme(page) == "slate", "the dark scheme was lost on the other language's page"

    for _ in range(3):
        _toggle(page)
        if _scheme(page) == "default":
            break
    assert _scheme(page) == "default"
    _switch_language(page, lang)
    assert _scheme(page) == "default"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_printing_a_section_hides_navigation_header_and_search(page, server, lang):
    goto(page, server.url(lang, "theory/"))
    page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
              ".md-footer", ".md-top", ".md-content__button"]
    displays = page.evaluate("""selectors => Object.fromEntries(selectors.map(s => {
        const el = document.querySelector(s);
        return [s, el ? getComputedStyle(el).display : 'absent'];
    }))""", hidden)
    shown = {s: d for s, d in displays.items() if d not in ("none", "absent")}
    assert not shown, f"printed although they should not be: {shown}"
    assert displays[".md-header"] == "none" and displays[".md-search"] == "none"
    assert page.locator("article h1").is_visible()
    assert page.locator("article .figures-panel").is_visible()

    OUTPUT.mkdir(parents=True, exist_ok=True)
    path = OUTPUT / f"theory-{lang}.pdf"
    pdf = page.pdf(path=str(path), format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000, len(pdf)
    assert path.stat().st_size == len(pdf)


def test_the_page_is_red_before_and_without_javascript(make_context, server):
    """The first palette entry (follow the system) sets <body>'s colours until Material's
    script runs, and for good without it: without its own colours it is Material's indigo."""
    page = make_context(java_script_enabled=False).new_page()
    page.goto(server.url("zh", "theory/"))
    assert page.get_attribute("body", "data-md-color-primary") == "red"
    assert page.get_attribute("body", "data-md-color-accent") == "red"
