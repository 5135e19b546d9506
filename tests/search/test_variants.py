"""hooks/search/variants.py: singular and plural of English words, for an unstemmed index."""
from __future__ import annotations

import pytest

from search.variants import field, forms


@pytest.mark.parametrize("one, other", [
    ("committee", "committees"),
    ("activity", "activities"),
    ("person", "people"),
    ("child", "children"),
    ("lecture", "lectures"),
    ("policy", "policies"),
    ("branch", "branches"),
    ("index", "indexes"),
    ("class", "classes"),
    ("district", "districts"),
    ("medium", "media"),
])
def test_singular_and_plural_find_each_other(one, other):
    assert forms(one) == {one, other}
    assert forms(other) == {one, other}


def test_case_and_apostrophes():
    assert forms("Committees") == {"committees", "committee"}
    assert forms("'people'") == {"people", "person"}


@pytest.mark.parametrize("word", [
    "news", "series", "this", "is", "was", "business", "congress", "progress", "campus", "analysis",
    "status", "focus",
])
def test_words_that_are_not_plurals_stay_as_they_are(word):
    assert forms(word) == {word}


@pytest.mark.parametrize("word", ["organised", "building", "only", "various", "active", "useful",
                                  "regardless", "public"])
def test_verbs_adjectives_and_adverbs_get_no_plural(word):
    assert forms(word) == {word}


def test_short_words_are_left_alone():
    for word in ("the", "and", "of", "day", "cyl"):
        assert forms(word) == {word}


def test_field_holds_only_the_forms_missing_from_the_text():
    assert field("committee activity person") == "activities committees people"
    assert field("committee committees") == ""
    assert field("The Committees organised activities for people") == "activity committee person"


def test_field_is_sorted_and_deterministic():
    text = "Youth lecture teams reached young people in districts"
    out = field(text)
    assert out.split() == sorted(out.split())
    assert out == field(text)
    assert {"lectures", "team", "person", "district"} <= set(out.split())


def test_field_of_text_without_words():
    assert field("") == ""
    assert field("1,440 — 16.587") == ""
    assert field("团市委") == ""
