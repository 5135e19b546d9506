"""When each page last changed: the newest commit among the files its content is made from.

A page shows more than its own Markdown file. Its sources are derived from the pages
themselves (:func:`sources`), never listed by hand:

- its own file in its language (``theory.en.md`` for the English page), and, for a page with
  figures, the Chinese file whose front matter holds them (the English panel shows them too);
- for each marker the hook fills (:class:`Drawn`), what it draws from: the glossary marker
  ``data/glossary.yml``; a figures block (``<!-- figures:… -->``, the home and statistics
  pages) every page with figures and the data files they are drawn with; the whole report
  (``<!-- edition -->``) every part of the official text, as its page is made, and its
  figures annex.

:func:`history` reads when each file was last committed, in one ``git log`` for the whole
build (the author's time, as the git-revision-date plugin reads it). A file git does not know
(not committed yet, or no repository at all) counts as changed at the build's time:
``SOURCE_DATE_EPOCH`` when set, as the plugin falls back to the build date.

A page's date (:func:`days`) is the newest of its sources, as a day in Shanghai (the report
is Shanghai's; the PDF's cover is dated there too): the sitemap's ``lastmod`` and the
"updated" date the page shows are that one day, written as the plugin writes it (Babel's long
date in the page's language: 2026年12月8日, December 8, 2026).
"""
from __future__ import annotations

import os
import posixpath
import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date

from figures.pipeline import source_path

#: the report's time zone: a commit at 18:00 UTC is dated the next day (mkdocs.yml sets the
#: git-revision-date plugin to it too)
ZONE = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Drawn:
    """A marker the hook fills in a page's Markdown, and what it draws there from."""

    marker: str
    data: tuple[str, ...] = ()  # data files, as paths from the project folder
    figures: bool = False        # every page's figures (their front matter and their titles)
    report: bool = False         # every page of the official text, as its own page shows it


@dataclass(frozen=True)
class Day:
    """A page's last change, as a day in :data:`ZONE`."""

    iso: str    # 2026-12-08: the sitemap's lastmod
    shown: str  # 2026年12月8日, December 8, 2026: what the page shows


def sources(pages: list[str], lang: str, *, docs: str, texts: Mapping[str, str], metrics: set[str],
            official: list[str], drawn: Iterable[Drawn]) -> dict[str, frozenset[str]]:
    """The files each of ``pages`` (Chinese names: ``theory.md``) is made from in ``lang``, as
    paths from the project folder. ``docs`` is the docs folder from there; ``texts`` each
    page's Markdown by source name (``theory.en.md``); ``metrics`` the pages whose front matter
    holds figures; ``official`` the pages of the official text."""
    def own(page: str) -> set[str]:
        files = {posixpath.join(docs, source_path(page, lang))}
        if page in metrics:  # the figures its panel shows are in the Chinese front matter
            files.add(posixpath.join(docs, page))
        return files

    figures = set().union(*(own(page) for page in pages if page in metrics))
    out: dict[str, set[str]] = {}
    whole: list[str] = []  # pages that show the whole report: made of the others, so last
    for page in pages:
        text = texts.get(source_path(page, lang), "")
        files = own(page)
        for marker in drawn:
            if marker.marker in text:
                files |= set(marker.data) | (figures if marker.figures else set())
                if marker.report:
                    whole.append(page)
        out[page] = files
    for page in whole:
        out[page] |= set().union(*(out.get(part, set()) for part in official if part != page))
    return {page: frozenset(files) for page, files in out.items()}


def history(project: str, files: Iterable[str]) -> dict[str, int]:
    """When each of ``files`` (paths from ``project``) was last committed, in seconds since
    1970: one ``git log`` over their folders. A merge counts for a file only where it changed
    it itself (resolving a conflict). Files git does not know are left out: all of them where
    there is no repository or no git."""
    wanted = set(files)
    folders = sorted({posixpath.dirname(path) or "." for path in wanted})
    if not folders:
        return {}
    command = ["git", "-c", "core.quotePath=false", "log", "--format=%x00%at", "--name-only", "--no-renames",
               "--diff-merges=dense-combined", "--relative", "--", *folders]
    try:
        result = subprocess.run(command, cwd=project, capture_output=True, encoding="utf-8",
                                errors="surrogateescape", check=False, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    out: dict[str, int] = {}
    stamp = None
    for line in result.stdout.splitlines():
        if line.startswith("\0"):
            stamp = int(line[1:])
        elif stamp is not None and line in wanted and stamp > out.get(line, -1):
            out[line] = stamp
    return out


def build_time(environ: Mapping[str, str]) -> int:
    """The build's time: ``SOURCE_DATE_EPOCH`` when set (a reproducible build), else now."""
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else int(time.time())


def day(stamp: int, lang: str) -> Day:
    when = datetime.fromtimestamp(stamp, ZONE)
    return Day(when.strftime("%Y-%m-%d"), format_date(when, format="long", locale=lang))


def days(pages: list[str], languages: Iterable[str], *, project: str, docs: str, texts: Mapping[str, str],
         metrics: set[str], official: list[str], drawn: Iterable[Drawn],
         environ: Mapping[str, str] = os.environ) -> dict[tuple[str, str], Day]:
    """``(page, lang)`` → the day the page last changed in that language: the newest commit
    among its :func:`sources` that exist, or the build's time for one git does not know."""
    drawn = tuple(drawn)
    made_of = {lang: {page: [f for f in files if os.path.exists(os.path.join(project, f))]
                      for page, files in sources(pages, lang, docs=docs, texts=texts, metrics=metrics,
                                                 official=official, drawn=drawn).items()}
               for lang in languages}
    known = history(project, set().union(*(f for by_page in made_of.values() for f in by_page.values())))
    now = build_time(environ)
    return {(page, lang): day(max((known.get(f, now) for f in files), default=now), lang)
            for lang, by_page in made_of.items() for page, files in by_page.items()}
