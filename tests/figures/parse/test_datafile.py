"""hooks/figures/parse/datafile.py: a data file's YAML mistake as file:line, never a traceback."""
from __future__ import annotations

import pytest

from figures.parse.datafile import DataFileError, load, load_nodes


def test_good_yaml_loads(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("groups:\n  - a: 1\n", encoding="utf-8")
    assert load(path, "data/x.yml") == {"groups": [{"a": 1}]}


def test_a_yaml_mistake_names_the_file_and_line(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text("groups:\n  - {zh: 团市委, en: CYL, note: Short form: used}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load(path, "data/glossary.yml")
    p = caught.value.problem
    assert (p.file, p.line) == ("data/glossary.yml", 2)
    assert p.text().startswith("a `:` in a value needs quotes")


def test_a_missing_or_undecodable_file(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path / "none.yml", "data/none.yml")
    assert str(caught.value.problem) == "data/none.yml: the file does not exist: restore it (git checkout -- <file>)"
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"a: 1\nb: \xff\n")
    with pytest.raises(DataFileError) as caught:
        load(bad, "data/bad.yml")
    assert caught.value.problem.line == 2


def test_nodes_know_their_lines(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("groups:\n  - title: {zh: 机构, en: Organisations}\n    terms:\n      - 1\n", encoding="utf-8")
    root = load_nodes(path, "data/x.yml")
    group = root.children["groups"].children[0]
    assert (root.children["groups"].line, group.line, group.children["terms"].line) == (1, 2, 3)
    assert group.children["terms"].children[0].value == 1
    assert group.value == {"title": {"zh": "机构", "en": "Organisations"}, "terms": [1]}


def test_nodes_report_yaml_mistakes_and_undecodable_files_like_load(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_nodes(path, "data/x.yml")
    assert str(caught.value.problem) == ("data/x.yml:1: the `[` opened on line 1 is not closed: add `]` at the "
                                         "end of its value, on the same line")
    path.write_bytes(b"a: 1\n\xff\n")
    with pytest.raises(DataFileError) as caught:
        load_nodes(path, "data/x.yml")
    assert caught.value.problem.line == 2
    assert caught.value.problem.text().startswith("the file is not UTF-8 text: save it as UTF-8")



def test_an_empty_file_has_no_nodes(tmp_path):
    path = tmp_path / "empty.yml"
    path.write_text("", encoding="utf-8")
    assert load_nodes(path, "data/empty.yml") is None


def test_an_alias_inside_its_own_anchor_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "highlights.yml"
    path.write_text("key_figures: &a [*a]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_nodes(path, "data/highlights.yml")
    assert str(raised.value).startswith("data/highlights.yml:1: a YAML alias refers to the value it is part of")


def test_a_key_given_twice_is_a_problem_on_its_line_in_both_readers(tmp_path):
    """YAML keeps the last: the first list of charts would be dropped without a word."""
    path = tmp_path / "highlights.yml"
    path.write_text("charts:\n  - id: a\ncharts:\n  - {id: b, id: c}\n", encoding="utf-8")
    for read in (load, load_nodes):
        with pytest.raises(DataFileError) as raised:
            read(path, "data/highlights.yml")
        assert [str(p).split(" is given")[0] for p in raised.value.problems] == [
            "data/highlights.yml:3: the key 'charts'", "data/highlights.yml:4: the key 'id'"]
