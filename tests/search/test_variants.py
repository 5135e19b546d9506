"""hooks/search/variants.py: singular and plural of English words, for an unstemmed index."""
from __future__ import annotations

import pytest

from search.variants import american, field, forms, numbers


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


def test_three_letter_words_get_a_plural_but_none_is_taken_from_them():
    assert forms("job") == {"job", "jobs"}
    assert forms("jobs") == {"job", "jobs"}
    assert forms("day") == {"day", "days"}
    for word in ("its", "has", "was", "his", "bus", "the", "and", "for"):
        assert forms(word) == {word}


def test_one_and_two_letter_words_are_left_alone():
    for word in ("a", "of", "in", "us"):
        assert forms(word) == {word}


@pytest.mark.parametrize("british,us", [
    ("organisation", "organization"), ("organisations", "organizations"), ("organised", "organized"),
    ("mobilised", "mobilized"), ("mobilisation", "mobilization"), ("optimising", "optimizing"),
    ("modernisation", "modernization"), ("civilisation", "civilization"), ("analysed", "analyzed"),
    ("labour", "labor"), ("honours", "honors"), ("behaviour", "behavior"), ("centre", "center"),
    ("programme", "program"), ("programmes", "programs"), ("fulfilment", "fulfillment"),
    ("fulfil", "fulfill"), ("travelled", "traveled"), ("modelling", "modeling"),
    ("catalogue", "catalog"), ("judgement", "judgment"), ("defence", "defense"), ("licence", "license"),
    ("ageing", "aging"),
])
def test_american_spelling_of_a_british_word(british, us):
    assert us in american(british)


@pytest.mark.parametrize("word", ["four", "hour", "your", "filled", "called", "spelled", "committee", "is",
                                  "youth", "organization"])
def test_words_without_a_british_spelling_get_no_american_one(word):
    assert american(word) == set()


def test_numbers_with_thousands_separators_without_them():
    assert numbers("1,440 teams, 16.587 million, 5,000 jobs, 1,234,567 and 12,3456 or 2023–2024") == {
        "1440", "5000", "1234567"}
    assert numbers("1440 and 0.5") == set()


def test_field_holds_only_the_forms_missing_from_the_text():
    assert field("committee activity person") == "activities committees people"
    assert field("committee committees") == ""
    assert field("The Committees organised activities for people") == "activity committee organized person"


def test_field_is_sorted_and_deterministic():
    text = "Youth lecture teams reached young people in districts"
    out = field(text)
    assert out.split() == sorted(out.split())
    assert out == field(text)
    assert {"lectures", "team", "person", "district"} <= set(out.split())


def test_field_holds_american_spellings_and_plain_numbers():
    out = field("Mass organisations mobilised 1,440 teams for Labour").split()
    assert {"organizations", "organization", "mobilized", "labor", "1440"} <= set(out)
    assert "organisations" not in out and "1,440" not in out


def test_field_of_text_without_words():
    assert field("") == ""
    assert field("— 16.587") == ""
    assert field("团市委") == ""
