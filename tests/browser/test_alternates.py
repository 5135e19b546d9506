"""The hreflang alternates in <head> (overrides/partials/meta.html) cost the reader nothing.

Material's script (integrations/alternate) takes every ``link[rel=alternate]`` for another
version of the site and asks for a sitemap.xml beside it: beside a page, that is a 404. Ours
are ``rel="alternate "``: the same link type to HTML and search engines, not that selector.
The second test shows the trigger itself, on the same page served with a plain
``rel="alternate"``: without it, the first test would prove nothing.
"""
from __future__ import annotations

import pytest

from browser_site import goto
from support import SITE_URL

pytestmark = pytest.mark.browser


def _requested(page) -> list[str]:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    return requested


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", ["", "theory/"])
def test_the_alternates_are_in_the_head_and_nothing_is_fetched_for_them(page, server, lang, path):
    requested = _requested(page)
    goto(page, server.url(lang, path))
    links = page.eval_on_selector_all(
        "head link[hreflang]", "links => links.map(l => [l.relList.contains('alternate'), l.hreflang, l.href])")
    assert sorted(hreflang for _, hreflang, _ in links) == ["en", "x-default", "zh"]
    assert all(alternate and href.startswith(SITE_URL) for alternate, _, href in links)
    # Material's script asks for a sitemap only for the links its selector finds: none here
    # (the second test shows it does for a plain rel="alternate"); so nothing can be asked.
    assert page.locator("link[rel=alternate]").count() == 0
    assert not [url for url in requested if url.endswith("sitemap.xml")]
    # the `page` fixture fails the test on any request to another host or any 404


def test_a_plain_rel_alternate_would_make_material_ask_for_a_sitemap_beside_the_page(page, server, watch):
    url = server.url("zh", "theory/")
    beside = [server.root + "theory/sitemap.xml", server.root + "en/theory/sitemap.xml"]
    for missing in beside:
        watch.expect_status(missing, 404)  # what this test shows, not a fault of the page

    def plain(route):
        body = route.fetch().text().replace('rel="alternate "', 'rel="alternate"').replace(SITE_URL, server.root)
        route.fulfill(status=200, body=body, headers={"Content-Type": "text/html; charset=utf-8"})

    page.route(url, plain)
    # waits until Material has asked for both (two 404s on every page load), however busy the machine
    with page.expect_request(beside[0]), page.expect_request(beside[1]):
        goto(page, url)
    assert page.locator("link[rel=alternate]").count() == 3
