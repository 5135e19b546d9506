"""hooks/figures/check/twins.py: an English page pairs with its Chinese twin, heading for heading,
paragraph for paragraph, with the glossary's terms."""
from __future__ import annotations

from figures.check.twins import Term, compare, ids, terms_in
from figures.parse.prose import blocks

ZH = """\
# 二、理论学习

团市委开展工作。

## (一)强化理论武装。 { #item-1 }

第一段,团市委。

第二段,青联。
"""

EN = """\
# II. Theoretical Study

The CYL Shanghai Committee carried out work.

## (1) Strengthening theoretical study. { #item-1 }

First paragraph, by the CYL Shanghai Committee. A second sentence is fine.

Second paragraph, the Youth Federation.
"""

TERMS = [Term("团市委", "CYL Shanghai Committee"), Term("市委", "CPC Shanghai Municipal Committee"),
         Term("青联", "Youth Federation")]


def run(zh=ZH, en=EN, terms=TERMS):
    return compare(blocks(zh), blocks(en), zh_file="docs/t.md", en_file="docs/t.en.md", terms=terms)


def test_twins_that_pair_pass():
    assert run() == []


def test_a_missing_english_paragraph_is_named_with_the_chinese_one():
    en = EN.replace("\nSecond paragraph, the Youth Federation.\n", "")
    [p] = run(en=en)
    assert p.file == "docs/t.en.md" and p.line == 7
    assert "2 paragraph(s)" in p.text() and "the English 1" in p.text()
    assert "docs/t.md:9" in p.text() and "第二段" in p.text()


def test_an_extra_english_paragraph_is_named_where_it_starts():
    en = EN + "\nAn invented paragraph.\n"
    [p] = run(en=en)
    assert p.line == 11 and "the English 3" in p.text()


def test_splitting_a_paragraph_into_two_is_a_difference_but_splitting_sentences_is_not():
    en = EN.replace("A second sentence is fine.", "\n\nA second sentence is fine.")
    assert len(run(en=en)) == 1


def test_headings_pair_by_level_and_id():
    [p] = run(en=EN.replace("{ #item-1 }", "{ #item-2 }"))
    assert p.line == 5 and "item-2" in p.text() and "item-1" in p.text() and "docs/t.md:5" in p.text()
    [p] = run(en=EN.replace("## (1)", "### (1)"))
    assert "###" in p.text()


def test_a_missing_heading_at_the_end():
    en = EN[:EN.index("## (1)")]
    problems = run(en=en)
    assert [p.file for p in problems] == ["docs/t.en.md"]
    assert "ends before the Chinese heading" in problems[0].text()


def test_a_glossary_term_must_be_in_the_paired_paragraph():
    en = EN.replace("Second paragraph, the Youth Federation.", "Second paragraph, the youth league.")
    [p] = run(en=en)
    assert (p.file, p.line) == ("docs/t.en.md", 9)
    assert "docs/t.md:9" in p.text() and "青联" in p.text() and "“Youth Federation”" in p.text()


def test_glossary_case_line_breaks_and_emphasis_do_not_matter():
    en = EN.replace("the Youth Federation.", "the *youth\nfederation*.")
    assert run(en=en) == []


def test_the_longest_term_wins():
    assert [t.zh for t in terms_in("团市委和市委", TERMS)] == ["团市委", "市委"]
    assert [t.zh for t in terms_in("团市委", TERMS)] == ["团市委"]


def test_headings_below_the_title_need_ids():
    [p] = ids(blocks("# T\n\n## 无编号\n\n## 有 { #x }\n"), file="docs/t.md")
    assert p.line == 3 and p.text().endswith("needs an id, the same in both languages, like `## (一)… { #item-1 }`")
    [p] = ids(blocks("# T\n\n## No id\n"), file="docs/t.en.md")
    assert p.text().endswith("like `## (1) … { #item-1 }`")


def test_an_empty_english_page_is_one_problem_naming_the_chinese_opening():
    """The Chinese page opens with text before any heading; the English page has nothing."""
    problems = compare(blocks("导言第一句。\n\n# 标题\n"), blocks(""), zh_file="zh.md", en_file="en.md", terms=())
    assert [(p.file, p.line) for p in problems] == [("en.md", 1)]
    assert "ends before the Chinese text «导言第一句。» (zh.md:1)" in problems[0].text()


def test_an_english_page_with_only_text_names_it():
    problems = compare(blocks(""), blocks("Only a sentence.\n"), zh_file="zh.md", en_file="en.md", terms=())
    assert [p.line for p in problems] == [1]
    assert "the text «Only a sentence.» has no Chinese counterpart" in problems[0].text()
