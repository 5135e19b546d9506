"""Screenshots to look at: home, a section and the statistics page, both languages, light and
dark, desktop and phone, under test-output/screenshots/ (git-ignored), with the pages' heights
in heights-<scheme>-<device>.json beside them."""
from __future__ import annotations

import json

import pytest

from browser_site import DESKTOP, LANGUAGES, PHONE, SCHEMES, SCREENSHOTS, goto, page_id

pytestmark = pytest.mark.browser

SHOWN = ["", "theory/", "statistics/"]
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}


@pytest.mark.parametrize("device", list(VIEWPORTS))
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_screenshots(make_context, server, scheme, device):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    phone = device == "phone"
    page = make_context(viewport=VIEWPORTS[device], color_scheme=scheme,
                        is_mobile=phone, has_touch=phone).new_page()
    heights = {}
    for lang in LANGUAGES:
        for shown in SHOWN:
            goto(page, server.url(lang, shown))
            assert page.get_attribute("body", "data-md-color-scheme") == SCHEMES[scheme]
            page.evaluate("document.fonts.ready")
            path = SCREENSHOTS / f"{page_id(shown)}-{lang}-{scheme}-{device}.png"
            page.screenshot(path=str(path), full_page=True, animations="disabled")
            assert path.stat().st_size > 10_000, path
            heights[path.name] = page.evaluate("document.scrollingElement.scrollHeight")
    (SCREENSHOTS / f"heights-{scheme}-{device}.json").write_text(json.dumps(heights, indent=1) + "\n",
                                                                encoding="utf-8")
