"""The sitemap's dates are true: in a copy of the repository with a history of its own, a
change committed to one page moves that page's lastmod (and its "updated" date), and no other,
though the repository's last commit is newer than all of them."""
from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from support import ROOT, SITE_URL, build_site, real_nav

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
FIRST, SECOND = "2024-01-10T12:00:00+00:00", "2024-03-05T12:00:00+00:00"


def _git(repo: Path, *args: str, date: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def _copy(repo: Path) -> None:
    """What a build reads, as in a fresh clone: the configuration, the pages, the data, the
    hook and the templates (no caches, no build output)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("docs", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=ignore)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")


def test_only_the_changed_page_gets_a_new_lastmod(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    _copy(repo)
    _git(repo, "init", "--quiet")
    _git(repo, "add", "--all")
    _git(repo, "commit", "--quiet", "-m", "The report", date=FIRST)
    page = repo / "docs" / "theory.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _git(repo, "commit", "--quiet", "--all", "-m", "One page changes", date=SECOND)
    epoch = _git(repo, "log", "-1", "--format=%ct").strip()

    result = build_site(repo / "mkdocs.yml", tmp_path / "site", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.stdout + result.stderr

    root = ET.fromstring((tmp_path / "site" / "sitemap.xml").read_bytes())
    dates = {u.findtext("s:loc", namespaces=NS): u.findtext("s:lastmod", namespaces=NS)
             for u in root.findall("s:url", NS)}
    changed = SITE_URL + "theory/"
    assert dates.pop(changed) == "2024-03-05"
    others = 2 * len(real_nav()) - 1  # every other page in both languages, the English twin included
    assert len(dates) == others and set(dates.values()) == {"2024-01-10"}, dates
    shown = (tmp_path / "site" / "theory" / "index.html").read_text(encoding="utf-8")
    assert "2024年3月5日" in shown  # what the page shows as "updated"
