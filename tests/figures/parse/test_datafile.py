"""hooks/figures/parse/datafile.py: a data file's YAML mistake as file:line, never a traceback."""
from __future__ import annotations

import pytest

from figures.parse.datafile import DataFileError, load


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
    assert p.message.startswith("invalid YAML: ")


def test_a_missing_or_undecodable_file(tmp_path):
    with pytest.raises(DataFileError) as caught:
        load(tmp_path / "none.yml", "data/none.yml")
    assert str(caught.value.problem) == "data/none.yml: the file does not exist"
    bad = tmp_path / "bad.yml"
    bad.write_bytes(b"a: 1\nb: \xff\n")
    with pytest.raises(DataFileError) as caught:
        load(bad, "data/bad.yml")
    assert caught.value.problem.line == 2
