"""The real site (issue 20): its build with and without jieba, against stock Material +
mkdocs-static-i18n on the same pages with jieba installed, as Material's documentation advises
for Chinese search. Also checks that the site is byte for byte the same with and without jieba.

jieba is not in requirements.txt: it is installed apart, ``pip install --target
benchmarks/work/jieba -r benchmarks/requirements-jieba.txt``, and put on ``PYTHONPATH`` for the
builds that have it.
"""
from __future__ import annotations

import copy
import filecmp
import os
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from . import measure, sitegen

HERE = Path(__file__).resolve().parents[1]
SECTION = "issue-20-real-site"
#: (name, label, with jieba, configuration)
VARIANTS = [
    ("ours", "ours (no jieba: requirements.txt)", False, "ours"),
    ("ours-jieba", "ours + jieba", True, "ours"),
    ("stock-jieba", "stock Material + i18n + jieba", True, "stock"),
]


def jieba_path(work: Path) -> Path:
    """A folder holding jieba, installed from benchmarks/requirements-jieba.txt if not there yet."""
    target = work / "jieba"
    if not (target / "jieba" / "__init__.py").exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target),
                        "-r", str(HERE / "requirements-jieba.txt")], check=True)
    return target


def stock_config(repo: Path, real: sitegen.RealSite, folder: Path) -> Path:
    """Stock Material + i18n + search on the real pages (every page of the real nav): no hook,
    no overrides, no extra CSS or JavaScript, no git-revision-date plugin; Material's default
    search separator, which already splits at the marks jieba puts between words."""
    config = sitegen.stock(real, copy.deepcopy(real.config["nav"]), str(folder / "site-stock-jieba"))
    config["nav"] = copy.deepcopy(real.config["nav"])  # the same pages: the statistics page too
    config.pop("exclude_docs", None)
    config["exclude_docs"] = real.config.get("exclude_docs", "")
    config["docs_dir"] = str(repo / "docs")
    config.pop("validation", None)
    return sitegen.write_config(folder, "stock-jieba", config)


def measure_all(repo: Path, work: Path, runs: int, log) -> dict:
    """Builds each variant ``runs`` times, in alternation; wall and CPU time, and whether ours
    is the same with and without jieba."""
    folder = work / "real"
    folder.mkdir(parents=True, exist_ok=True)
    jieba = jieba_path(work)
    real = sitegen.load_real(repo)
    configs = {"ours": repo / "mkdocs.yml", "stock": stock_config(repo, real, folder)}
    out: dict = {"runs": {name: [] for name, *_ in VARIANTS}, "labels": {n: l for n, l, *_ in VARIANTS},
                 "pages": len(real.nav) * len(real.languages)}
    for run in range(runs):
        for name, _, with_jieba, kind in VARIANTS:
            env = {"PYTHONPATH": os.pathsep.join(filter(None, [str(jieba), os.environ.get("PYTHONPATH")]))} \
                if with_jieba else {}
            load = os.getloadavg()[0]
            b = measure.build(configs[kind], folder / f"{name}-{run}.log", env=env,
                              site_dir=folder / f"site-{name}")
            row = asdict(b)
            row["load"] = load
            out["runs"][name].append(row)
            log(f"real site, run {run + 1}/{runs} {name:12s} {b.wall:5.2f} s wall {b.cpu:5.2f} s cpu (load {load:.1f})")
    out["jieba_prints"] = "Building prefix dict" in (folder / "ours-jieba-0.log").read_text(encoding="utf-8")
    out["differences"] = differences(folder / "site-ours", folder / "site-ours-jieba")
    out["files"] = sum(1 for p in (folder / "site-ours").rglob("*") if p.is_file())
    out["load_after"] = os.getloadavg()[0]
    out["date"] = time.strftime("%Y-%m-%d %H:%M %Z")
    return out


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two built sites, or are in one only (``diff -r``)."""
    found: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        found.extend(f"{prefix}{name} (only in one)" for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"{prefix}{name}" for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")
    walk(filecmp.dircmp(a, b), "")
    return sorted(found)


#: the one command that measures the real site again (and rewrites only its section)
ALONE = "NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/run.py --only-real"


def render(real: dict, command: str) -> str:
    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in real["runs"][name])

    def spread(name: str, key: str) -> str:
        values = [r[key] for r in real["runs"][name]]
        return f"{min(values):.2f}–{max(values):.2f}"

    n = len(real["runs"]["ours"])
    loads = [r["load"] for rows in real["runs"].values() for r in rows]
    out = [
        "## The real site: without jieba, with it, and stock Material (issue 20)", "",
        f"Written by `benchmarks/run.py`; do not edit by hand, rerun it alone with `{ALONE}` "
        f"(this run: `{command}`). The real site's "
        f"{real['pages']} pages (every page of the nav, in both languages), {n} builds of each, in "
        f"alternation, {real['date']}. Load average (1 min) {min(loads):.1f}–{max(loads):.1f} at the "
        "builds' start on a shared 2-core machine: wall times stretch when another job runs, CPU "
        "times (user + system, the build and its children) much less, so both are given. jieba "
        "0.42.1 comes from `benchmarks/requirements-jieba.txt`, installed apart "
        "(`benchmarks/work/jieba`).", "",
        "| build | wall (median) | range | CPU (median) | range | peak memory |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, label in real["labels"].items():
        rss = statistics.median(r["maxrss_mib"] for r in real["runs"][name])
        out.append(f"| {label} | {med(name, 'wall'):.2f} s | {spread(name, 'wall')} | {med(name, 'cpu'):.2f} s | "
                   f"{spread(name, 'cpu')} | {rss:.0f} MiB |")
    ours, with_jieba, stock = (med(v, "wall") for v in ("ours", "ours-jieba", "stock-jieba"))
    ours_cpu, jieba_cpu, stock_cpu = (med(v, "cpu") for v in ("ours", "ours-jieba", "stock-jieba"))
    same = not real["differences"]
    out += [
        "",
        f"- **Without jieba** the build takes {ours:.2f} s ({ours_cpu:.2f} s CPU) against {with_jieba:.2f} s "
        f"({jieba_cpu:.2f} s CPU) with it: {with_jieba - ours:.2f} s of wall time and {jieba_cpu - ours_cpu:.2f} s "
        "of CPU time saved by not loading jieba's dictionary and segmenting the Chinese text that the hook then "
        "indexes by substrings anyway" + ("; with jieba the build also prints its \"Building prefix dict\" "
                                          "lines" if real.get("jieba_prints") else "") + ".",
        f"- **The same site**: the {real['files']} files built with and without jieba are "
        + ("byte for byte the same (`diff -r`: no difference)." if same else
           f"NOT the same: {', '.join(real['differences'][:10])}."),
        f"- **Against stock** Material + mkdocs-static-i18n + jieba on the same pages: ours {ours:.2f} s, "
        f"stock {stock:.2f} s wall ({ours / stock:.2f}×); CPU {ours_cpu:.2f} s against {stock_cpu:.2f} s "
        f"({ours_cpu / stock_cpu:.2f}×): the goal (no slower than stock) is "
        + ("**met**." if ours <= stock and ours_cpu <= stock_cpu else
           "**not met**: ours does the figures, the checks, both search indexes and the git dates "
           "on top of stock's work, and stock no longer pays for anything ours does not."
           if ours > stock and ours_cpu > stock_cpu else "met on one measure only (see the table)."),
        "- Stock is Material with its defaults, the i18n plugin with its own search handling (one "
        "merged index), the search plugin with Material's default separator (it already splits at "
        "jieba's marks, so Material's advice needs no change to it), our nav, Markdown extensions "
        "and site metadata; no hook, no overrides, no extra CSS or JavaScript, no git-revision-date "
        "plugin.",
    ]
    return "\n".join(out) + "\n"
