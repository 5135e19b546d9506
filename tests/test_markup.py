"""Every built page is valid HTML with accessible markup, as html-validate judges it: the rules
of the HTML standard, of accessibility and of a whole document (tests/markup/htmlvalidate.json;
Subresource Integrity is off: every file comes from the site itself).

html-validate is pinned in package-lock.json and installed by ./scripts/test (npm ci); it needs
only Node.js, which the search tests need already (the Nu HTML Checker would need Java). An
error in our own markup fails the test. Material's own errors are listed in MATERIAL, each for
one kind of element, with why it is left; one Material no longer makes fails too, so that the
list stays true."""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import ROOT

NODE_MODULES = ROOT / "node_modules"
SCRIPT = ROOT / "tests" / "markup" / "validate.mjs"
CONFIG = ROOT / "tests" / "markup" / "htmlvalidate.json"


@dataclass(frozen=True)
class Known:
    rule: str
    element: str  # a CSS selector: the error is excused on the elements it matches only
    why: str


MATERIAL = [
    Known("valid-autocomplete", "input.md-toggle[data-md-toggle]",
          "the menu and search toggles: checkboxes with autocomplete=off (so that a browser does not "
          "restore them open), in base.html outside any block; the Nu checker reports them too"),
    Known("wcag/h32", "form.md-search__form", "the search form searches as the reader types: no submit button"),
    Known("wcag/h32", 'form.md-header__option[data-md-component="palette"]',
          "the colour-scheme toggle: radio buttons that apply on click, no submit button"),
    Known("input-missing-label", "input.md-toggle#__search",
          "the search toggle's labels are icons; the search box itself is labelled"),
    Known("input-missing-label", "input.md-toggle#__toc",
          "partials/nav-item.html writes the contents toggle on every page, its label only when the page "
          "has headings under its title: on basics/ it is unlabelled, and hidden (display: none)"),
    Known("unique-landmark", "nav.md-nav--secondary",
          "the table of contents is drawn twice, in the sidebar and in the phone's menu, with one name; "
          "one of them is hidden at any width"),
    Known("unique-landmark", "nav.md-nav--secondary nav.md-nav",
          "on the whole report's page the contents go two levels deep (each part and its items): Material "
          "names each nested list by its heading, and draws the contents twice, as above"),
]


def validate(pages: list[Path], known: list[Known]) -> list[dict]:
    """html-validate's errors on ``pages``, each with the index of the entry of ``known`` that
    excuses it, or None."""
    if not (NODE_MODULES / "html-validate").is_dir():
        pytest.fail("html-validate is not installed: run ./scripts/test, which installs it (npm ci)", pytrace=False)
    request = {"config": str(CONFIG), "files": [str(page) for page in pages],
               "known": [{"rule": k.rule, "selector": k.element} for k in known]}
    done = subprocess.run([shutil.which("node") or "node", str(SCRIPT)], input=json.dumps(request), cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"html-validate did not run:\n{done.stderr}"
    return json.loads(done.stdout)


def _shown(errors: list[dict], root: Path) -> str:
    return "\n  ".join(f"{Path(e['file']).relative_to(root)}:{e['line']}:{e['column']}: {e['message']} "
                       f"[{e['rule']}] {e['selector'] or ''}" for e in errors)


def test_every_page_is_valid_but_for_materials_known_errors(site: Path):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 20, pages
    errors = validate(pages, MATERIAL)
    ours = [e for e in errors if e["known"] is None]
    assert not ours, f"{len(ours)} error(s) in the site's markup:\n  {_shown(ours, site)}"
    gone = [k for i, k in enumerate(MATERIAL) if not any(e["known"] == i for e in errors)]
    assert not gone, f"Material no longer makes these errors: remove them from MATERIAL: {gone}"


PAGE = """<!doctype html>
<html lang="zh">
<head><meta charset="utf-8"><title>语言</title></head>
<body>
<main>
<nav aria-label="语言">
{switcher}
</nav>
<input class="md-toggle" type="checkbox" id="drawer" autocomplete="off"><label for="drawer">菜单</label>
<input type="checkbox" id="other" autocomplete="off"><label for="other">其他</label>
</main>
</body>
</html>
"""
SPAN = '<span lang="zh" aria-current="true" aria-label="中文">中文</span> <a href="en/" lang="en">English</a>'
FIXED = '<span lang="zh" aria-current="true">中文</span> <a href="en/" lang="en">English</a>'


def test_the_validator_catches_an_aria_label_on_a_span(tmp_path: Path):
    """The language switcher's error before issue 21: the current language was a
    <span aria-label>, which a span may not have."""
    known = [Known("valid-autocomplete", "input.md-toggle", "as Material's")]
    for name, switcher in (("span", SPAN), ("fixed", FIXED)):
        (tmp_path / f"{name}.html").write_text(PAGE.format(switcher=switcher), encoding="utf-8")
    bad, good = (validate([tmp_path / f"{name}.html"], known) for name in ("span", "fixed"))
    assert [(e["rule"], e["line"], e["known"]) for e in bad if e["rule"] != "valid-autocomplete"] == [
        ("aria-label-misuse", 7, None)], bad
    # a known error is excused on the elements its selector names, and no other
    assert [(e["rule"], e["selector"], e["known"]) for e in good] == [
        ("valid-autocomplete", "#drawer", 0), ("valid-autocomplete", "#other", None)], good
