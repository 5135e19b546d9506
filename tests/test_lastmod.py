"""The sitemap's dates are true: in a copy of the repository with a history of its own, a
change committed to one page moves that page's lastmod (and its "updated" date), and no other,
though the repository's last commit is newer than all of them. The commits are made in the
evening, UTC: the report is Shanghai's, where it is the next day already."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from support import ROOT, SITE_URL, build_site, real_nav

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
#: 18:00 and 17:30 UTC: 2:00 and 1:30 the next morning in Shanghai
FIRST, SECOND = "2024-01-10T18:00:00+00:00", "2024-03-05T17:30:00+00:00"


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
    assert dates.pop(changed) == "2024-03-06"
    others = 2 * len(real_nav()) - 1  # every other page in both languages, the English twin included
    assert len(dates) == others and set(dates.values()) == {"2024-01-11"}, dates
    assert _shown(tmp_path / "site" / "theory") == "2024年3月6日"  # what the page shows as "updated"
    assert _shown(tmp_path / "site" / "en" / "theory") == "January 11, 2024"


def _shown(page: Path) -> str:
    """The date a built page shows as "updated" (更新于 / Last updated), as it reads."""
    html = (page / "index.html").read_text(encoding="utf-8")
    aside = re.search(r'<aside class="md-source-file">(.*?)</aside>', html, re.S).group(1)
    text = " ".join(re.sub(r"<[^>]+>", "", aside).split())
    return re.sub(r"^(更新于|Last updated) ", "", text)
