#!/usr/bin/env python3
"""What the print edition adds to the real site's build (issue 18). See benchmarks/README.md.

    NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/edition.py [--runs 5] [--serve-edits 3]

Copies the working tree (with its git history, for the last-updated dates) to
benchmarks/work/edition/, and builds it in alternation with the PDF (mkdocs.yml as it is) and
without it (a copy of mkdocs.yml with ``extra.edition.pdf: false``): wall time, and CPU time of
the build and its worker processes (the machine is shared: CPU time is what the PDFs cost
whatever else runs). Then ``mkdocs serve`` on the same copy: how long an edit takes to show
(the preview makes no PDF). Writes the issue-18 section of benchmarks/RESULTS.md and prints it.
Budget: both PDFs add at most 5 s to the build.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import measure, sections, serve  # noqa: E402

REPO = HERE.parent
WORK = HERE / "work" / "edition"
RESULTS = HERE / "RESULTS.md"
SECTION = "issue-18-edition"
BUDGET = 5.0  # seconds the two PDFs may add to the build
PDFS = {"zh": "full-text/report-2023.zh.pdf", "en": "en/full-text/report-2023.en.pdf"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind, in alternation")
    parser.add_argument("--serve-edits", type=int, default=3, help="edits timed under mkdocs serve (0: none)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args(argv)

    WORK.mkdir(parents=True, exist_ok=True)
    copy = serve.copy_repo(REPO, WORK / "site-src")
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "    pdf: true" not in text:
        sys.exit("mkdocs.yml has no 'extra: edition: pdf: true': nothing to compare")
    without = copy / "mkdocs-no-pdf.yml"
    without.write_text(text.replace("    pdf: true", "    pdf: false"), encoding="utf-8")

    load_before = os.getloadavg()
    runs: dict[str, list[measure.Build]] = {"with": [], "without": []}
    for run in range(args.runs):
        for kind, path in (("with", config), ("without", without)):
            site = WORK / f"site-{kind}"
            path.write_text(_with_site_dir(path.read_text(encoding="utf-8"), site), encoding="utf-8")
            runs[kind].append(measure.build(path, WORK / f"build-{kind}-{run}.log"))
            print(f"run {run + 1}/{args.runs} {kind:7} wall {runs[kind][-1].wall:5.2f} s  cpu {runs[kind][-1].cpu:5.2f} s",
                  flush=True)
    sizes = {lang: (WORK / "site-with" / path).stat().st_size for lang, path in PDFS.items()}
    assert not any((WORK / "site-without" / path).exists() for path in PDFS.values())
    load_after = os.getloadavg()
    edits = serve.measure(copy, WORK, edits=args.serve_edits) if args.serve_edits else None

    result = _summary(runs, sizes, edits, load_before, load_after)
    (WORK / "results.json").write_text(json.dumps(result, indent=1, default=str) + "\n", encoding="utf-8")
    body = _markdown(result, " ".join(argv if argv is not None else sys.argv[1:]))
    print(body)
    if not args.no_write:
        RESULTS.write_text(sections.put(RESULTS.read_text(encoding="utf-8"), SECTION, body), encoding="utf-8")
    return 0


def _with_site_dir(text: str, site: Path) -> str:
    """The config with ``site_dir`` set (one line, replaced on later runs)."""
    lines = [line for line in text.splitlines() if not line.startswith("site_dir:")]
    return "\n".join([f"site_dir: {site}", *lines]) + "\n"


def _summary(runs, sizes, edits, load_before, load_after) -> dict:
    def median(kind, what):
        return statistics.median(getattr(b, what) for b in runs[kind])
    out = {
        "when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"nproc = {os.cpu_count()}, Python {platform.python_version()}, {platform.platform()}",
        "load": [round(load_before[0], 1), round(load_after[0], 1)],
        "runs": len(runs["with"]),
        "builds": {kind: {"wall": [round(b.wall, 2) for b in builds], "cpu": [round(b.cpu, 2) for b in builds]}
                   for kind, builds in runs.items()},
        "median": {kind: {"wall": round(median(kind, "wall"), 2), "cpu": round(median(kind, "cpu"), 2)}
                   for kind in runs},
        "sizes": sizes,
    }
    out["added"] = {what: round(out["median"]["with"][what] - out["median"]["without"][what], 2)
                    for what in ("wall", "cpu")}
    if edits is not None:
        shown = [e.seconds for e in edits.edits if e.seconds is not None]
        out["serve"] = {"edits": len(edits.edits), "shown": [round(s, 2) for s in shown],
                        "median": round(statistics.median(shown), 2) if shown else None}
    return out


def _markdown(r: dict, args: str) -> str:
    added, med = r["added"], r["median"]
    met = added["wall"] <= BUDGET and added["cpu"] <= BUDGET
    command = f"NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/edition.py {args}".strip()
    lines = [
        "## The print edition (issue 18)",
        "",
        f"Written by `benchmarks/edition.py` (`{command}`), {r['when']}; raw numbers in"
        " `benchmarks/work/edition/results.json`.",
        f"Machine: {r['machine']}; load average (1 min) {r['load'][0]} before, {r['load'][1]} after: "
        "the machine is shared, so CPU time (the build and its PDF workers) is given beside wall time.",
        "",
        f"The real site, built {r['runs']} times with the PDFs and {r['runs']} times without (`extra.edition.pdf: false`),"
        " in alternation; medians:",
        "",
        "| build | wall | CPU |",
        "| --- | ---: | ---: |",
        f"| with both PDFs | {med['with']['wall']:.2f} s | {med['with']['cpu']:.2f} s |",
        f"| without | {med['without']['wall']:.2f} s | {med['without']['cpu']:.2f} s |",
        f"| **added by the PDFs** | **{added['wall']:.2f} s** | **{added['cpu']:.2f} s** |",
        "",
        f"Budget: the PDFs add at most {BUDGET:.0f} s: **{'met' if met else 'not met'}** "
        "(wall and CPU time both within it). The PDFs are laid out in worker processes while the"
        " build goes on, so the wall time added is less than their CPU time when a core is free.",
        "",
        f"PDF sizes: Chinese {r['sizes']['zh'] / 1e6:.2f} MB, English {r['sizes']['en'] / 1e6:.2f} MB (limit 3 MB each).",
        "",
        "Every run (seconds): " + "; ".join(
            f"{kind}: wall {', '.join(map(str, b['wall']))}, CPU {', '.join(map(str, b['cpu']))}"
            for kind, b in r["builds"].items()),
    ]
    if "serve" in r:
        s = r["serve"]
        lines += ["", f"`mkdocs serve` (no PDF; the one-page edition is rebuilt): an edit to a figure shows on the"
                      f" statistics page in {s['median']} s (median of {s['edits']} edits: {', '.join(map(str, s['shown']))})."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
