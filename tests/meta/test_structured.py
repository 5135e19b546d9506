"""hooks/meta/structured.py: what the report and its open data are, as schema.org JSON-LD."""
from __future__ import annotations

import json

from meta.structured import DATA_FILES, dataset, report

SITE = "https://example.github.io/report-2023/"


def test_the_dataset_names_its_creator_year_languages_and_files_by_absolute_address():
    data = dataset(site_url=SITE, page="statistics.md", lang="en", name="Report — Statistics",
                   description="Every figure of the report.", publisher="CYL Shanghai", year="2023",
                   image=SITE + "assets/images/share/en/statistics.png")
    json.loads(json.dumps(data))
    assert (data["@context"], data["@type"]) == ("https://schema.org", "Dataset")
    assert data["url"] == SITE + "en/statistics/"
    assert data["creator"] == {"@type": "Organization", "name": "CYL Shanghai"}
    assert (data["temporalCoverage"], data["inLanguage"]) == ("2023", ["zh", "en"])
    assert [(d["encodingFormat"], d["contentUrl"]) for d in data["distribution"]] == [
        ("text/csv", SITE + "data/metrics.csv"), ("application/json", SITE + "data/metrics.json"),
        ("application/json", SITE + "data/datapackage.json")]
    assert data["distribution"][0]["name"] == "All figures as a spreadsheet (CSV)"
    assert len(DATA_FILES) == 3


def test_the_report_names_its_parts_its_original_and_its_translation():
    zh = report(site_url=SITE, page="index.md", lang="zh", name="报告", description="本网站。", publisher="团市委",
                year="2023", image="x", parts=[("一、基本情况", "basics.md")], original="data/report-2023.zh.txt")
    assert zh["@type"] == "Report" and zh["url"] == SITE and zh["inLanguage"] == "zh"
    assert zh["hasPart"] == [{"@type": "WebPage", "name": "一、基本情况", "url": SITE + "basics/"}]
    assert zh["encoding"]["contentUrl"] == SITE + "data/report-2023.zh.txt"
    assert zh["workTranslation"] == [{"@type": "Report", "url": SITE + "en/", "inLanguage": "en"}]
    en = report(site_url=SITE, page="index.md", lang="en", name="Report", description="This site.",
                publisher="CYL", year="2023", image="x", parts=[], original=None)
    assert en["translationOfWork"] == [{"@type": "Report", "url": SITE, "inLanguage": "zh"}]
    assert "encoding" not in en
