"""Synthetic bilingual sites made of the report's own pages, and the configurations to build them.

A site of N sections per language holds N copies of the real content pages (those whose
Chinese front matter carries ``metrics:``), cycled in navigation order: copy ``i`` of
``theory.md`` is ``s0007-theory.md`` (and ``s0007-theory.en.md``), with

- the real prose, word for word, so that every figure check of the hook passes;
- the real metrics, each ``id`` suffixed with ``-c0007`` so that ids stay unique;
- the H1 followed by a code of consonants (``· bcd``) so that the N titles differ without
  adding a number the figure checks would see;
- ``official_text: true`` kept on the first copy of a page only, and that copy's H1 left as
  it is: the build compares such a page with the official text, which holds each part once;
- on every other copy, a front-matter ``description:`` with its code, as an editor would
  write one: the copies' opening sentences are the same, and no two pages may share a
  description (issue 19).

``data/highlights.yml`` (the editors' key figures and charts) names real metric ids: the copy
names those of each page's first copy.

The other pages (home, statistics, glossary) are copied as they are, the home page's links
pointing at the first copy of each part. ``hooks/``, ``overrides/``, ``data/`` are copied from
the repository, and the site is committed to its own git repository, so that the
git-revision-date plugin reads real file histories as it does on the real site.
"""
from __future__ import annotations

import copy
import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from figures.pipeline import pages_in  # noqa: E402  the hook's own reading of the nav

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

_FENCE = re.compile(r"^-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|$)", re.S)
_ID_LINE = re.compile(r"^(\s*(?:-\s+)?id:\s*)([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$", re.M)
_H1 = re.compile(r"^# (.+?)(\s*\{[^}]*\})?[ \t]*$", re.M)
_LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)]*)?\)")
_CONSONANTS = "bcdfghjklmnpqrstvwxz"


def code(i: int) -> str:
    """A label for copy ``i`` made only of consonants: no digits, no number words."""
    letters = ""
    i += len(_CONSONANTS)  # at least two letters
    while i:
        i, r = divmod(i, len(_CONSONANTS))
        letters = _CONSONANTS[r] + letters
    return letters


@dataclass
class RealSite:
    config: dict
    nav: list[str]                       # the real nav, flattened to .md paths
    content: list[str]                   # pages with metrics, in nav order
    languages: list[str]
    sizes: dict[str, int] = field(default_factory=dict)


def load_real(repo: Path = REPO) -> RealSite:
    from mkdocs.utils.yaml import yaml_load  # as MkDocs reads it: !ENV tags resolved

    with open(repo / "mkdocs.yml", encoding="utf-8") as stream:
        config = yaml_load(stream)
    nav = pages_in(config.get("nav") or [])
    docs = repo / config.get("docs_dir", "docs")
    content = []
    for page in nav:
        match = _FENCE.match((docs / page).read_text(encoding="utf-8"))
        meta = yaml.safe_load(match.group(1) or "") if match else None
        if isinstance(meta, dict) and meta.get("metrics"):
            content.append(page)
    languages = [lang["locale"] for lang in _i18n(config)["languages"]]
    return RealSite(config, nav, content, languages)


def _i18n(config: dict) -> dict:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise SystemExit("mkdocs.yml has no i18n plugin")


def source_name(page: str, lang: str) -> str:
    return page if lang == "zh" else page[:-3] + f".{lang}.md"


def copy_name(i: int, page: str) -> str:
    return f"s{i:04d}-{page}"


# --- pages ----------------------------------------------------------------------------------

_OFFICIAL = re.compile(r"^official_text:.*\r?\n", re.M)


def transform(text: str, i: int, *, first: bool = True) -> str:
    """Copy ``i`` of a page: ids suffixed, H1 labelled; ``official_text`` only on a ``first`` copy."""
    match = _FENCE.match(text)
    if match:
        front = _ID_LINE.sub(lambda m: f"{m.group(1)}{m.group(2)}-c{i:04d}", match.group(0))
        official = first and bool(_OFFICIAL.search(front))
        if not first:
            front = _OFFICIAL.sub("", front)
            front = front.replace("\n", f"\ndescription: Copy {code(i)} of the page\n", 1)
        text = front + text[match.end():]
        if official:  # the official text's own heading, word for word: no label
            return text
    label = code(i)
    return _H1.sub(lambda m: f"# {m.group(1)} · {label}{m.group(2) or ''}", text, count=1)


def generate(real: RealSite, n: int, dest: Path, *, repo: Path = REPO) -> list[str]:
    """Write a site of ``n`` sections per language into ``dest`` (replaced); return its nav."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = repo / real.config.get("docs_dir", "docs")
    out_docs = dest / "docs"
    content = set(real.content)
    # everything in docs/ except the content pages
    def ignore(folder, names):
        if Path(folder) != docs:
            return []
        return [name for name in names
                if any(name == source_name(p, lang) for p in content for lang in real.languages)]
    shutil.copytree(docs, out_docs, ignore=ignore)
    for folder in ("hooks", "overrides", "data"):
        if (repo / folder).exists():
            shutil.copytree(repo / folder, dest / folder,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copy(HERE / "timing_hook.py", dest / "timing_hook.py")

    copies = []
    first_copy: dict[str, str] = {}
    first_index: dict[str, int] = {}
    for i in range(1, n + 1):
        page = real.content[(i - 1) % len(real.content)]
        name = copy_name(i, page)
        copies.append(name)
        first = page not in first_copy
        first_copy.setdefault(page, name)
        first_index.setdefault(page, i)
        for lang in real.languages:
            text = (docs / source_name(page, lang)).read_text(encoding="utf-8")
            (out_docs / source_name(name, lang)).write_text(transform(text, i, first=first), encoding="utf-8")
    highlights = dest / "data" / HIGHLIGHTS
    if highlights.exists():
        ids = {mid: first_index[page] for page in real.content if page in first_index
               for mid in metric_ids((docs / page).read_text(encoding="utf-8"))}
        highlights.write_text(relabel_highlights(highlights.read_text(encoding="utf-8"), ids), encoding="utf-8")
    # the other pages link to the first copy of each part
    for page in real.nav:
        if page in content:
            continue
        for lang in real.languages:
            path = out_docs / source_name(page, lang)
            if path.exists():
                text = path.read_text(encoding="utf-8")
                text = _LINK.sub(lambda m: _relink(m, first_copy), text)
                path.write_text(text, encoding="utf-8")
    start = min(real.nav.index(p) for p in real.content)
    others = [p for p in real.nav if p not in content]
    nav = [p for p in real.nav[:start] if p not in content] + copies + \
          [p for p in others if real.nav.index(p) > start]
    return nav


HIGHLIGHTS = "highlights.yml"


def metric_ids(text: str) -> list[str]:
    """The metric ids of a page's front matter."""
    match = _FENCE.match(text)
    return [m.group(2) for m in _ID_LINE.finditer(match.group(0))] if match else []


def relabel_highlights(text: str, copy_of: dict[str, int]) -> str:
    """``data/highlights.yml`` for the synthetic site: each metric id becomes its first copy's
    (``lecture-teams`` → ``lecture-teams-c0002``); a selection whose page has no copy (N smaller
    than the real site's parts) is left out, and so is a chart that keeps fewer than two."""
    data = yaml.safe_load(text) or {}

    def relabel(mid: str) -> str | None:
        return f"{mid}-c{copy_of[mid]:04d}" if mid in copy_of else None

    keys = []
    for item in data.get("key_figures") or []:
        if relabel(item["metric"]):
            keys.append({**item, "metric": relabel(item["metric"])})
    charts = []
    for chart in data.get("charts") or []:
        members = [relabel(m) for m in chart["metrics"] if relabel(m)]
        if len(members) >= 2:
            charts.append({**chart, "metrics": members})
    out = {"key_figures": keys, "charts": charts}
    return yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=1000)


def _relink(match: re.Match, first_copy: dict[str, str]) -> str:
    target = match.group(1)
    if target in first_copy:
        return f"]({first_copy[target]}{match.group(2) or ''})"
    return match.group(0)


def git_commit(dest: Path) -> None:
    """Make ``dest`` its own git repository with one commit, like a checkout of the real one."""
    env = dict(os.environ, GIT_AUTHOR_DATE="2024-01-15T12:00:00+08:00",
               GIT_COMMITTER_DATE="2024-01-15T12:00:00+08:00")
    git = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.invalid",
           "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=dest, check=True, env=env)
    (dest / ".gitignore").write_text("__pycache__/\n", encoding="utf-8")
    subprocess.run([*git, "add", "-A"], cwd=dest, check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", "synthetic site"], cwd=dest, check=True, env=env)


# --- configurations -------------------------------------------------------------------------

STATISTICS = "statistics.md"


def write_config(dest: Path, name: str, config: dict) -> Path:
    path = dest / f"mkdocs-{name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000),
                    encoding="utf-8")
    return path


def ours(real: RealSite, nav: list, site_dir: str, *, timed: bool = True) -> dict:
    """The real configuration, with the synthetic nav (and the hook behind the timer)."""
    config = copy.deepcopy(real.config)
    config["nav"] = nav
    config["site_dir"] = site_dir
    if timed:
        config["hooks"] = ["timing_hook.py"]
    return config


def without_hook(real: RealSite, nav: list, site_dir: str) -> dict:
    """The real configuration without ``hooks:`` and without the statistics page."""
    config = ours(real, nav, site_dir, timed=False)
    config.pop("hooks", None)
    config["nav"] = _drop_statistics(nav)
    config["exclude_docs"] = _exclude_statistics(config.get("exclude_docs", ""), real)
    return config


def stock(real: RealSite, nav: list, site_dir: str) -> dict:
    """Material + i18n + search as they come: no hook, no overrides, no extra CSS, Material's
    default fonts and features, the i18n plugin's default search handling (one merged and
    deduplicated index), no git-revision-date plugin. Site metadata, nav and Markdown
    extensions are ours, so that the same pages render."""
    src = real.config
    config = {key: copy.deepcopy(src[key]) for key in
              ("site_name", "site_description", "site_url", "repo_url", "repo_name", "edit_uri",
               "copyright") if key in src}
    config["theme"] = {"name": "material", "language": src["theme"].get("language", "zh")}
    i18n = copy.deepcopy(_i18n(src))
    i18n.pop("reconfigure_search", None)
    config["plugins"] = ["search", {"i18n": i18n}]
    config["nav"] = _drop_statistics(nav)
    for key in ("markdown_extensions", "validation"):
        if key in src:
            config[key] = copy.deepcopy(src[key])
    config["exclude_docs"] = _exclude_statistics(src.get("exclude_docs", ""), real)
    config["site_dir"] = site_dir
    return config


def _drop_statistics(nav: list) -> list:
    out = []
    for item in nav:
        if isinstance(item, str):
            if item != STATISTICS:
                out.append(item)
        elif isinstance(item, dict):
            out.append({k: _drop_statistics(v) if isinstance(v, list) else v
                        for k, v in item.items() if v != STATISTICS})
    return out


def _exclude_statistics(exclude: str, real: RealSite) -> str:
    lines = [line for line in (exclude or "").splitlines() if line.strip()]
    lines += ["/" + source_name(STATISTICS, lang) for lang in real.languages]
    return "\n".join(lines) + "\n"


def grouped_nav(nav: list[str], copies: int, size: int) -> tuple[list, dict[str, str]]:
    """The same pages, the sections grouped ``size`` by ``size`` under titled nav sections.

    Returns the nav and the English titles of the groups (for i18n ``nav_translations``)."""
    first = next(i for i, p in enumerate(nav) if p.startswith("s0001-"))
    sections = nav[first:first + copies]
    groups, english = [], {}
    for start in range(0, len(sections), size):
        chunk = sections[start:start + size]
        lo, hi = start + 1, start + len(chunk)
        title = f"第 {lo}–{hi} 部分"
        english[title] = f"Sections {lo}–{hi}"
        groups.append({title: chunk})
    return nav[:first] + groups + nav[first + copies:], english


def group_size(n: int) -> int:
    return max(5, round(math.sqrt(n)))
