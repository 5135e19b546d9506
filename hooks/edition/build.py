"""One language's edition, from the site's rendered pages: the one-page edition's body, its
contents, the PDF, and the links to it. Knows nothing of MkDocs.

Markers in the pages (HTML comments, replaced by :meth:`Made.fill`):

- ``<!-- edition -->``: the whole report, on the one-page edition (``docs/full-text.md``);
- ``<!-- edition:pdf -->``: the link to the PDF, with its size (the home pages, the edition);
- ``<!-- edition:pdf-download -->``: the PDF among the statistics page's downloads.

Without a PDF (``mkdocs serve``, or a site that turns it off) each says why there is none.
The PDF is made while the build goes on (:class:`pdf.Printer`): until it is there, a page
carries :data:`SIZE` where its size goes, and :meth:`Made.sized` puts the size in.
"""
from __future__ import annotations

import posixpath
import subprocess
import time
from dataclasses import dataclass, field

import fonts

from . import assemble, render
from .assemble import Entry, Page

EDITION = "<!-- edition -->"
PDF = "<!-- edition:pdf -->"
PDF_DOWNLOAD = "<!-- edition:pdf-download -->"
SIZE = "@@edition-pdf-size@@"
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
    document: str | None = None         # the PDF's HTML, when there is to be a PDF
    pdf: bytes | None = None            # the PDF, once made
    #: the pages written before the PDF was made (their output, by file): their size is to come
    waiting: dict = field(default_factory=dict)

    def sized(self, html: str) -> str:
        """``html`` with the PDF's size in words where :data:`SIZE` holds its place."""
        return html.replace(SIZE, render.plain_size(len(self.pdf or b"")))

    def fill(self, html: str, *, page_url: str) -> str:
        """``html`` of the page at ``page_url`` with the markers replaced."""
        if EDITION in html:
            html = html.replace(EDITION, self.body)
        if PDF in html or PDF_DOWNLOAD in html:
            link = self._link(page_url)
            html = html.replace(PDF, link).replace(PDF_DOWNLOAD, render.pdf_download(link, self.site.lang))
        return html

    def _link(self, page_url: str):
        if self.document is None:
            return render.pdf_missing(self.site.lang, serving=self.site.serving)
        href = posixpath.relpath(self.site.pdf_path, page_url or ".")
        size = SIZE if self.pdf is None else render.plain_size(len(self.pdf))
        return render.pdf_link(href, size, self.site.lang)


def make(site: Site, pages: dict[str, tuple[str, str]], official: list[str],
         blocks: dict[str, str]) -> Made:
    """The edition of ``site`` from its ``pages`` (slug → address and rendered content),
    the ``official`` ones (slugs, in order; ``index`` is the home page) and the statistics
    ``blocks`` (key figures and tables, drawn for the language's home). The PDF is not made
    here: :attr:`Made.document` is its HTML, for :class:`pdf.Printer`."""
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
    made.document = render.document(site.template_dir, printed, site.lang, cover, serif=fonts.SERIF, sans=fonts.SANS)
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
