"""The one-page edition in a browser: axe finds no serious or critical violation (both
languages, both schemes); find-in-page finds text from every part and the annex; a figure in
the annex leads to its sentence on the same page; printing it gives the whole report without
the site's chrome; the PDF link opens a PDF. Screenshots in test-output/edition/."""
from __future__ import annotations

import re
import unicodedata
from io import BytesIO

import pytest
from pypdf import PdfReader

from browser_site import LANGUAGES, OUTPUT, SCHEMES, describe_violations, goto, run_axe

pytestmark = pytest.mark.browser

EDITION = "full-text/"
#: text from the opening, the first and last parts, the notes and the annex, as each page shows it
FOUND = {
    "zh": ["现将共青团上海市委员会", "群团改革后", "涌现出了一批先进个人", "原文有两个部分都编为", "各部分数据"],
    "en": ["is hereby made public", "Following the reform of mass organisations", "outstanding individuals",
           "two parts of the original are both numbered", "Figures by section"],
}


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_edition_passes_axe(make_context, server, lang, scheme):
    page = make_context(color_scheme=scheme).new_page()
    goto(page, server.url(lang, EDITION))
    violations = run_axe(page)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_find_in_page_finds_the_whole_report(page, server, lang):
    goto(page, server.url(lang, EDITION))
    for text in FOUND[lang]:
        page.evaluate("() => window.getSelection().removeAllRanges()")
        assert page.evaluate("text => window.find(text, false, false, true)", text), text
        assert page.evaluate("() => window.getSelection().toString()") == text


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_an_annex_figure_leads_to_its_sentence_on_the_same_page(page, server, lang):
    goto(page, server.url(lang, EDITION))
    link = page.locator(".edition-annex table a").first
    href = link.get_attribute("href")
    assert href.startswith("#fig-")
    link.click()
    page.wait_for_function("hash => location.hash === hash", arg=href)
    assert page.url.split("#")[0] == server.url(lang, EDITION)
    target = page.locator(f"span.figure-source{href}")
    assert target.is_visible() and target.evaluate("el => el.matches(':target')")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_printing_the_edition_gives_the_whole_report_alone(page, server, lang):
    goto(page, server.url(lang, EDITION))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert page.evaluate("s => { const el = document.querySelector(s); return !el || getComputedStyle(el).display === 'none' }",
                             chrome), chrome
    assert page.locator(".edition-annex").is_visible()
    (OUTPUT / "edition").mkdir(parents=True, exist_ok=True)
    printed = PdfReader(BytesIO(page.pdf(path=str(OUTPUT / "edition" / f"browser-print-{lang}.pdf"), format="A4")))
    # NFKC: Chromium's PDF may name a Kangxi radical (⽂) for the character it shows (文)
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in printed.pages))
    squeezed = "".join(text.split())  # lines break wherever the machine's fonts make them
    for found in FOUND[lang]:  # the opening, the first and last parts, the notes and the annex
        assert _printed(found, squeezed), found


def _printed(found: str, squeezed: str) -> bool:
    """Whether ``found`` is in the printed text. Chromium's PDF may also name a radical of the
    CJK Radicals Supplement (⻘) for the character it shows (青), which NFKC leaves as it is: any
    of those stands for a Chinese character."""
    pattern = "".join(f"[{re.escape(c)}\u2e80-\u2eff]" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
                      for c in "".join(found.split()))
    return re.search(pattern, squeezed) is not None


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_pdf_link_opens_a_pdf(page, server, lang):
    goto(page, server.url(lang, EDITION))
    href = page.locator("a.edition-pdf").get_attribute("href")
    response = page.request.get(server.url(lang, EDITION) + href)
    assert response.status == 200 and response.body().startswith(b"%PDF-")


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_screenshots(make_context, server, lang):
    (OUTPUT / "edition").mkdir(parents=True, exist_ok=True)
    for scheme in SCHEMES:
        page = make_context(color_scheme=scheme).new_page()
        goto(page, server.url(lang, EDITION))
        page.evaluate("document.fonts.ready")
        path = OUTPUT / "edition" / f"web-{lang}-{scheme}.png"
        page.screenshot(path=str(path), full_page=True, animations="disabled")
        assert path.stat().st_size > 10_000
