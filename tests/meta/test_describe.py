"""hooks/meta/describe.py: a description for every page, from its front matter or its own
opening sentences, whole."""
from __future__ import annotations

from figures.parse.frontmatter import read_page
from figures.parse.prose import blocks
from meta.describe import BUDGET, NO_OPENING, NOT_TEXT, cut, describe, duplicates, plain


def _describe(text: str, lang: str = "zh", path: str = "docs/x.md"):
    page = read_page(path, text)
    return describe(page, blocks(page.body, page.body_line), lang)


def test_the_opening_sentences_are_taken_whole_while_they_fit():
    d, problems = _describe("---\nofficial_text: true\n---\n\n# 二、标题\n\n## (一)小标题。 { #item-1 }\n\n"
                            + "第一句话说了一件事。" * 3 + "\n\n## (二)另一项。 { #item-2 }\n\n不取这一段。\n")
    assert problems == []
    assert d.title == "二、标题" and d.title_line == 5
    assert d.description == "第一句话说了一件事。" * 3
    assert d.description_line == 9  # the paragraph's line


def test_sentences_stop_before_the_budget_and_never_end_mid_sentence():
    sentence = "团市委" + "深入开展工作" * 6 + "。"  # 40 characters
    d, _ = _describe(f"# 标题\n\n{sentence * 5}\n")
    assert d.description == sentence * 3  # 120: a fourth would pass the budget
    assert len(d.description) <= BUDGET["zh"]


def test_the_text_is_what_readers_see_not_markdown():
    d, _ = _describe("# Title { .editorial }\n\nThe *Implementation Opinions* were [issued](x.md) "
                     "by the &quot;CYL&quot;.\n", "en", "docs/x.en.md")
    assert d.title == "Title"
    assert d.description == 'The Implementation Opinions were issued by the "CYL".'
    assert plain("第一行\n第二行 and\nmore") == "第一行第二行 and more"
    # a character of CJK Extension B (𠮷) is Chinese too, as the share card's lines take it
    assert plain("吉祥的𠮷\n字") == "吉祥的𠮷字" and plain("字\n𠮷") == "字𠮷"


def test_a_first_sentence_longer_than_the_budget_is_cut_at_a_clause_with_an_ellipsis():
    long = ("Following the reform of mass organisations, the organs of the committee have nine "
            "internal departments: the General Office, the Organisation Department, the Publicity "
            "Department and the School Work Department, among others.")
    text = cut([long, "Second."], "en")
    assert text.endswith("…") and len(text) <= BUDGET["en"]
    assert long.startswith(text[:-1])  # not a word changed: only the rest left out
    assert text[-2] not in ",;:"
    zh = cut(["群团改革后," + "、".join(["某某工作部"] * 30) + "。"], "zh")
    assert zh.endswith("……") and len(zh) <= BUDGET["zh"] and zh[-3] == "部"
    half_width = cut(["团市委" + "深入开展各项工作," * 20 + "完成任务。"], "zh")  # as the official text writes ,
    assert half_width.endswith("作……") and len(half_width) <= BUDGET["zh"]


def test_the_editor_s_own_description_wins_and_must_be_text():
    d, problems = _describe("---\ndescription: 本页说明   一件事。\n---\n\n# 标题\n\n正文第一句。\n")
    assert problems == [] and d.description == "本页说明 一件事。" and d.description_line == 2  # the front matter's
    d, problems = _describe("---\ndescription: [a, b]\n---\n\n# 标题\n\n正文。\n")
    assert d is None and [(p.line, p.message) for p in problems] == [(2, NOT_TEXT)]


def test_a_page_without_opening_text_is_told_to_write_one():
    d, problems = _describe("# 标题\n\n- 只有列表\n")
    assert d is None and [(p.file, p.line, p.message) for p in problems] == [("docs/x.md", 1, NO_OPENING)]


def test_two_pages_with_one_description_are_named_together():
    a, _ = _describe("# 甲\n\n同一句话。\n", path="docs/a.md")
    b, _ = _describe("---\ndescription: 同一句话。\n---\n# 乙\n\n别的话。\n", path="docs/b.md")
    problems = duplicates([a, b])
    assert [(p.file, p.line) for p in problems] == [("docs/b.md", 2)]
    assert "docs/a.md:3" in str(problems[0].message)
