"""Where a page is published, the one place that knows it: the site's address, each language's
root (the default language at the site's root, every other under its code, as
mkdocs-static-i18n publishes them), a page's path under that root (MkDocs' directory URLs) and
its absolute address. Knows nothing of MkDocs."""
from __future__ import annotations

from session import DEFAULT_LANGUAGE


def base(site_url: str) -> str:
    """The site's address, ending in ``/``."""
    return site_url if site_url.endswith("/") else site_url + "/"


def root(lang: str) -> str:
    """A language's home from the site's root: ``""`` for Chinese, ``"en/"``."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def path_of(page: str) -> str:
    """A page's path under a language's root, from its Chinese source name or its slug:
    ``index.md`` → ``""``, ``theory.md`` (or ``theory``) → ``theory/``."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def page_path(page: str, lang: str) -> str:
    """A page's path from the site's root in ``lang``: ``en/theory/``."""
    return root(lang) + path_of(page)


def page_url(site_url: str, page: str, lang: str) -> str:
    """The canonical address of ``page`` in ``lang``."""
    return base(site_url) + page_path(page, lang)
