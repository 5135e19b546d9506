"""hooks/search/index.py: one search index per language, set up for that language."""
from __future__ import annotations

import json
import re

from search import chinese, phrases
from search.index import FIELDS, PAIRS, SETTINGS, TEXT_WINDOWS, TITLE_WINDOWS, VARIANTS, localise
from search.terms import ROW_WEIGHT

#: an index as Material's search plugin writes it during the English build of the i18n plugin:
#: the English pages under en/, and (where an index is merged) the Chinese pages at the root
MIXED = {
    "config": {"lang": ["zh"], "separator": r"[\s\-]+", "pipeline": ["stemmer"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1e6}}},
    "docs": [
        {"location": "", "title": "首页", "text": "<p>团市委</p>"},
        {"location": "theory/", "title": "二\u200b、\u200b理论\u200b学习", "text": "<p>共\u200b成立\u200b青年\u200b宣讲团\u200b1440\u200b支\u200b。</p>"},
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


def test_chinese_index_of_a_chinese_build_keeps_its_entries_without_jieba_marks():
    only_zh = {**MIXED, "docs": [d for d in MIXED["docs"] if not d["location"].startswith("en/")]}
    data = run("zh", "", only_zh)
    assert [(d["location"], d["title"], d["text"]) for d in data["docs"]] == [
        (d["location"], d["title"].replace("\u200b", ""), d["text"].replace("\u200b", "")) for d in only_zh["docs"]]


def test_the_chinese_index_is_the_same_however_material_segmented_the_text(monkeypatch):
    """Why the site needs no jieba: with jieba installed, Material's plugin cuts every run of Han
    characters into words with invisible marks; the index written from it is the same, byte for
    byte, whatever the cuts (here every cut jieba could make: after every character, after every
    second, none). benchmarks/run.py builds the real site with and without jieba and compares."""
    import types

    from material.plugins.search import plugin as material_search

    def segmented(size):
        def cut(data):
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            return [text[i:i + size] for i in range(0, len(text), size)] if size else [text]
        monkeypatch.setattr(material_search, "jieba", types.SimpleNamespace(cut=cut))
        search = material_search.SearchIndex.__new__(material_search.SearchIndex)
        plain = {**MIXED, "docs": [{**d, "title": d["title"].replace("\u200b", ""),
                                    "text": d["text"].replace("\u200b", "")} for d in MIXED["docs"]]}
        if size is None:
            return plain
        return {**plain, "docs": [{**d, "title": search._segment_chinese(d["title"]),
                                   "text": search._segment_chinese(d["text"])} for d in plain["docs"]]}

    def index(docs):
        return localise(json.dumps(docs, ensure_ascii=False), "zh", prefix="", others=("en/",))

    without = index(segmented(None))
    for size in (1, 2, 3, 0):
        marked = segmented(size)
        assert any("\u200b" in d["text"] for d in marked["docs"]) or size == 0
        assert index(marked) == without, size


def test_settings_per_language():
    zh, en = run("zh", ""), run("en", "en/")
    for data, lang in ((zh, "zh"), (en, "en")):
        for key, value in SETTINGS[lang].items():
            assert data["config"][key] == value
    # English: no stemmer (Material's trailing * skips it), trimmer and stop words on
    assert "stemmer" not in en["config"]["pipeline"]
    assert en["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
    # Chinese: nothing that would change a window (the trimmer strips every Han character)
    assert zh["config"]["pipeline"] == []
    # the fields: each language's own, and the others Material set (tags) kept
    assert zh["config"]["fields"] == {**FIELDS["zh"], "tags": MIXED["config"]["fields"]["tags"]}
    assert en["config"]["fields"] == {**FIELDS["en"], "tags": MIXED["config"]["fields"]["tags"]}


def test_chinese_searches_windows_not_the_title_and_text_it_shows():
    zh = run("zh", "")
    assert "title" not in zh["config"]["fields"] and "text" not in zh["config"]["fields"]
    theory = {d["location"]: d for d in zh["docs"]}["theory/"]
    assert theory["title"] == "二、理论学习"
    assert theory[TITLE_WINDOWS] == chinese.field("二、理论学习")
    assert theory[TEXT_WINDOWS] == chinese.field("共成立青年宣讲团1440支。")
    assert zh["config"]["fields"][TITLE_WINDOWS]["boost"] > zh["config"]["fields"][TEXT_WINDOWS]["boost"]


def test_no_shown_text_carries_invisible_characters():
    for data in (run("zh", ""), run("en", "en/")):
        for doc in data["docs"]:
            assert not chinese.INVISIBLE.search(doc["title"] + doc["text"]), doc


def test_a_reference_page_weighs_its_titles_as_text():
    index = {"config": {}, "docs": [
        {"location": "statistics/", "title": "数据统计", "text": "", "boost": 0.5},
        {"location": "statistics/#x", "title": "团市委基本情况", "text": "<p>表</p>", "boost": 0.5},
        {"location": "basics/", "title": "团市委基本情况", "text": "<p>表</p>"}]}
    docs = {d["location"]: d for d in run("zh", "", index)["docs"]}
    assert docs["statistics/#x"][TITLE_WINDOWS] == ""
    assert docs["statistics/#x"][TEXT_WINDOWS] == chinese.field("团市委基本情况 表")
    assert docs["basics/"][TITLE_WINDOWS] == chinese.field("团市委基本情况")


def test_chinese_separator_splits_on_chinese_punctuation():
    separator = re.compile(run("zh", "")["config"]["separator"])
    words = [w for w in separator.split("团市委“青年宣讲团”，共成立。1440支（一）") if w]
    assert words == ["团市委", "青年宣讲团", "共成立", "1440支", "一"]


def test_english_separator_splits_words_but_not_decimals():
    separator = re.compile(run("en", "en/")["config"]["separator"])
    words = [w for w in separator.split("Youth lecture-teams; 16.587 million (young) “people”") if w]
    assert words == ["Youth", "lecture", "teams", "16.587", "million", "young", "people"]


def test_english_docs_get_variants_and_the_field_is_searched():
    data = run("en", "en/")
    assert data["config"]["fields"][VARIANTS] == {"boost": 1}
    by_location = {d["location"]: d for d in data["docs"]}
    assert set(by_location[""]["variants"].split()) >= {"committees", "activity"}
    assert {"people", "1440"} <= set(by_location["theory/"]["variants"].split())
    assert "committee" in by_location["theory/#item-1"]["variants"].split()


def test_english_docs_get_word_pairs_and_the_browser_is_told():
    data = run("en", "en/")
    assert data["config"]["fields"][PAIRS]["boost"] > data["config"]["fields"]["title"]["boost"]
    assert data["config"]["query"]["pairs"] == phrases.JOIN
    assert set(data["config"]["query"]["stop"]) == phrases.STOP_WORDS
    home = {d["location"]: d for d in data["docs"]}[""]
    assert home[PAIRS] == phrases.field("Home", "<p>The committee held activities.</p>")
    # the title no longer outweighs a phrase
    assert data["config"]["fields"]["title"]["boost"] < 1000


def test_each_index_carries_its_own_traditional_to_simplified_table():
    zh, en = run("zh", ""), run("en", "en/")
    assert zh["config"]["query"]["t2s"]["團"] == "团"    # 团市委 is in the Chinese text
    assert "團" not in en["config"]["query"]["t2s"]       # no Chinese in this English index
    assert zh["config"]["query"]["required"] == chinese.WINDOW
    assert "required" not in en["config"]["query"]


def test_the_glossary_tables_give_way_to_their_terms():
    index = {"config": {}, "docs": [
        {"location": "glossary/", "title": "术语对照表", "text": "<p>本表</p>", "boost": 0.5},
        {"location": "glossary/#terms-1", "title": "机构", "text": "机构 中文 英文 团市委 CYL", "boost": 0.5}]}
    rows = [{"location": "glossary/#term-团市委", "title": "团市委", "text": "<p>CYL</p>"}]
    out = json.loads(localise(json.dumps(index), "zh", glossary=("glossary/", rows)))
    docs = {d["location"]: d for d in out["docs"]}
    assert docs["glossary/#terms-1"]["text"] == ""
    assert docs["glossary/#term-团市委"]["boost"] == 0.5 * ROW_WEIGHT
    assert "团市委" in docs["glossary/#term-团市委"][TEXT_WINDOWS].split()[0]


def test_chinese_docs_get_no_variants_and_no_pairs():
    data = run("zh", "")
    assert VARIANTS not in data["config"]["fields"] and PAIRS not in data["config"]["fields"]
    assert all(VARIANTS not in d and PAIRS not in d for d in data["docs"])


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
    assert "共成立青年宣讲团" in out and "\\u" not in out.split('"docs":')[1]
    assert json.dumps(json.loads(out), ensure_ascii=False, separators=(",", ":")) == out


def test_an_index_without_config_or_docs():
    data = json.loads(localise("{}", "en", prefix="en/"))
    assert data["docs"] == []
    assert data["config"]["pipeline"] == ["trimmer", "stopWordFilter"]
