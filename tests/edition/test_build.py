"""hooks/edition/build.py: one language's edition from the rendered pages, and the markers."""
from __future__ import annotations

from pathlib import Path

from edition.build import EDITION, PDF, PDF_DOWNLOAD, SIZE, Site, epoch, make

TEMPLATES = str(Path(__file__).resolve().parents[2] / "overrides")
PAGES = {
    "index": ("en/", '<h1 class="editorial">Test report</h1><p>The opening.</p>'),
    "theory": ("en/theory/", '<h1 id="t">II. Theory</h1><h2 id="item-1">(1) One.</h2><p>Text.</p>'),
    "glossary": ("en/glossary/", "<h1>Glossary</h1>"),
    "full-text": ("en/full-text/", f"<h1>The Whole Report</h1>{PDF}{EDITION}"),
}
BLOCKS = {"key-figures": '<ul class="figures-key"></ul>', "tables": '<div class="figures-tables"></div>'}


def _site(**changes) -> Site:
    values = dict(lang="en", template_dir=TEMPLATES, site_url="https://example.org/r/", root="en/",
                  page="en/full-text/", pdf_name="report.en.pdf", official_text="data/x.zh.txt",
                  publisher="Publisher", year="2023", short_title="Short", epoch=1765152000)
    return Site(**{**values, **changes})


def test_the_official_pages_make_the_report_and_the_others_stay_out():
    made = make(_site(pdf=False), PAGES, ["index", "theory"], BLOCKS)
    assert "The opening." in made.body and "(1) One." in made.body and "Glossary" not in made.body
    assert [e.id for e in made.contents] == ["theory", "annex"]
    assert made.document is None


def test_a_home_page_that_is_not_official_gives_the_title_only():
    made = make(_site(pdf=False), PAGES, ["theory"], BLOCKS)
    assert "The opening." not in made.body


def test_the_pdf_link_waits_for_the_size_then_gets_it():
    made = make(_site(), PAGES, ["index", "theory"], BLOCKS)
    assert made.document is not None and "<title>Test report (English translation)</title>" in made.document
    home = made.fill(f"<p>{PDF}</p><ul>{PDF_DOWNLOAD}</ul>", page_url="en/")
    assert f'href="full-text/report.en.pdf" type="application/pdf">The whole report as a PDF ({SIZE})</a>' in home
    made.pdf = b"x" * 1_234_567
    assert "The whole report as a PDF (1.2 MB)</a>" in made.sized(home) and SIZE not in made.sized(home)
    assert 'href="report.en.pdf"' in made.fill(PDF, page_url="en/full-text/")


def test_without_a_pdf_the_page_says_why():
    serving = make(_site(serving=True), PAGES, ["index", "theory"], BLOCKS)
    assert "not made in the preview (mkdocs serve)" in serving.fill(PDF, page_url="en/")
    off = make(_site(pdf=False), PAGES, ["index", "theory"], BLOCKS)
    assert "extra.edition.pdf is false" in off.fill(f"<ul>{PDF_DOWNLOAD}</ul>", page_url="en/statistics/")


def test_the_edition_replaces_its_marker():
    made = make(_site(pdf=False), PAGES, ["index", "theory"], BLOCKS)
    filled = made.fill(PAGES["full-text"][1], page_url="en/full-text/")
    assert EDITION not in filled and "(1) One." in filled


def test_the_date_comes_from_source_date_epoch_else_from_the_last_commit(tmp_path):
    assert epoch({"SOURCE_DATE_EPOCH": "1765152000"}, str(tmp_path)) == 1765152000
    root = Path(__file__).resolve().parents[2]
    import subprocess
    committed = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True).stdout
    assert epoch({}, str(root)) == int(committed)
