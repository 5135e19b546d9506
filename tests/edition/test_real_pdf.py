"""The real site's PDFs, as built by `mkdocs build --strict` (the session's `site`): linked
from their home pages with their size, at most 3 MB, A4, tagged, titled, in their language,
every font embedded, bookmarks for every part and item, the whole official text (Chinese) and
every English paragraph, each annex figure linking to its sentence, no heading alone at a page's
foot and no table row split. Pages are rendered to PNG in test-output/edition/ to be looked at."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from tinyhtml5.parser import HTMLParser

from figures.draw.numbers import qualified
from pdftext import body_text, embedded_fonts, lines, links, outline, reader, squeezed
from support import ROOT, real_nav

LANGUAGES = {"zh": "", "en": "en/"}
LIMIT = 3_000_000
OUTPUT = ROOT / "test-output" / "edition"


def pdf_path(site: Path, lang: str) -> Path:
    return site / LANGUAGES[lang] / "full-text" / f"report-2023.{lang}.pdf"


def official_pages() -> list[str]:
    """The pages of the official text, in order ("index" is the home page's opening)."""
    out = []
    for page in real_nav():
        head = (ROOT / "docs" / page).read_text(encoding="utf-8").split("\n---", 1)[0]
        if re.search(r"^official_text:\s*true", head, re.M):
            out.append(page[:-3])
    return out


def article(site: Path, lang: str, slug: str):
    html = (site / LANGUAGES[lang] / ("" if slug == "index" else f"{slug}/") / "index.html").read_text(encoding="utf-8")
    tree = HTMLParser(namespace_html_elements=False).parse(html)
    return next(tree.iter("article"))


def official_paragraphs(site: Path, lang: str) -> list[str]:
    """The paragraphs of the official pages, as the site shows them (not the editorial ones)."""
    out = []
    for slug in official_pages():
        for element in article(site, lang, slug):
            classes = set((element.get("class") or "").split())
            if element.tag == "p" and not classes & {"editorial", "report-translation"}:
                out.append("".join(element.itertext()))
    return out


def epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value:
        return int(value)
    return int(subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_pdf_is_linked_from_its_home_page_with_its_size_and_at_most_3_mb(site, lang):
    path = pdf_path(site, lang)
    size = path.stat().st_size
    assert size <= LIMIT, f"{path.name}: {size} bytes"
    words = f"{round(size / 1000)} KB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"
    home = (site / LANGUAGES[lang] / "index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="edition-pdf" href="([^"]+)" type="application/pdf">([^<]+)</a>', home)
    assert link, "no link to the PDF on the home page"
    assert (site / LANGUAGES[lang] / link.group(1)).resolve() == path.resolve()
    assert link.group(2) == {"zh": f"全文PDF版({words})", "en": f"The whole report as a PDF ({words})"}[lang]
    assert 'href="full-text/"' in home  # the one-page edition


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_pdf_is_a4_tagged_titled_dated_in_its_language_with_every_font_embedded(site, lang):
    pdf = reader(pdf_path(site, lang))
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert "2023" in pdf.metadata.title and pdf.metadata.author
    assert ("translation" in pdf.metadata.title) == (lang == "en")
    stamp = datetime.fromtimestamp(epoch(), tz=timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
    assert pdf.metadata["/CreationDate"] == stamp and pdf.metadata["/ModDate"] == stamp
    fonts = embedded_fonts(pdf)
    assert fonts and all(fonts.values()), fonts
    families = {re.sub(r"(Bold)?(Oblique)?$", "", name.split("+")[-1].replace("-", "")) for name in fonts}
    assert families <= {"NotoSerifCJKSC", "NotoSansCJKSC"}, fonts  # the pinned fonts, and only they
    for page in pdf.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_cover_says_what_it_is_and_the_english_one_that_the_chinese_is_official(site):
    zh, en = (squeezed(body_text(reader(pdf_path(site, lang)).pages[0])) for lang in LANGUAGES)
    day = datetime.fromtimestamp(epoch(), tz=timezone.utc).astimezone()
    for words in ("共青团上海市委员会2023年基层评议公开内容", "发布单位", "评议年度2023年", "正式文本", "本版日期",
                  "example.github.io/report-2023/data/report-2023.zh.txt"):
        assert squeezed(words) in zh, words
    for words in ("This is an English translation The Chinese text is the official version",
                  "Evaluation year2023", "Published byCommunist Youth League Shanghai Municipal Committee",
                  "Edition of"):
        assert squeezed(words) in en, words
    assert str(day.year) in zh and str(day.year) in en


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_bookmarks_hold_every_part_with_its_items_in_the_documents_order(site, lang):
    marks = outline(reader(pdf_path(site, lang)))
    parts = [title for depth, title, _ in marks if depth == 0]
    expected = []
    for slug in official_pages()[1:]:
        body = article(site, lang, slug)
        titles = ["".join(h.itertext()).replace("¶", "").strip() for h in body.iter() if h.tag in ("h1", "h2")]
        expected.append(titles)
    assert parts[: len(expected)] == [t[0] for t in expected]
    assert len(parts) == len(expected) + 2  # the notes and the annex
    for titles in expected:  # each part's items, right after it
        start = next(i for i, (d, t, _) in enumerate(marks) if d == 0 and t == titles[0])
        assert [t for _, t, _ in marks[start + 1: start + len(titles)]] == titles[1:]
    pages = [page for _, _, page in marks]
    assert pages == sorted(pages)


def test_the_chinese_pdf_holds_every_sentence_of_the_official_text(site):
    text = squeezed("".join(body_text(page) for page in reader(pdf_path(site, "zh")).pages))
    official = (ROOT / "data" / "source" / "report-2023.zh.txt").read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[。!?;])", official) if squeezed(s)]
    assert len(sentences) > 60
    missing = [s for s in sentences if squeezed(s) not in text]
    assert not missing, missing[:5]


def test_the_english_pdf_holds_every_english_paragraph(site):
    text = squeezed("".join(body_text(page) for page in reader(pdf_path(site, "en")).pages))
    paragraphs = official_paragraphs(site, "en")
    assert len(paragraphs) > 15
    missing = [p for p in paragraphs if squeezed(p) not in text]
    assert not missing, missing[:3]
    # the same characters the page shows, punctuation included (no ligature, no hyphen added)
    spaced = "".join(body_text(page) for page in reader(pdf_path(site, "en")).pages)
    flat = re.sub(r"\s+", "", spaced)
    assert not [p for p in paragraphs if re.sub(r"\s+", "", p) not in flat][:3]


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_annex_figure_links_to_the_page_of_its_sentence(site, lang):
    pdf = reader(pdf_path(site, lang))
    metrics = json.loads((site / "data" / "metrics.json").read_text(encoding="utf-8"))["metrics"]
    destinations = {name: pdf.get_destination_page_number(d) for name, d in pdf.named_destinations.items()}
    linked = links(pdf)
    annex = destinations["annex"]
    for metric in metrics:
        anchor = f"fig-{metric['id']}"
        assert anchor in destinations, anchor
        assert any(page >= annex and name == anchor for page, name in linked), f"no link from the annex to {anchor}"
        sentence = "".join(next(el for el in article(site, lang, metric["section"]).iter()
                                if el.get("id") == anchor).itertext())
        start, page = squeezed(sentence)[:8], destinations[anchor]
        here = squeezed(body_text(pdf.pages[page]))  # the sentence starts here, and may go on overleaf
        following = squeezed(body_text(pdf.pages[page + 1])) if page + 1 < len(pdf.pages) else ""
        assert -1 < (here + following).find(start) < len(here), (anchor, start, page)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_no_heading_alone_at_the_foot_of_a_page_and_no_table_row_split(site, lang):
    pdf = reader(pdf_path(site, lang))
    headings = {squeezed(title) for _, title, _ in outline(pdf)}
    for index, page in enumerate(pdf.pages[2:], 3):
        found = lines(page)
        if found:
            lowest = min(y for y, _ in found)
            last = "".join(t for y, t in found if abs(y - lowest) < 1)
            assert squeezed(last) not in headings, f"page {index} ends with the heading {last!r}"
    metrics = json.loads((site / "data" / "metrics.json").read_text(encoding="utf-8"))["metrics"]
    annex = {name: pdf.get_destination_page_number(d) for name, d in pdf.named_destinations.items()}["annex-tables"]
    pages = [squeezed(body_text(page)) for page in pdf.pages[annex:]]
    for metric in metrics:
        label = squeezed(metric["label"][lang])
        value = squeezed(qualified(Decimal(str(metric["value"])), metric["qualifier"], lang))
        rows = [text[m.end(): m.end() + 40] for text in pages for m in re.finditer(re.escape(label), text)]
        assert any(value in row for row in rows), (metric["id"], rows)  # the label's value on its page


def test_pages_are_rendered_for_a_look(site):
    """The cover, the contents, the first part, the notes and the annex of each PDF, as PNG."""
    assert shutil.which("pdftoppm"), "pdftoppm is missing: install the Debian package poppler-utils"
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        path = pdf_path(site, lang)
        pdf = reader(path)
        named = {name: pdf.get_destination_page_number(d) for name, d in pdf.named_destinations.items()}
        chosen = {"cover": 0, "contents": 1, "part": named[official_pages()[2]], "notes": named["notes"],
                  "annex": named["annex"]}
        for what, index in chosen.items():
            stem = OUTPUT / f"{lang}-{what}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(index + 1), "-l", str(index + 1),
                            str(path), str(stem)], check=True, timeout=120)
            image = stem.with_suffix(".png")
            assert image.stat().st_size > 10_000, image
