#!/usr/bin/env python3
"""The budgets of issue 9, measured: at N sections per language (500 by default), each
language's statistics page is at most 1 MB of HTML and the hook takes at most 5 % of the build.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/figures_budget.py [--size 500] [--runs 3]

A focused run of the benchmark (benchmarks/run.py): the same synthetic site (bench/sitegen.py),
the same timed hook (bench/timing_hook.py) and the same builds (bench/measure.py), for the
real configuration ("ours") only, so it takes a few minutes rather than a quarter of an hour.
It writes its section of benchmarks/RESULTS.md, between the markers of
bench/sections.py (run.py keeps that section when it rewrites the file), and its raw numbers to
benchmarks/work/figures/results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import measure, sections, sitegen  # noqa: E402

REPO = HERE.parent
SECTION = "issue-9"
PAGE_BUDGET = 1_000_000   # bytes of HTML per language's statistics page
HOOK_BUDGET = 0.05        # share of the build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=500, help="sections per language (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="timed builds (default 3)")
    parser.add_argument("--work", type=Path, default=HERE / "work" / "figures")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    command = "NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/figures_budget.py " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))

    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    real = sitegen.load_real(REPO)
    src = work / f"n{args.size:04d}"
    nav = sitegen.generate(real, args.size, src, repo=REPO)
    sitegen.git_commit(src)
    config = sitegen.write_config(src, "ours", sitegen.ours(real, nav, "../site-ours"))
    site = work / "site-ours"
    figures = sum(len(sitegen.metric_ids((src / "docs" / name).read_text(encoding="utf-8")))
                  for name in nav if name.startswith("s") and name[1:5].isdigit())

    runs = []
    for run in range(args.runs):
        load = os.getloadavg()[0]
        b = measure.build(config, work / f"build-{run}.log", hook_times=work / "hook.json")
        hook = sum(b.hook["seconds"].values())
        runs.append({**asdict(b), "load": load, "hook_seconds": hook, "hook_cpu": sum(b.hook["cpu"].values())})
        print(f"run {run + 1}/{args.runs}: {b.wall:.1f} s wall, {b.cpu:.1f} s CPU, hook {hook:.2f} s "
              f"({100 * hook / b.wall:.1f} %), load {load:.1f}", flush=True)

    pages = {lang: site / prefix / "statistics" / "index.html" for lang, prefix in (("zh", ""), ("en", "en/"))}
    result = {
        "command": command, "size": args.size, "figures": figures, "runs": runs,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--", "docs", "hooks", "overrides", "data", "mkdocs.yml")),
        "date": time.strftime("%Y-%m-%d %H:%M %Z"), "nproc": os.cpu_count(),
        "statistics_bytes": {lang: page.stat().st_size for lang, page in pages.items()},
        "section_page_bytes": {lang: (site / prefix / sitegen.copy_name(2, real.content[1])[:-3] / "index.html")
                               .stat().st_size for lang, prefix in (("zh", ""), ("en", "en/"))},
        "statistics_parts": {lang: _parts(page.read_text(encoding="utf-8")) for lang, page in pages.items()},
        "seconds": time.time() - started,
    }
    (work / "results.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(sections.put(text, SECTION, render(result)), encoding="utf-8")
    print(f"wrote the {SECTION} section of {args.out}")
    return 0


def _parts(html: str) -> dict[str, int]:
    """Where a statistics page's bytes go: the navigation, the figures' tables, the rest."""
    def span(start: str, end: str) -> int:
        a = html.find(start)
        b = html.find(end, a)
        return b + len(end) - a if a >= 0 and b >= 0 else 0
    return {"navigation": span('<nav class="md-nav md-nav--primary"', "</nav>\n"),
            "tables": span('<div class="figures-tables"', "</table>\n</div>"),
            "page": len(html.encode("utf-8"))}


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()


def render(r: dict) -> str:
    runs = r["runs"]
    wall = statistics.median(x["wall"] for x in runs)
    hook = statistics.median(x["hook_seconds"] for x in runs)
    share = statistics.median(x["hook_seconds"] / x["wall"] for x in runs)
    cpu_share = statistics.median(x["hook_cpu"] / x["cpu"] for x in runs)
    events: dict[str, list[float]] = {}
    for x in runs:
        for name, seconds in x["hook"]["seconds"].items():
            events.setdefault(name, []).append(seconds)
    kb = lambda n: f"{n / 1000:,.0f} KB"  # noqa: E731
    stats = r["statistics_bytes"]
    ok = lambda good: "**yes**" if good else "**no**"  # noqa: E731
    lines = [
        "## Issue 9: the statistics page and the hook at N = %d\n" % r["size"],
        f"Written by `benchmarks/figures_budget.py` (a focused run: the real configuration only); "
        f"do not edit by hand. Command: `{r['command']}`, {r['date']}, {len(runs)} builds, "
        f"{r['seconds'] / 60:.1f} minutes; commit `{r['commit']}`"
        + (" with uncommitted changes" if r["dirty"] else "") + f"; `nproc` = {r['nproc']}. "
        f"The synthetic site of [README.md](README.md): {r['size']} sections per language, "
        f"{r['figures']:,} figures.\n",
        "| Budget | measured | met |",
        "| --- | --- | --- |",
        f"| Statistics page ≤ 1 MB of HTML, each language | zh {kb(stats['zh'])} ({stats['zh']:,} bytes), "
        f"en {kb(stats['en'])} ({stats['en']:,} bytes) | {ok(max(stats.values()) <= PAGE_BUDGET)} |",
        f"| Hook ≤ 5 % of the build | {100 * share:.1f} % of the wall time ({hook:.2f} s of {wall:.1f} s), "
        f"{100 * cpu_share:.1f} % of the CPU time | {ok(share <= HOOK_BUDGET and cpu_share <= HOOK_BUDGET)} |",
        "",
        "Where a statistics page's bytes go (the flat navigation of ours lists every section on every page):\n",
        "| language | whole page | navigation | figures' tables (every figure once) | a section page, for comparison |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for lang in ("zh", "en"):
        p = r["statistics_parts"][lang]
        lines.append(f"| {lang} | {kb(p['page'])} | {kb(p['navigation'])} | {kb(p['tables'])} | "
                     f"{kb(r['section_page_bytes'][lang])} |")
    lines += ["", "The hook's time by event (median of the builds, seconds, both languages):\n",
              "| event | seconds |", "| --- | ---: |"]
    for name, values in sorted(events.items(), key=lambda kv: -statistics.median(kv[1])):
        lines.append(f"| `{name}` | {statistics.median(values):.2f} |")
    parts: dict[str, list[float]] = {}
    for x in runs:
        for name, seconds in x["hook"].get("parts", {}).items():
            parts.setdefault(name, []).append(seconds)
    if parts:
        lines += ["", "Inside those handlers (median, seconds; `bench/timing_hook.py` times these calls, "
                  "so the rows are parts of the events above, not more time):\n",
                  "| part | seconds | share of the build |", "| --- | ---: | ---: |"]
        for name, values in sorted(parts.items(), key=lambda kv: -statistics.median(kv[1])):
            lines.append(f"| {name} | {statistics.median(values):.2f} | "
                         f"{100 * statistics.median(values) / wall:.1f} % |")
    lines += ["", "The builds:\n", "| run | wall | CPU | hook | share | load (1 min) |",
              "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for i, x in enumerate(runs, 1):
        lines.append(f"| {i} | {x['wall']:.1f} s | {x['cpu']:.1f} s | {x['hook_seconds']:.2f} s | "
                     f"{100 * x['hook_seconds'] / x['wall']:.1f} % | {x['load']:.1f} |")
    lines += ["", "The hook's share is the time inside its event handlers (`bench/timing_hook.py`) over "
              "the whole `mkdocs build` process; the machine's 2 cores are shared, so the load is "
              "given with each build, and the CPU share beside the wall share.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
