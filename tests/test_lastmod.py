"""The sitemap's dates are true: in a copy of the repository with a history of its own, a
change committed to one file moves the lastmod (and the "updated" date) of the pages made from
it, and no other, though the repository's last commit is newer than all of them: a page moves
with the pages that show its figures, the glossary pages with data/glossary.yml. The commits
are made in the evening, UTC: the report is Shanghai's, where it is the next day already."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from support import ROOT, SITE_URL, build_site, git, real_nav

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
#: 18:00 and 17:30 UTC: 2:00 and 1:30 the next morning in Shanghai
FIRST, SECOND = "2024-01-10T18:00:00+00:00", "2024-03-05T17:30:00+00:00"


def _copy(repo: Path) -> None:
    """What a build reads, as in a fresh clone: the configuration, the pages, the data, the
    hook and the templates (no caches, no build output)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=ignore)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")


def test_a_changed_page_moves_with_the_pages_that_show_its_figures_and_no_other(tmp_path):
    """theory.md holds its figures (both languages' panels show them) and is a part of the
    official text: the statistics, the home page's key figures and the whole report show them."""
    repo = _history(tmp_path, "docs/theory.md", lambda text: text + "\n")
    dates = _built(repo, tmp_path / "site")

    moved = {url: day for url, day in dates.items() if day != "2024-01-11"}
    built_from_it = ("theory/", "statistics/", "", "full-text/")
    assert moved == {SITE_URL + lang + path: "2024-03-06" for lang in ("", "en/") for path in built_from_it}
    assert len(dates) == 2 * len(real_nav())
    assert _shown(tmp_path / "site" / "theory") == "2024年3月6日"  # what the page shows as "updated"
    assert _shown(tmp_path / "site" / "en" / "theory") == "March 6, 2024"
    assert _shown(tmp_path / "site" / "basics") == "2024年1月11日"
    assert _shown(tmp_path / "site" / "en" / "basics") == "January 11, 2024"


def test_a_change_to_the_glossary_moves_the_glossary_pages_and_no_other(tmp_path):
    """The glossary pages are drawn from data/glossary.yml: their own files did not change."""
    old, new = "The short form used throughout the report.", "The short form used throughout this report."
    repo = _history(tmp_path, "data/glossary.yml", lambda text: text.replace(old, new))
    dates = _built(repo, tmp_path / "site")

    moved = {url: day for url, day in dates.items() if day != "2024-01-11"}
    assert moved == {SITE_URL + "glossary/": "2024-03-06", SITE_URL + "en/glossary/": "2024-03-06"}, dates
    assert len(dates) == 2 * len(real_nav())
    assert _shown(tmp_path / "site" / "glossary") == "2024年3月6日"
    assert _shown(tmp_path / "site" / "en" / "glossary") == "March 6, 2024"
    assert new in (tmp_path / "site" / "en" / "glossary" / "index.html").read_text(encoding="utf-8")


def _history(tmp_path: Path, changed: str, change) -> Path:
    """A copy of the project whose first commit (:data:`FIRST`) holds it all, and a second
    (:data:`SECOND`) changes one file (``change`` of its text)."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _copy(repo)
    git(repo, "init", "--quiet")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "The report", date=FIRST)
    path = repo / changed
    text = path.read_text(encoding="utf-8")
    assert change(text) != text
    path.write_text(change(text), encoding="utf-8")
    git(repo, "commit", "--quiet", "--all", "-m", "One file changes", date=SECOND)
    return repo


def _built(repo: Path, site: Path) -> dict[str, str]:
    """The site built from ``repo`` (its date the last commit's): its sitemap's lastmod by address."""
    epoch = git(repo, "log", "-1", "--format=%ct").strip()
    result = build_site(repo / "mkdocs.yml", site, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.fromstring((site / "sitemap.xml").read_bytes())
    return {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
            for u in root.findall("s:url", NS)}


def _shown(page: Path) -> str:
    """The date a built page shows as "updated" (更新于 / Last updated), as it reads."""
    html = (page / "index.html").read_text(encoding="utf-8")
    aside = re.search(r'<aside class="md-source-file">(.*?)</aside>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", "", aside).split())
    return re.sub(r"^(更新于|Last updated) ", "", text)
