"""The one-page edition and the PDF's HTML, from the Jinja templates in ``overrides/edition/``.

- :func:`web` is the body of the site's one-page edition (``docs/full-text.md``), with a
  contents list for Material's sidebar (:func:`contents`);
- :func:`document` is the whole HTML document WeasyPrint paginates: cover, contents, the
  report, the notes and the figures annex, with the print stylesheet;
- :func:`pdf_link` is the link to the PDF with its size in plain words, or the note that the
  preview does not make it.

Knows nothing of MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from .assemble import Edition, Entry

#: the edition's date is the commit's date where the report is published
ZONE = ZoneInfo("Asia/Shanghai")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

UI = {
    "zh": {
        "contents": "目录", "notes": "编者按", "notes_general": "关于全文",
        "annex": "附录:数据", "key_figures": "主要数据", "tables": "各部分数据",
        "publisher": "发布单位", "year": "评议年度", "year_value": "{}年",
        "official": "正式文本",
        "official_text": "本文件逐字刊载共青团上海市委员会公布的官方文本,各部分的顺序和编号与原文一致。"
                         "原文纯文本:",
        "translation": "",
        "edition": "本版日期", "address": "网址",
        "pdf_link": "全文PDF版({})", "pdf_title": "{}",
        "description": "{}全文(官方文本),含编者按和数据附录。",
        "pdf_off_serve": "预览(mkdocs serve)不生成PDF版;构建网站(mkdocs build)时生成。",
        "pdf_off_config": "本网站的设置不生成PDF版(mkdocs.yml 中 extra.edition.pdf 为 false)。",
        "pdf_download": "全文PDF版",
        "pdf_download_text": "全部六个部分、编者按和数据附录,A4版式,可打印、存档、转发。",
    },
    "en": {
        "contents": "Contents", "notes": "Editor's notes", "notes_general": "The report as a whole",
        "annex": "Annex: Figures", "key_figures": "Key figures", "tables": "Figures by section",
        "publisher": "Published by", "year": "Evaluation year", "year_value": "{}",
        "official": "Official text",
        "official_text": "The Chinese text published by the Communist Youth League Shanghai "
                         "Municipal Committee, in the order and numbering of the original. "
                         "The original, as plain text: ",
        "translation": "This is an English translation. The Chinese text is the official version.",
        "edition": "Edition of", "address": "Website",
        "pdf_link": "The whole report as a PDF ({})", "pdf_title": "{} (English translation)",
        "description": "{}: the whole report in English translation (the Chinese text is the official "
                       "version), with the editor's notes and the figures annex.",
        "pdf_off_serve": "The PDF is not made in the preview (mkdocs serve); the build (mkdocs build) makes it.",
        "pdf_off_config": "This site is set not to make the PDF (extra.edition.pdf is false in mkdocs.yml).",
        "pdf_download": "The whole report as a PDF",
        "pdf_download_text": "All six parts, the editor's notes and the figures annex, on A4 pages: "
                             "to print, file or send on.",
    },
}


@dataclass(frozen=True)
class Cover:
    """What the PDF's cover and metadata say, besides the title."""

    publisher: str
    year: str | None
    short_title: str          # the running header's
    address: str              # the site's address in this language
    official_text: str        # the address of the original text, as plain text
    epoch: int                # the edition's date (SOURCE_DATE_EPOCH)


@lru_cache(maxsize=4)
def environment(template_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(template_dir), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["css_string"] = css_string
    return env


def contents(edition: Edition, lang: str) -> list[Entry]:
    """The document's headings: each part with its items, the notes, the annex."""
    ui = UI[lang]
    entries = [Entry(part.id, part.title, list(part.items)) for part in edition.parts]
    if edition.notes:
        entries.append(Entry("notes", ui["notes"],
                             [Entry(n.id, n.part or ui["notes_general"]) for n in edition.notes]))
    entries.append(Entry("annex", ui["annex"], [
        Entry("annex-key-figures", ui["key_figures"]),
        Entry("annex-tables", ui["tables"], list(edition.annex_entries.get("tables", []))),
    ]))
    return entries


def web(template_dir: str, edition: Edition, lang: str) -> str:
    """The report on one page, for the site: the body only (the page's title and the
    introduction are the page's own)."""
    return environment(template_dir).get_template("edition/body.html").render(
        edition=_safe(edition), ui=UI[lang], lang=lang)


def document(template_dir: str, edition: Edition, lang: str, cover: Cover, *, serif: str, sans: str) -> str:
    """The whole HTML document of the PDF."""
    ui = UI[lang]
    moment = datetime.fromtimestamp(cover.epoch, tz=timezone.utc)
    return environment(template_dir).get_template("edition/document.html").render(
        edition=_safe(edition), ui=ui, lang=lang, cover=cover, contents=contents(edition, lang),
        title=ui["pdf_title"].format(edition.title), date=edition_date(cover.epoch, lang),
        created=moment.strftime("%Y-%m-%dT%H:%M:%SZ"), serif=serif, sans=sans,
        title_lines=title_lines(edition.title, cover.publisher))


def title_lines(title: str, publisher: str) -> tuple[str, str]:
    """The cover's title in two lines when it starts with the publisher's name (the colon that
    follows it stays on the first, so the title copies out as it reads); else in one."""
    rest = title[len(publisher):] if publisher and title.startswith(publisher) else ""
    subject = rest.lstrip(": ")
    if not subject:
        return "", title
    return publisher + rest[: len(rest) - len(subject)].rstrip(), subject


def edition_date(epoch: int, lang: str) -> str:
    """The edition's date in words: 2026年12月8日, 8 December 2026 (in Shanghai)."""
    day = datetime.fromtimestamp(epoch, tz=ZONE)
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def plain_size(size: int) -> str:
    """A file's size as readers say it: 480 KB, 1.2 MB."""
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))} KB"
    return f"{size / 1_000_000:.1f} MB"


def pdf_link(href: str, size: str, lang: str) -> Markup:
    """The link to the PDF, with its size (in words, see :func:`plain_size`)."""
    text = UI[lang]["pdf_link"].format(size)
    return Markup('<a class="edition-pdf" href="{}" type="application/pdf">{}</a>').format(href, text)


def pdf_missing(lang: str, *, serving: bool) -> Markup:
    """Where the link would be: why there is no PDF."""
    text = UI[lang]["pdf_off_serve" if serving else "pdf_off_config"]
    return Markup('<span class="edition-pdf edition-pdf--missing">{}</span>').format(text)


def pdf_download(link: Markup, lang: str) -> Markup:
    """The PDF among the statistics page's downloads."""
    return Markup("<li>{}<br>{}</li>").format(link, UI[lang]["pdf_download_text"])


def css_string(text: str) -> Markup:
    """``text`` as a CSS string, quotes included."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return Markup(f'"{escaped}"')


def _safe(edition: Edition) -> Edition:
    """The edition's HTML, marked safe: it is the site's own rendered pages."""
    return Edition(
        edition.title, Markup(edition.opening),
        [type(p)(p.id, p.title, Markup(p.html), p.items) for p in edition.parts],
        [type(n)(n.id, n.part, Markup(n.html)) for n in edition.notes],
        {name: Markup(html) for name, html in edition.annex.items()}, edition.annex_entries)
