"""Write a figure for readers, never more exact or larger than the source states it."""
from __future__ import annotations

from decimal import Decimal

_ZH_QUALIFIER = {"exact": "{}", "over": "超过{}", "nearly": "近{}", "about": "约{}"}
_EN_QUALIFIER = {"exact": "{}", "over": "more than {}", "nearly": "nearly {}", "about": "about {}"}


def plain(value: Decimal, lang: str) -> str:
    """The number alone: 1658.7万 / 16.587 million, 1440 / 1,440."""
    if lang == "zh":
        if value >= 100_000 or (value >= 10_000 and value % 10_000 == 0):
            return f"{_strip(value / 10_000)}万"
        return _strip(value)
    if value >= 1_000_000:
        return f"{_strip(value / 1_000_000)} million"
    whole = value == value.to_integral_value()
    return f"{int(value):,}" if whole else f"{value:,}"


def qualified(value: Decimal, qualifier: str, lang: str) -> str:
    """The number with what it means: 超过100万, more than 1 million."""
    table = _ZH_QUALIFIER if lang == "zh" else _EN_QUALIFIER
    return table[qualifier].format(plain(value, lang))


_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def for_prose(value: Decimal, qualifier: str) -> str:
    """How the English prose writes the figure, as the style sheet asks: one to nine in words
    (three, more than five), larger numbers as :func:`qualified` writes them."""
    if 1 <= value <= 9 and value == value.to_integral_value():
        return _EN_QUALIFIER[qualifier].format(_WORDS[int(value) - 1])
    return qualified(value, qualifier, "en")


def _strip(value: Decimal) -> str:
    """1658.70 → 1658.7, 1E+2 → 100: the digits the value needs, no more."""
    return format(value.normalize(), "f")
