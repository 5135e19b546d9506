"""benchmarks/RESULTS.md from the raw results of a run."""
from __future__ import annotations

import statistics
from pathlib import Path

from . import profiling
from .variants import FIXES, FIXES_DIR

HOOK_BUDGET = 0.03
SECTION_BUDGET = 1.3
SERVE_BUDGET = 2.0


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def kb(n):
    return "–" if n is None else f"{n / 1024:,.0f} KB" if n < 10 * 2 ** 20 else f"{n / 2 ** 20:,.1f} MB"


def mb(n):
    return "–" if n is None else f"{n / 2 ** 20:,.2f} MB"


def sec(x, digits=1):
    return "–" if x is None else f"{x:.{digits}f} s"


def pct(x):
    return "–" if x is None else f"{100 * x:.1f} %"


def yes(ok):
    return "–" if ok is None else ("**yes**" if ok else "**no**")


class R:
    """Accessors over the results dict (whose keys may be ints or, from JSON, strings)."""

    def __init__(self, results: dict):
        self.r = results
        self.sizes = sorted(int(n) for n in results["builds"])
        self.largest = max(self.sizes) if self.sizes else None

    def _n(self, table: dict, n: int):
        return table.get(n, table.get(str(n), {}))

    def runs(self, n, v):
        return self._n(self.r["builds"], n).get(v, [])

    def has(self, n, v):
        return bool(self.runs(n, v))

    def wall(self, n, v):
        return med([b["wall"] for b in self.runs(n, v)])

    def cpu(self, n, v):
        return med([b["cpu"] for b in self.runs(n, v)])

    def rss(self, n, v):
        return med([b["maxrss_mib"] for b in self.runs(n, v)])

    def hook(self, n, v, kind="seconds"):
        runs = [b["hook"].get(kind, {}) for b in self.runs(n, v) if b.get("hook")]
        return med([sum(h.values()) for h in runs]) if runs else None

    def hook_share(self, n, v):
        shares = [sum(b["hook"]["seconds"].values()) / b["wall"] for b in self.runs(n, v) if b.get("hook")]
        return med(shares)

    def hook_events(self, n, v):
        runs = [b["hook"]["seconds"] for b in self.runs(n, v) if b.get("hook")]
        names = sorted({k for h in runs for k in h})
        return {k: med([h.get(k, 0.0) for h in runs]) for k in names}

    def figures(self, n):
        return self._n(self.r["sites"], n).get("figures")

    def out(self, n, v):
        return self._n(self.r["output"], n).get(v, {})

    def hook_cpu_share(self, n, v):
        shares = [sum(b["hook"]["cpu"].values()) / b["cpu"] for b in self.runs(n, v)
                  if b.get("hook") and b["hook"].get("cpu")]
        return med(shares)

    def per_section_cpu(self, n, v):
        c = self.cpu(n, v)
        return None if c is None else c / n

    def section_ratio_cpu(self, v, a=100, b=500):
        if not (self.has(a, v) and self.has(b, v)):
            return None
        return self.per_section_cpu(b, v) / self.per_section_cpu(a, v)

    def per_section(self, n, v):
        w = self.wall(n, v)
        return None if w is None else w / n

    def section_ratio(self, v, a=100, b=500):
        if not (self.has(a, v) and self.has(b, v)):
            return None
        return self.per_section(b, v) / self.per_section(a, v)

    def marginal_ratio(self, v, a=100, b=500, cpu=False):
        lo = min(self.sizes)
        if lo >= a or not all(self.has(n, v) for n in (lo, a, b)):
            return None
        t = self.cpu if cpu else self.wall
        return ((t(b, v) - t(lo, v)) / (b - lo)) / ((t(a, v) - t(lo, v)) / (a - lo))


def render(results: dict) -> str:
    r = R(results)
    m = results["meta"]
    L = r.largest
    mid = 100 if 100 in r.sizes else (sorted(r.sizes)[-2] if len(r.sizes) > 1 else L)
    out: list[str] = []
    w = out.append
    w("# Build performance: measured (issue 6)\n")
    w("Written by `benchmarks/run.py`; do not edit by hand (rerun it). How it measures: "
      "[README.md](README.md). Raw numbers of the run: `benchmarks/work/results.json`.\n")
    w("## The run\n")
    w(f"- Command: `{m['command']}` (from the repository root), {m['date']}, "
      f"{m.get('seconds', 0) / 60:.1f} minutes in all.")
    w(f"- Machine: `nproc` = {m['nproc_cmd'] or m['nproc']}, {m['cpu'] or 'unknown CPU'}, "
      f"{m['memory_gib']} GiB; Python {m['python']}; {m['platform']}.")
    la, lb = m.get("load_before", [0])[0], (m.get("load_after") or [0])[0]
    loads = [b["load"] for n in r.sizes for v in r._n(results["builds"], n) for b in r.runs(n, v)]
    w(f"- Load average (1 min): {la:.1f} before, {lb:.1f} after, {min(loads):.1f}–{max(loads):.1f} at "
      f"the start of the timed builds (2 cores: above ~1 another process was competing, and wall "
      f"times stretch; CPU times are given beside them)." if loads else "")
    w(f"- Repository: commit `{m['commit']}`"
      + (" with uncommitted changes in docs/, hooks/, overrides/, data/ or mkdocs.yml (the working "
         "tree is what was measured)" if m.get("dirty") else ", clean working tree") + ".")
    w("- Versions: " + ", ".join(f"{k} {v}" for k, v in m["versions"].items()) + ".")
    w(f"- {m['runs']} timed builds per variant and size, in alternation (A B C … A B C …); every "
      "figure below is the median. Sites: N sections per language, copies of the real content "
      "pages cycled, each in its own git repository."
      + ("" if 500 in r.sizes else " N = 500 was not measured in this run: the default command "
         "(`NO_MKDOCS_2_WARNING=1 .venv/bin/python benchmarks/run.py`, N = 10, 100 and 500, about "
         "20 minutes on a quiet 2-core machine) measures it, and the budgets below then read at "
         "N = 500.") + "\n")

    # --- budgets -------------------------------------------------------------------------
    w("## Budgets of the issue\n")
    fixed = "fix-all" if r.has(L, "fix-all") else None
    w("| Budget | ours | " + (f"{results['variants']['fix-all']['label']} |" if fixed else "") )
    w("| --- | --- | " + ("--- |" if fixed else ""))
    rows = _budgets(r, results, mid)
    for label, ours_cell, fixed_cell in rows:
        w(f"| {label} | {ours_cell} | " + (f"{fixed_cell} |" if fixed else ""))
    w("")
    w("Notes: a budget counts as met when both the wall time and the CPU time meet it (other "
      "jobs shared the 2 cores, and they stretch wall times only). The hook's share is the time "
      "spent inside its event handlers (a timer around each, `bench/timing_hook.py`) over the "
      "whole `mkdocs build` process. \"Time per section\" is the "
      "whole build's time divided by N; the marginal ratio (built from N = "
      f"{min(r.sizes)}, {mid}, {L}) leaves the fixed start-up cost out and is stricter. First-view "
      "bytes are uncompressed; stock Material also loads Google Fonts (its CSS and the Roboto "
      "files it names), which cannot be fetched here and are not counted in its bytes.\n")

    # --- build times ---------------------------------------------------------------------
    w("## Build times\n")
    w("| N | variant | wall (median) | range | CPU | peak memory | per section | vs ours |")
    w("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in r.sizes:
        for v in r._n(results["builds"], n):
            runs = r.runs(n, v)
            walls = [b["wall"] for b in runs]
            vs = r.wall(n, v) / r.wall(n, "ours") if r.has(n, "ours") else None
            label = results["variants"].get(v, {}).get("label", v)
            w(f"| {n} | {label} | {sec(r.wall(n, v))} | {min(walls):.1f}–{max(walls):.1f} | "
              f"{sec(r.cpu(n, v))} | {r.rss(n, v):.0f} MiB | {1000 * r.per_section(n, v):.0f} ms | "
              f"{'' if vs is None else f'{vs:.2f}×'} |")
    w("")
    w("Ratios (wall-time medians):\n")
    w("| N | (a) ours / ours without hook | (b) ours / stock | " + results["variants"].get("fix-all", {}).get("label", "fixed") + " / stock |")
    w("| ---: | ---: | ---: | ---: |")
    for n in r.sizes:
        a = _ratio(r, n, "ours", "nohook")
        b = _ratio(r, n, "ours", "stock")
        c = _ratio(r, n, "fix-all", "stock")
        w(f"| {n} | {a} | {b} | {c} |")
    w("")
    if 100 in r.sizes and 500 in r.sizes:
        w(f"(c) Time per section, N = 500 against N = 100 (budget ≤ {SECTION_BUDGET}×):\n")
        w("| variant | per section at 100 | at 500 | ratio | CPU per section at 100 | at 500 | ratio | marginal ratio: wall | CPU |")
        w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for v in r._n(results["builds"], 500):
            if not r.has(100, v):
                continue
            mr = r.marginal_ratio(v)
            w(f"| {results['variants'].get(v, {}).get('label', v)} | {1000 * r.per_section(100, v):.0f} ms | "
              f"{1000 * r.per_section(500, v):.0f} ms | {r.section_ratio(v):.2f}× | "
              f"{1000 * r.per_section_cpu(100, v):.0f} ms | {1000 * r.per_section_cpu(500, v):.0f} ms | "
              f"{r.section_ratio_cpu(v):.2f}× | {'–' if mr is None else f'{mr:.2f}×'} | "
              f"{'–' if mr is None else f'{r.marginal_ratio(v, cpu=True):.2f}×'} |")
        w("")
    fits = []
    for v in ("ours", "nohook", "stock", "fix-all"):
        if all(r.has(n, v) for n in r.sizes) and len(r.sizes) >= 3:
            f = profiling.fit(r.sizes, [r.wall(n, v) for n in r.sizes])
            if f:
                fits.append(f"{results['variants'].get(v, {}).get('label', v)}: t ≈ {f[0]:.1f} s + "
                            f"{1000 * f[1]:.1f} ms·N + {1e6 * f[2]:.1f} µs·N²")
    if fits:
        w("Fitted through the medians (" + ", ".join(f"N = {n}" for n in r.sizes) + "): "
          + "; ".join(fits) + ".\n")

    # --- outputs -------------------------------------------------------------------------
    w("## What a reader downloads\n")
    w("A section page (`s0002-theory/`, the second copy, a copy of `theory.md`) on its first "
      "view: the HTML, then every stylesheet (`<link rel=stylesheet>`), script (`<script src>`), "
      "font (`url()` in those stylesheets) and icon or image it references. The search index "
      "comes later (Material fetches it when the page has loaded) and is listed separately, per "
      "language.\n")
    w("| N | variant | page HTML | CSS | JS | other | first view | (gzip) | off-site requests | zh index | en index | site |")
    w("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
    for n in r.sizes:
        for v in r._n(results["output"], n):
            o = r.out(n, v)
            fv = o.get("first_view_zh")
            if not fv:
                continue
            idx = o.get("indexes", {})
            zh = idx.get("search/search_index.json")
            en = idx.get("en/search/search_index.json")
            total = fv["html"] + fv["css"] + fv["js"] + fv["fonts"] + fv["other"]
            off = len(fv["off_site"])
            label = results["variants"].get(v, {}).get("label", v)
            w(f"| {n} | {label} | {kb(fv['html'])} | {kb(fv['css'])} | {kb(fv['js'])} | "
              f"{kb(fv['other'] + fv['fonts'])} | {kb(total)} | {kb(fv['gzip'])} | "
              f"{off or 'none'} | {mb(zh[0]) if zh else '–'} | "
              f"{mb(en[0]) if en else ('(merged)' if zh else '–')} | {mb(o.get('site_bytes'))} |")
    w("")
    ours_fv, stock_fv = r.out(L, "ours").get("first_view_zh"), r.out(L, "stock").get("first_view_zh")
    if ours_fv and stock_fv and ours_fv.get("listing"):
        w(f"The files of that first view at N = {L}:\n")
        w("| file | ours | stock |")
        w("| --- | ---: | ---: |")
        a = {path: size for _, path, size in ours_fv["listing"]}
        b = {path: size for _, path, size in stock_fv["listing"]}
        w(f"| the page's HTML | {kb(ours_fv['html'])} | {kb(stock_fv['html'])} |")
        for path in sorted(set(a) | set(b)):
            w(f"| `{path}` | {kb(a.get(path)) if path in a else '–'} | {kb(b.get(path)) if path in b else '–'} |")
        w("")
    stock_off = r.out(L, "stock").get("first_view_zh", {}).get("off_site", [])
    if stock_off:
        w("Stock's off-site requests: " + "; ".join(f"`{u}`" for u in stock_off) + ".\n")
    w("Stock writes one index for both languages (`search/search_index.json`, deduplicated by "
      "the i18n plugin); ours writes one per language. The gzip sizes of synthetic sites are "
      "optimistic: the copies repeat the same six pages, often within gzip's 32 KB window.\n")
    if r.out(L, "ours").get("statistics_html"):
        w(f"The statistics page itself is {mb(r.out(L, 'ours')['statistics_html'])} of HTML at N = {L} "
          f"(every figure in three tables and a chart).\n")

    # --- hook ----------------------------------------------------------------------------
    w("## The hook's own cost\n")
    w("Seconds inside the hook's event handlers (median of the runs), per build of both "
      "languages. `on_pre_build` reads, checks and counts every page (once: the English build "
      "takes the cached analysis); `on_page_content` adds each section's panel and draws the "
      "statistics page; `on_post_build` writes each language's search index and the open data.\n")
    events = ["import", "on_pre_build", "on_page_markdown", "on_page_content",
              "on_post_build:_write_language_outputs", "on_post_build:_restore_outputs"]
    w("| N | variant | figures | hook (wall) | hook (CPU) | share of build | per figure | "
      + " | ".join(e.replace("on_post_build:_", "post_build ") for e in events[1:]) + " |")
    w("| ---: | --- | ---: | ---: | ---: | ---: | ---: | " + " | ".join("---:" for _ in events[1:]) + " |")
    for n in r.sizes:
        for v in ("ours", "fix-hook", "fix-all"):
            if not r.has(n, v) or r.hook(n, v) is None:
                continue
            ev = r.hook_events(n, v)
            fig = r.figures(n)
            w(f"| {n} | {results['variants'][v]['label']} | {fig} | {sec(r.hook(n, v), 2)} | "
              f"{sec(r.hook(n, v, 'cpu'), 2)} | {pct(r.hook_share(n, v))} | "
              f"{1e3 * r.hook(n, v) / fig:.2f} ms | "
              + " | ".join(f"{ev.get(e, 0):.2f}" for e in events[1:]) + " |")
    w("")
    for v in ("ours", "fix-all"):
        if r.has(mid, v) and r.has(L, v) and r.hook(L, v):
            a, b = r.hook(mid, v) / r.figures(mid), r.hook(L, v) / r.figures(L)
            w(f"- {results['variants'][v]['label']}: per figure {1e3 * a:.2f} ms at N = {mid}, "
              f"{1e3 * b:.2f} ms at N = {L}: ×{b / a:.2f} "
              f"({'linear' if b / a <= SECTION_BUDGET else 'superlinear'}).")
    if r.has(L, "ours") and r.has(L, "nohook"):
        d = r.wall(L, "ours") - r.wall(L, "nohook")
        w(f"- With against without the hook (and its statistics page) at N = {L}: "
          f"{d:+.1f} s ({100 * d / r.wall(L, 'ours'):.0f} % of ours): the hook's own time plus what "
          "its output costs the rest of the build (the statistics page in the search index, the "
          "panels, the open data).")
    w("")

    # --- profile -------------------------------------------------------------------------
    prof = results.get("profiles", {}).get("ours")
    if prof:
        _profile_section(w, r, results, prof)

    # --- fixes ---------------------------------------------------------------------------
    _fixes_section(w, r, results)

    # --- serve ---------------------------------------------------------------------------
    _serve_section(w, results.get("serve"))

    _method_notes(w, results)
    return "\n".join(line for line in out) + "\n"


def _ratio(r, n, a, b):
    if not (r.has(n, a) and r.has(n, b)):
        return "–"
    return f"{r.wall(n, a) / r.wall(n, b):.2f}×"


def _budgets(r: R, results: dict, mid: int):
    L = r.largest
    rows = []

    def hook_cell(v):
        if not r.has(L, v) or r.hook_share(L, v) is None:
            return "–"
        s, c = r.hook_share(L, v), r.hook_cpu_share(L, v)
        return (f"{pct(s)} of the wall time ({r.hook(L, v):.1f} s of {r.wall(L, v):.1f} s), "
                f"{pct(c)} of the CPU time: {yes(s <= HOOK_BUDGET and (c or 0) <= HOOK_BUDGET)}")

    rows.append((f"Hook ≤ 3 % of the build at N = {L}", hook_cell("ours"), hook_cell("fix-all")))

    def linear_cell(v):
        if not (r.has(mid, v) and r.has(L, v)) or not r.hook(L, v):
            return "–"
        a, b = r.hook(mid, v) / r.figures(mid), r.hook(L, v) / r.figures(L)
        return f"{1e3 * a:.2f} → {1e3 * b:.2f} ms per figure (×{b / a:.2f}): {yes(b / a <= SECTION_BUDGET)}"

    rows.append((f"Hook linear in figures (per figure, N = {mid} → {L}, ≤ {SECTION_BUDGET}×)",
                 linear_cell("ours"), linear_cell("fix-all")))

    def section_cell(v):
        s, c = r.section_ratio(v), r.section_ratio_cpu(v)
        if s is None:
            return "–"
        mr, mc = r.marginal_ratio(v), r.marginal_ratio(v, cpu=True)
        return (f"wall {s:.2f}×, CPU {c:.2f}×" + (f" (marginal: wall {mr:.2f}×, CPU {mc:.2f}×)" if mr else "")
                + f": {yes(s <= SECTION_BUDGET and c <= SECTION_BUDGET)}")

    rows.append(("Time per section at N = 500 within 1.3× of N = 100", section_cell("ours"),
                 section_cell("fix-all")))

    serve = results.get("serve") or {}

    def serve_cell(label):
        s = serve.get(label)
        if not s or "error" in s:
            return "–" if not s else f"failed: {s['error'][:80]}"
        times = [e["seconds"] for e in s["edits"]]
        if any(t is None for t in times):
            return "timed out: **no**"
        return (f"median {med(times):.2f} s, slowest {max(times):.2f} s over {len(times)} edits: "
                f"{yes(max(times) <= SERVE_BUDGET)}")

    rows.append(("`mkdocs serve`: statistics page shows an edit ≤ 2 s (real site, every edit)",
                 serve_cell("real site"), serve_cell("real site + Jinja cache") + " (Jinja cache only: the nav fix changes nothing on the real 9-page nav)"))

    def offsite_cell(v):
        cells = []
        for n in r.sizes:
            fv = r.out(n, v).get("first_view_zh")
            if fv is None:
                return "–"
            cells.append(len(fv["off_site"]))
        return f"{sum(cells)} off-site requests: {yes(sum(cells) == 0)}"

    rows.append(("First view makes no off-site request", offsite_cell("ours"), offsite_cell("fix-all")))

    def bytes_cell(v):
        parts, ok = [], True
        for n in r.sizes:
            a, s = r.out(n, v).get("first_view_zh"), r.out(n, "stock").get("first_view_zh")
            if not a or not s:
                return "–"
            ta = a["html"] + a["css"] + a["js"] + a["fonts"] + a["other"]
            ts = s["html"] + s["css"] + s["js"] + s["fonts"] + s["other"]
            parts.append(f"N={n}: {kb(ta)} vs {kb(ts)}")
            ok = ok and ta <= ts
        return "; ".join(parts) + f" (stock + its Google Fonts): {yes(ok)}"

    rows.append(("First view ≤ stock Material's bytes (section page, uncompressed)",
                 bytes_cell("ours"), bytes_cell("fix-all")))
    return rows


def _profile_section(w, r: R, results: dict, prof: dict):
    sizes = sorted(int(n) for n in prof)
    L = max(sizes)
    w("## Profile: where the time goes, and what grows with N²\n")
    w("`python -m cProfile -o … -m mkdocs build` of ours at each N (`bench/profiling.py`). Each row "
      "adds up the cumulative time of a set of call edges; the rows do not overlap, and "
      "\"other\" is the rest (MkDocs' own file handling, config, theme and plugin start-up, "
      "the nested English build's bookkeeping). cProfile slows Python down about 2×, so "
      "compare shares, not seconds, with the wall times above. The last two columns fit each "
      "row with t = a + b·N + c·N² through the " + str(len(sizes)) + " sizes and give the c·N² "
      f"part at N = {L}.\n")
    names = [c.name for c in profiling.COMPONENTS] + ["other", "total"]
    w("| component | " + " | ".join(f"N = {n}" for n in sizes) + f" | share at {L} | ×({L}/{sizes[-2] if len(sizes) > 1 else L}) | N² part at {L} |")
    w("| --- | " + " | ".join("---:" for _ in sizes) + " | ---: | ---: | ---: |")
    total_l = prof[_k(prof, L)]["components"]["total"]
    for name in names:
        vals = [prof[_k(prof, n)]["components"].get(name, 0.0) for n in sizes]
        ratio = vals[-1] / vals[-2] if len(vals) > 1 and vals[-2] > 0.01 else None
        f = profiling.fit(sizes, vals)
        quad = (f[2] * L * L) / vals[-1] if f and vals[-1] > 0.05 else None
        quad_cell = "–" if quad is None else f"{max(0.0, min(1.0, quad)) * 100:.0f} %"
        w(f"| {name} | " + " | ".join(f"{v:.2f}" for v in vals)
          + f" | {100 * vals[-1] / total_l:.0f} % | {'–' if ratio is None else f'{ratio:.1f}'} | {quad_cell} |")
    w("")
    if len(sizes) > 1:
        w(f"From N = {sizes[-2]} to N = {L} the pages grow ×{L / sizes[-2]:.0f}: a row that grows "
          f"×{L / sizes[-2]:.0f} is linear, one that grows ×{(L / sizes[-2]) ** 2:.0f} is quadratic.\n")
    top = results.get("top", {}).get("ours")
    if top:
        w(f"Top functions by own time (tottime) at N = {L}, ours, under cProfile:\n")
        w("| own s | cumulative s | calls | function |")
        w("| ---: | ---: | ---: | --- |")
        for tt, ct, nc, where in top["tottime"][:15]:
            w(f"| {tt:.2f} | {ct:.2f} | {nc:,} | `{where}` |")
        w("")
        w(f"Top functions by cumulative time at N = {L} (entry points of the build left out):\n")
        w("| cumulative s | own s | calls | function |")
        w("| ---: | ---: | ---: | --- |")
        shown = 0
        for tt, ct, nc, where in top["cumtime"]:
            if any(s in where for s in ("click/", "__main__", "runpy", "commands/build.py:249",
                                        "plugins.py:551", "{method 'join'")):
                continue
            w(f"| {ct:.2f} | {tt:.2f} | {nc:,} | `{where}` |")
            shown += 1
            if shown == 18:
                break
        w("")
    if top and top.get("hook"):
        w(f"Our hook's own functions and templates at N = {L}, by cumulative time under cProfile "
          "(nested rows include each other):\n")
        w("| cumulative s | own s | calls | function |")
        w("| ---: | ---: | ---: | --- |")
        for ct, tt, nc, where in top["hook"]:
            w(f"| {ct:.2f} | {tt:.2f} | {nc:,} | `{where}` |")
        w("")
    fixed = results.get("profiles", {}).get("fix-all", {})
    if fixed:
        comps = fixed[_k(fixed, L)]["components"]
        w(f"{results['variants']['fix-all']['label'].capitalize()} at N = {L}, same profile ({comps['total']:.1f} s under cProfile against "
          f"{total_l:.1f} s): " + "; ".join(f"{k} {v:.1f} s" for k, v in comps.items()
                                             if k not in ("total",) and v >= 0.3) + ".\n")
    _findings(w, r, results, prof, sizes)


def _k(d, n):
    return n if n in d else str(n)


def _findings(w, r: R, results, prof, sizes):
    L = max(sizes)
    mid = sizes[-2] if len(sizes) > 1 else L
    c = prof[_k(prof, L)]["components"]
    total = c["total"]
    nav = c["navigation (partials/nav.html + nav-item.html)"]
    rest = c["rest of the page template"]
    hook = c["our hook (hooks/, its templates)"]
    parse = c["search: HTML parsing of each page"]
    jieba = c["search: jieba segmentation"]
    git = c["git-revision-date plugin"]
    merge = c["i18n: search entries merged (and deduplicated)"]
    grow = lambda name: (prof[_k(prof, L)]["components"][name] /  # noqa: E731
                         max(prof[_k(prof, mid)]["components"][name], 1e-9))
    w("### Findings\n")
    nested = ""
    if r.has(L, "fix-nav"):
        nested = (f" Nesting the nav √N by √N, so that the `navigation.prune` already in mkdocs.yml "
                  f"prunes it: {r.wall(L, 'fix-nav'):.1f} s.")
    w(f"1. **Navigation in every page: the N² term.** Material renders the whole flat nav "
      f"(`partials/nav.html` → the `nav-item.html` macro, once per nav entry) into each of the 2N "
      f"pages: 2N × (N + 3) macro calls. Under the profiler `nav.html` takes {nav:.1f} s "
      f"({100 * nav / total:.0f} %) at N = {L} and grows ×{grow('navigation (partials/nav.html + nav-item.html)'):.0f} "
      f"from N = {mid}; the rest of the page template ({rest:.1f} s) grows "
      f"×{grow('rest of the page template'):.0f} too, because it carries the nav's output (a "
      "section page's HTML is mostly nav: see the page sizes). `navigation.prune` does not help a "
      "flat nav. Without the profiler: ours " + (f"{r.wall(L, 'ours'):.1f} s" if r.has(L, "ours") else "–")
      + (f"; with an empty `partials/nav.html` {r.wall(L, 'nonav'):.1f} s" if r.has(L, "nonav") else "")
      + "." + nested)
    ev = r.hook_events(L, "ours") if r.has(L, "ours") else {}
    stats_html = r.out(L, "ours").get("statistics_html")
    per = ""
    if r.has(mid, "ours") and r.hook(L, "ours"):
        a, b = r.hook(mid, "ours") / r.figures(mid), r.hook(L, "ours") / r.figures(L)
        per = f"{1e3 * a:.2f} → {1e3 * b:.2f} ms per figure from N = {mid} to {L}"
    w(f"2. **Our hook** takes {pct(r.hook_share(L, 'ours'))} of the build at N = {L} ({per}). Of its "
      f"{r.hook(L, 'ours') or 0:.1f} s: `on_pre_build` {ev.get('on_pre_build', 0):.1f} s (reading, "
      f"checking and counting the 2N pages), `on_page_content` {ev.get('on_page_content', 0):.1f} s "
      f"(the N panels and the statistics page: {mb(stats_html)} of HTML per language at N = {L}, every "
      "figure in three tables and a chart), `on_post_build` "
      f"{ev.get('on_post_build:_write_language_outputs', 0):.1f} s (the two search indexes "
      "rewritten, the open data). Its own functions under the profiler are listed below. What is "
      "left is linear and has no single hotspot: reading and checking, drawing and writing each "
      "take a share. 3 % of the build is "
      + (f"{0.03 * r.wall(L, 'ours'):.1f} s for ours and {0.03 * r.wall(L, 'fix-all'):.1f} s once the "
         "nav is nested" if r.has(L, "fix-all") else "less than any one of them")
      + ": the budget needs less output (the statistics page's three full tables and its charts "
      "grow with every figure) as well as a faster analysis, not one more fix of the same kind.")
    w(f"3. **Search** is linear: Material's HTML parser {parse:.1f} s at N = {L} under the profiler"
      + (f", and jieba {jieba:.1f} s" if jieba >= 0.05 else "; no jieba since issue 20 (stock is "
         "built with it, as Material advises for Chinese)") + ". The statistics tables, charts and "
      "figure panels are kept out of the index (`data-search-exclude`, 85644e2); the parser still "
      "reads their HTML.")
    w(f"4. **i18n's search merge.** With `reconfigure_search: false` our build spends {merge:.2f} s "
      "merging the two languages' entries (then overwritten by our per-language indexes); stock's "
      "deduplication (`reconfigure_search_duplicates`, every Chinese entry against every English "
      "one) is quadratic but small next to the nav.")
    nogit = ""
    if r.has(L, "nogit") and r.has(L, "ours"):
        nogit = (f" Without a git repository (fallback to the build date) the build takes "
                 f"{r.wall(L, 'nogit'):.1f} s against {r.wall(L, 'ours'):.1f} s.")
    w(f"5. **git-revision-date**: {git:.1f} s at N = {L} under the profiler (one `git log` per page "
      "and language, in a process pool), linear." + nogit)
    w("6. **Fixed costs** per build: MkDocs compiles Material's templates once per language (see "
      "the Jinja-cache fix)" + ("; jieba loads its dictionary (~0.6 s, from its cache in /tmp)"
                                 if jieba >= 0.05 else "; jieba's dictionary (~0.6 s) is no longer "
                                 "loaded (issue 20)") + ".\n")


def _vs(r: R, v: str, prefix: str = "") -> str:
    L = r.largest
    if not (r.has(L, v) and r.has(L, "ours")):
        return ""
    d = r.wall(L, v) - r.wall(L, "ours")
    return (f"{prefix}({r.wall(L, v):.1f} s against {r.wall(L, 'ours'):.1f} s for ours at N = {L}, "
            f"{d:+.1f} s)")


def _fixes_section(w, r: R, results: dict):
    L = r.largest
    fixes = results.get("fixes", {})
    if not fixes:
        return
    w("## Fixes tried (in the benchmark's copies only)\n")
    if (FIXES_DIR.parent / "RESULTS-43a3cd6.md").exists():
        w("The first fixes this benchmark found (the hook's quadratic lookups, the statistics "
          "tables out of the search index, `navigation.prune`) are in the repository since "
          "6958f26 and 85644e2; their measurements before and after are in "
          "[RESULTS-43a3cd6.md](RESULTS-43a3cd6.md), the run at the commit before them. The "
          "fixes below are the ones still open.\n")
    w(f"A fix is a patch in `benchmarks/fixes/` applied to a copy of mkdocs.yml, hooks/ and "
      f"overrides/, or a change to the nav; the synthetic site is then generated from the patched copy and built like "
      f"ours. \"Features\" checks the built site at N = {L}: each language's search index covers "
      f"all {L} sections, every section is reachable from the home page by navigation links "
      "alone, and every section page's language switcher points at the same section in the "
      "other language.\n")
    w(f"| variant | N = {L} wall | vs ours | CPU | page HTML | zh index | en index | features |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for v in ("ours", "nogit", "nonav", "fix-hook", "fix-search", "fix-nav", "fix-jinja", "fix-all", "stock"):
        if not r.has(L, v):
            continue
        o = r.out(L, v)
        fv = o.get("first_view_zh", {})
        idx = o.get("indexes", {})
        zh, en = idx.get("search/search_index.json"), idx.get("en/search/search_index.json")
        ch = results.get("checks", {}).get(v, {})
        feat = ("all present" if ch.get("ok") else
                ", ".join(f"{k} {val}" for k, val in ch.items() if k != "ok" and val != L and not k.endswith("entries")))
        w(f"| {results['variants'][v]['label']} | {sec(r.wall(L, v))} | "
          f"{r.wall(L, v) / r.wall(L, 'ours'):.2f}× | {sec(r.cpu(L, v))} | {kb(fv.get('html'))} | "
          f"{mb(zh[0]) if zh else '–'} | {mb(en[0]) if en else '–'} | {feat or '–'} |")
    w("")
    idx = {v: r.out(L, v).get("statistics_indexing") for v in ("ours", "fix-search", "fix-all")}
    if idx.get("ours") and idx.get("fix-search"):
        w(f"A whole build varies by a few seconds from run to run at N = {L}, more than the search "
          "fix saves in build time. What it changes, measured in-process: Material's search "
          "plugin indexing the statistics page (`SearchIndex.add_entry_from_context`: its HTML "
          "parser and jieba; CPU seconds, best of 2) and the entries it adds to the index:\n")
        w("| variant | zh: CPU | zh: entries | en: CPU | en: entries |")
        w("| --- | ---: | ---: | ---: | ---: |")
        for v, d in idx.items():
            if d and "zh" in d:
                w(f"| {results['variants'][v]['label']} | {d['zh'][0]:.2f} s | {mb(d['zh'][1])} | "
                  f"{d.get('en', (0, 0))[0]:.2f} s | {mb(d.get('en', (0, 0))[1])} |")
        w("")
    small = [n for n in r.sizes if r.has(n, "fix-jinja") and r.has(n, "ours")]
    if small:
        w("The Jinja cache saves a fixed time per build, so it is measured at the smaller sizes:\n")
        w("| N | ours | ours + Jinja cache | difference | CPU: ours | CPU: + Jinja cache |")
        w("| ---: | ---: | ---: | ---: | ---: | ---: |")
        for n in small:
            w(f"| {n} | {sec(r.wall(n, 'ours'), 2)} | {sec(r.wall(n, 'fix-jinja'), 2)} | "
              f"{r.wall(n, 'fix-jinja') - r.wall(n, 'ours'):+.2f} s | {sec(r.cpu(n, 'ours'), 2)} | "
              f"{sec(r.cpu(n, 'fix-jinja'), 2)} |")
        w("")
    order = [k for k in ("hook", "search", "nav", "jinja", "all") if k in fixes]
    for name in order:
        fix = fixes[name]
        w(f"### {fix['title']}\n")
        if name == "all":
            w("The fixes above together (" + ", ".join(f"`{p}`" for p in fix["patches"])
              + (", with the nested nav" if FIXES.get(name) and FIXES[name].group_nav else "") + ").\n")
            if fix.get("error"):
                w(f"**Not measured: {fix['error']}**\n")
            continue
        if fix.get("note"):
            w(fix["note"] + "\n")
        if fix.get("error"):
            w(f"**Not measured: {fix['error']}**\n")
        for patch in fix["patches"]:
            path = FIXES_DIR / patch
            if path.exists():
                w(f"`benchmarks/fixes/{patch}`:\n")
                w("```diff\n" + path.read_text(encoding="utf-8").rstrip() + "\n```\n")
        if FIXES.get(name) and FIXES[name].group_nav:
            g = max(5, round(L ** 0.5))
            n_groups = -(-L // g)
            w("The benchmark's nav for it, at N = " + str(L) + f" ({n_groups} groups of {g}):\n")
            w(f"```yaml\nnav:\n  - index.md\n  - 第 1–{g} 部分:\n      - s0001-basics.md\n      - …\n"
              f"  - 第 {g + 1}–{2 * g} 部分:\n      - …\n  - statistics.md\n"
              "  - glossary.md\nplugins:\n  - i18n:\n      languages:\n        - locale: en\n"
              f"          nav_translations:\n            第 1–{g} 部分: Sections 1–{g}\n            …\n```\n")


def _serve_section(w, serve: dict | None):
    if not serve:
        return
    w("## `mkdocs serve`: from an edit to the statistics page\n")
    w("A copy of the repository under benchmarks/work/, `mkdocs serve -a 127.0.0.1:<free port>`; "
      "each edit changes one figure's `value` in the Chinese front matter and the same number in "
      "the Chinese and English prose (so the checks still pass), then `/report-2023/statistics/` "
      "is polled every 50 ms until it shows the new value. Successive edits go back and forth "
      "between two values.\n")
    for label, s in serve.items():
        if "error" in s:
            w(f"- {label}: failed: {s['error']}\n")
            continue
        w(f"**{label}**: metric `{s['metric']}` of `{s['page']}`; first build served after "
          f"{s['startup']:.1f} s.\n")
        w("| edit | new value | zh statistics page | en statistics page | rebuild (MkDocs log) |")
        w("| ---: | ---: | ---: | ---: | ---: |")
        for i, e in enumerate(s["edits"], 1):
            w(f"| {i} | {e['value']} | {sec(e['seconds'], 2)} | {sec(e['seconds_en'], 2)} | "
              + ", ".join(f"{b:.2f} s" for b in e["built_in"]) + " |")
        w("")


def _method_notes(w, results):
    w("## Method notes\n")
    order = ["ours", "nohook", "stock", "nonav", "nogit", "fix-hook", "fix-search", "fix-nav",
             "fix-jinja", "fix-all"]
    variants = results["variants"]
    w("- **Variants.** " + "; ".join(f"*{variants[k]['label']}*: {variants[k]['description']}"
                                      for k in order if k in variants) + ".")
    w("- **Stock** is Material with its defaults (Roboto from Google Fonts, no features, no "
      "palette), the i18n plugin with its default search handling (one index, deduplicated), "
      "search, our Markdown extensions and site metadata; no hook, no overrides, no extra CSS, no "
      "git-revision-date plugin. Neither stock nor *ours without hook* has the statistics page.")
    w("- **git.** Each generated site is its own git repository with one commit, so the "
      "git-revision-date plugin reads a history as on the real site"
      + ("; *ours, no git repo* shows the other way (fallback to the build date)."
         if "nogit" in variants else "; `--diagnostics` adds the other way (no repository: the "
         "plugin falls back to the build date)."))
    w("- **Timer.** In timed variants `hooks:` points at `timing_hook.py`, which loads the real "
      "`hooks/report_hook.py` and wraps each handler with its priority kept.")
    w("- **Memory** is the peak resident set of the `mkdocs build` process (`wait4` rusage).")
    w("- **Noise.** Other jobs may share the 2 cores (see the load average above): the range "
      "column shows the spread of the runs, and CPU times are steadier than wall times. At "
      "N = 500 whole builds vary by a few seconds, so effects smaller than that (the Jinja "
      "cache) are measured where they show: at small N and in `mkdocs serve`.")
