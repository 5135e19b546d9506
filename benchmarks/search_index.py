#!/usr/bin/env python3
"""Search index size and worker cost (issue 10), before and after. See benchmarks/README.md.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/search_index.py [--base 439a7bb] [--runs 15]

Builds the real site twice, at ``--base`` (its files from ``git archive``) and from the
working tree, into benchmarks/work/search/, and measures each language's search index: raw
and gzip bytes (what a reader downloads on a first search), and, through Material's own
worker under Node, how long setting the index up and answering a query take. Writes the
issue-10 section of benchmarks/RESULTS.md (between its markers; the rest of the file is left
as it is) and prints it.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tarfile
import io
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = HERE / "work" / "search"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- issue-10-search:start -->", "<!-- issue-10-search:end -->"
INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
QUERIES = {"zh": ["社工", "团市委", "青年突击队", "小哥服务驿站", "團市委", "青联，少先队"],
           "en": ["jobs", "Youth Federation", "organization", "1,440", "Party building", "minors in difficulty"]}
BUDGET_GZIP = 30_000  # bytes: neither index may grow by more than 30 KB gzip


def build(source: Path, site: Path) -> None:
    """A strict build of the site whose files are in ``source``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f",
                             str(source / "mkdocs.yml"), "-d", str(site)],
                            cwd=source, env=env, capture_output=True, text=True)
    if result.returncode:
        sys.exit(f"build of {source} failed:\n{result.stdout}\n{result.stderr}")


def checkout(ref: str, folder: Path) -> str:
    """The files of ``ref`` in ``folder`` (git archive: no worktree, no change to the repo)."""
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.strip()
    archive = subprocess.run(["git", "archive", commit], cwd=REPO, capture_output=True, check=True).stdout
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return commit


def working_tree(folder: Path) -> str:
    """The working tree's tracked and new files (not ignored ones) in ``folder``."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True,
                           text=True, check=True).stdout.split("\n")
    shutil.rmtree(folder, ignore_errors=True)
    for name in filter(None, files):
        src = REPO / name
        if src.is_file() and not src.is_symlink():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, folder / name)
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                          check=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.strip()
    return head + (" + uncommitted changes" if dirty else "")


def sizes(site: Path) -> dict[str, dict[str, int]]:
    out = {}
    for lang, rel in INDEXES.items():
        data = (site / rel).read_bytes()
        out[lang] = {"raw": len(data), "gzip": len(gzip.compress(data, 9)), "docs": len(json.loads(data)["docs"])}
    return out


def timing(sites: dict[str, tuple[Path, Path]], runs: int) -> dict[str, dict[str, dict[str, float]]]:
    """Median set-up and query times per site and language: ``runs`` fresh Node processes
    each (a fresh page starts a fresh worker, so each set-up is a cold one), the sites
    measured in alternation so that other jobs on the machine weigh on both alike."""
    import material

    javascripts = Path(material.__file__).parent / "templates/assets/javascripts"
    worker = next(javascripts.glob("workers/search.*.min.js"))
    samples: dict = {name: {lang: {"setup_ms": [], "query_ms": []} for lang in INDEXES} for name in sites}
    for _ in range(runs):
        for name, (site, source) in sites.items():
            script = source / "docs/assets/javascripts/search-query.js"
            for lang, rel in INDEXES.items():
                result = subprocess.run(["node", str(HERE / "search_timing.js"), str(worker), str(javascripts / "lunr"),
                                         str(site / rel), str(script) if script.exists() else "-", "1",
                                         *QUERIES[lang]], capture_output=True, text=True, check=True)
                data = json.loads(result.stdout)
                for key in ("setup_ms", "query_ms"):
                    samples[name][lang][key].extend(data[key])
    return {name: {lang: {key: statistics.median(values) for key, values in by_lang.items()}
                   for lang, by_lang in by_site.items()} for name, by_site in samples.items()}


def kb(n: float) -> str:
    return f"{n / 1000:.1f} KB"


def section(base: str, head: str, before: dict, after: dict, runs: int, load: list[float]) -> str:
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    rows, met = [], True
    for lang in INDEXES:
        b, a = before[lang], after[lang]
        growth = a["gzip"] - b["gzip"]
        met &= growth <= BUDGET_GZIP
        rows.append(f"| {lang} | {b['raw']:,} B ({kb(b['raw'])}) | {a['raw']:,} B ({kb(a['raw'])}) | "
                    f"{b['gzip']:,} B ({kb(b['gzip'])}) | {a['gzip']:,} B ({kb(a['gzip'])}) | "
                    f"{growth:+,} B ({growth / 1000:+.1f} KB) | {b['docs']} → {a['docs']} |")
    times = [f"| {lang} | {before[lang]['setup_ms']:.0f} ms | {after[lang]['setup_ms']:.0f} ms | "
             f"{before[lang]['query_ms']:.1f} ms | {after[lang]['query_ms']:.1f} ms |" for lang in INDEXES]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join([
        START,
        "## Search index size (issue 10)",
        "",
        "Written by `benchmarks/search_index.py`; do not edit by hand (rerun it: "
        "`NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/search_index.py`). It builds the real site "
        f"at `{base}` (main before issue 10) and at `{head}`, strictly, and measures each language's "
        "search index, the file a reader's browser downloads on the first search of a visit.",
        "",
        f"- Run: {now}; Python {platform.python_version()}, Node {node}; gzip level 9 (Python's `gzip`); "
        "1 KB = 1000 bytes.",
        f"- Budget: neither index grows by more than {BUDGET_GZIP // 1000} KB gzip: "
        f"**{'met' if met else 'not met'}**.",
        "",
        "| index | raw before | raw after | gzip before | gzip after | gzip growth | entries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
        "",
        "What grew: the Chinese index holds, in hidden fields, the window of up to 8 characters that "
        "starts at every character (what lets the stock worker find any 2–8 character query exactly; "
        "`hooks/search/chinese.py`), and no longer its jieba marks (3 bytes each); the English index "
        "holds each entry's word pairs (`hooks/search/phrases.py`) and more variants; both hold the "
        "glossary as one entry per term and the traditional → simplified table for queries.",
        "",
        f"Material's worker under Node: median of {runs} cold set-ups (each in a fresh Node process, as "
        "each page starts a fresh worker; before and after measured in alternation), and of the "
        f"queries {', '.join(QUERIES['zh'] + QUERIES['en'])}, prepared as the browser prepares them. "
        f"Load average (1 min) {load[0]:.1f} before, {load[1]:.1f} after, on {os.cpu_count()} cores: "
        "other jobs stretch these times.",
        "",
        "| index | set-up before | set-up after | query before | query after |",
        "| --- | ---: | ---: | ---: | ---: |",
        *times,
        "",
        "Set-up is the work after the download, before the first results show; it runs in the "
        "worker, off the page's main thread.",
        END,
    ])


def write(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if START in current and END in current:
        head, rest = current.split(START, 1)
        updated = head + text + rest.split(END, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n" + text + "\n"
    RESULTS.write_text(updated, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="439a7bb", help="the commit to compare with (default: 439a7bb)")
    parser.add_argument("--runs", type=int, default=15, help="worker set-ups timed per index (one Node process each)")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)
    base_src, head_src = WORK / "base", WORK / "head"
    base = checkout(args.base, base_src)
    head = working_tree(head_src)
    results, sites = {}, {}
    for name, src in (("before", base_src), ("after", head_src)):
        build(src, WORK / f"site-{name}")
        results[name] = sizes(WORK / f"site-{name}")
        sites[name] = (WORK / f"site-{name}", src)
    load = os.getloadavg()[0]
    for name, by_lang in timing(sites, args.runs).items():
        for lang, times in by_lang.items():
            results[name][lang].update(times)
    results["load"] = [load, os.getloadavg()[0]]
    (WORK / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    text = section(base, head, results["before"], results["after"], args.runs, results["load"])
    if not args.no_write:
        write(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
