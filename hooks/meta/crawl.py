"""``sitemap.xml`` and ``robots.txt``: what search engines are told about the site.

The sitemap lists every page of every language with the date its content last changed (the
"updated" date the page shows: the newest commit among the files it is made from, its data
included; ``dates.py``) and its twins in each language: a page whose sources did not change
keeps its date. There is no ``changefreq``: an annual report does not change daily, and
search engines ignore the field.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr, escape

from addresses import base

SITEMAP = "sitemap.xml"


@dataclass(frozen=True)
class Entry:
    url: str
    lastmod: str | None               # YYYY-MM-DD; None when the date is unknown
    alternates: list[tuple[str, str]]  # (hreflang, address)


def sitemap(entries: list[Entry]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in entries:
        lines.append("    <url>")
        lines.append(f"        <loc>{escape(entry.url)}</loc>")
        if entry.lastmod:
            lines.append(f"        <lastmod>{escape(entry.lastmod)}</lastmod>")
        for hreflang, href in entry.alternates:
            lines.append(f'        <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)} href={quoteattr(href)}/>')
        lines.append("    </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def gzipped(text: str) -> bytes:
    """The sitemap compressed, with no time in its header: the same bytes on every build."""
    return gzip.compress(text.encode("utf-8"), mtime=0)


def robots(site_url: str) -> str:
    """Every page may be crawled; the sitemap is at this absolute address."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base(site_url)}{SITEMAP}\n"


def outputs(recorded: dict[str, dict[str, Entry]], pages: list[str], languages: tuple[str, ...],
            site_url: str) -> dict[str, bytes]:
    """``sitemap.xml`` (and its gzip) and ``robots.txt``, by path under the site's root, once
    every language has recorded its pages (``recorded[lang][page]``); else nothing."""
    if set(recorded) != set(languages):
        return {}
    entries = [recorded[lang][page] for lang in languages for page in pages if page in recorded[lang]]
    text = sitemap(entries)
    return {SITEMAP: text.encode("utf-8"), f"{SITEMAP}.gz": gzipped(text),
            "robots.txt": robots(site_url).encode("utf-8")}
