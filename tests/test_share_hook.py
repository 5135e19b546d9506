"""hooks/report_hook.py and hooks/meta/, for real, on copies of the fixture site: an editor's
description is used, a mistaken one is named with its file and line, and a machine without
the pinned font stops the build with what to install, nothing written."""
from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from support import build_site
from hook_sites import copy_fixture, edit, line_of

OWN = "本部分是测试用的说明,只有一句。"


def _own_description(f: Path) -> dict:
    edit(f, "theory.md", "---\nofficial_text: true\n", f"---\ndescription: {OWN}\nofficial_text: true\n")
    return {}


def _same_as_home(f: Path) -> dict:
    text = edit(f, "theory.en.md", "---\nmetrics:\n",
                "---\ndescription: This website is a tiny report for the tests, with one section only.\nmetrics:\n")
    home = line_of((f / "docs" / "index.en.md").read_text(encoding="utf-8"), "This website is a tiny")
    return {"file": "docs/theory.en.md", "line": line_of(text, "description:"), "also": f"docs/index.en.md:{home}"}


def _not_text(f: Path) -> dict:
    text = edit(f, "theory.md", "---\nofficial_text: true\n", "---\ndescription: {zh: 说明}\nofficial_text: true\n")
    return {"file": "docs/theory.md", "line": line_of(text, "description:"), "also": "must be one or two sentences"}


def _no_font(f: Path) -> dict:
    config = f / "fonts.conf"  # a fontconfig that knows no font at all
    config.write_text(f'<?xml version="1.0"?><fontconfig><dir>{f / "no-fonts"}</dir>'
                      f'<cachedir>{f / "fc-cache"}</cachedir></fontconfig>', encoding="utf-8")
    return {"env": {"FONTCONFIG_FILE": str(config)}, "also": "apt-get install fonts-noto-cjk"}


#: a character Noto Sans CJK SC has no glyph for (an Egyptian hieroglyph)
NO_GLYPH = "\U00013000"


def _english_title_glyph(f: Path) -> dict:
    text = edit(f, "theory.en.md", "# II. Theoretical Study\n", f"# II. Theoretical Study {NO_GLYPH}\n")
    return {"file": "docs/theory.en.md", "line": line_of(text, "# II. Theoretical Study"), "also": NO_GLYPH}


def _english_publisher_glyph(f: Path) -> dict:
    """The English build's own settings (the i18n plugin's), known to the first build too."""
    edit(f, "./mkdocs.yml", "          copyright: Test\n", f"          copyright: Test {NO_GLYPH}\n")
    return {"file": "mkdocs.yml", "line": 0, "also": NO_GLYPH}


VARIANTS = {"own-description": _own_description, "same-as-home": _same_as_home, "not-text": _not_text,
            "no-font": _no_font, "english-title-glyph": _english_title_glyph,
            "english-publisher-glyph": _english_publisher_glyph}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[object, dict, Path]]:
    base = tmp_path_factory.mktemp("share-hook")
    jobs = {}
    for name, make in VARIANTS.items():
        folder = copy_fixture(base / name)
        jobs[name] = (folder, make(folder), base / f"{name}-site")

    def run(name):
        folder, expect, site = jobs[name]
        return build_site(folder / "mkdocs.yml", site, env=expect.get("env")), expect, site

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(jobs, pool.map(run, jobs)))


def test_an_editor_s_description_is_the_page_s(builds):
    result, _, site = builds["own-description"]
    assert result.returncode == 0, result.stdout + result.stderr
    html = (site / "theory" / "index.html").read_text(encoding="utf-8")
    assert f'<meta name="description" content="{OWN}">' in html
    assert f'<meta property="og:description" content="{OWN}">' in html
    english = (site / "en" / "theory" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<meta name="description" content="In total, 1,440 youth lecture teams were set up[^"]*">', english)


@pytest.mark.parametrize("name", ["same-as-home", "not-text"])
def test_a_mistaken_description_is_named_with_its_file_and_line(builds, name):
    result, expect, _ = builds[name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert f"{expect['file']}:{expect['line']}:" in output and expect["also"] in output, output


def test_without_the_pinned_font_the_build_stops_saying_what_to_install_with_nothing_written(builds):
    result, expect, site = builds["no-font"]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output and expect["also"] in output, output
    assert not list(site.rglob("*.html")), "pages were written although the build failed"


@pytest.mark.parametrize("name", ["english-title-glyph", "english-publisher-glyph"])
def test_an_english_card_the_font_cannot_draw_stops_the_build_before_anything_is_written(builds, name):
    """The Chinese build goes first and writes its pages: the English cards are checked before."""
    result, expect, site = builds[name]
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    where = f"{expect['file']}:{expect['line']}:" if expect["line"] else f"{expect['file']}:"
    assert where in output and expect["also"] in output, output
    written = [path for path in site.rglob("*") if path.is_file()] if site.exists() else []
    assert written == [], f"{len(written)} files were written although the build failed: {written[:5]}"
