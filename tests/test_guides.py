"""The editors' guides (CONTRIBUTING.md, CONTRIBUTING.zh.md): short enough to read, the two
commands on the first screen, the cases where a number is not a figure explained, and the list
of every message kept apart (MESSAGES.md, generated from the catalogs: tests/messages/)."""
from __future__ import annotations

import re

import pytest

from support import ROOT

GUIDES = {"en": ROOT / "CONTRIBUTING.md", "zh": ROOT / "CONTRIBUTING.zh.md"}
#: a word: a run of Latin letters or digits, or one Chinese character (as word processors count)
WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
MOST_WORDS = 3000
#: what fits on a first screen: the lines before the commands must be few
FIRST_SCREEN = 25


def words(text: str) -> int:
    return len(WORD.findall(text))


@pytest.mark.parametrize("lang", GUIDES)
def test_each_guide_is_at_most_3000_words(lang):
    count = words(GUIDES[lang].read_text(encoding="utf-8"))
    assert count <= MOST_WORDS, f"{GUIDES[lang].name}: {count} words (at most {MOST_WORDS})"


@pytest.mark.parametrize("lang", GUIDES)
def test_the_two_commands_are_on_the_first_screen(lang):
    lines = GUIDES[lang].read_text(encoding="utf-8").splitlines()[:FIRST_SCREEN]
    assert any(line.startswith("./scripts/serve") for line in lines)
    assert any(line.startswith("./scripts/test") for line in lines)


@pytest.mark.parametrize("lang, cases", [
    ("en", ["a year", "a date", "a duration", "an ordinal", "a version", "a code", "part of a name",
            "no number at all", "连续十年", "第十六次", "editorial", "not_figures"]),
    ("zh", ["年份", "日期", "时长", "序数", "版本号", "代码或电话号码", "名称的一部分", "不确定的数", "连续十年",
            "第十六次", "编者内容", "not_figures"]),
])
def test_the_guides_say_when_a_number_is_not_a_figure(lang, cases):
    text = GUIDES[lang].read_text(encoding="utf-8")
    assert [case for case in cases if case not in text] == []


@pytest.mark.parametrize("lang", GUIDES)
def test_the_messages_are_listed_apart_not_in_the_guide(lang):
    text = GUIDES[lang].read_text(encoding="utf-8")
    assert "(MESSAGES.md)" in text
    assert "invalid YAML" not in text and "every error message" not in text and "构建信息一览" not in text
