"""Everything this package says about each page, put together from what the build has read:
the pages (front matter and blocks, from ``figures.pipeline``), the key figures, and the
language's settings (site name, publisher, year).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import fonts
from addresses import base
from figures.count.stats import Statistics
from figures.draw.html import UI as FIGURES_UI
from figures.draw.numbers import qualified
from figures.parse import numbers
from figures.parse.frontmatter import Page
from figures.parse.prose import Block
from figures.schema import LANGUAGES, Metric, Problem

from . import describe, structured
from .card import Card, Figure, MissingGlyphs, cached
from .head import Head, head, image_path
from .messages import no_glyph

#: a page that draws the open data's downloads is the statistics page: it describes the Dataset
DOWNLOADS_MARKER = "<!-- figures:downloads -->"

UI = {
    "zh": {"year": "评议年度:{year}年", "alt_figure": "{title}:{figure}。{publisher},{edition}。",
           "alt": "{title}。{publisher},{edition}。", "dataset": "{site}:{title}"},
    "en": {"year": "Evaluation year: {year}", "alt_figure": "{title}: {figure}. {publisher}, {edition}.",
           "alt": "{title}. {publisher}, {edition}.", "dataset": "{site} — {title}"},
}


@dataclass(frozen=True)
class Settings:
    """One language's settings, from its MkDocs configuration."""

    lang: str
    site_url: str
    site_name: str
    publisher: str    # the copyright holder: 共青团上海市委员会
    edition: str      # the report's name, as the header shows it: 2023年基层评议公开内容
    year: str         # the year the report covers: 2023 ("" when not set)


@dataclass
class Described:
    """Every page's title and description, both languages, and the problems found."""

    pages: dict[tuple[str, str], describe.Described]
    problems: list[Problem]


def described(pages: list[str], read: dict[str, Page], blocks: dict[str, list[Block]],
              source_path) -> Described:
    """Titles and descriptions of ``pages`` (Chinese sources, in navigation order) in every
    language. ``read`` and ``blocks`` are keyed by source path (``source_path(page, lang)``)."""
    out: dict[tuple[str, str], describe.Described] = {}
    problems: list[Problem] = []
    for lang in LANGUAGES:
        found = []
        for page in pages:
            source = source_path(page, lang)
            if source not in read or read[source].body is None:
                continue  # missing or unreadable: reported by the figures' checks
            described_page, issues = describe.describe(read[source], blocks.get(source, []), lang)
            problems.extend(issues)
            if described_page:
                out[(page, lang)] = described_page
                found.append(described_page)
        problems.extend(describe.duplicates(found))
    return Described(out, problems)


def headline(page: str, stats: Statistics, lang: str, *, body: str = "",
             anchors: list[tuple[int, int, str]] = ()) -> Figure | None:
    """The section's headline figure: the first key figure (data/highlights.yml) it states,
    written as its sentence writes it (百万余, 超5000, more than 1 million): ``body`` is the
    page's Markdown and ``anchors`` the sentences that state its figures (``figures``)."""
    slug = page[:-3]
    for key in stats.key_figures:
        m = key.metric
        if m.section == slug:
            mark = FIGURES_UI[lang]["cumulative"] if m.cumulative else ""
            number = stated(m, body, anchors, lang) or qualified(m.value, m.qualifier, lang)
            return Figure(number, m.unit_for(lang), mark, key.context[lang])
    return None


def stated(metric: Metric, body: str, anchors, lang: str) -> str | None:
    """The number with its qualifier, word for word from the sentence that states ``metric``."""
    for start, end, metric_id in anchors:
        if metric_id == metric.id:
            for mention in numbers.find(body[start:end], lang):
                if mention.kind == "figure" and mention.value == metric.value \
                        and mention.qualifier == metric.qualifier:
                    return mention.text
    return None


def card(page: str, about: describe.Described, settings: Settings, stats: Statistics, *, body: str = "",
         anchors: list[tuple[int, int, str]] = ()) -> Card:
    lang = settings.lang
    figure = headline(page, stats, lang, body=body, anchors=anchors)
    year = UI[lang]["year"].format(year=settings.year) if settings.year else ""
    return Card(lang, about.title, settings.publisher, settings.edition, year, figure,
                "" if figure else about.description)


def image_alt(shown: Card) -> str:
    ui = UI[shown.lang]
    names = {"title": shown.title, "publisher": shown.publisher, "edition": shown.edition}
    if not shown.figure:
        return ui["alt"].format(**names)
    f = shown.figure
    if shown.lang == "en":
        figure = f"{f.number} {f.unit}" + (f" ({f.mark})" if f.mark else "") + (f", {f.context}" if f.context else "")
    else:
        figure = f"{f.number}{f.unit}" + (f"({f.mark})" if f.mark else "") + (f",{f.context}" if f.context else "")
    return ui["alt_figure"].format(figure=figure, **names)


def page_head(page: str, about: describe.Described, settings: Settings, shown: Card, *,
              home: bool, body: str, parts: list[tuple[str, str]], original: str | None) -> Head:
    """The ``<head>`` tags of ``page`` in the settings' language. ``parts``: ``(title, page)``
    of the report's parts, for the home page's description of the report."""
    lang, site_url = settings.lang, settings.site_url
    image = base(site_url) + image_path(page, lang)
    data = None
    if home:
        data = structured.report(site_url=site_url, page=page, lang=lang, name=about.title,
                                 description=about.description, publisher=settings.publisher,
                                 year=settings.year, image=image, parts=parts, original=original)
    elif DOWNLOADS_MARKER in body:
        name = UI[lang]["dataset"].format(site=settings.site_name, title=about.title)
        data = structured.dataset(site_url=site_url, page=page, lang=lang, name=name,
                                  description=about.description, publisher=settings.publisher,
                                  year=settings.year, image=image)
    return head(site_url=site_url, page=page, lang=lang, title=about.title, description=about.description,
                site_name=settings.site_name, image_alt=image_alt(shown), home=home, structured=data)


def parts(official: list[str], about: dict[tuple[str, str], describe.Described], lang: str,
          home: str) -> list[tuple[str, str]]:
    """``(title, page)`` of each part of the official text (``official``, the pages marked
    ``official_text: true`` in order) but the opening (the home page)."""
    return [(about[(page, lang)].title, page) for page in official if page != home and (page, lang) in about]


@dataclass(frozen=True)
class Shared:
    """One page in one language, as shared: its ``<head>`` tags and its share image (PNG)."""

    head: Head
    image: bytes


def shared(pages: list[str], bodies: dict[str, str], about: Described, stats: Statistics, settings: Settings, *,
           official: list[str], highlights: str, source_path, original: str | None, cache: Path | None,
           anchors: dict[str, list[tuple[int, int, str]]] | None = None,
           ) -> tuple[dict[str, Shared], list[Problem]]:
    """Every page of ``pages`` in the settings' language: its tags and its image (drawn, or
    taken from ``cache``). The first page is the home page; ``official`` the pages of the
    official text, in order. ``bodies`` and ``anchors`` (the sentences stating each figure) are
    keyed by source path; ``highlights`` is the key figures' file as editors name it (a
    figure the font cannot draw is named there); ``original`` is the official text's path
    under the site's root. Raises ``fonts.MissingFont`` where the font is not installed."""
    lang = settings.lang
    home = pages[0] if pages else ""
    report_parts = parts(official, about.pages, lang, home)
    out: dict[str, Shared] = {}
    problems: list[Problem] = []
    for page in pages:
        described_page = about.pages.get((page, lang))
        if described_page is None:
            continue
        source = source_path(page, lang)
        shown = card(page, described_page, settings, stats, body=bodies.get(source, ""),
                     anchors=(anchors or {}).get(source, []))
        try:
            image = cached(shown, cache)
        except MissingGlyphs as error:
            found = (_glyph_problem(field, characters, described_page, highlights)
                     for field, characters in error.lacking)
            problems.extend(p for p in found if p not in problems)  # a setting's is the same on every card
            continue
        tags = page_head(page, described_page, settings, shown, home=page == home,
                         body=bodies.get(source, ""), parts=report_parts, original=original)
        out[page] = Shared(tags, image)
    return out, problems


def _glyph_problem(field: str, characters: str, page: describe.Described, highlights: str) -> Problem:
    where = {"title": (page.file, page.title_line), "summary": (page.file, page.description_line),
             "publisher": ("mkdocs.yml", 0), "edition": ("mkdocs.yml", 0), "year": ("mkdocs.yml", 0)}
    file, line = where.get(field, (highlights, 0))
    return Problem(file, line, no_glyph(characters, field, fonts.SANS))
