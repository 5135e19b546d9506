"""hooks/meta/dates.py: a page's date is the newest commit among the files it is made from,
read in one git call, as a day in Shanghai written as the git-revision-date plugin writes it."""
from __future__ import annotations

import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from mkdocs_git_revision_date_localized_plugin.dates import get_date_formats

from meta import dates
from meta.dates import Drawn
from support import git, real_config

PAGES = ["index.md", "theory.md", "basics.md", "statistics.md", "glossary.md", "full-text.md"]
TEXTS = {
    "index.md": "# 首页\n\n<!-- figures:key-figures -->\n", "index.en.md": "# Home\n\n<!-- figures:key-figures -->\n",
    "theory.md": "# 二、理论\n", "theory.en.md": "# II. Theory\n",
    "basics.md": "# 一、基本情况\n", "basics.en.md": "# I. Basics\n",
    "statistics.md": "<!-- figures:tables -->\n", "statistics.en.md": "<!-- figures:tables -->\n",
    "glossary.md": "<!-- glossary -->\n", "glossary.en.md": "<!-- glossary -->\n",
    "full-text.md": "<!-- edition -->\n", "full-text.en.md": "<!-- edition -->\n",
}
FIGURE_DATA = ("data/categories.yml", "data/highlights.yml")
DRAWN = (Drawn("<!-- figures:", FIGURE_DATA, figures=True), Drawn("<!-- glossary -->", ("data/glossary.yml",)),
         Drawn("<!-- edition -->", FIGURE_DATA, figures=True, report=True))


def _sources(lang: str) -> dict[str, frozenset[str]]:
    return dates.sources(PAGES, lang, docs="docs", texts=TEXTS, metrics={"theory.md"},
                         official=["basics.md", "theory.md"], drawn=DRAWN)


def test_each_page_is_made_of_its_own_file_and_what_its_markers_draw():
    zh, en = _sources("zh"), _sources("en")
    assert zh["basics.md"] == {"docs/basics.md"}
    assert en["basics.md"] == {"docs/basics.en.md"}  # no figures: the Chinese file is not shown
    assert zh["theory.md"] == {"docs/theory.md"}
    assert en["theory.md"] == {"docs/theory.en.md", "docs/theory.md"}  # its figures are in the Chinese one
    assert zh["glossary.md"] == {"docs/glossary.md", "data/glossary.yml"}
    assert en["glossary.md"] == {"docs/glossary.en.md", "data/glossary.yml"}
    assert en["statistics.md"] == {"docs/statistics.en.md", "docs/theory.md", "docs/theory.en.md", *FIGURE_DATA}
    assert en["index.md"] == {"docs/index.en.md", "docs/theory.md", "docs/theory.en.md", *FIGURE_DATA}
    # every part of the official text as its page shows it, and the figures' annex
    assert en["full-text.md"] == {"docs/full-text.en.md", "docs/basics.en.md", "docs/theory.en.md",
                                  "docs/theory.md", *FIGURE_DATA}
    assert zh["full-text.md"] == {"docs/full-text.md", "docs/basics.md", "docs/theory.md", *FIGURE_DATA}


def _write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A project in a subfolder of its repository: docs/ and data/ committed on 10 January,
    data/glossary.yml changed on a branch on 5 March (evening, UTC) and merged on 9 March."""
    top = tmp_path / "top"
    project = top / "site"
    project.mkdir(parents=True)
    git(top, "init", "--quiet", "--initial-branch=main")
    _write(project, {"docs/a.md": "甲\n", "docs/b.md": "乙\n", "data/glossary.yml": "x: 1\n", "docs/名.md": "丙\n"})
    _write(top, {"outside.md": "elsewhere\n"})
    git(top, "add", "--all")
    git(top, "commit", "--quiet", "-m", "first", date="2024-01-10T10:00:00+00:00")
    git(top, "checkout", "--quiet", "-b", "glossary")
    _write(project, {"data/glossary.yml": "x: 2\n"})
    git(top, "commit", "--quiet", "--all", "-m", "glossary", date="2024-03-05T17:30:00+00:00")
    git(top, "checkout", "--quiet", "main")
    _write(project, {"docs/b.md": "乙乙\n"})
    git(top, "commit", "--quiet", "--all", "-m", "b", date="2024-02-01T10:00:00+00:00")
    git(top, "merge", "--quiet", "--no-ff", "-m", "merge", "glossary", date="2024-03-09T10:00:00+00:00")
    _write(project, {"docs/new.md": "新\n"})  # not committed
    return project


def _stamp(iso: str) -> int:
    return int(datetime.fromisoformat(iso).timestamp())


def test_the_history_of_every_file_comes_from_one_git_call(repo, monkeypatch):
    calls = []
    run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: calls.append(a) or run(*a, **k))
    known = dates.history(str(repo), ["docs/a.md", "docs/b.md", "data/glossary.yml", "docs/名.md", "docs/new.md"])
    assert len(calls) == 1
    assert known == {"docs/a.md": _stamp("2024-01-10T10:00:00+00:00"), "docs/名.md": _stamp("2024-01-10T10:00:00+00:00"),
                     "docs/b.md": _stamp("2024-02-01T10:00:00+00:00"),
                     # the commit that changed it, not the merge that brought it
                     "data/glossary.yml": _stamp("2024-03-05T17:30:00+00:00")}


def test_without_a_repository_git_knows_no_file(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("甲\n", encoding="utf-8")
    assert dates.history(str(tmp_path), ["docs/a.md"]) == {}


def test_a_page_s_day_is_its_newest_source_s_and_an_uncommitted_file_is_the_build_s(repo):
    texts = {"a.md": "<!-- glossary -->", "a.en.md": "<!-- glossary -->", "b.md": "", "b.en.md": "",
             "new.md": "", "new.en.md": ""}
    found = dates.days(["a.md", "b.md", "new.md"], ("zh", "en"), project=str(repo), docs="docs", texts=texts,
                       metrics=set(), official=[], drawn=[Drawn("<!-- glossary -->", ("data/glossary.yml",))],
                       environ={"SOURCE_DATE_EPOCH": str(_stamp("2024-04-01T01:00:00+00:00"))})
    assert found[("a.md", "zh")] == dates.Day("2024-03-06", "2024年3月6日")  # 17:30 UTC is the next day
    assert found[("b.md", "zh")] == dates.Day("2024-02-01", "2024年2月1日")
    assert found[("new.md", "zh")].iso == "2024-04-01"  # SOURCE_DATE_EPOCH
    # the English files do not exist: a page is dated by the sources it has
    assert found[("a.md", "en")] == dates.Day("2024-03-06", "March 6, 2024")


@pytest.mark.parametrize("iso", ["2024-03-05T15:59:59+00:00", "2024-03-05T16:00:00+00:00",
                                 "2024-12-31T23:30:00+00:00", "2026-12-08T03:53:31+00:00"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_day_is_written_as_the_plugin_writes_it_in_shanghai(iso, lang):
    stamp = _stamp(iso)
    plugin = get_date_formats(stamp, locale=lang, time_zone="Asia/Shanghai")
    assert dates.day(stamp, lang) == dates.Day(plugin["iso_date"], plugin["date"])


def test_the_plugin_dates_in_the_report_s_time_zone():
    plugin = next(p["git-revision-date-localized"] for p in real_config()["plugins"]
                  if isinstance(p, dict) and "git-revision-date-localized" in p)
    assert plugin["timezone"] == dates.ZONE.key == "Asia/Shanghai"


def test_the_build_s_time_is_source_date_epoch_when_set():
    assert dates.build_time({"SOURCE_DATE_EPOCH": "1700000000"}) == 1700000000
    assert dates.build_time({}) > 1700000000
