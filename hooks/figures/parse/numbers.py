"""Find the numbers that prose states, with the qualifier the wording gives them.

Chinese writes 1440, 1658.7万, 百万余, 4万余, 近6万, 超5000, 超过10万, 六个方面.
English writes 1,440, 16.587 million, more than 1 million, nearly 60,000, nine.
Years, dates, durations (十年, ten years), ordinals (第21届, 21st), versions (4.0版), codes
(12355) and names (千万级) are found too, but marked as not being figures, so that they never
match a metric; :data:`KINDS` says what each is, for the editor told why a number is not a
figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from messages import msg

FIGURE = "figure"
#: what a number that is not a figure is read as, for the editor
KINDS = {
    "year": msg("a year (2023年)"),
    "date": msg("a date (9月20日)"),
    "duration": msg("a duration (连续十年, ten years)"),
    "ordinal": msg("an ordinal (第十六次, 21st)"),
    "version": msg("a version (4.0版)"),
    "code": msg("a code or a telephone number (12355)"),
    "name": msg("part of a name (千万级UP主)"),
    "vague": msg("no number at all (数十, 几百)"),
}


@dataclass(frozen=True)
class Mention:
    value: Decimal
    qualifier: str  # exact | over | nearly | about
    kind: str       # figure | year | date | duration | ordinal | version | code | name | vague
    start: int
    end: int
    text: str


def find(text: str, lang: str) -> list[Mention]:
    """Every number in ``text``, in order."""
    return _find_zh(text) if lang == "zh" else _find_en(text)


# --- Chinese -------------------------------------------------------------------------------

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_PREFIX = {"超过": "over", "超": "over", "逾": "over", "近": "nearly", "约": "about"}
# after the number and its measure word: 5000人以上 is more than 5000, 300人左右 about 300
_ZH_SUFFIX = re.compile(r"[个名人家支项场所间条次元]{0,2}(以上|左右)")
_ZH_SUFFIX_QUALIFIER = {"以上": "over", "左右": "about"}
_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
# a Chinese-numeral count is a figure only before one of these measure words (or 万/余/多);
# 大 counts after digits only (4大能力提升通道), not after numerals (二十大 is a congress)
_MEASURE = "个名人家支项场所间条大万余多"
# after a Chinese numeral, these make it a duration, a date or an ordinal (十年, 十月, 第十六次):
# found to tell an editor why it is not a figure; a count of times (三次) is still no figure
_CN_NOT_FIGURE = "年月日届次期"

_ZH = re.compile(
    r"(?=[超逾近约\d一二两三四五六七八九十百千])"  # what a number starts with: elsewhere, fail at once
    r"(?P<pre>超过|超|逾|近|约)?"
    r"(?:(?P<num>(?<![\d.])\d+(?:\.\d+)?(?![\d.]))"
    r"|(?P<cn>(?<![一二两三四五六七八九十百千])[一二两三四五六七八九十百千]+(?=["
    + _MEASURE.replace("大", "") + _CN_NOT_FIGURE + r"])))"
    r"(?:(?P<yu_before>[余多])(?=[万亿]))?(?P<mult>[万亿])?(?P<yu>[余多])?"  # 20余万, 4万余, 50多: "over"
)


def _find_zh(text: str) -> list[Mention]:
    out = []
    for m in _ZH.finditer(text):
        if m.group("num"):
            value = Decimal(m.group("num"))
        else:
            value = _chinese_numeral(m.group("cn"))
            if value is None:
                continue
        if m.group("mult"):
            value *= _MULTIPLIER[m.group("mult")]
        over = m.group("yu") or m.group("yu_before")
        qualifier = "over" if over else _ZH_PREFIX.get(m.group("pre") or "", "exact")
        suffix = _ZH_SUFFIX.match(text, m.end()) if qualifier == "exact" else None
        if suffix:
            qualifier = _ZH_SUFFIX_QUALIFIER[suffix.group(1)]
        kind = _zh_kind(text, m)
        if kind == FIGURE and m.group("cn") and text[m.end():m.end() + 1] in _CN_NOT_FIGURE:
            continue  # 三次: no measure word of a count (as before), and no other kind either
        out.append(Mention(value, qualifier, kind, m.start(), m.end(), m.group(0)))
    return out


def _chinese_numeral(chars: str) -> Decimal | None:
    total, digit = 0, None
    for ch in chars:
        if ch in _CN_DIGITS:
            if digit is not None:
                return None  # 二三: not a number
            digit = _CN_DIGITS[ch]
        else:
            total += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit = None
    return Decimal(total + (digit or 0))


def _zh_kind(text: str, m: re.Match[str]) -> str:
    before, after = text[max(0, m.start() - 1):m.start()], text[m.end():m.end() + 2]
    if before == "第":
        return "ordinal"
    if before in ("数", "几") and m.group("cn"):
        return "vague"  # 数十家, 几百名: no number to check
    if before in ("—", "-", "–") and re.fullmatch(r"(19|20)\d\d", m.group("num") or "") \
            and re.search(r"(19|20)\d\d[—–-]$", text[:m.start()]):
        return "year"  # the second year of 2023—2024
    if after.startswith(("年", "月", "日", "届", "—", "-", "–")) and not m.group("mult"):
        if after.startswith("年") and not re.fullmatch(r"(19|20)\d\d", m.group("num") or ""):
            return "duration"  # 十年, 10年: how long, not a count the report totals
        return "year" if after[:1] in "年—-–" else "date"
    if after.startswith("版"):
        return "version"
    if after.startswith("级"):
        return "name"  # 千万级UP主: a class of influencer, not a count
    digits = m.group("num") or ""
    if len(digits) >= 5 and not m.group("mult") and (not after or after[0] not in _MEASURE + "次元平米"):
        return "code"  # 12355: a hotline number
    return FIGURE


# --- English -------------------------------------------------------------------------------

_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten".split())}
_EN_PREFIX = {
    "more than": "over", "over": "over",
    "nearly": "nearly", "almost": "nearly",
    "about": "about", "around": "about", "approximately": "about",
}
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December")
_EN = re.compile(
    # a number or its qualifier starts with one of these: other places fail at the lookahead
    r"(?<![\w.,-])(?=[\dzotfsenma])"
    r"(?:(?P<pre>more than|over|nearly|almost|about|around|approximately)\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|"
    + "|".join(_WORDS) + r")"
    r"(?:\s+(?P<mult>million|billion))?"
    r"(?P<suffix>st|nd|rd|th)?(?![\w,]\d|\w)",
    re.I,
)


def _find_en(text: str) -> list[Mention]:
    out = []
    for m in _EN.finditer(text):
        num, mult, pre = m.group("num", "mult", "pre")
        raw = num.lower()
        value = Decimal(_WORDS[raw]) if raw in _WORDS else Decimal(raw.replace(",", ""))
        if mult:
            value *= 1_000_000 if mult.lower() == "million" else 1_000_000_000
        qualifier = _EN_PREFIX.get(" ".join(pre.lower().split()), "exact") if pre else "exact"
        out.append(Mention(value, qualifier, _en_kind(text, m), m.start(), m.end(), m.group(0)))
    return out


_VERSION_BEFORE = re.compile(r"(?:version|No\.)\s*$", re.I)
_MONTH_AFTER = re.compile(r"\s*(?:" + _MONTHS + ")")
_MONTH_BEFORE = re.compile(r"(?:" + _MONTHS + r")\s*$")
_YEARS_AFTER = re.compile(r"\s+(?:consecutive\s+|straight\s+)?years?\b", re.I)
_YEAR = re.compile(r"(19|20)\d\d")
_CODE = re.compile(r"\d{5,}")
_RANGE_AFTER = re.compile(r"[–-]\d")


def _en_kind(text: str, m: re.Match[str]) -> str:
    num = m.group("num")
    before = text[max(0, m.start() - 12):m.start()]
    after = text[m.end():m.end() + 24]
    if m.group("suffix"):
        return "ordinal"
    if _VERSION_BEFORE.search(before):
        return "version"
    if _MONTH_AFTER.match(after) or _MONTH_BEFORE.search(before):
        return "date"
    if _YEARS_AFTER.match(after):
        return "duration"  # ten consecutive years (连续十年): how long, not a count
    if _YEAR.fullmatch(num) and not m.group("pre"):
        return "year"
    if _CODE.fullmatch(num):
        return "code"  # 12355: a hotline number; figures this large are written with commas
    if _RANGE_AFTER.match(after):
        return "year"
    return FIGURE
