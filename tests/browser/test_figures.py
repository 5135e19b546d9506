"""The values of the statistics and home pages link to their sentence, which the section page
highlights."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_site import LANGUAGES, SCHEMES, goto, until

pytestmark = pytest.mark.browser

SENTENCE_STYLE = """el => {
    const style = getComputedStyle(el);
    return {background: style.backgroundColor, outline: style.outlineStyle};
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_figure_value_opens_its_highlighted_sentence(make_context, server, lang, scheme):
    page = make_context(color_scheme=scheme).new_page()
    goto(page, server.url(lang, "statistics/"))
    assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
    values = page.locator('article .figures-table a[href*="#fig-"]')
    assert values.count() >= 40, "the statistics tables link fewer values than expected"
    # A value of a section with many figures, not its first: the link must scroll to it.
    theory = page.locator('article .figures-table a[href*="theory/#fig-"]')
    assert theory.count() >= 4
    link = theory.nth(theory.count() - 1)
    href = link.evaluate("a => a.href")
    target = urlsplit(href)
    assert target.fragment.startswith("fig-"), href
    with page.expect_navigation():
        link.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")
    assert page.url == href

    sentence = page.locator("span.figure-source:target")
    assert sentence.count() == 1, f"no span.figure-source:target for #{target.fragment}"
    assert sentence.get_attribute("id") == target.fragment
    assert sentence.is_visible() and sentence.inner_text().strip()
    # In view, below the sticky header (once the browser has scrolled to it).
    until(page, """() => {
        const top = document.querySelector('span.figure-source:target').getBoundingClientRect().top;
        return document.querySelector('.md-header').getBoundingClientRect().bottom <= top && top < innerHeight;
    }""", what=f"#{target.fragment} is in view below the header")

    highlighted = sentence.evaluate(SENTENCE_STYLE)
    other = page.locator("span.figure-source:not(:target)")
    assert other.count() >= 1
    normal = other.first.evaluate(SENTENCE_STYLE)
    assert highlighted["background"] != normal["background"], (highlighted, normal)
    assert highlighted["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), highlighted
    assert highlighted["outline"] != "none"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_figure_link_has_its_sentence(page, server, lang):
    """Every value link of the statistics page and of the section panels lands on a sentence."""
    goto(page, server.url(lang, "statistics/"))
    hrefs = sorted(set(page.locator('article a[href*="#fig-"]').evaluate_all("links => links.map(a => a.href)")))
    by_page: dict[str, set[str]] = {}
    for href in hrefs:
        parts = urlsplit(href)
        by_page.setdefault(f"{parts.scheme}://{parts.netloc}{parts.path}", set()).add(parts.fragment)
    assert len(by_page) >= 6, sorted(by_page)
    for url, fragments in sorted(by_page.items()):
        goto(page, url)
        ids = set(page.locator("span.figure-source").evaluate_all("spans => spans.map(s => s.id)"))
        assert fragments <= ids, f"{url}: no sentence for {sorted(fragments - ids)}"
        panel = set(page.locator(".figures-panel a.figure-value").evaluate_all(
            "links => links.map(a => new URL(a.href).hash.slice(1))"))
        assert panel <= ids, f"{url}: the figures panel links to missing sentences {sorted(panel - ids)}"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_key_figure_on_the_home_page_opens_its_sentence(page, server, lang):
    goto(page, server.url(lang))
    cards = page.locator("article ul.figures-key > li > a.figure-value")
    assert 4 <= cards.count() <= 8
    card = cards.nth(1)
    number = card.locator(".figures-key__number").inner_text()
    href = card.evaluate("a => a.href")
    with page.expect_navigation():
        card.click()
    page.wait_for_function("document.documentElement.classList.contains('js')")
    assert page.url == href
    sentence = page.locator("span.figure-source:target")
    assert sentence.count() == 1 and sentence.is_visible()
    # the sentence states the number the card shows (its digits, whatever the wording)
    digits = "".join(ch for ch in number if ch.isdigit() or ch == ".")
    assert digits.rstrip(".") in sentence.inner_text().replace(",", ""), (number, sentence.inner_text())
