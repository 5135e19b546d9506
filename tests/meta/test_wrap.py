"""hooks/meta/wrap.py: lines are measured with a real font, and Chinese breaks where it may."""
from __future__ import annotations

import pytest

import fonts
from meta import card
from meta.wrap import atoms, balanced, clip, wrap


@pytest.fixture(scope="module")
def measure():
    return card.font(40, bold=True).getlength


def test_chinese_breaks_between_characters_but_keeps_marks_numbers_and_words_together():
    assert atoms("覆盖“百千万”大宣讲,16个区。") == ["覆", "盖", "“百", "千", "万”", "大", "宣", "讲,", "16个", "区。"]
    assert atoms("II. Studying and “Nine Ones” (test).") == ["II. ", "Studying ", "and ", "“Nine ", "Ones” ", "(test)."]


def test_no_line_is_wider_than_the_width_by_the_font_itself(measure):
    text = "二、学习贯彻习近平新时代中国特色社会主义思想的情况"
    for width in (300, 480, 700):
        lines = wrap(text, measure, width)
        assert "".join(lines) == text
        assert all(measure(line) <= width for line in lines), (width, lines)
        assert len(lines) > 1


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(measure):
    text = "深入开展上海共青团党的二十大精神“百千万”大宣讲行动,覆盖团员青年百万余人次。" * 2
    for width in range(200, 900, 37):
        for line in wrap(text, measure, width):
            assert line[0] not in ",。、;:!?”)", (width, line)
            assert line[-1] not in "“(", (width, line)


def test_english_breaks_at_spaces(measure):
    text = "II. Studying and Implementing Xi Jinping Thought on Socialism with Chinese Characteristics"
    lines = wrap(text, measure, 520)
    assert " ".join(lines) == text
    assert all(measure(line) <= 520 for line in lines)


def test_a_word_wider_than_the_line_is_broken_rather_than_overflowing(measure):
    lines = wrap("Supercalifragilisticexpialidocious", measure, 200)
    assert len(lines) > 1 and all(measure(line) <= 200 for line in lines)


def test_balanced_lines_are_as_many_and_more_even(measure):
    text = "共青团上海市委员会2023年基层评议公开内容"
    greedy, even = wrap(text, measure, 600), balanced(text, measure, 600)
    assert len(even) == len(greedy) == 2
    widths = [measure(line) for line in even]
    assert max(widths) - min(widths) < max(measure(l) for l in greedy) - min(measure(l) for l in greedy)
    assert even == ["共青团上海市委员会", "2023年基层评议公开内容"]


def test_clip_ends_the_last_line_shown_with_an_ellipsis_that_fits(measure):
    lines = wrap("本网站刊载共青团上海市委员会2023年基层评议公开内容。" * 4, measure, 500)
    shown = clip(lines, measure, 500, 2, "……")
    assert len(shown) == 2 and shown[-1].endswith("……") and measure(shown[-1]) <= 500
    assert clip(lines[:2], measure, 500, 2, "……") == lines[:2]


def test_the_font_measured_is_the_pinned_one():
    assert card.font(40, bold=True).getname() == (fonts.SANS, "Bold")
