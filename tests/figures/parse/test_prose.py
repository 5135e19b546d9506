"""hooks/figures/parse/prose.py: the prose sentences of a body, with their lines and offsets."""
from __future__ import annotations

import textwrap

from figures.parse.prose import sentences


def texts(body: str, lang: str) -> list[str]:
    return [s.text for s in sentences(body, lang)]


def test_zh_sentences_split_after_full_stops():
    body = "中文第一句。中文第二句！中文第三句？没有句号\n"
    assert texts(body, "zh") == ["中文第一句。", "中文第二句！", "中文第三句？", "没有句号"]


def test_en_sentences_split_after_a_stop_and_a_capital_or_digit():
    body = "First one 1,440 here. Second one. 2023 was a year. and not here.\n"
    assert texts(body, "en") == ["First one 1,440 here.", "Second one.", "2023 was a year. and not here."]


def test_en_decimal_point_does_not_split():
    assert texts("It reached 16.587 million people. Then more.\n", "en") == [
        "It reached 16.587 million people.", "Then more."]


def test_offsets_and_lines_point_into_the_body():
    body = "# Title\n\n第一句。第二句。\n\n## Heading\n\nThe next.\n"
    found = sentences(body, "zh", first_line=20)
    assert [s.text for s in found] == ["第一句。", "第二句。", "The next."]
    for s in found:
        assert body[s.start:s.end] == s.text
    assert [s.line for s in found] == [22, 22, 26]


def test_first_line_shifts_every_line():
    body = "\n\nA sentence.\n"
    assert sentences(body, "en", 1)[0].line == 3
    assert sentences(body, "en", 40)[0].line == 42


def test_a_paragraph_over_several_lines_is_one_run_of_sentences():
    body = "Line one goes on\nand ends here. Next sentence\nends too.\n"
    found = sentences(body, "en")
    assert [s.text for s in found] == ["Line one goes on\nand ends here.", "Next sentence\nends too."]
    assert [s.line for s in found] == [1, 2]


def test_headings_lists_tables_html_code_and_admonitions_are_not_prose():
    body = textwrap.dedent("""\
        # 标题1440个

        - 列表5个
        * 列表6个
        1. 编号7个

        !!! note "编者按"

            说明8个。

        | 表 | 9个 |
        |---|---|
        | 10个 | 11个 |

        ```
        代码12个。
        ```

        ~~~
        代码13个。
        ~~~

        <div>HTML 14个。</div>

        ---

        正文15个。
        """)
    assert texts(body, "zh") == ["正文15个。"]


def test_indented_text_after_a_blank_line_is_not_prose():
    body = "Prose here.\n\n    indented code 12.\n"
    assert texts(body, "en") == ["Prose here."]


def test_lazy_continuation_of_a_paragraph_counts():
    body = "Prose starts\n  and continues here.\n"
    assert texts(body, "en") == ["Prose starts\n  and continues here."]


def test_en_closing_quote_stays_with_its_sentence():
    # The quotation mark that closes a sentence belongs to it, not to the next sentence
    # (the anchor span that wraps the sentence must include it).
    body = 'He said "go now." Then he left.\n'
    assert texts(body, "en") == ['He said "go now."', "Then he left."]


def test_zh_closing_quote_stays_with_its_sentence():
    body = "市委要求“始终坚持实的导向。”团市委随即部署。\n"
    assert texts(body, "zh") == ["市委要求“始终坚持实的导向。”", "团市委随即部署。"]


def test_empty_body_has_no_sentences():
    assert sentences("", "zh") == []
    assert sentences("\n\n", "en") == []


# --- blocks: the page's structure -------------------------------------------------------------

from figures.parse.prose import blocks, mask_code  # noqa: E402


def test_blocks_are_headings_and_paragraphs_with_ids_lines_and_levels():
    body = textwrap.dedent("""\
        # 二、理论学习

        ## (一)强化理论武装。 { #item-1 }

        第一句。第二句,
        接着第二句。

        - 列表不是段落
        """)
    found = blocks(body, first_line=10)
    assert [(b.kind, b.level, b.id, b.line) for b in found] == [
        ("heading", 1, None, 10), ("heading", 2, "item-1", 12), ("paragraph", 0, None, 14)]
    assert found[1].text == "(一)强化理论武装。"
    assert found[2].text == "第一句。第二句,\n接着第二句。"
    assert body[found[2].start:found[2].end] == found[2].text


def test_editorial_headings_and_blocks_are_flagged_and_left_out_of_the_sentences():
    body = textwrap.dedent("""\
        # 网站标题 { .editorial }

        官方正文5个。

        ## 主要数据 { #key-figures .editorial }

        <div class="editorial" markdown>

        编者写的摘要6个。

        <div>内层</div>

        编者的第二段。

        </div>

        官方第二段。
        """)
    found = blocks(body)
    assert [(b.kind, b.editorial) for b in found] == [
        ("heading", True), ("paragraph", False), ("heading", True),
        ("paragraph", True), ("paragraph", True), ("paragraph", False)]
    assert found[2].id == "key-figures"
    assert texts(body, "zh") == ["官方正文5个。", "官方第二段。"]


def test_an_editors_note_is_not_a_block_and_ends_where_its_indentation_ends():
    body = '!!! note "编者按"\n\n    说明。\n\n    更多说明。\n\n正文。\n'
    assert [(b.kind, b.text) for b in blocks(body)] == [("paragraph", "正文。")]


def test_mask_code_blanks_code_and_keeps_every_offset_and_line():
    text = "a `<script>` b\n```\n<script>\n```\nc <script> d `x\n\ny` <b>"
    masked = mask_code(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked.count("<script>") == 1 and "c <script> d" in masked
    assert "`x" in masked, "a code span never crosses a blank line"


def test_sentences_from_blocks_already_read_are_the_same():
    body = "# T\n\n## 一 { #item-1 }\n\n第一句。第二句。\n\n- 列表\n\n第三句。\n"
    assert sentences(body, "zh", 5, found=blocks(body, 5)) == sentences(body, "zh", 5)
