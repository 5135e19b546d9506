"""hooks/figures/parse/numbers.py: the numbers prose states, with their qualifier and kind."""
from __future__ import annotations

from decimal import Decimal

import pytest

from figures.parse.numbers import FIGURE, find


def only(text: str, lang: str):
    """The one mention ``text`` holds."""
    found = find(text, lang)
    assert len(found) == 1, f"{text!r}: expected one number, found {found}"
    return found[0]


def figures(text: str, lang: str):
    return [(m.value, m.qualifier) for m in find(text, lang) if m.kind == FIGURE]


# --- Chinese -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, qualifier, written", [
    ("成立宣讲团1440支", 1440, "exact", "1440"),
    ("吸引1658.7万青少年", 16587000, "exact", "1658.7万"),
    ("覆盖团员青年百万余人次", 1000000, "over", "百万余"),
    ("覆盖青联委员4万余人次", 40000, "over", "4万余"),
    ("近6万名青年参与", 60000, "nearly", "近6万"),
    ("服务超过10万人次", 100000, "over", "超过10万"),
    ("动员超5000人参与", 5000, "over", "超5000"),
    ("开展活动50余场", 50, "over", "50余"),
    ("招募志愿者7000余名", 7000, "over", "7000余"),
    ("参与高校50多所", 50, "over", "50多"),
    ("服务20多万人次", 200000, "over", "20多万"),
    ("开展十多场活动", 10, "over", "十多"),
    ("覆盖超16万人次", 160000, "over", "超16万"),
    ("约300人参加", 300, "about", "约300"),
    ("近百名青年", 100, "nearly", "近百"),
    ("1.2亿元", 120000000, "exact", "1.2亿"),
])
def test_zh_figures_with_their_qualifier(text, value, qualifier, written):
    m = only(text, "zh")
    assert (m.value, m.qualifier, m.kind) == (Decimal(value), qualifier, FIGURE)
    assert m.text == written
    assert text[m.start:m.end] == written


def test_zh_value_is_exact_decimal_not_float():
    m = only("累计吸引1658.7万青少年", "zh")
    assert m.value == Decimal("16587000")
    assert isinstance(m.value, Decimal)


@pytest.mark.parametrize("text, value", [
    ("六个方面", 6), ("两个专项组", 2), ("十二项措施", 12), ("一百二十个", 120),
    ("三十余家", 30), ("九个一", 9),
])
def test_zh_numerals_before_a_measure_word_are_figures(text, value):
    found = find(text, "zh")
    assert found and found[0].value == Decimal(value) and found[0].kind == FIGURE


def test_zh_numeral_with_yu_is_over():
    assert figures("三十余家单位", "zh") == [(Decimal(30), "over")]


@pytest.mark.parametrize("text", ["党的二十大精神", "近两年来", "十年间", "第六届进博会"])
def test_zh_numerals_without_a_measure_word_are_not_figures(text):
    assert figures(text, "zh") == []


def test_zh_counts_with_the_measure_word_da_after_digits_only():
    assert figures("4大能力提升通道", "zh") == [(Decimal(4), "exact")]
    assert figures("党的二十大", "zh") == []


@pytest.mark.parametrize("text, kind", [
    ("第21届", "ordinal"),
    ("2023年", "year"),
    ("4.0版", "version"),
    ("千万级UP主", "name"),
    ("上海12355青少年服务台", "code"),
    ("拨打12355。", "code"),
])
def test_zh_non_figures_are_marked(text, kind):
    found = find(text, "zh")
    assert [m.kind for m in found] == [kind]


def test_zh_dates_are_not_figures():
    found = find("9月20日召开动员部署会", "zh")
    assert [(m.value, m.kind) for m in found] == [(Decimal(9), "date"), (Decimal(20), "date")]


@pytest.mark.parametrize("text", ["2023—2024年", "2023-2024年", "2023–2024年"])
def test_zh_year_ranges_followed_by_nian_are_years(text):
    assert [m.kind for m in find(text, "zh")] == ["year", "year"]


@pytest.mark.parametrize("text", ["2023—2024", "2023—2024学年"])
def test_zh_year_ranges_are_years_on_both_sides(text):
    # Both ends of a range of years are years: the second one is not a count of 2024 things.
    assert [m.kind for m in find(text, "zh")] == ["year", "year"], find(text, "zh")


def test_zh_hotline_at_the_end_of_the_text_is_a_code():
    # 12355 with nothing after it is still the hotline, not a figure of 12355 things.
    assert [m.kind for m in find("青少年服务热线12355", "zh")] == ["code"]


def test_zh_large_number_before_a_measure_word_is_a_figure_not_a_code():
    assert figures("开展宣讲活动15405场", "zh") == [(Decimal(15405), "exact")]
    assert figures("服务12355人次", "zh") == [(Decimal(12355), "exact")]


def test_zh_yu_before_wan_multiplies():
    # 20余万 is "more than 200,000", as 4万余 is "more than 40,000".
    assert figures("覆盖20余万人次", "zh") == [(Decimal(200000), "over")]


def test_zh_several_numbers_in_order_with_offsets():
    text = "发动青年讲师7237名,开展线上线下宣讲活动15405场,覆盖团员青年百万余人次。"
    found = find(text, "zh")
    assert [(m.value, m.qualifier) for m in found] == [
        (Decimal(7237), "exact"), (Decimal(15405), "exact"), (Decimal(1000000), "over")]
    assert [text[m.start:m.end] for m in found] == ["7237", "15405", "百万余"]
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_zh_a_number_inside_a_decimal_is_not_split():
    assert figures("增长16.5%", "zh") == [(Decimal("16.5"), "exact")]


# --- English -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value, qualifier, written", [
    ("1,440 youth lecture teams", 1440, "exact", "1,440"),
    ("a cumulative 16.587 million young people", 16587000, "exact", "16.587 million"),
    ("more than 1 million person-times", 1000000, "over", "more than 1 million"),
    ("nearly 60,000 young people", 60000, "nearly", "nearly 60,000"),
    ("over 5,000 volunteers", 5000, "over", "over 5,000"),
    ("More than 5,000 people", 5000, "over", "More than 5,000"),
    ("almost 7,000 members", 7000, "nearly", "almost 7,000"),
    ("about 300 people", 300, "about", "about 300"),
    ("around 300 people", 300, "about", "around 300"),
    ("nine projects", 9, "exact", "nine"),
    ("six aspects", 6, "exact", "six"),
    ("about 1.2 billion", 1200000000, "about", "about 1.2 billion"),
    ("2,000,000 readers", 2000000, "exact", "2,000,000"),
    ("7,237 youth lecturers.", 7237, "exact", "7,237"),
])
def test_en_figures_with_their_qualifier(text, value, qualifier, written):
    m = only(text, "en")
    assert (m.value, m.qualifier, m.kind) == (Decimal(value), qualifier, FIGURE)
    assert m.text == written
    assert text[m.start:m.end] == written


@pytest.mark.parametrize("text, kind", [
    ("the 21st session", "ordinal"),
    ("the 20th National Congress", "ordinal"),
    ("the 6th Expo", "ordinal"),
    ("on 20 September", "date"),
    ("on September 20", "date"),
    ("in 2023", "year"),
    ("Shanghai 12355 set up", "code"),
    ("version 4.0", "version"),
])
def test_en_non_figures_are_marked(text, kind):
    assert [m.kind for m in find(text, "en")] == [kind]


def test_en_year_range_with_en_dash():
    found = find("the 2023–2024 school year", "en")
    assert [(m.value, m.kind) for m in found] == [(Decimal(2023), "year"), (Decimal(2024), "year")]


def test_en_date_with_year_has_no_figure():
    assert figures("held on 20 September 2023, and", "en") == []


def test_en_several_numbers_in_order():
    text = "7,237 youth lecturers were mobilised and 15,405 lecture events were held"
    assert figures(text, "en") == [(Decimal(7237), "exact"), (Decimal(15405), "exact")]


def test_en_number_with_comma_after_it_is_whole():
    assert figures("1,440, then 7,237", "en") == [(Decimal(1440), "exact"), (Decimal(7237), "exact")]


def test_en_hyphenated_compound_keeps_its_number():
    assert figures("a 1,000-strong team", "en") == [(Decimal(1000), "exact")]


def test_en_word_numbers_are_case_insensitive():
    assert figures("Nine Ones", "en") == [(Decimal(9), "exact")]


def test_en_no_numbers():
    assert find("No figures here at all.", "en") == []


@pytest.mark.parametrize("text, value, qualifier", [
    ("逾7000名", "7000", "over"),
    ("5000人以上", "5000", "over"),
    ("300人次左右", "300", "about"),
    ("20所以上", "20", "over"),
    ("超5000人以上", "5000", "over"),
])
def test_zh_other_ways_of_saying_more_than_and_about(text, value, qualifier):
    [m] = find(text, "zh")
    assert (m.value, m.qualifier, m.kind) == (Decimal(value), qualifier, "figure")


@pytest.mark.parametrize("text", ["数十家企业", "几百名青年"])
def test_zh_vague_counts_are_not_figures(text):
    assert [m.kind for m in find(text, "zh")] == ["vague"]


@pytest.mark.parametrize("text", ["投入资金20000元", "面积12000平方米"])
def test_zh_large_amounts_and_areas_are_figures_not_codes(text):
    assert [m.kind for m in find(text, "zh")] == ["figure"]
