"""hooks/messages/hints.py: did you mean, for every misspelt name."""
from __future__ import annotations

from messages.hints import closest, closest_phrase, suggest


def test_the_closest_known_name_is_offered():
    ids = ["lecture-events", "lecture-audience", "youth-study-learners"]
    assert closest("lecture-event", ids) == "lecture-events"
    assert closest("youth-study-learner", ids) == "youth-study-learners"
    assert closest("Lecture-Events", ids) == "lecture-events"
    assert closest("lecture_events", ids) == "lecture-events"


def test_nothing_is_offered_when_nothing_is_alike():
    assert closest("summer-class-sites", ["lecture-events", "key-figures"]) is None
    assert suggest("zzz", ["metrics", "not_figures"]) == ""
    assert closest(5, ["a"]) is None


def test_the_suggestion_reads_in_both_languages():
    s = suggest("not_figure", ["metrics", "not_figures", "official_text"])
    assert s.render("en") == " (did you mean 'not_figures'?)"
    assert s.render("zh") == "(是否应为 'not_figures'?)"


def test_the_wording_closest_to_a_glossary_term():
    text = "The CYL Shanghai committee held lectures across the city."
    assert closest_phrase(text, "CYL Shanghai Committee") == "CYL Shanghai committee"
    assert closest_phrase("The Communist Youth League Shanghai Committee met.",
                          "Communist Youth League Shanghai Municipal Committee") == \
        "Communist Youth League Shanghai Committee"
    assert closest_phrase("Nothing to do with it at all.", "Youth Federation") is None
