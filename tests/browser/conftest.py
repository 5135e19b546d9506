"""Browser fixtures: the built site served under its real path, and Debian's Chromium.

- ``server``: the strictly built ``site`` served on 127.0.0.1 (a free port) under the
  path of ``site_url`` (/report-2023/), the way GitHub Pages serves it: a missing path
  gets 404.html with status 404.
- ``browser``: one Chromium for the whole session (Playwright's sync API), launched from
  /usr/bin/chromium; the tests fail, never skip, when it is missing.
- ``page``: a fresh browser context and page per test, with every request routed: a
  request to any other host is aborted and recorded, and so are console errors, page
  errors, failed requests and responses with status >= 400. The test fails on any of them
  (``watch.expect_status(url, 404)`` for a test that asks for a missing page on purpose).
"""
from __future__ import annotations

import http.server
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from browser_site import CHROMIUM, CHROMIUM_ARGS, DESKTOP, SITE_PATH, page_path


# --- the server ------------------------------------------------------------------------------

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve the site folder under SITE_PATH only; 404.html (status 404) for anything else."""

    site: Path  # set on the subclass made per server

    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=str(self.site), **kwargs)

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if path == SITE_PATH.rstrip("/"):
            path = SITE_PATH  # the folder itself: answered with a redirect to SITE_PATH
        elif not path.startswith(SITE_PATH):
            return str(self.site / ".outside-site-path")  # never exists: the 404 page
        inside = Path(os.path.normpath("/" + path[len(SITE_PATH):]).lstrip("/"))
        return str(self.site / inside)

    def send_error(self, code, message=None, explain=None):
        page = self.site / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):  # quiet: the tests report what matters
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


@dataclass
class Served:
    origin: str  # http://127.0.0.1:PORT
    root: str    # http://127.0.0.1:PORT/report-2023/

    @property
    def root_path(self) -> str:
        return SITE_PATH

    def url(self, lang: str, page: str = "") -> str:
        return self.root + page_path(lang, page)


@pytest.fixture(scope="session")
def server(site: Path):
    """The built site, served on a free port of 127.0.0.1 under /report-2023/."""
    handler = type("SiteHandler", (_Handler,), {"site": site})
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    origin = f"http://{host}:{port}"
    try:
        yield Served(origin=origin, root=origin + SITE_PATH)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


# --- the browser -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    """One Chromium for the session. Fails (never skips) when /usr/bin/chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(scripts/test installs it: apt-get install chromium fonts-wqy-microhei)",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


_RESOURCE_STATUS = re.compile(r"the server responded with a status of (\d+)")


@dataclass
class Watch:
    """What a page did that it should not have: the test fails on any of it."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    expected: set[tuple[str, int]] = field(default_factory=set)

    def expect_status(self, url: str, status: int) -> None:
        """Accept ``status`` for ``url`` (a test that asks for a missing page on purpose)."""
        self.expected.add((url, status))

    def route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about"):
            route.continue_()
        elif f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign.append(f"{route.request.method} {url}")
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def on_console(self, message) -> None:
        status = _RESOURCE_STATUS.search(message.text)
        if status and ((message.location or {}).get("url"), int(status.group(1))) in self.expected:
            return  # Chromium's echo of a response the test asked for
        if message.type == "error":
            location = message.location or {}
            self.console.append(f"{message.text} ({location.get('url', '?')}:{location.get('lineNumber', '?')})")

    def on_page_error(self, error) -> None:
        self.console.append(f"uncaught: {error}")

    def on_request_failed(self, request) -> None:
        if urlsplit(request.url).netloc == urlsplit(self.origin).netloc:
            failure = request.failure or "failed"
            # Navigating away cancels pending requests (search index, images): not a fault.
            if "ERR_ABORTED" not in failure:
                self.failed.append(f"{request.method} {request.url}: {failure}")

    def on_response(self, response) -> None:
        if response.status >= 400 and (response.url, response.status) not in self.expected:
            self.failed.append(f"{response.request.method} {response.url}: HTTP {response.status}")

    def problems(self) -> list[str]:
        return ([f"request to another host: {f}" for f in self.foreign]
                + [f"console error: {c}" for c in self.console]
                + [f"failed request: {f}" for f in self.failed])

    def check(self) -> None:
        problems = self.problems()
        assert not problems, "the page misbehaved:\n  " + "\n  ".join(problems)


def new_context(browser, watch: Watch, **options):
    """A browser context whose pages are watched by ``watch`` (desktop, light by default)."""
    options.setdefault("viewport", DESKTOP)
    options.setdefault("color_scheme", "light")
    options.setdefault("service_workers", "block")
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    context.route("**/*", watch.route)

    def attach(page):
        page.on("console", watch.on_console)
        page.on("pageerror", watch.on_page_error)
        page.on("requestfailed", watch.on_request_failed)
        page.on("response", watch.on_response)

    context.on("page", attach)
    return context


@pytest.fixture
def watch(server: Served) -> Watch:
    """What the test's pages did wrong; checked when the test's contexts close."""
    return Watch(origin=server.origin)


@pytest.fixture
def make_context(browser, watch: Watch):
    """Make watched contexts: ``make_context(viewport=PHONE, color_scheme="dark")``.

    They are closed after the test, which then fails if any of their pages misbehaved.
    """
    made = []

    def make(**options):
        made.append(new_context(browser, watch, **options))
        return made[-1]

    yield make
    for context in made:
        context.close()
    watch.check()


@pytest.fixture
def context(make_context):
    """A fresh context: desktop size, the reader's system prefers the light scheme."""
    return make_context()


@pytest.fixture
def page(context):
    return context.new_page()
