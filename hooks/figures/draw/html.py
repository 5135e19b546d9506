"""HTML for the figures, from the Jinja templates in ``overrides/figures/``.

The environment is our own, with autoescaping on: labels and units written by editors are
always escaped, whatever the theme's environment does.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2

from ..count.stats import Statistics
from ..schema import Metric
from . import charts as chart_data
from .anchors import anchor_id
from .numbers import plain, qualified

BLOCKS = ("downloads", "summary", "by-category", "charts", "by-section")

UI = {
    "zh": {
        "panel": "本部分数据", "section": "部分", "figure": "数据项", "value": "数值",
        "unit": "单位", "total": "合计", "category": "类别",
        "person_times": "人次:按人次计,不是人数", "cumulative": "累计数",
        "no_total": "不合计:其中既有“超过”也有“近”等方向不同的数",
        "total_note": "合计只加总单位和口径相同的数据",
        "figures": "项数据", "all": "合计", "sentence": "查看原文语句",
        "downloads": [
            ("metrics.json", "JSON", "全部数据(JSON)"),
            ("metrics.csv", "CSV", "全部数据(CSV 表格)"),
            ("datapackage.json", "Data Package", "数据说明(Frictionless Data Package)"),
        ],
        "caption_summary": "各部分各类别的数据项数", "caption_category": "{}:各部分数据",
        "caption_section": "{}:全部数据",
    },
    "en": {
        "panel": "Figures in this section", "section": "Section", "figure": "Figure",
        "value": "Value", "unit": "Unit", "total": "Total",
        "category": "Category",
        "person_times": "person-times: counts attendances, not people",
        "cumulative": "cumulative", "no_total": "No total: the figures mix “more than” and "
        "“nearly”, so no honest sum exists",
        "total_note": "Totals add only figures with the same unit and the same kind of count",
        "figures": "figures", "all": "All", "sentence": "Go to the sentence",
        "downloads": [
            ("metrics.json", "JSON", "All figures (JSON)"),
            ("metrics.csv", "CSV", "All figures (CSV spreadsheet)"),
            ("datapackage.json", "Data Package", "Description of the data (Frictionless Data Package)"),
        ],
        "caption_summary": "Number of figures by section and category",
        "caption_category": "{}: figures by section", "caption_section": "{}: all figures",
    },
}


@lru_cache(maxsize=4)
def environment(template_dir: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["qualified"] = qualified
    env.filters["plain"] = plain
    env.filters["anchor"] = anchor_id
    return env


def panel(template_dir: str, metrics: list[Metric], lang: str) -> str:
    """The compact panel of one section's figures, linking to their sentences."""
    template = environment(template_dir).get_template("figures/panel.html")
    return template.render(metrics=metrics, lang=lang, ui=UI[lang])


def statistics_block(template_dir: str, block: str, stats: Statistics, lang: str,
                     *, data_url: str) -> str:
    """One block of the statistics page (see :data:`BLOCKS`)."""
    env = environment(template_dir)
    context = {
        "stats": stats, "lang": lang, "ui": UI[lang], "data_url": data_url,
        "titles": {s.slug: s.title for s in stats.sections},
        "category_labels": {t.category.id: t.category.label(lang) for t in stats.categories},
        "charts": [(table, chart_data.charts(table, lang, unit_note=unit_note))
                   for table in stats.categories] if block == "charts" else [],
    }
    return env.get_template(f"figures/{block}.html").render(**context)


def unit_note(metric: Metric, lang: str) -> str:
    """The unit with the kind of count: 人次, cumulative."""
    parts = [metric.unit[lang]]
    if metric.cumulative:
        parts.append(UI[lang]["cumulative"])
    return ("，" if lang == "zh" else ", ").join(parts)
