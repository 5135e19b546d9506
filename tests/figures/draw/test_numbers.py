"""hooks/figures/draw/numbers.py: a figure for readers, never more exact or larger than stated."""
from __future__ import annotations

from decimal import Decimal

import pytest

from figures.draw.numbers import for_prose, plain, qualified
from figures.parse.numbers import FIGURE, find


@pytest.mark.parametrize("value, zh, en", [
    (0, "0", "0"),
    (6, "6", "6"),
    (1440, "1440", "1,440"),
    (7237, "7237", "7,237"),
    (10000, "1万", "10,000"),
    (15405, "15405", "15,405"),
    (40000, "4万", "40,000"),
    (60000, "6万", "60,000"),
    (100000, "10万", "100,000"),
    (160000, "16万", "160,000"),
    (1000000, "100万", "1 million"),
    (1040000, "104万", "1.04 million"),
    (16587000, "1658.7万", "16.587 million"),
    ("16.5", "16.5", "16.5"),
    ("1234.5", "1234.5", "1,234.5"),
    ("1000000.0", "100万", "1 million"),
])
def test_plain(value, zh, en):
    assert plain(Decimal(str(value)), "zh") == zh
    assert plain(Decimal(str(value)), "en") == en


@pytest.mark.parametrize("value, qualifier, zh, en", [
    (1440, "exact", "1440", "1,440"),
    (16587000, "exact", "1658.7万", "16.587 million"),
    (1000000, "over", "超过100万", "more than 1 million"),
    (40000, "over", "超过4万", "more than 40,000"),
    (5000, "over", "超过5000", "more than 5,000"),
    (60000, "nearly", "近6万", "nearly 60,000"),
    (300, "about", "约300", "about 300"),
])
def test_qualified(value, qualifier, zh, en):
    assert qualified(Decimal(value), qualifier, "zh") == zh
    assert qualified(Decimal(value), qualifier, "en") == en


VALUES = [0, 1, 6, 21, 99, 100, 1000, 1440, 2023, 5000, 7237, 9999, 10000, 12345, 15000, 40000,
          99999, 100000, 160000, 1000000, 1234567, 16587000, 100000000, "16.5", "0.5", "1658.7",
          "100000.5", "1000000.0"]


@pytest.mark.parametrize("lang, unit", [("zh", "人"), ("en", " people")])
@pytest.mark.parametrize("qualifier", ["exact", "over", "nearly", "about"])
def test_what_is_drawn_reads_back_as_the_same_figure(lang, unit, qualifier):
    """Read back by the prose checker, a drawn figure is the same value with the same qualifier:
    never rounded up, never more exact, never a stronger claim than the source makes."""
    for raw in VALUES:
        value = Decimal(str(raw))
        text = qualified(value, qualifier, lang) + unit
        found = [m for m in find(text, lang) if m.kind == FIGURE]
        assert [(m.value, m.qualifier) for m in found] == [(value, qualifier)], text


@pytest.mark.parametrize("value, qualifier, written", [
    (3, "exact", "three"), (9, "over", "more than nine"), (1, "exact", "one"),
    (10, "exact", "10"), (1440, "exact", "1,440"), ("2.5", "exact", "2.5"), (1000000, "over", "more than 1 million"),
])
def test_prose_hints_follow_the_style_sheet(value, qualifier, written):
    assert for_prose(Decimal(str(value)), qualifier) == written


@pytest.mark.parametrize("qualifier", ["exact", "over", "nearly", "about"])
def test_what_the_hint_asks_for_reads_back_as_the_figure(qualifier):
    for raw in [*range(1, 12), *VALUES]:
        value = Decimal(str(raw))
        text = for_prose(value, qualifier) + " people"
        found = [m for m in find(text, "en") if m.kind == FIGURE]
        assert [(m.value, m.qualifier) for m in found] == [(value, qualifier)], text


def test_nothing_is_rounded():
    for raw in ["16587001", "1234567", "99999", "100001", "12345.67"]:
        value = Decimal(raw)
        for lang in ("zh", "en"):
            digits = plain(value, lang).replace(",", "").replace("万", "").replace(" million", "")
            significant = raw.replace(".", "").rstrip("0")
            assert significant in digits.replace(".", ""), (raw, lang, plain(value, lang))
