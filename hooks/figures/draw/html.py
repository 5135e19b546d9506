"""HTML for the figures, from the Jinja templates in ``overrides/figures/``.

The environment is our own, with autoescaping on: labels and units written by editors are
always escaped, whatever the theme's environment does.

Blocks (see :data:`BLOCKS`) replace a marker ``<!-- figures:<block> -->`` in a page:
``key-figures`` (the home and statistics pages), ``charts``, ``tables`` and ``downloads``.
"""
from __future__ import annotations

from functools import lru_cache

import jinja2

from ..count.stats import Statistics
from ..schema import Metric
from . import charts as chart_data
from .anchors import anchor_id
from .numbers import qualified

BLOCKS = ("key-figures", "charts", "tables", "downloads")
#: the markers of the tables' key, in the order it explains them
MARKS = ("over", "nearly", "about", "person_times", "cumulative")

UI = {
    "zh": {
        "panel": "本部分数据", "panel_summary": "本部分数据({}项)", "key_figures": "主要数据",
        "figure": "数据项", "value": "数值", "unit": "单位", "sentence": "查看原文语句",
        "cumulative": "累计",
        "legend_title": "表中标记",
        "legend": {
            "over": ("超过", "原文写作“余”“多”“超”“超过”等:实际数大于所示数"),
            "nearly": ("近", "原文写作“近”:实际数略少于所示数"),
            "about": ("约", "原文写作“约”:约数"),
            "person_times": ("人次", "按人次计:同一人参加多次,计为多次,不是人数"),
            "cumulative": ("累计", "累计数:不只是2023年一年的数"),
        },
        "chart_unit": "单位:", "chart_source": "来源:",
        "source_text": "本报告",
        "chart_key": {
            "exact": "确数", "over": "超过所示数(原文“余”“超”):条形末端敞开",
            "nearly": "近似数(原文“近”):条形为斜纹", "about": "约数(原文“约”):条形为斜纹",
        },
        "downloads": [
            ("metrics.csv", "全部数据(CSV 电子表格)",
             "可用 Excel、WPS 等软件打开;每行一项数据,附原文语句的网址。"),
            ("metrics.json", "全部数据(JSON)", "与表格内容相同,供程序读取。"),
            ("datapackage.json", "数据说明(Frictionless Data Package)", "说明表格每一列的含义和取值。"),
        ],
    },
    "en": {
        "panel": "Figures in this section", "panel_summary": "Figures in this section ({})", "key_figures": "Key figures",
        "figure": "Figure", "value": "Value", "unit": "Unit", "sentence": "Go to the sentence",
        "cumulative": "cumulative",
        "legend_title": "Markers in the tables",
        "legend": {
            "over": ("more than", "the report says 余, 多, 超, 超过 or the like: the true number is higher"),
            "nearly": ("nearly", "the report says 近: the true number is a little lower"),
            "about": ("about", "the report says 约: an approximate number"),
            "person_times": ("person-times", "counts attendances, not people: one person who "
                             "took part three times counts three times"),
            "cumulative": ("cumulative", "a running total, not only 2023's"),
        },
        "chart_unit": "Unit: ", "chart_source": "Source: ",
        "source_text": "this report",
        "chart_key": {
            "exact": "exact", "over": "more than the value shown (余, 超): open-ended bar",
            "nearly": "nearly (近): hatched bar", "about": "about (约): hatched bar",
        },
        "downloads": [
            ("metrics.csv", "All figures as a spreadsheet (CSV)",
             "Opens in Excel or any spreadsheet program: one row per figure, with the address "
             "of the sentence that states it."),
            ("metrics.json", "All figures for programs (JSON)", "The same figures, for software to read."),
            ("datapackage.json", "What each column means (Frictionless Data Package)",
             "The columns of the spreadsheet, their meaning and their values."),
        ],
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
    env.filters["anchor"] = anchor_id
    # a filter, not the method: Jinja calls a filter directly, a method through its runtime's
    # call(), several times slower for each of the thousands of rows at 500 sections
    env.filters["unit"] = Metric.unit_for
    return env


def panel(template_dir: str, metrics: list[Metric], lang: str) -> str:
    """A section's figures, each linking to its sentence, behind a disclosure that stays closed
    until the reader opens it: the section's own text comes first."""
    template = environment(template_dir).get_template("figures/panel.html")
    return template.render(metrics=metrics, lang=lang, ui=UI[lang])


def statistics_block(template_dir: str, block: str, stats: Statistics, lang: str,
                     *, data_url: str, root: str = "../") -> str:
    """One block (see :data:`BLOCKS`). ``root`` leads from the page to its language's home
    (``../`` on the statistics page, nothing on the home page), ``data_url`` to the open data."""
    env = environment(template_dir)
    context = {"stats": stats, "lang": lang, "ui": UI[lang], "data_url": data_url, "root": root}
    if block == "charts":
        sections = {s.slug: s for s in stats.sections}
        context["charts"] = [chart_data.draw(c, lang, sections) for c in stats.charts]
    if block == "tables":
        context["marks"] = marks(stats.metrics)
    return env.get_template(f"figures/{block}.html").render(**context)


def marks(metrics: list[Metric]) -> list[str]:
    """The markers the figures use (see :data:`MARKS`), for the key that explains them."""
    used = {m.qualifier for m in metrics}
    if any(m.person_times for m in metrics):
        used.add("person_times")
    if any(m.cumulative for m in metrics):
        used.add("cumulative")
    return [mark for mark in MARKS if mark in used]
