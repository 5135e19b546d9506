"""hooks/search/index.py: one search index per language, set up for that language."""
from __future__ import annotations

import json
import re

from search.index import SETTINGS, localise

#: an index as Material's search plugin writes it during the English build of the i18n plugin:
#: the English pages under en/, and (where an index is merged) the Chinese pages at the root
MIXED = {
    "config": {"lang": ["zh"], "separator": r"[\s\-]+", "pipeline": ["stemmer"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
    "docs": [
        {"location": "", "title": "首页", "text": "<p>团市委</p>"},
        {"location": "theory/", "title": "二、理论学习", "text": "<p>共成立青年宣讲团1440支。</p>"},
        {"location": "theory/#item-1", "title": "(一)强化理论武装。", "text": ""},
        {"location": "en/", "title": "Home", "text": "<p>The committee held activities.</p>"},
        {"location": "en/theory/", "title": "II. Theory",
         "text": "<p>1,440 youth lecture teams reached one person.</p>"},
        {"location": "en/theory/#item-1", "title": "(1) Strengthening", "text": "<p>Committees</p>"},
    ],
}


def run(lang: str, prefix: str, index=MIXED) -> dict:
    others = () if prefix else ("en/",)  # the default language is told the other folders
    out = localise(json.dumps(index, ensure_ascii=False), lang, prefix=prefix, others=others)
    return json.loads(out)


def test_english_keeps_only_english_pages_without_the_prefix():
    data = run("en", "en/")
    assert [d["location"] for d in data["docs"]] == ["", "theory/", "theory/#item-1"]
    assert [d["title"] for d in data["docs"]] == ["Home", "II. Theory", "(1) Strengthening"]


def test_chinese_keeps_only_chinese_pages():
    data = run("zh", "")
    assert [d["location"] for d in data["docs"]] == ["", "theory/", "theory/#item-1"]
    assert all(not d["location"].startswith("en/") for d in data["docs"])


def test_chinese_index_of_a_chinese_build_is_kept_whole():
    only_zh = {**MIXED, "docs": [d for d in MIXED["docs"] if not d["location"].startswith("en/")]}
    data = run("zh", "", only_zh)
    assert data["docs"] == only_zh["docs"]


def test_settings_per_language():
    zh, en = run("zh", ""), run("en", "en/")
    for data, lang in ((zh, "zh"), (en, "en")):
        for key, value in SETTINGS[lang].items():
            assert data["config"][key] == value
    # English: no stemmer (Material's trailing * skips it), trimmer and stop words on
    assert "stemmer" not in en["config"]["pipeline"]
    assert en["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
    # Chinese: no trimmer, which would strip every Han character
    assert "trimmer" not in zh["config"]["pipeline"]
    # the fields Material set are kept
    assert zh["config"]["fields"] == MIXED["config"]["fields"]


def test_chinese_separator_splits_on_jieba_marks_and_chinese_punctuation():
    separator = re.compile(run("zh", "")["config"]["separator"])
    words = [w for w in separator.split("团市委\u200b青年\u200b宣讲团，共成立。1440支（一）") if w]
    assert words == ["团市委", "青年", "宣讲团", "共成立", "1440支", "一"]


def test_english_separator_splits_words_but_not_decimals():
    separator = re.compile(run("en", "en/")["config"]["separator"])
    words = [w for w in separator.split("Youth lecture-teams; 16.587 million (young) “people”") if w]
    assert words == ["Youth", "lecture", "teams", "16.587", "million", "young", "people"]


def test_english_docs_get_variants_and_the_field_is_searched():
    data = run("en", "en/")
    assert data["config"]["fields"]["variants"] == {"boost": 1}
    by_location = {d["location"]: d for d in data["docs"]}
    assert set(by_location[""]["variants"].split()) >= {"committees", "activity"}
    assert "people" in by_location["theory/"]["variants"].split()
    assert "committee" in by_location["theory/#item-1"]["variants"].split()


def test_chinese_docs_get_no_variants():
    data = run("zh", "")
    assert "variants" not in data["config"]["fields"]
    assert all("variants" not in d for d in data["docs"])


def test_variants_come_from_the_words_not_from_the_html_markup():
    # Material's index text is HTML: tag and attribute names are not words of the page.
    index = {"config": {}, "docs": [{"location": "en/x/", "title": "X",
                                     "text": '<table class="figures"><tr><td><strong>Youth</strong>'
                                             ' <code>data</code></td></tr></table>'}]}
    [doc] = run("en", "en/", index)["docs"]
    variants = set(doc.get("variants", "").split())
    assert not variants & {"tables", "classes", "strongs", "codes", "figure"}, variants


def test_output_is_compact_utf8():
    out = localise(json.dumps(MIXED, ensure_ascii=False), "zh", prefix="")
    assert "共成立青年宣讲团" in out
    assert json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":")) == out


def test_an_index_without_config_or_docs():
    data = json.loads(localise("{}", "en", prefix="en/"))
    assert data["docs"] == []
    assert data["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
