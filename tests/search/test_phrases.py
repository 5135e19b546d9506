"""hooks/search/phrases.py: pairs of neighbouring English words, cut as the index cuts words."""
from __future__ import annotations

import re

from pathlib import Path

import material

from search.phrases import JOIN, SEPARATOR, STOP_WORDS, field, pairs, words


def pair(a: str, b: str) -> str:
    return JOIN + a + JOIN + b


def test_words_are_cut_like_the_index_cuts_them():
    assert words("The Youth Federation's “Members' Reading Club” (Version 4.0), deputy-bureau level.") == [
        "the", "youth", "federation's", "members", "reading", "club", "version", "4.0", "deputy", "bureau",
        "level"]


def test_pairs_of_neighbouring_words_in_order():
    assert pairs("<p>Youth Federation Secretariat</p>") == [
        pair("youth", "federation"), pair("federation", "secretariat")]


def test_stop_words_are_left_out_of_pairs():
    assert pairs("<p>the minors in difficulty</p>") == [pair("minors", "difficulty")]
    assert pairs("<p>of the</p>") == []


def test_stop_words_are_lunrs_as_materials_worker_ships_them():
    worker = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    shipped = re.search(r"stopWordFilter=\w+\.generateStopWordFilter\(\[([^\]]*)\]\)", worker.read_text("utf-8"))
    assert shipped, "lunr's stop word list is no longer where it was in Material's worker"
    assert STOP_WORDS == set(re.findall(r'"([^"]*)"', shipped.group(1)))


def test_pairs_never_span_two_blocks():
    found = pairs("<p>a job fair</p><ul><li>Young Pioneers</li><li>Party building</li></ul>")
    assert pair("job", "fair") in found and pair("young", "pioneers") in found
    assert pair("pioneers", "party") not in found and pair("fair", "young") not in found


def test_a_pair_starts_with_the_join_so_no_one_word_prefix_matches_it():
    for found in pairs("work style; work safety"):
        assert found.startswith(JOIN) and not found.startswith("work")


def test_a_pair_survives_the_index_separator_and_trimmer():
    for found in pairs("Young Pioneers' work, 1,440 teams"):
        assert re.split(SEPARATOR, found) == [found]
        assert re.sub(r"^\W+|\W+$", "", found, flags=re.ASCII) == found


def test_entities_are_decoded():
    assert pairs("<p>Research &amp; Development</p>") == [pair("research", "development")]


def test_field_holds_each_pair_once_title_first():
    out = field("Job fair", "<p>a job fair, a fair job</p>").split()
    assert out == [pair("job", "fair"), pair("fair", "fair"), pair("fair", "job")]
    assert field("", "") == ""
