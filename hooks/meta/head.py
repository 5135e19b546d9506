"""The tags of a page's ``<head>`` that search engines and chat apps read, and its share image's path.

Every address is absolute, from the site's address (``SITE_URL``, ``hooks/addresses.py``): a page's canonical
address, its twins in each language (``hreflang``, with ``x-default`` the Chinese page),
``og:url`` and its share image are the same strings everywhere they appear.
"""
from __future__ import annotations

from dataclasses import dataclass

from addresses import base, page_url
from figures.schema import LANGUAGES
from session import DEFAULT_LANGUAGE

from .card import HEIGHT, WIDTH

#: OpenGraph locales: the Chinese text is of mainland China; the English is British
OG_LOCALE = {"zh": "zh_CN", "en": "en_GB"}
#: where the share images are published, under the site's root: <lang>/<page>.png
IMAGE_DIR = "assets/images/share"


def image_path(page: str, lang: str) -> str:
    """The share image's path under the site's root: ``assets/images/share/en/theory.png``."""
    stem = page[:-3] if page.endswith(".md") else page
    return f"{IMAGE_DIR}/{lang}/{stem}.png"


def alternates(site_url: str, page: str) -> list[tuple[str, str]]:
    """``(hreflang, address)`` for each language, then ``x-default`` (the Chinese page)."""
    twins = [(lang, page_url(site_url, page, lang)) for lang in LANGUAGES]
    return [*twins, ("x-default", page_url(site_url, page, DEFAULT_LANGUAGE))]


@dataclass(frozen=True)
class Head:
    """What the page template puts in ``<head>`` for one page (``overrides/partials/meta.html``)."""

    description: str
    canonical: str
    alternates: list[tuple[str, str]]
    #: ``(property, content)`` of the OpenGraph tags, in order
    opengraph: list[tuple[str, str]]
    twitter_card: str = "summary_large_image"
    #: schema.org JSON-LD for the page, or None
    structured: dict | None = None


def head(*, site_url: str, page: str, lang: str, title: str, description: str, site_name: str,
         image_alt: str, home: bool, structured: dict | None = None) -> Head:
    """The ``<head>`` tags of ``page`` (its Chinese source name, ``theory.md``) in ``lang``."""
    url = page_url(site_url, page, lang)
    image = base(site_url) + image_path(page, lang)
    opengraph = [
        ("og:type", "website" if home else "article"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:url", url),
        ("og:locale", OG_LOCALE[lang]),
        *(("og:locale:alternate", OG_LOCALE[other]) for other in LANGUAGES if other != lang),
        ("og:image", image),
        ("og:image:type", "image/png"),
        ("og:image:width", str(WIDTH)),
        ("og:image:height", str(HEIGHT)),
        ("og:image:alt", image_alt),
    ]
    return Head(description, url, alternates(site_url, page), opengraph, structured=structured)
