"""hooks/search/chinese.py: windows that Material's worker matches exactly, and plain text."""
from __future__ import annotations

import re

import pytest

from search.chinese import END, INVISIBLE, SEPARATOR, WINDOW, field, normal, plain, windows

HAN = re.compile("[\u4e00-\u9fff]")


def test_a_window_starts_at_every_character_and_is_cut_by_punctuation():
    assert windows("强化理论武装。深入学习") == [
        "强化理论武装" + END, "化理论武装" + END, "理论武装" + END, "论武装" + END, "武装" + END, "装" + END,
        "深入学习" + END, "入学习" + END, "学习" + END, "习" + END]


def test_windows_are_at_most_the_window_long_and_end_marks_a_cut():
    text = "共成立党的二十大精神专题青年宣讲团1440支"
    found = windows(text)
    assert len(found) == len(text)
    assert found[0] == text[:WINDOW]
    for window in found:
        assert len(window) == WINDOW or (window.endswith(END) and len(window) <= WINDOW + 1)


@pytest.mark.parametrize("query", ["社工", "少年", "市委", "文明号", "青年突击队", "1440支", "40支", "宣讲团1440"])
def test_every_substring_up_to_the_window_is_a_prefix_of_a_window(query):
    text = "青少年事务社工。团市委，青年文明号、青年突击队，青年宣讲团1440支"
    assert any(w.startswith(query) for w in windows(text)), query


def test_no_term_is_a_slice_of_han_characters_shorter_than_the_window():
    # Material's segment() cuts a query at any proper prefix of its Han characters that is a
    # term: with every short term ending in END, no such prefix exists.
    text = "团市委“三力一度两保证”,青联、少先队。社工"
    for window in windows(text):
        if len(window) < WINDOW:
            assert not HAN.fullmatch(window[-1]), window


def test_a_query_that_the_text_does_not_hold_is_no_prefix():
    found = windows("团市委书记与领导班子成员,青年突击队")
    for absent in ("团市委书记处", "青年突击队员", "社保"):
        assert not any(w.startswith(absent) for w in found), absent


def test_letters_and_digits_are_lower_case_and_long_words_are_kept_whole():
    assert windows("千万级ＵＰ主")[3] == "up主" + END
    found = windows("Shanghai May Day Labour Medal committee")
    assert "shanghai" in found and "committee" in found and "committe" in found
    assert "labour" + END in found


def test_invisible_marks_and_full_width_forms():
    assert plain("团市委\u200b基本\u2060情况") == "团市委基本情况"
    assert not INVISIBLE.search(plain("a\u200bb\u200cc\u200dd\u2060e\ufefff"))
    assert normal("１２３５５ＵＰ主") == "12355up主"
    assert windows("团\u200b市委") == windows("团市委")


def test_the_separator_cuts_chinese_punctuation_and_quotes():
    parts = [p for p in re.split(SEPARATOR, "“追光小屋”《新青年·学习社》青联，少先队、团代会；4.0版（一）") if p]
    assert parts == ["追光小屋", "新青年", "学习社", "青联", "少先队", "团代会", "4", "0版", "一"]


def test_field_is_the_windows_separated_by_spaces():
    assert field("社工。青联") == " ".join(windows("社工。青联"))
    assert field("") == ""
    assert re.split(SEPARATOR, field("团市委")) == windows("团市委")
