"""hooks/glossary.py: the official terms, drawn on the glossary pages and used by every English page."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

import glossary
from figures.parse.frontmatter import read_page

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
      - {zh: 团市委, en: CYL Shanghai Committee, note: "Short form used throughout the report."}
      - {zh: 市委, en: CPC Shanghai Municipal Committee}
      - {zh: 共青团上海市委员会, en: Communist Youth League Shanghai Municipal Committee}
  - title: {zh: 项目, en: Programmes}
    terms:
      - {zh: 青年大学习, en: Youth Study Programme}
"""))


def test_load(groups):
    assert [g.title for g in groups] == [{"zh": "机构", "en": "Organisations"}, {"zh": "项目", "en": "Programmes"}]
    assert groups[0].terms[0] == glossary.Term("团市委", "CYL Shanghai Committee", "Short form used throughout the report.")
    assert groups[0].terms[1].note == ""
    assert [t.zh for t in groups[1].terms] == ["青年大学习"]


def test_the_real_glossary_loads_with_one_translation_per_term():
    groups = glossary.load(ROOT / "data" / "glossary.yml")
    terms = [t for g in groups for t in g.terms]
    assert len(terms) > 20
    zh = [t.zh for t in terms]
    assert len(zh) == len(set(zh)), "a Chinese term is listed twice"
    assert all(t.zh.strip() and t.en.strip() for t in terms)


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
    assert Table(zh).cells[:3] == ["中文", "英文", "说明"]


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
        assert set(Table(html).tags) <= {"h2", "div", "table", "caption", "thead", "tbody", "tr", "th", "td"}


def test_terms_in_takes_the_longest_term_first(groups):
    found = glossary.terms_in("共青团上海市委员会和团市委的工作", groups)
    assert [t.zh for t in found] == ["共青团上海市委员会", "团市委"]
    # 市委 inside 团市委 is not a separate use of 市委
    assert "市委" not in [t.zh for t in found]
    assert [t.zh for t in glossary.terms_in("市委要求", groups)] == ["市委"]
    assert glossary.terms_in("没有术语", groups) == []


def test_missing_translations(groups):
    zh = "团市委组织“青年大学习”。"
    assert glossary.missing_translations(zh, "The CYL Shanghai Committee ran the Youth Study Programme.", groups) == []
    missing = glossary.missing_translations(zh, "The CYL Shanghai Committee ran the Youth Study Program.", groups)
    assert [t.zh for t in missing] == ["青年大学习"]


def test_missing_translations_ignore_case_and_line_breaks(groups):
    zh = "青年大学习"
    assert glossary.missing_translations(zh, "the youth study\n   programme", groups) == []


def _body(path: Path) -> str:
    return read_page(str(path), path.read_text(encoding="utf-8")).body


@pytest.mark.parametrize("page", sorted(p.name for p in (ROOT / "docs").glob("*.en.md")))
def test_every_english_page_uses_the_official_translations(page):
    groups = glossary.load(ROOT / "data" / "glossary.yml")
    en_path = ROOT / "docs" / page
    zh_path = en_path.with_name(page.replace(".en.md", ".md"))
    missing = glossary.missing_translations(_body(zh_path), _body(en_path), groups)
    assert missing == [], "; ".join(f"{t.zh} → {t.en}" for t in missing)


def test_marker():
    assert glossary.MARKER == "<!-- glossary -->"
    assert glossary.MARKER in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    assert glossary.MARKER in (ROOT / "docs" / "glossary.en.md").read_text(encoding="utf-8")
