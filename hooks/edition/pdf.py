"""The PDF, with WeasyPrint: tagged (PDF/UA-1), A4, the pinned fonts embedded (subset).

WeasyPrint is made for HTML and CSS paged media in Python (running headers, page counters,
``target-counter()`` for the contents, bookmarks, tagged PDF); it needs pango from Debian.
What cannot be made is raised as :class:`Unavailable`, whose message says what to install;
whatever WeasyPrint warns about (a rule it does not follow, a missing anchor) is returned, for
the build to report.

A PDF takes a couple of seconds of layout: :class:`Printer` makes them in worker processes
while the build goes on (the next language's pages, the files), and hands them over at the
end. Knows nothing of MkDocs.
"""
from __future__ import annotations

import contextlib
import io
import logging
import multiprocessing
import site
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import fonts

from . import messages

VARIANT = "pdf/ua-1"


class Unavailable(Exception):
    """The PDF cannot be made on this machine; the message says what to install."""


class Failed(Exception):
    """WeasyPrint could not make a PDF; the message names the language and the error."""


def check() -> None:
    """WeasyPrint and its libraries load, and the pinned fonts are installed."""
    _weasyprint()
    try:
        fonts.check()
    except fonts.MissingFont as error:
        raise Unavailable(messages.missing_font(error.reason)) from None


def render(html: str, *, base_url: str) -> tuple[bytes, list[str]]:
    """The PDF of ``html`` (a whole document, its stylesheet inside), and WeasyPrint's warnings."""
    weasyprint = _weasyprint()
    check()
    logger = logging.getLogger("weasyprint")
    caught = _Caught()
    logger.addHandler(caught)
    propagate, logger.propagate = logger.propagate, False
    try:
        # no protocol allowed: the document loads nothing, from no host and no file
        nothing = weasyprint.urls.URLFetcher(allowed_protocols=frozenset())
        document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=nothing)
        data = document.write_pdf(pdf_variant=VARIANT, uncompressed_pdf=False)
    finally:
        logger.removeHandler(caught)
        logger.propagate = propagate
    return data, caught.messages


class Printer:
    """PDFs made in worker processes, handed over by :meth:`collect`. The first worker loads
    WeasyPrint and checks the fonts as soon as it starts, so that :meth:`check` rarely waits."""

    def __init__(self, modules: str, *, workers: int = 1) -> None:
        # ``spawn``: a fresh interpreter, nothing of the build's state (its threads, its
        # open files) copied into it; ``modules`` is the folder these modules are imported from.
        # One worker: each loads WeasyPrint (half a second of CPU), and the next language's
        # pages are built meanwhile anyway
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=site.addsitedir, initargs=(modules,))
        self._checked = self._pool.submit(check)
        self._jobs: list = []

    def check(self) -> None:
        """Raises :class:`Unavailable` when the PDF cannot be made here."""
        self._checked.result()

    def print(self, made, path: Path) -> None:
        """Start the PDF of ``made`` (an edition, :class:`build.Made`), to go to ``path``."""
        site = made.site
        self._jobs.append((made, path, self._pool.submit(render, made.document, base_url=site.site_url + site.page)))

    def collect(self) -> Iterator[tuple[object, Path, list[str]]]:
        """Each edition started, once its PDF is made (in ``made.pdf``), with its path and
        WeasyPrint's warnings. Raises :class:`Unavailable` or :class:`Failed`."""
        jobs, self._jobs = self._jobs, []
        for made, path, future in jobs:
            try:
                made.pdf, warnings = future.result()
            except Unavailable:
                raise
            except Exception as error:  # WeasyPrint's own failure, named
                raise Failed(messages.failed(made.site.lang, f"{type(error).__name__}: {error}")) from None
            yield made, path, warnings

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _Caught(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _weasyprint():
    """The module, or :class:`Unavailable` when it or a library it needs is missing. WeasyPrint
    prints its own advice when a library is missing; ours names the Debian packages."""
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            import weasyprint
    except ImportError as error:
        raise Unavailable(messages.missing_weasyprint(str(error))) from None
    except OSError as error:  # cffi could not open pango, harfbuzz or fontconfig
        raise Unavailable(messages.missing_library(str(error))) from None
    return weasyprint
