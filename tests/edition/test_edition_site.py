"""The edition in a built site (the fixture of tests/fixtures/good, built for real): the
one-page edition in both languages; the PDF where a copy turns it on; a machine without a font
or pango stops the strict build before anything is written; the preview makes no PDF and
says so."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from support import build_site
from hook_sites import copy_fixture, fetch_when_served
from test_pdf import without_pango


def pdf_on(folder: Path) -> Path:
    config = folder / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    pdf: false\n" in text
    config.write_text(text.replace("    pdf: false\n", "    pdf: true\n"), encoding="utf-8")
    return folder


def no_fonts(folder: Path) -> dict[str, str]:
    config = folder / "fonts.conf"  # a fontconfig that knows no font at all
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{folder / "no-fonts"}</dir>'
                      f'<cachedir>{folder / "font-cache"}</cachedir></fontconfig>', encoding="utf-8")
    return {"FONTCONFIG_FILE": str(config)}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, tuple[Path, subprocess.CompletedProcess]]:
    base = tmp_path_factory.mktemp("edition")
    jobs = {}
    for name in ("off", "on", "no-fonts", "no-pango"):
        folder = copy_fixture(base / name)
        if name != "off":
            pdf_on(folder)
        env = {"no-fonts": no_fonts, "no-pango": without_pango}.get(name, lambda f: {})(folder)
        jobs[name] = (folder, base / f"{name}-site", env)

    def run(name):
        folder, site, env = jobs[name]
        return site, build_site(folder / "mkdocs.yml", site, env=env)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(jobs, pool.map(run, jobs)))


def _site(built, name) -> Path:
    site, result = built[name]
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize(("lang", "folder", "note"), [
    ("zh", "", "本网站的设置不生成PDF版"), ("en", "en/", "This site is set not to make the PDF")])
def test_the_one_page_edition_holds_the_report_and_says_why_there_is_no_pdf(built, lang, folder, note):
    html = (_site(built, "off") / folder / "full-text" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html and note in html
    for held in ('id="theory"', 'id="theory-item-1"', 'id="fig-lecture-teams"', 'id="annex"',
                 'href="#fig-lecture-teams"'):
        assert held in html, held
    assert "<!-- edition" not in html and "figures-panel" not in html.split('id="theory"')[1]
    assert not list((_site(built, "off") / folder / "full-text").glob("*.pdf"))


def test_the_one_page_edition_is_out_of_the_search_index(built):
    for folder in ("", "en/"):
        index = json.loads((_site(built, "off") / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["docs"] and not [d for d in index["docs"] if d["location"].startswith("full-text")]


@pytest.mark.parametrize(("lang", "folder"), [("zh", ""), ("en", "en/")])
def test_a_site_that_makes_the_pdf_links_it_with_its_size(built, lang, folder):
    site = _site(built, "on")
    pdf = site / folder / "full-text" / f"report-2023.{lang}.pdf"
    reader = PdfReader(BytesIO(pdf.read_bytes()))
    assert reader.trailer["/Root"]["/Lang"] == lang and len(reader.outline) >= 3
    size = f"{round(pdf.stat().st_size / 1000)} KB"
    for page, href in (("", "full-text/"), ("full-text/", ""), ("statistics/", "../full-text/")):
        html = (site / folder / page / "index.html").read_text(encoding="utf-8")
        assert f'href="{href}report-2023.{lang}.pdf" type="application/pdf">' in html, page
        assert f"({size})</a>" in html and "@@edition" not in html, page


@pytest.mark.parametrize(("name", "says"), [
    ("no-fonts", ["CJK SC Regular' is not installed", "sudo apt-get install fonts-noto-cjk"]),
    ("no-pango", ["cannot load library 'libpango-1.0-0'",
                  "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-noto-cjk"]),
])
def test_a_machine_that_cannot_make_the_pdf_stops_the_build_saying_what_to_install(built, name, says):
    site, result = built[name]
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for words in [*says, "Nothing was published."]:
        assert words in output, output
    assert "Traceback" not in output, output
    assert not [p for p in site.rglob("*") if p.is_file()], "files were written"


def test_the_preview_makes_no_pdf_and_says_so(tmp_path):
    folder = pdf_on(copy_fixture(tmp_path / "preview"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{port}",
                               "-f", str(folder / "mkdocs.yml")], cwd=folder, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        pages = {path: fetch_when_served(f"http://127.0.0.1:{port}/report-test/{path}", server)
                 for path in ("full-text/", "en/")}
    finally:
        server.terminate()
        server.communicate(timeout=30)
    assert "预览(mkdocs serve)不生成PDF版" in pages["full-text/"] and 'id="theory-item-1"' in pages["full-text/"]
    assert "The PDF is not made in the preview (mkdocs serve)" in pages["en/"]
