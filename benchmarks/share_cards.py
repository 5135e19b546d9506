#!/usr/bin/env python3
"""What the share images (issue 19) cost a build: each card drawn from nothing, and each taken
from the cache, for the real site's pages in both languages; and the size of the images.

    .venv/bin/python benchmarks/share_cards.py [--runs 3]

A build draws a card only when something that shapes it changed (hooks/meta/card.py keys
the cache by the card's text, the drawing code, Pillow and the font files); `mkdocs serve`
and every later build take the rest from the cache. Wall and CPU time are both given: the
machine may be shared, and CPU time is the steadier of the two. Writes the section
"issue-19-share" of benchmarks/RESULTS.md.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "hooks"))
sys.path.insert(0, str(HERE))

from bench import sections  # noqa: E402
from figures import pipeline  # noqa: E402
from meta import card as cards, share  # noqa: E402
from mkdocs.utils.yaml import yaml_load  # noqa: E402

SECTION = "issue-19-share"


def settings() -> dict[str, share.Settings]:
    with open(REPO / "mkdocs.yml", encoding="utf-8") as stream:
        config = yaml_load(stream)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    en = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    year = str(config["extra"]["year"])
    return {
        "zh": share.Settings("zh", "https://example.github.io/report-2023/", config["site_name"], config["copyright"],
                             config["extra"]["masthead"]["title"], year),
        "en": share.Settings("en", "https://example.github.io/report-2023/", en["site_name"], en["copyright"],
                             en["extra"]["masthead"]["title"], year),
    }


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)

    with open(REPO / "mkdocs.yml", encoding="utf-8") as stream:
        pages = pipeline.pages_in(yaml_load(stream)["nav"])
    analysis = pipeline.analyse(REPO / "docs", pages, REPO / "data/categories.yml",
                                official_text=REPO / "data/source/report-2023.zh.txt",
                                highlights_path=REPO / "data/highlights.yml")
    described_time = timed(lambda: share.described(pages, analysis.pages, analysis.blocks, pipeline.source_path))
    about = share.described(pages, analysis.pages, analysis.blocks, pipeline.source_path)
    made = [share.card(page, about.pages[(page, lang)], s, analysis.stats)
            for lang, s in settings().items() for page in pages]
    cards.render(made[0])  # fonts opened and the font's character map read once, as a build does

    drawn, hits, sizes = [], [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as folder:
            for card in made:
                drawn.append(timed(lambda: cards.cached(card, Path(folder))))
            for card in made:
                hits.append(timed(lambda: cards.cached(card, Path(folder))))
            sizes = [len(cards.cached(card, Path(folder))) for card in made]

    def row(name, samples):
        walls, cpus = [w * 1000 for w, _ in samples], [c * 1000 for _, c in samples]
        per_build = len(made) * statistics.median(walls) / 1000
        return (f"| {name} | {statistics.median(walls):.1f} | {statistics.median(cpus):.1f} | "
                f"{max(walls):.1f} | {per_build:.2f} s |")

    body = "\n".join([
        "## Share images (issue 19)",
        "",
        f"Command: `.venv/bin/python benchmarks/share_cards.py --runs {args.runs}`. The real site's "
        f"{len(made)} cards (9 pages × 2 languages), {args.runs} runs each; times in ms per card "
        "(median; wall and CPU: the machine is shared by five engineers, so wall time is noisy; "
        f"load average over the last minute at the end: {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores).",
        "",
        "| | wall (median) | CPU (median) | wall (max) | per build (18 cards, wall) |",
        "| --- | ---: | ---: | ---: | ---: |",
        row("drawn (cache empty)", drawn),
        row("from the cache", hits),
        "",
        f"Descriptions of every page in both languages: {described_time[0] * 1000:.0f} ms wall, "
        f"{described_time[1] * 1000:.0f} ms CPU. PNG sizes: {min(sizes) // 1024}–{max(sizes) // 1024} KB "
        f"({sum(sizes) // 1024} KB for all {len(made)}).",
        "",
        "A card is drawn only on the first build after something that shapes it changed; the "
        "cache is the user's (`~/.cache/cyl-report-2023/share-images/`), shared by every checkout "
        "and test copy. At N = 500 sections a first build on a fresh machine would draw 1,000 "
        f"cards, about {statistics.median(w for w, _ in drawn) * 1000:.0f} s at this median; "
        "later builds take them from the cache.",
    ])
    print(body)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    args.out.write_text(sections.put(text, SECTION, body), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
