"""hooks/search/terms.py: the glossary as one index entry per term, pointing at its row."""
from __future__ import annotations

from dataclasses import dataclass, field

from search.terms import ROW_WEIGHT, anchor, entries, replace_tables


@dataclass
class Term:
    zh: str
    en: str
    note: dict = field(default_factory=dict)


@dataclass
class Group:
    title: dict
    terms: list = field(default_factory=list)


GROUPS = [
    Group({"zh": "机构", "en": "Organisations"}, [
        Term("团市委", "CYL Shanghai Committee", {"zh": "全文通用的简称。", "en": "Short form used throughout the report."}),
        Term("组织部(机关党委)", "Organisation Department (Party Committee of the Organs)"),
    ]),
    Group({"zh": "荣誉", "en": "Honours"}, [Term("上海市 五一劳动奖章", "Shanghai May Day Labour Medal & more")]),
]


def test_anchor_is_term_and_the_chinese_term_without_whitespace():
    assert anchor("团市委") == "term-团市委"
    assert anchor("上海市 五一\t劳动奖章") == "term-上海市五一劳动奖章"


def test_chinese_entries_are_titled_in_chinese():
    found = entries(GROUPS, "zh", location="glossary/")
    assert [e["location"] for e in found] == [
        "glossary/#term-团市委", "glossary/#term-组织部(机关党委)", "glossary/#term-上海市五一劳动奖章"]
    assert found[0]["title"] == "团市委"
    assert found[0]["text"] == "<p>CYL Shanghai Committee</p><p>全文通用的简称。</p>"
    assert found[1]["text"] == "<p>Organisation Department (Party Committee of the Organs)</p>"


def test_english_entries_are_titled_in_english_and_escaped():
    found = entries(GROUPS, "en", location="glossary/")
    assert found[0]["title"] == "CYL Shanghai Committee"
    assert found[0]["text"] == "<p>团市委</p><p>Short form used throughout the report.</p>"
    assert found[2]["text"] == "<p>上海市 五一劳动奖章</p>"
    assert "&amp;" not in found[2]["title"]  # titles are text; Material escapes what it shows


DOCS = [
    {"location": "", "title": "首页", "text": "<p>x</p>"},
    {"location": "glossary/", "title": "术语对照表", "text": "<p>本表</p>", "boost": 0.5},
    {"location": "glossary/#terms-1", "title": "机构", "text": "机构 中文 英文 团市委 CYL", "boost": 0.5},
    {"location": "glossary/#terms-2", "title": "荣誉", "text": "荣誉 上海市", "boost": 0.5},
    {"location": "statistics/", "title": "数据统计", "text": "", "boost": 0.5},
]


def test_tables_give_way_to_one_entry_per_term_weighing_less_than_the_page():
    rows = entries(GROUPS, "zh", location="glossary/")
    out = replace_tables(DOCS, "glossary/", rows)
    assert [d["location"] for d in out] == [
        "", "glossary/", "glossary/#terms-1", "glossary/#terms-2",
        "glossary/#term-团市委", "glossary/#term-组织部(机关党委)", "glossary/#term-上海市五一劳动奖章", "statistics/"]
    by_location = {d["location"]: d for d in out}
    assert by_location["glossary/"]["text"] == "<p>本表</p>"          # the page's own text stays
    assert by_location["glossary/#terms-1"]["text"] == ""             # the run-on table goes
    assert by_location["glossary/#terms-1"]["title"] == "机构"        # the group heading stays
    assert all(by_location[r["location"]]["boost"] == 0.5 * ROW_WEIGHT for r in rows)
    assert 0 < ROW_WEIGHT < 1
    assert DOCS[2]["text"]  # the input is not changed


def test_without_the_glossary_page_nothing_changes():
    docs = [d for d in DOCS if not d["location"].startswith("glossary/")]
    assert replace_tables(docs, "glossary/", entries(GROUPS, "zh", location="glossary/")) == docs


def test_on_a_page_without_boost_the_terms_still_weigh_less():
    docs = [{"location": "glossary/", "title": "G", "text": ""}]
    out = replace_tables(docs, "glossary/", entries(GROUPS, "en", location="glossary/"))
    assert len(out) == 4 and "boost" not in out[0]
    assert [d["boost"] for d in out[1:]] == [ROW_WEIGHT] * 3
