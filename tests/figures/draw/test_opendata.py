"""hooks/figures/draw/opendata.py: metrics.json, metrics.csv and datapackage.json."""
from __future__ import annotations

import csv
import io
import json

import pytest

from figures.draw.opendata import BOM, COLUMNS, datapackage, metrics_csv, metrics_json, records, urls
from figures.schema import QUALIFIERS

SITE = "https://example.org/report/"


def csv_text(metrics) -> str:
    """The CSV without its byte-order mark, which it must start with."""
    text = metrics_csv(metrics, SITE)
    assert text.startswith(BOM) and not text.startswith(BOM * 2)
    return text[len(BOM):]
PT = ("人次", "person-times")


@pytest.fixture
def metrics(make_metric):
    return [
        make_metric("lecture-teams", 1440, label=("青年宣讲团, “二十大”", 'Youth "lecture" teams, 20th')),
        make_metric("lecture-audience", 1000000, "over", category="people-reached", unit=PT,
                    person_times=True),
        make_metric("learners", 16587000, category="people-reached", unit=("人", "young people"),
                    cumulative=True),
        make_metric("rate", "16.5", "about", section="basics", category="measures", unit=("%", "%"),
                    in_total=False),
        make_metric("online", 60000, "nearly", category="participants", unit=("人", "people"),
                    label=("多行\n标签", "multi-line\nlabel")),
    ]


def test_urls_point_at_each_language_sentence(make_metric):
    m = make_metric("lecture-teams", section="theory")
    expected = {"zh": "https://example.org/report/theory/#fig-lecture-teams",
                "en": "https://example.org/report/en/theory/#fig-lecture-teams"}
    assert urls(m, SITE) == expected
    assert urls(m, SITE.rstrip("/")) == expected


def test_metrics_json_shape(metrics):
    data = json.loads(metrics_json(metrics, SITE))
    assert list(data) == ["metrics"]
    assert [r["id"] for r in data["metrics"]] == [m.id for m in metrics]
    first = data["metrics"][0]
    for key in ("id", "section", "value", "qualifier", "category", "unit", "label", "url",
                "person_times", "cumulative"):
        assert key in first
    assert first["unit"] == {"zh": "支", "en": "lecture teams"}
    assert set(first["label"]) == set(first["url"]) == {"zh", "en"}
    by_id = {r["id"]: r for r in data["metrics"]}
    assert by_id["learners"]["value"] == 16587000 and isinstance(by_id["learners"]["value"], int)
    assert by_id["rate"]["value"] == 16.5
    assert by_id["lecture-audience"]["qualifier"] == "over"
    assert by_id["lecture-audience"]["person_times"] is True
    assert by_id["learners"]["cumulative"] is True
    assert by_id["online"]["url"]["en"] == "https://example.org/report/en/theory/#fig-online"


def test_metrics_json_is_utf8_not_escaped(metrics):
    text = metrics_json(metrics, SITE)
    assert "青年宣讲团" in text and "\\u" not in text
    assert text.endswith("\n")


def test_json_values_never_lose_precision(make_metric):
    text = metrics_json([make_metric("big", 16587001), make_metric("dec", "1658.7")], SITE)
    assert '"value": 16587001' in text and '"value": 1658.7' in text


def test_csv_has_the_columns_and_parses_back_to_the_json_values(metrics):
    rows = list(csv.DictReader(io.StringIO(csv_text(metrics))))
    assert rows and list(rows[0]) == list(COLUMNS)
    data = json.loads(metrics_json(metrics, SITE))["metrics"]
    assert len(rows) == len(data)
    for row, r in zip(rows, data):
        assert row["id"] == r["id"] and row["section"] == r["section"]
        assert float(row["value"]) == r["value"]
        assert (int(row["value"]) if row["value"].isdigit() else float(row["value"])) == r["value"]
        assert row["qualifier"] == r["qualifier"] and row["category"] == r["category"]
        assert row["person_times"] == str(r["person_times"]).lower()
        assert row["cumulative"] == str(r["cumulative"]).lower()
        for name in ("unit", "label", "url"):
            for lang in ("zh", "en"):
                assert row[f"{name}_{lang}"] == r[name][lang]


def test_csv_quotes_commas_quotes_and_newlines(metrics):
    rows = list(csv.reader(io.StringIO(csv_text(metrics))))
    assert all(len(row) == len(COLUMNS) for row in rows)
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["lecture-teams"][COLUMNS.index("label_en")] == 'Youth "lecture" teams, 20th'
    assert by_id["online"][COLUMNS.index("label_zh")] == "多行\n标签"


def test_the_json_and_the_csv_carry_the_same_fields(metrics):
    """Every field of a metrics.json record is a column of the CSV, flattened by language."""
    record = records(metrics, SITE)[0]
    flattened = []
    for key, value in record.items():
        flattened.extend(f"{key}_{lang}" for lang in value) if isinstance(value, dict) else flattened.append(key)
    assert sorted(flattened) == sorted(COLUMNS)


def test_in_total_is_published():
    """A figure left out of the totals must say so in the open data, or readers re-adding
    the figures get a different total than the statistics page."""
    from decimal import Decimal

    from figures.schema import Metric

    m = Metric("part", "theory", Decimal(5), "exact", "measures", {"zh": "个", "en": "x"},
               {"zh": "x", "en": "x"}, in_total=False)
    assert records([m], SITE)[0].get("in_total") is False
    assert "in_total" in COLUMNS


def datapackage_text(categories):
    return datapackage(categories, ["basics", "theory"], name="test-metrics", title="测试报告",
                       homepage=SITE)


def test_datapackage_is_valid_json_describing_the_csv_columns_in_order(categories):
    package = json.loads(datapackage_text(categories))
    assert package["profile"] == "tabular-data-package"
    assert package["name"] == "test-metrics" and package["title"] == "测试报告"
    [resource] = package["resources"]
    assert resource["path"] == "metrics.csv" and resource["format"] == "csv"
    assert resource["encoding"] == "utf-8" and resource["mediatype"] == "text/csv"
    assert "byte-order mark" in resource["description"]
    fields = resource["schema"]["fields"]
    assert [f["name"] for f in fields] == list(COLUMNS)
    assert resource["schema"]["primaryKey"] == ["id"]
    types = {f["name"]: f["type"] for f in fields}
    assert types["value"] == "number" and types["person_times"] == types["cumulative"] == "boolean"
    constraints = {f["name"]: f.get("constraints", {}) for f in fields}
    assert constraints["section"]["enum"] == ["basics", "theory"]
    assert constraints["category"]["enum"] == list(categories)
    assert constraints["qualifier"]["enum"] == list(QUALIFIERS)
    assert constraints["id"]["unique"] is True


def test_the_csv_satisfies_the_datapackage_schema(metrics, categories):
    """Each CSV cell is valid for its field: enums, booleans, numbers, the id pattern."""
    import re

    fields = json.loads(datapackage_text(categories))["resources"][0]["schema"]["fields"]
    rows = list(csv.DictReader(io.StringIO(csv_text(metrics))))
    for row in rows:
        for f in fields:
            cell = row[f["name"]]
            c = f.get("constraints", {})
            if "enum" in c:
                assert cell in c["enum"], (f["name"], cell)
            if "pattern" in c:
                assert re.fullmatch(c["pattern"], cell), (f["name"], cell)
            if f["type"] == "boolean":
                assert cell in f["trueValues"] + f["falseValues"]
            if f["type"] == "number":
                float(cell)
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))


def test_output_is_deterministic(metrics, categories):
    assert metrics_json(metrics, SITE) == metrics_json(list(metrics), SITE)
    assert metrics_csv(metrics, SITE) == metrics_csv(list(metrics), SITE)
    assert datapackage_text(categories) == datapackage_text(dict(categories))
    for text in (metrics_json(metrics, SITE), metrics_csv(metrics, SITE), datapackage_text(categories)):
        assert "2026" not in text and "2025" not in text  # no build date


def test_the_csv_opens_in_excel_on_a_chinese_windows(metrics):
    """Excel takes a CSV without a byte-order mark for the local code page (GBK on a Chinese
    Windows): the file must start with the UTF-8 BOM, once, and decode as UTF-8 after it."""
    raw = metrics_csv(metrics, SITE).encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header.split(",") == list(COLUMNS)
    assert "青年宣讲团" in raw.decode("utf-8-sig")


def test_english_units_agree_with_the_value(make_metric):
    ms = [make_metric("one", 1, unit=("人", "people"), unit_one={"en": "person"}),
          make_metric("two", 2, unit=("人", "people"), unit_one={"en": "person"}),
          make_metric("over-one", 1, "over", unit=("人", "people"), unit_one={"en": "person"})]
    data = {r["id"]: r for r in records(ms, SITE)}
    assert {k: r["unit"]["en"] for k, r in data.items()} == {"one": "person", "two": "people", "over-one": "people"}
    assert data["one"]["unit"]["zh"] == "人"
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(csv_text(ms)))}
    assert [rows[k]["unit_en"] for k in ("one", "two")] == ["person", "people"]


def test_metrics_json_has_one_figure_a_line(metrics):
    lines = metrics_json(metrics, SITE).splitlines()
    assert lines[:2] == ["{", '  "metrics": ['] and lines[-2:] == ["  ]", "}"]
    assert [json.loads(line.strip().rstrip(","))["id"] for line in lines[2:-2]] == [m.id for m in metrics]
    assert json.loads(metrics_json([], SITE)) == {"metrics": []}


def test_records_given_once_give_the_same_files(metrics):
    rows = records(metrics, SITE)
    assert metrics_json(metrics, SITE) == metrics_json(metrics, "", rows=rows)
    assert metrics_csv(metrics, SITE) == metrics_csv(metrics, "", rows=rows)
