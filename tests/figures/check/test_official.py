"""hooks/figures/check/official.py: the Chinese pages are the official text, word for word."""
from __future__ import annotations

from figures.check.official import compare, page_sentences, parts, plain
from figures.parse.prose import blocks

SOURCE = """\
根据要求,现将有关内容公布如下。
一、基本情况
机关内设9个部门。2023年,团市委坚持学习。
二、理论学习
(一)强化理论武装。共成立宣讲团1440支。
(二)开展主题教育。梳理规定动作21项。
"""

PAGE = """\
# 二、理论学习

## (一)强化理论武装。 { #item-1 }

共成立宣讲团1440支。

## (二)开展主题教育。 { #item-2 }

梳理规定动作21项。

!!! note "编者按"

    这是编者的说明。
"""


def test_parts_split_at_numbered_headings_with_the_opening_first():
    found = parts(SOURCE)
    assert [p.heading for p in found] == ["", "一、基本情况", "二、理论学习"]
    assert found[0].sentences == ["根据要求,现将有关内容公布如下。"]
    assert found[1].sentences == ["一、基本情况", "机关内设9个部门。", "2023年,团市委坚持学习。"]
    assert found[2].sentences[:3] == ["二、理论学习", "(一)强化理论武装。", "共成立宣讲团1440支。"]
    assert [p.line for p in found] == [1, 2, 4]


def test_parts_without_an_opening():
    assert [p.heading for p in parts("一、甲\n正文。\n")] == ["一、甲"]


def check(page: str, first_line: int = 1):
    body_blocks = blocks(page, first_line)
    located = page_sentences(page, body_blocks, first_line)
    end = first_line + page.count("\n")
    return compare(located, parts(SOURCE)[2], file="docs/theory.md", end_line=end,
                   source="data/source/report.txt")


def test_a_faithful_page_passes_with_its_editors_note():
    assert check(PAGE) == []


def test_a_changed_figure_names_the_line_and_the_number_that_differs_whole():
    [p] = check(PAGE.replace("1440支", "1450支"), first_line=5)
    assert (p.file, p.line) == ("docs/theory.md", 9)
    assert "after «共成立宣讲团»" in p.text()
    assert "the page has «1450支。»" in p.text() and "the official text «1440支。»" in p.text()


def test_a_changed_character_names_the_first_differing_characters():
    [p] = check(PAGE.replace("共成立宣讲团", "共成立宣传团"), first_line=5)
    assert "after «共成立宣»: the page has «传团1440支。», the official text «讲团1440支。»" in p.text()


def test_an_added_sentence_is_named():
    [p] = check(PAGE.replace("共成立宣讲团1440支。", "共成立宣讲团1440支。另建小组3个。"))
    assert p.line == 5 and "not in the official text" in p.text() and "另建小组3个。" in p.text()


def test_a_dropped_sentence_is_named_where_it_belongs():
    [p] = check(PAGE.replace("共成立宣讲团1440支。\n", "\n"))
    assert p.line == 7 and "missing before this one" in p.text() and "共成立宣讲团1440支。" in p.text()


def test_reordered_sentences_are_a_difference():
    swapped = PAGE.replace("共成立宣讲团1440支。", "@").replace("梳理规定动作21项。", "共成立宣讲团1440支。").replace(
        "@", "梳理规定动作21项。")
    assert len(check(swapped)) == 1


def test_a_page_that_stops_early_or_runs_on():
    short = PAGE[:PAGE.index("## (二)")]
    [p] = check(short)
    assert "ends before" in p.text() and "(二)开展主题教育。" in p.text() and "1 more" in p.text()
    [p] = check(PAGE + "\n多出来的一句。\n")
    assert "not in the official text" in p.text() and p.line == PAGE.count("\n") + 2


def test_editorial_content_is_exempt():
    page = PAGE.replace("# 二、理论学习\n", "# 二、理论学习\n\n## 主要数据 { .editorial }\n\n"
                        '<div class="editorial" markdown>\n\n编者摘要。\n\n</div>\n')
    assert check(page) == []


def test_markup_is_not_text():
    assert plain("共成立**宣讲团**[1440支](x.md),\n覆盖`青年`。") == "共成立宣讲团1440支,覆盖青年。"
