"""The open-data files: metrics.json, metrics.csv and a Frictionless datapackage.json.

Output depends only on the metrics, never on the date or the machine, so that two builds of
one commit give the same bytes. The CSV starts with a UTF-8 byte-order mark, without which
Excel on a Chinese Windows reads it in the local code page and garbles the Chinese.
"""
from __future__ import annotations

import csv
import io
import json

from addresses import page_url

from ..schema import LANGUAGES, QUALIFIERS, Category, Metric
from .anchors import anchor_id

#: where the open data is published, under the site's root (``data/metrics.json``)
FOLDER = "data"
COLUMNS = ("id", "section", "value", "qualifier", "category", "person_times", "cumulative", "in_total",
           "unit_zh", "unit_en", "label_zh", "label_en", "url_zh", "url_en")


def urls(metric: Metric, site_url: str) -> dict[str, str]:
    """The address of the sentence stating ``metric``, in each language."""
    return {lang: f"{page_url(site_url, metric.section, lang)}#{anchor_id(metric.id)}" for lang in LANGUAGES}


def records(metrics: list[Metric], site_url: str) -> list[dict]:
    return [
        {
            "id": m.id, "section": m.section, "value": m.number, "qualifier": m.qualifier,
            "category": m.category, "person_times": m.person_times, "cumulative": m.cumulative,
            "in_total": m.in_total, "unit": {lang: m.unit_for(lang) for lang in m.unit},
            "label": dict(m.label), "url": urls(m, site_url),
        }
        for m in metrics
    ]


#: what json.dumps(row, ensure_ascii=False, separators=(", ", ": ")) builds for every call, built once
_ROW = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def metrics_json(metrics: list[Metric], site_url: str, *, rows: list[dict] | None = None) -> str:
    """``{"metrics": [...]}``, one figure a line: readable in a diff, and written by json's C
    encoder (``indent`` would take its pure-Python one, several times slower at 4,000 figures).
    ``rows``: :func:`records` of the metrics, when the caller has them already."""
    rows = ",\n".join("    " + _ROW.encode(r)
                       for r in (rows if rows is not None else records(metrics, site_url)))
    return '{\n  "metrics": [\n' + rows + ("\n" if rows else "") + "  ]\n}\n"


BOM = "\ufeff"


def metrics_csv(metrics: list[Metric], site_url: str, *, rows: list[dict] | None = None) -> str:
    """The figures as CSV, starting with a byte-order mark (see the module's docstring)."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows if rows is not None else records(metrics, site_url):
        writer.writerow([
            r["id"], r["section"], r["value"], r["qualifier"], r["category"],
            str(r["person_times"]).lower(), str(r["cumulative"]).lower(), str(r["in_total"]).lower(),
            r["unit"]["zh"], r["unit"]["en"], r["label"]["zh"], r["label"]["en"],
            r["url"]["zh"], r["url"]["en"],
        ])
    return buffer.getvalue()


def datapackage(categories: dict[str, Category], sections: list[str], *, name: str,
                title: str, homepage: str) -> str:
    def field(name: str, type_: str, description: str, format_: str | None = None,
              **constraints) -> dict:
        out = {"name": name, "type": type_, "description": description}
        if format_:
            out["format"] = format_
        if type_ == "boolean":
            out["trueValues"], out["falseValues"] = ["true"], ["false"]
        if constraints:
            out["constraints"] = constraints
        return out

    schema = {
        "fields": [
            field("id", "string", "Stable id of the figure, unique across the report",
                  required=True, unique=True, pattern="^[a-z0-9]+(-[a-z0-9]+)*$"),
            field("section", "string", "Slug of the report section that states the figure",
                  required=True, enum=sections),
            field("value", "number", "The figure as stated (1658.7万 is 16587000)", required=True),
            field("qualifier", "string",
                  "exact; over = more than (余, 多, 超, 超过, 逾, 以上); nearly = just under (近); about (约, 左右)",
                  required=True, enum=list(QUALIFIERS)),
            field("category", "string", "Category from the report's controlled list",
                  required=True, enum=list(categories)),
            field("person_times", "boolean", "true: counts attendances (人次), not people"),
            field("cumulative", "boolean", "true: a cumulative total (累计), not one year's"),
            field("in_total", "boolean", "false: may overlap other figures (the same people, or a part "
                  "of another figure): do not add it to them"),
            field("unit_zh", "string", "Unit, in Chinese"),
            field("unit_en", "string", "Unit, in English, agreeing with the value (1 person, 2 people)"),
            field("label_zh", "string", "What is counted, in Chinese"),
            field("label_en", "string", "What is counted, in English"),
            field("url_zh", "string", "The Chinese sentence that states the figure", "uri"),
            field("url_en", "string", "The English sentence that states the figure", "uri"),
        ],
        "primaryKey": ["id"],
    }
    package = {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "homepage": homepage,
        "resources": [{
            "name": "metrics",
            "description": "Every figure the report states, one a row. The file starts with a UTF-8 "
                           "byte-order mark, so that spreadsheet programs read it as UTF-8.",
            "path": "metrics.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }],
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
