#!/usr/bin/env python3
"""Build-performance benchmark of the report site (issue 6). See benchmarks/README.md.

    .venv/bin/python benchmarks/run.py [--sizes 10 100 500] [--runs 3] [--large]

Generates synthetic bilingual sites from the real pages under benchmarks/work/, builds them
in alternating runs, profiles the build, measures `mkdocs serve` on a copy of the real site,
and writes benchmarks/RESULTS.md (raw numbers: benchmarks/work/results.json).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import checks, measure, profiling, realsite, report, sections, serve, sitegen  # noqa: E402
from bench.variants import (ALWAYS, FIXES, LARGEST, SMALLER, VARIANTS,  # noqa: E402
                            apply, nav_for, patched_repo, with_nav_translations)

REPO = HERE.parent
SERVE_FIXED = "real site + Jinja cache"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 500],
                        help="sections per language (default: 10 100 500)")
    parser.add_argument("--large", action="store_true", help="also N = 1000 (adds ~10 minutes)")
    parser.add_argument("--runs", type=int, default=3, help="timed builds per variant and size")
    parser.add_argument("--variants", nargs="+", default=None,
                        help=f"only these variants (default: {' '.join(ALWAYS)} at every size, "
                             f"{' '.join(LARGEST)} at the largest, {' '.join(SMALLER)} at the others)")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile runs")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latency")
    parser.add_argument("--serve-edits", type=int, default=5)
    parser.add_argument("--real-runs", type=int, default=7,
                        help="builds of the real site per variant (with and without jieba, stock)")
    parser.add_argument("--only-real", action="store_true",
                        help="only the real site (about 2 minutes): rewrites its section of RESULTS.md")
    parser.add_argument("--no-real", action="store_true", help="skip the real site")
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)

    sizes = sorted(set(args.sizes + ([1000] if args.large else [])))
    largest = max(sizes)
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    command = "NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/run.py " + " ".join(
        shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    results: dict = {"meta": _meta(command, sizes, args.runs), "sites": {}, "builds": {},
                     "output": {}, "checks": {}, "profiles": {}, "top": {}, "serve": None,
                     "fixes": {}, "variants": {}}
    log = _logger(work / "run.log")
    if args.only_real:
        real = realsite.measure_all(REPO, work, args.real_runs, log)
        previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        args.out.write_text(sections.put(previous, realsite.SECTION, realsite.render(real, command)),
                            encoding="utf-8")
        log(f"wrote the real site's section of {args.out}")
        return 0
    log(f"benchmark: sizes {sizes}, {args.runs} runs, work {work}")
    jieba_env = {"PYTHONPATH": str(realsite.jieba_path(work))}

    real = sitegen.load_real(REPO)
    plan = _plan(sizes, largest, args.variants)
    for name in {v for names in plan.values() for v in names}:
        var = VARIANTS[name]
        results["variants"][name] = {"label": var.label, "description": var.description,
                                     "diagnostic": var.diagnostic}

    # 1. the sites ---------------------------------------------------------------------------
    trees_needed = {VARIANTS[v].tree for names in plan.values() for v in names}
    fix_repos: dict[str, Path | None] = {}
    for tree in sorted(trees_needed - {"base", "nogit"}):
        fix = FIXES[tree]
        folder, error = patched_repo(REPO, fix, work / "patched" / tree)
        results["fixes"][tree] = {"title": fix.title, "patches": fix.patches, "note": fix.note,
                                  "error": error}
        fix_repos[tree] = None if error else folder
        if error:
            log(f"fix {tree}: {error}")
    configs: dict[int, dict[str, Path]] = {}
    for n in sizes:
        t0 = time.perf_counter()
        configs[n] = {}
        base = work / f"n{n:04d}"
        base.mkdir(exist_ok=True)
        trees: dict[str, tuple[Path, list]] = {}
        for tree in sorted({VARIANTS[v].tree for v in plan[n]}):
            if tree in fix_repos and fix_repos[tree] is None:
                continue
            repo = fix_repos.get(tree, REPO)
            tree_real = real if tree in ("base", "nogit") else sitegen.load_real(repo)
            src = base / f"src-{tree}"
            nav = sitegen.generate(tree_real, n, src, repo=repo)
            if tree != "nogit":
                sitegen.git_commit(src)
            trees[tree] = (src, nav, tree_real)
        for name in plan[n]:
            var = VARIANTS[name]
            if var.tree not in trees:
                continue
            src, nav, tree_real = trees[var.tree]
            site_nav, english = nav_for(FIXES.get(var.tree), nav, n)
            config = var.make(tree_real, site_nav, f"../site-{name}")
            config = with_nav_translations(config, english)
            configs[n][name] = sitegen.write_config(src, name, config)
        figures = sum(_figures(real, i) for i in range(1, n + 1))
        results["sites"][n] = {"sections": n, "figures": figures,
                               "markdown_files": 2 * n + 2 * (len(real.nav) - len(real.content))}
        log(f"N={n}: sites generated in {time.perf_counter() - t0:.1f} s ({figures} figures)")

    # 2. timed builds, alternating ---------------------------------------------------------------
    for n in sizes:
        results["builds"][n] = {name: [] for name in configs[n]}
        for run in range(args.runs):
            for name, config in configs[n].items():
                logfile = work / "logs" / f"n{n:04d}-{name}-{run}.log"
                logfile.parent.mkdir(exist_ok=True)
                load = os.getloadavg()[0]
                b = measure.build(config, logfile,
                                  hook_times=work / "logs" / f"hook-{n}-{name}.json"
                                  if VARIANTS[name].timed_hook else None,
                                  env=jieba_env if VARIANTS[name].jieba else None)
                row = asdict(b)
                row["load"] = load
                row["warnings"] = len(measure.warnings(logfile))
                results["builds"][n][name].append(row)
                log(f"N={n} run {run + 1}/{args.runs} {name:10s} {b.wall:6.1f} s wall "
                    f"{b.cpu:6.1f} s cpu {b.maxrss_mib:5.0f} MiB"
                    + (f"  hook {sum(b.hook.get('seconds', {}).values()):.2f} s" if b.hook else "")
                    + f"  (load {load:.1f})")
        _save(work, results)

    # 3. what the builds wrote ----------------------------------------------------------------
    for n in sizes:
        results["output"][n] = {}
        for name, config in configs[n].items():
            site = config.parent.parent / f"site-{name}"
            site_url = _site_url(config)
            page_name = sitegen.copy_name(2 if n >= 2 else 1, real.content[min(1, len(real.content) - 1)])[:-3]
            out = {"site_bytes": measure.site_size(site), "indexes": measure.index_sizes(site)}
            for lang, prefix in (("zh", ""), ("en", "en/")):
                page = site / prefix / page_name / "index.html"
                if page.exists():
                    out[f"first_view_{lang}"] = asdict(measure.first_view(site, page, site_url))
                    out[f"first_view_{lang}"]["page"] = f"{prefix}{page_name}/"
            stats_page = site / "statistics" / "index.html"
            out["statistics_html"] = stats_page.stat().st_size if stats_page.exists() else None
            results["output"][n][name] = out
            if n == largest:
                results["checks"][name] = checks.features(site, n, site_url)
                out["statistics_indexing"] = measure.statistics_indexing(site)
    _save(work, results)
    log("outputs measured")

    # 4. profiles --------------------------------------------------------------------------------
    if not args.no_profile:
        for n in sizes:
            for name in ("ours",) + (("fix-all",) if n == largest and "fix-all" in configs[n] else ()):
                if name not in configs[n]:
                    continue
                prof = work / "profiles" / f"n{n:04d}-{name}.prof"
                prof.parent.mkdir(exist_ok=True)
                b = measure.build(configs[n][name], work / "logs" / f"profile-n{n:04d}-{name}.log",
                                  profile=prof)
                comps = profiling.components(prof)
                results["profiles"].setdefault(name, {})[n] = {"wall": b.wall, "components": comps}
                if n == largest:
                    results["top"][name] = {
                        "tottime": profiling.top_functions(prof, 15, sort="tottime"),
                        "cumtime": profiling.top_functions(prof, 25, sort="cumtime"),
                        "hook": profiling.hook_functions(prof, 15)}
                log(f"profile N={n} {name}: {b.wall:.1f} s under cProfile")
        _save(work, results)

    # 5. mkdocs serve --------------------------------------------------------------------------
    if not args.no_serve:
        results["serve"] = {}
        for label, patches in (("real site", []), (SERVE_FIXED, ["jinja"])):
            try:
                repo = REPO
                if patches:
                    repo = _serve_repo(work, patches)
                r = serve.measure(repo, work / f"serve-{len(patches)}", edits=args.serve_edits)
                results["serve"][label] = asdict(r)
                log(f"serve ({label}): " + ", ".join(
                    f"{e.seconds:.2f}" if e.seconds is not None else "timeout" for e in r.edits))
            except Exception as error:  # noqa: BLE001 - reported, not fatal
                results["serve"][label] = {"error": str(error)}
                log(f"serve ({label}) failed: {error}")

    if not args.no_real:
        results["real"] = realsite.measure_all(REPO, work, args.real_runs, log)
    results["meta"]["seconds"] = time.time() - started
    results["meta"]["load_after"] = os.getloadavg()
    _save(work, results)
    previous = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    extra = sections.kept(previous)  # what other scripts wrote (figures_budget.py)
    if results.get("real"):
        extra = sections.put(extra, realsite.SECTION, realsite.render(results["real"], command))
    args.out.write_text(report.render(results) + ("\n" + extra if extra else ""), encoding="utf-8")
    log(f"wrote {args.out} in {results['meta']['seconds'] / 60:.1f} min")
    return 0


def _plan(sizes: list[int], largest: int, only: list[str] | None) -> dict[int, list[str]]:
    plan = {}
    for n in sizes:
        names = list(ALWAYS) + (list(LARGEST) if n == largest else list(SMALLER))
        if only:
            names = [v for v in names if v in only] or [v for v in only if v in VARIANTS]
        plan[n] = names
    return plan


def _serve_repo(work: Path, fixes: list[str]) -> Path:
    dest = work / "serve-repo"
    serve.copy_repo(REPO, dest)
    for fix in fixes:
        for patch in FIXES[fix].patches:
            error = apply(dest, HERE / "fixes" / patch)
            if error:
                raise RuntimeError(error)
    return dest


def _figures(real: sitegen.RealSite, i: int) -> int:
    import re
    page = real.content[(i - 1) % len(real.content)]
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    return len(re.findall(r"^\s*-\s+id:", text.split("\n---", 1)[0], re.M))


def _site_url(config: Path) -> str:
    import yaml
    return yaml.safe_load(config.read_text(encoding="utf-8")).get("site_url") or "http://localhost/"


def _meta(command: str, sizes: list[int], runs: int) -> dict:
    def run(*cmd):
        try:
            return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = {}
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n",
                 "mkdocs-git-revision-date-localized-plugin", "Jinja2", "Markdown"):
        try:
            from importlib.metadata import version
            versions[dist] = version(dist)
        except Exception:  # noqa: BLE001
            versions[dist] = "?"
    pin = (HERE / "requirements-jieba.txt").read_text(encoding="utf-8")
    versions["jieba (stock only)"] = pin.split("jieba==")[1].split()[0]
    return {
        "command": command, "sizes": sizes, "runs": runs,
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": os.cpu_count(), "nproc_cmd": run("nproc"), "cpu": cpu,
        "python": platform.python_version(), "platform": platform.platform(),
        "load_before": os.getloadavg(),
        "commit": run("git", "rev-parse", "--short", "HEAD"),
        "dirty": bool(run("git", "status", "--porcelain", "--", "docs", "hooks", "overrides", "data",
                          "mkdocs.yml")),
        "versions": versions,
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30, 1),
    }


def _save(work: Path, results: dict) -> None:
    (work / "results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")


def _logger(path: Path):
    out = open(path, "a", encoding="utf-8")

    def log(message: str) -> None:
        line = f"[{time.strftime('%H:%M:%S')}] {message}"
        print(line, flush=True)
        out.write(line + "\n")
        out.flush()
    return log


if __name__ == "__main__":
    sys.exit(main())
