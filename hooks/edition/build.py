"""One language's edition, from the site's rendered pages: the one-page edition's body, its
contents, the PDF, and the links to it. Knows nothing of MkDocs.

Markers in the pages (HTML comments, replaced by :meth:`Made.fill`):

- ``<!-- edition -->``: the whole report, on the one-page edition (``docs/full-text.md``);
- ``<!-- edition:pdf -->``: the link to the PDF, with its size (the home pages, the edition);
- ``<!-- edition:pdf-download -->``: the PDF among the statistics page's downloads.

Without a PDF (``mkdocs serve``, or a site that turns it off) each says why there is none.
"""
from __future__ import annotations

import posixpath
import subprocess
import time
from dataclasses import dataclass, field

import fonts

from . import assemble, pdf, render
from .assemble import Entry, Page

EDITION = "<!-- edition -->"
PDF = "<!-- edition:pdf -->"
PDF_DOWNLOAD = "<!-- edition:pdf-download -->"
HOME = "index"
ANNEX = ("key-figures", "tables")


@dataclass(frozen=True)
class Site:
    """What the edition needs to know of the site, in one language."""

    lang: str
    template_dir: str
    site_url: str             # the site's address, ending in /
    root: str                 # the language's home from the site's root: "" or "en/"
    page: str                 # the one-page edition's address from the site's root
    pdf_name: str             # the PDF's file name, beside the one-page edition
    official_text: str        # the published original text, from the site's root
    publisher: str
    year: str | None
    short_title: str
    epoch: int                # the edition's date: the commit's (SOURCE_DATE_EPOCH)
    pdf: bool = True          # make the PDF (fixture sites may turn it off)
    serving: bool = False     # mkdocs serve: no PDF, and a note saying so

    @property
    def pdf_path(self) -> str:
        return self.page + self.pdf_name


@dataclass
class Made:
    site: Site
    body: str                           # the one-page edition's report
    contents: list[Entry]
    pdf: bytes | None = None
    warnings: list[str] = field(default_factory=list)

    def fill(self, html: str, *, page_url: str) -> str:
        """``html`` of the page at ``page_url`` with the markers replaced."""
        if EDITION in html:
            html = html.replace(EDITION, self.body)
        if PDF in html or PDF_DOWNLOAD in html:
            link = self._link(page_url)
            html = html.replace(PDF, link).replace(PDF_DOWNLOAD, render.pdf_download(link, self.site.lang))
        return html

    def _link(self, page_url: str):
        if self.pdf is None:
            return render.pdf_missing(self.site.lang, serving=self.site.serving)
        href = posixpath.relpath(self.site.pdf_path, page_url or ".")
        return render.pdf_link(href, len(self.pdf), self.site.lang)


def make(site: Site, pages: dict[str, tuple[str, str]], official: list[str],
         blocks: dict[str, str]) -> Made:
    """The edition of ``site`` from its ``pages`` (slug → address and rendered content),
    the ``official`` ones (slugs, in order; ``index`` is the home page) and the statistics
    ``blocks`` (key figures and tables, drawn for the language's home). Raises
    :class:`pdf.Unavailable` when the PDF is wanted and cannot be made."""
    home = Page(HOME, *pages[HOME]) if HOME in pages else None
    if home is not None and HOME not in official:
        home = Page(HOME, home.url, _heading_only(home.html))
    parts = [Page(slug, *pages[slug]) for slug in official if slug != HOME and slug in pages]
    annex = {name: blocks[name] for name in ANNEX if name in blocks}
    depth = "../" * site.page.count("/")
    web = assemble.assemble(home, parts, annex=annex, annex_url=site.root, outside=lambda path: depth + path)
    made = Made(site, render.web(site.template_dir, web, site.lang), render.contents(web, site.lang))
    if not site.pdf or site.serving:
        return made
    printed = assemble.assemble(home, parts, annex=annex, annex_url=site.root,
                                outside=lambda path: site.site_url + path)
    cover = render.Cover(site.publisher, site.year, site.short_title, site.site_url + site.root,
                         site.site_url + site.official_text, site.epoch)
    html = render.document(site.template_dir, printed, site.lang, cover, serif=fonts.SERIF, sans=fonts.SANS)
    made.pdf, made.warnings = pdf.render(html, base_url=site.site_url + site.page)
    return made


def _heading_only(html: str) -> str:
    """A home page that is not official text gives the title only."""
    end = html.find("</h1>")
    return html[: end + 5] if end >= 0 else ""


def epoch(environ: dict, project: str) -> int:
    """The edition's date, in seconds since 1970: ``SOURCE_DATE_EPOCH`` (the last commit's, as
    the README's commands and the workflows set it), else the last commit's, else now."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    try:
        found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True,
                               text=True, check=False, timeout=30).stdout.strip()
    except OSError:
        found = ""
    return int(found) if found.isdigit() else int(time.time())
