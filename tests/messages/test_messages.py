"""hooks/messages/__init__.py: messages kept as text and arguments, rendered in either language."""
from __future__ import annotations

import pytest

import messages
from figures.schema import Problem
from messages import Message, language, msg, msg_n


@pytest.mark.parametrize("environ, lang", [
    ({}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_TW.UTF-8"}, "zh"),
    ({"LANG": "zh"}, "zh"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8"}, "en"),
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C.UTF-8"}, "zh"),
    ({"LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "zh_CN:en", "LANG": "C.UTF-8"}, "zh"),
    ({"LANGUAGE": "en:zh", "LANG": "zh_CN.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:zh_CN", "LANG": "C.UTF-8"}, "zh"),
    ({"LANGUAGE": "", "LANG": "zh_CN.UTF-8"}, "zh"),
    ({"LANG": "zh_CN.GB18030"}, "zh"),
    ({"LANG": "zh_CN@pinyin"}, "zh"),
])
def test_the_language_follows_the_locale_variables_in_gettexts_order(environ, lang):
    assert language(environ) == lang


def test_a_message_is_rendered_in_the_language_asked_for():
    m = msg("the page does not exist: create it, or correct its name in nav: in mkdocs.yml{suggestion}",
            suggestion="")
    assert m.render("en") == "the page does not exist: create it, or correct its name in nav: in mkdocs.yml"
    assert m.render("zh") == "页面不存在:请新建它,或改正 mkdocs.yml 中 nav: 里的文件名"


def test_arguments_that_are_messages_or_lists_follow_the_language():
    m = msg("'{id}' counts ({kind}), but '{first}' counts ({first_kind}): a chart only compares figures with the "
            "same unit and the same kind of count", id="a", kind=["人 / people", msg("person-times")],
            first="b", first_kind=["支 / teams", msg("cumulative")])
    assert m.render("en").startswith("'a' counts (人 / people, person-times), but 'b' counts (支 / teams, cumulative)")
    assert m.render("zh").startswith("'a' 计的是(人 / people、人次),而 'b' 计的是(支 / teams、累计)")


def test_plurals_in_english_one_form_in_chinese():
    def problems(n):
        return msg_n("{n} problem in the report's pages", "{n} problems in the report's pages", n)
    assert problems(1).render("en") == "1 problem in the report's pages"
    assert problems(3).render("en") == "3 problems in the report's pages"
    assert problems(1).render("zh") == "报告页面中有 1 个问题"
    assert problems(3).render("zh") == "报告页面中有 3 个问题"


def test_without_a_language_the_environments_is_used(monkeypatch):
    m = msg("(nothing)")
    with messages.use("zh"):
        assert str(m) == "(无)"
        with messages.use("en"):
            assert str(m) == "(nothing)"
    with pytest.raises(ValueError):
        with messages.use("fr"):
            pass


def test_one_problem_renders_in_either_language():
    p = Problem("docs/theory.md", 12, msg("this metric id is also used at {place}: each metric needs an id of its own",
                                          place="docs/basics.md:3"), "lecture-teams")
    assert p.render("en") == ("docs/theory.md:12: this metric id is also used at docs/basics.md:3: each metric needs "
                              "an id of its own (lecture-teams)")
    assert p.render("zh") == ("docs/theory.md:12: 这个指标 id 在 docs/basics.md:3 也用了:每个指标的 id 必须各不相同 "
                              "(lecture-teams)")
    assert Problem("docs/a.md", 0, "a plain text is shown as it is").render("zh") == "docs/a.md: a plain text is shown as it is"


def test_messages_are_values():
    assert msg("(nothing)") == msg("(nothing)") and hash(msg("x {a}", a=[1, 2])) == hash(msg("x {a}", a=[1, 2]))
    assert msg("x {a}", a=1).arg("a") == 1 and msg("x").arg("a", "default") == "default"
    assert isinstance(msg("x"), Message)


def test_a_missing_catalog_falls_back_to_english(monkeypatch, tmp_path):
    monkeypatch.setattr(messages, "LOCALE_DIR", tmp_path)
    assert msg("(nothing)").render("zh") == "(nothing)"
