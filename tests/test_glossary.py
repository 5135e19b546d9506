"""hooks/glossary.py: the official terms, drawn on the glossary pages and used by every English page."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import glossary
from figures.parse.datafile import DataFileError

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = str(ROOT / "overrides")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def groups(tmp_path):
    return glossary.load(write(tmp_path, """\
groups:
  - title: {zh: 机构, en: Organisations}
    terms:
      - {zh: 团市委, en: CYL Shanghai Committee, note: {zh: 全文通用的简称。, en: Short form used throughout the report.}}
      - {zh: 市委, en: CPC Shanghai Municipal Committee}
      - {zh: 共青团上海市委员会, en: Communist Youth League Shanghai Municipal Committee}
  - title: {zh: 项目, en: Programmes}
    terms:
      - {zh: 青年大学习, en: Youth Study Programme}
"""))


def test_load(groups):
    assert [g.title for g in groups] == [{"zh": "机构", "en": "Organisations"}, {"zh": "项目", "en": "Programmes"}]
    assert groups[0].terms[0] == glossary.Term("团市委", "CYL Shanghai Committee",
                                               {"zh": "全文通用的简称。", "en": "Short form used throughout the report."})
    assert groups[0].terms[1].note == {}
    assert [t.zh for t in groups[1].terms] == ["青年大学习"]


def test_a_plain_string_note_is_the_same_note_on_both_pages(tmp_path):
    groups = glossary.load(write(tmp_path, """\
groups:
  - title: {zh: 机构, en: Organisations}
    terms:
      - {zh: 进博会, en: China International Import Expo, note: CIIE}
"""))
    assert groups[0].terms[0].note == {"zh": "CIIE", "en": "CIIE"}


def _problems(tmp_path, text: str) -> list[str]:
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(DataFileError) as caught:
        glossary.load(write(folder, text))
    return [str(p) for p in caught.value.problems]


def test_a_note_needs_both_languages_and_every_problem_is_reported_at_once(tmp_path):
    problems = _problems(tmp_path, """\
groups:
  - title: {zh: 机构}
    terms:
      - {zh: 团市委, en: CYL Shanghai Committee, note: {en: Short form.}}
      - {zh: 市委, en: CPC Shanghai Municipal Committee, note: {zh: 简称。, en: ""}}
      - {zh: 青联}
""")
    assert len(problems) == 4
    assert problems[0] == "data/glossary.yml:2: the 'title' of group 1 must give both languages: {zh: …, en: …}"
    assert problems[1].startswith("data/glossary.yml:4: the 'note' of the term 团市委 must give both languages, "
                                  "note: {zh: …, en: …}")
    assert problems[2].startswith("data/glossary.yml:5: the 'note' of the term 市委 must give both languages")
    assert problems[3].startswith("data/glossary.yml:6: each term of group 1 needs a zh and an en text, {zh: …, en: …}")


def test_an_unquoted_comma_is_caught_not_silently_cut(tmp_path):
    # in a flow mapping, the comma ends the note: 用于文件名称。 becomes a key of its own
    problems = _problems(tmp_path, """\
groups:
  - title: {zh: 机构, en: Organisations}
    terms:
      - {zh: 团市委, en: CYL Shanghai Committee, note: {zh: 简称,全文通用。, en: Short form.}}
      - {zh: 市委, en: CPC Shanghai Municipal Committee, nte: a typo}
""")
    assert problems == [
        "data/glossary.yml:4: the 'note' of the term 团市委 is cut in two by a `,`: put each text that holds a "
        "comma or a colon in double quotes, note: {zh: \"…,…\", en: \"…\"}",
        "data/glossary.yml:5: the term 市委 has an unknown key 'nte' (did you mean 'note'?) (known keys: zh, en, note)"]


def test_a_comma_that_makes_keys_of_a_term_is_named(tmp_path):
    problems = _problems(tmp_path, """\
groups:
  - title: {zh: 机构, en: Organisations}
    terms:
      - {zh: 团市委, en: CYL Shanghai Committee, note: 简称,全文通用。}
""")
    assert problems == ["data/glossary.yml:4: the term 团市委 has unknown keys (全文通用。): a text that holds a "
                        "comma or a colon must be in double quotes, note: {zh: \"…,…\", en: \"…\"}"]


def test_broken_yaml_is_a_glossary_error_with_its_line(tmp_path):
    problems = _problems(tmp_path, "groups:\n  - title: {zh: 机构, en: Organisations\n    terms: []\n")
    assert problems == ["data/glossary.yml:2: the `{` opened on line 2 is not closed: add `}` at the end of its "
                        "value, on the same line"]


@pytest.mark.parametrize("text", ["", "- a list\n", "groups: {}\n", "groups:\n  - just a string\n"])
def test_a_file_that_is_not_a_glossary_is_reported(tmp_path, text):
    assert _problems(tmp_path, text)


def test_problems_name_the_file_as_editors_see_it(tmp_path):
    assert _problems(tmp_path, "groups: 1\n") == [
        "data/glossary.yml:1: the glossary needs a list 'groups:', each group with a title and its terms"]


def test_a_missing_glossary_is_a_problem_not_a_traceback(tmp_path):
    (tmp_path / "data").mkdir()
    with pytest.raises(DataFileError) as caught:
        glossary.load(tmp_path / "data" / "glossary.yml")
    assert [str(p) for p in caught.value.problems] == [
        "data/glossary.yml: the file does not exist: restore it (git checkout -- <file>)"]


def test_each_problem_names_the_line_of_its_term(tmp_path):
    problems = _problems(tmp_path, """\
groups:
  - title: {zh: 机构, en: Organisations}
    terms:
      - {zh: 团市委, en: CYL Shanghai Committee}

      - zh: 青联
        en: ""
  - title: {zh: 项目, en: Programmes}
    terms: none
""")
    assert problems == ["data/glossary.yml:6: each term of group 1 needs a zh and an en text, {zh: …, en: …}, "
                        "not {'zh': '青联', 'en': ''}",
                        "data/glossary.yml:9: group 2 needs a list 'terms:'"]


def test_the_real_glossary_loads_with_one_translation_per_term():
    groups = glossary.load(ROOT / "data" / "glossary.yml")
    terms = [t for g in groups for t in g.terms]
    assert len(terms) > 20
    zh = [t.zh for t in terms]
    assert len(zh) == len(set(zh)), "a Chinese term is listed twice"
    assert all(t.zh.strip() and t.en.strip() for t in terms)
    # a note explains the term to the readers of each page, in their own language
    notes = [t.note for t in terms if t.note]
    assert notes and all(set(n) == {"zh", "en"} and n["zh"] != n["en"] for n in notes)


class Table(HTMLParser):
    def __init__(self, html: str):
        super().__init__()
        self.tags, self.cells, self._cell = [], [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("th", "td"):
            self._cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.cells.append(self._cell)
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data


def test_render_in_both_languages(groups):
    zh = glossary.render(TEMPLATES, groups, "zh")
    en = glossary.render(TEMPLATES, groups, "en")
    assert zh.count("<table") == en.count("<table") == 2
    assert "<h2 id=\"terms-1\">机构</h2>" in zh and "<h2 id=\"terms-1\">Organisations</h2>" in en
    cells = Table(en).cells
    assert cells[:6] == ["Chinese", "English", "Note", "团市委", "CYL Shanghai Committee",
                         "Short form used throughout the report."]
    assert cells[6:9] == ["市委", "CPC Shanghai Municipal Committee", ""]
    # the Chinese page shows the Chinese note
    assert Table(zh).cells[:6] == ["中文", "英文", "说明", "团市委", "CYL Shanghai Committee", "全文通用的简称。"]


def test_each_table_is_named_by_its_heading_not_by_a_repeated_caption(groups):
    for lang, titles in (("zh", ["机构", "项目"]), ("en", ["Organisations", "Programmes"])):
        html = glossary.render(TEMPLATES, groups, lang)
        table = Table(html)
        assert "caption" not in table.tags
        for number, title in enumerate(titles, 1):
            assert html.count(f">{title}<") == 1, "the group's title is shown once"
            heading = f'<h2 id="terms-{number}">{title}</h2>'
            assert heading in html
            after = html.split(heading, 1)[1]
            # the scrollable region and the table that follow take their names from that heading
            assert re.match(rf'\s*<section [^>]*aria-labelledby="terms-{number}"', after)
            assert re.search(rf'<table class="glossary" aria-labelledby="terms-{number}">', after.split("</table>")[0])


def test_the_headings_are_those_drawn_for_the_pages_contents(groups):
    """The hook lists them in the page's table of contents: the same ids, the same titles."""
    for lang in ("zh", "en"):
        drawn = re.findall(r'<h2 id="([^"]+)">([^<]+)</h2>', glossary.render(TEMPLATES, groups, lang))
        assert glossary.headings(groups, lang) == drawn
    assert [title for _, title in glossary.headings(groups, "en")] == ["Organisations", "Programmes"]


def test_render_escapes_every_text(tmp_path):
    groups = glossary.load(write(tmp_path, f"""\
groups:
  - title: {{zh: "{SCRIPT}", en: "{IMG}"}}
    terms:
      - {{zh: "{SCRIPT}", en: "{IMG}", note: "{SCRIPT} & {IMG}"}}
"""))
    for lang in ("zh", "en"):
        html = glossary.render(TEMPLATES, groups, lang)
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt;" in html
        assert "&amp;" in html
        assert set(Table(html).tags) <= {"h2", "section", "table", "thead", "tbody", "tr", "th", "td"}


def test_marker():
    assert glossary.MARKER == "<!-- glossary -->"
    assert glossary.MARKER in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert glossary.MARKER in (ROOT / "docs" / "glossary.en.md").read_text(encoding="utf-8")


def test_a_term_given_twice_is_a_problem_even_in_another_group(tmp_path):
    problems = _problems(tmp_path, """\
groups:
  - title: {zh: 机构, en: Bodies}
    terms:
      - {zh: 团中央, en: Central Committee of the Communist Youth League of China}
  - title: {zh: 其他, en: Other}
    terms:
      - {zh: 团中央, en: Central Committee of the Communist Youth League}
""")
    assert problems == ["data/glossary.yml:7: the term 团中央 is given twice (first on line 4): keep one translation"]
