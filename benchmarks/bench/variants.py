"""The configurations the benchmark builds, and the fixes it tries.

Every variant builds the same synthetic pages. A variant names a source tree (the base one,
or a copy with fix patches applied) and a function that writes its mkdocs.yml.
"""
from __future__ import annotations

import copy
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import sitegen

FIXES_DIR = Path(__file__).resolve().parents[1] / "fixes"


@dataclass
class Fix:
    name: str
    title: str
    patches: list[str]                 # files in benchmarks/fixes/, applied with patch -p1
    group_nav: bool = False            # the synthetic nav nested in groups of √N sections
    empty_nav: bool = False            # diagnostic: overrides/partials/nav.html renders nothing
    note: str = ""


FIXES = {
    "nav": Fix("nav", "Nested navigation, so that navigation.prune has something to prune", [],
               group_nav=True,
               note="`navigation.prune` is in mkdocs.yml since 85644e2, but it only prunes nested "
                    "sections: with the flat nav every page still renders every page's entry. The "
                    "benchmark nests the synthetic sections √N by √N under titled nav sections "
                    "(English titles through the i18n plugin's `nav_translations`); each page then "
                    "renders its own group's entries and one link per other group. For the real "
                    "site this is a change to `nav:` in mkdocs.yml once it has more than a screenful "
                    "of sections, e.g. one nav section per part of the report."),
    "jinja": Fix("jinja", "Jinja bytecode cache shared by the language builds and the rebuilds",
                 [],  # adopted: hooks/jinja_cache.py is part of ours since it was measured
                 note="Adopted (hooks/jinja_cache.py), so no longer tried as a fix. ""MkDocs makes a new Jinja environment for each language's build and for each "
                      "`mkdocs serve` rebuild, and each one compiles Material's templates again; an "
                      "in-memory bytecode cache (keyed by each template's source checksum) compiles "
                      "them once per process. A fixed saving per build, so it is measured at the "
                      "small sizes and in `mkdocs serve`."),
    "all": Fix("all", "Nested navigation at every size (the Jinja cache is already in ours)", [],
               group_nav=True),
    "nonav": Fix("nonav", "Diagnostic: no navigation at all (empty partials/nav.html)", [],
                 empty_nav=True, note="not a fix: shows what the navigation costs"),
}


@dataclass
class Variant:
    name: str
    label: str
    tree: str                                   # "base", "nogit" or a Fix name
    make: Callable[..., dict]                   # (real, nav, site_dir) -> config dict
    timed_hook: bool = False
    diagnostic: bool = False
    description: str = ""
    jieba: bool = False                         # built with jieba installed (benchmarks/requirements-jieba.txt)


def _ours(real, nav, site_dir):
    return sitegen.ours(real, nav, site_dir)


VARIANTS = {
    "ours": Variant("ours", "ours", "base", _ours, True,
                    description="the real mkdocs.yml, hooks/, overrides/, data/"),
    "nohook": Variant("nohook", "ours without hook", "base", sitegen.without_hook,
                      description="ours without `hooks:` and without the statistics page"),
    "stock": Variant("stock", "stock", "base", sitegen.stock,
                     description="Material + i18n + search, nothing of ours, with jieba installed as "
                                 "Material's documentation advises for Chinese", jieba=True),
    "nogit": Variant("nogit", "ours, no git repo", "nogit", _ours, True, diagnostic=True,
                     description="ours in a folder that is not a git repository: the "
                                 "git-revision-date plugin falls back to the build date"),
    "nonav": Variant("nonav", "ours, no navigation", "nonav", _ours, True, diagnostic=True,
                     description=FIXES["nonav"].title),
    "fix-nav": Variant("fix-nav", "ours + nested nav", "nav", _ours, True,
                       description=FIXES["nav"].title),
    "fix-jinja": Variant("fix-jinja", "ours + Jinja cache", "jinja", _ours, True,
                         description=FIXES["jinja"].title),
    "fix-all": Variant("fix-all", "ours + nested nav", "all", _ours, True,
                       description=FIXES["all"].title),
}

ALWAYS = ["ours", "nohook", "stock", "fix-all"]                      # at every size
LARGEST = ["nogit", "nonav", "fix-nav"]                              # at the largest size only
SMALLER: list[str] = []  # fix-jinja was measured here until the cache was adopted


def patched_repo(repo: Path, fix: Fix, dest: Path) -> tuple[Path, str | None]:
    """A copy of what the sites are made from (mkdocs.yml, docs/, hooks/, overrides/, data/),
    with the fix's patches applied. Returns (folder, error or None)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy(repo / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("docs", "hooks", "overrides", "data"):
        if (repo / folder).exists():
            shutil.copytree(repo / folder, dest / folder,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for patch in fix.patches:
        done = apply(dest, FIXES_DIR / patch)
        if done:
            return dest, done
    if fix.empty_nav:
        (dest / "overrides" / "partials").mkdir(parents=True, exist_ok=True)
        (dest / "overrides" / "partials" / "nav.html").write_text(
            "{#- benchmark diagnostic: no primary navigation -#}\n", encoding="utf-8")
    return dest, None


def apply(folder: Path, patch: Path) -> str | None:
    """Apply ``patch`` in ``folder``; None when it applied, else why not."""
    done = subprocess.run(["patch", "-p1", "--batch", "--forward", "--no-backup-if-mismatch",
                           "-i", str(patch)], cwd=folder, capture_output=True, text=True)
    if done.returncode == 0:
        return None
    reverse = subprocess.run(["patch", "-p1", "--batch", "--dry-run", "-R", "-i", str(patch)],
                             cwd=folder, capture_output=True, text=True)
    if reverse.returncode == 0:
        return f"{patch.name} is already in the repository"
    return f"{patch.name} does not apply to the current files: {done.stdout.strip()[:300]}"


def nav_for(fix: Fix | None, nav: list[str], n: int) -> tuple[list, dict[str, str]]:
    if fix is None or not fix.group_nav:
        return nav, {}
    return sitegen.grouped_nav(nav, n, sitegen.group_size(n))


def with_nav_translations(config: dict, english: dict[str, str]) -> dict:
    """Give the English build the English titles of the nav groups."""
    if not english:
        return config
    config = copy.deepcopy(config)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in plugin["i18n"]["languages"]:
                if lang["locale"] == "en":
                    lang.setdefault("nav_translations", {}).update(english)
    return config
