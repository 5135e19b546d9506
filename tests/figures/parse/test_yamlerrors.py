"""hooks/figures/parse/yamlerrors.py: the YAML mistakes editors make, each said in plain words on
its line, in a page's front matter and in a data file alike; never the parser's own words."""
from __future__ import annotations

import re

import pytest

import messages
from figures.parse.datafile import DataFileError, load, load_nodes
from figures.parse.frontmatter import read_page

#: what PyYAML says when it gives up: none of it may reach an editor
PARSER_WORDS = re.compile(r"expected|but found|but got|token|scalar|<block|<stream|while (?:parsing|scanning)|"
                          r"mapping values|flow (?:mapping|sequence)|could not find|column|YAMLError|"
                          r"ScannerError|ParserError|ComposerError|invalid YAML", re.I)

# (name, the YAML, the line of the mistake, how the message starts)
MISTAKES = [
    ("unclosed brace", "a:\n  - {zh: 青联, en: Youth Federation\n  - {zh: 团市委, en: CYL}\n", 2,
     "the `{` opened on line 2 is not closed: add `}`"),
    ("unclosed brace at the end", "a: 1\nb: {zh: 青联, en: Youth\n", 2, "the `{` opened on line 2 is not closed"),
    ("unclosed bracket", "metrics: [a, b\nnext: 2\n", 1, "the `[` opened on line 1 is not closed: add `]`"),
    ("unclosed double quote", 'a:\n  label: "青年\n  next: 2\n', 2, "the quote `\"` opened on line 2 is not closed"),
    ("unclosed single quote", "a:\n  label: 'youth\n  next: 2\n", 2, "the quote `'` opened on line 2 is not closed"),
    ("a quote closed lines later", 'a: "abc\nb: 1\nc: "x"\n', 1, "the quote `\"` opened on line 1 is not closed"),
    ("tab", "a:\n\tb: 1\n", 2, "this line is indented with a tab"),
    ("tab deeper down", "a:\n  b: 1\n  c:\n\t  d: 2\n", 4, "this line is indented with a tab"),
    ("indented more", "a:\n  b: 1\n   c: 2\n", 3, "this line is indented differently from the one above"),
    ("indented less", "a:\n  b: 1\n c: 2\n", 3, "this line is indented differently from the one above"),
    ("a field indented less", "metrics:\n  - id: a\n    value: 1\n   qualifier: exact\n", 4,
     "this line is indented differently from the one above"),
    ("a field indented more", "metrics:\n  - id: a\n    value: 1\n      qualifier: exact\n", 4,
     "this line is indented differently from the one above"),
    ("a list item indented less", "metrics:\n  - id: a\n    value: 1\n - id: b\n", 4,
     "this line is indented differently from the one above"),
    ("a list item among keys", "a:\n  b: 1\n  - c\n", 3, "a list item (`- …`) stands among keys"),
    ("colon in a value", "a:\n  en: People: reached\n", 2, "a `:` in a value needs quotes"),
    ("colon in a value in braces", "a: {zh: 青联, en: Youth, note: Short: form}\n", 1, "a `:` in a value needs quotes"),
    ("comma missing in braces", "a: {zh: 青联 en: Youth}\n", 1, "a `:` in a value needs quotes"),
    ("no space after a colon", "a:1\nb: 2\n", 1, "a `:` after a key needs a space after it"),
    ("a key without its colon", "metrics:\n  - id a\n    value: 1\n", 2, "this line has no `:`"),
    ("a line without a colon", "a: 1\nb\nc: 2\n", 2, "this line has no `:`"),
    ("value starting with @", "a: @home\n", 1, "a value cannot start with `@`"),
    ("value starting with a backtick", "a: `code`\n", 1, "a value cannot start with `` ` ``"),
    ("value starting with %", "a: %50\n", 1, "a value cannot start with `%`"),
    ("value starting with *", "a: *重要*\n", 1, "a value cannot start with `*`"),
    ("an alias that names nothing", "a: *foo\n", 1, "a value cannot start with `*`"),
    ("value starting with >", "a: >5000\n", 1, "a value cannot start with `>`"),
    ("value starting with |", "a: |x\n", 1, "a value cannot start with `|`"),
    ("text after the closing quote", 'a: "say" hi\n', 1, "text follows the closing quote"),
    ("a quote inside double quotes", 'a: "say "hi" now"\n', 1, "text follows the closing quote"),
    ("a stray closing brace", "a: {x: 1}}\n", 1, "this `}` closes nothing"),
    ("a stray closing bracket", "a: [1]]\n", 1, "this `]` closes nothing"),
    ("a backslash in double quotes", 'a: "C:\\d"\n', 1, "in double quotes, `\\` starts an escape"),
]


@pytest.fixture(params=MISTAKES, ids=[m[0] for m in MISTAKES])
def mistake(request):
    return request.param


def _no_parser_words(text: str) -> None:
    assert not PARSER_WORDS.search(text), text


def test_a_data_file_mistake_is_said_in_plain_words_on_its_line(tmp_path, mistake):
    _, text, line, start = mistake
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    for read in (load, load_nodes):
        with pytest.raises(DataFileError) as raised:
            read(path, "data/x.yml")
        [problem] = raised.value.problems
        assert (problem.file, problem.line) == ("data/x.yml", line), problem.text()
        assert problem.text().startswith(start), problem.text()
        for lang in messages.LANGUAGES:
            _no_parser_words(problem.render(lang))


def test_a_front_matter_mistake_is_said_in_plain_words_on_its_line_of_the_page(mistake):
    _, text, line, start = mistake
    page = read_page("docs/x.md", f"---\n{text}---\n\n# 标题\n")
    [problem] = page.problems
    assert problem.line == line + 1, problem.text()  # the page's line: after its opening ---
    shifted = re.sub(r"on line (\d+)", lambda m: f"on line {int(m.group(1)) + 1}", start)
    assert problem.text().startswith(shifted), problem.text()
    assert not page.readable
    for lang in messages.LANGUAGES:
        _no_parser_words(problem.render(lang))


def test_every_explanation_is_in_chinese_too(mistake):
    _, text, _, _ = mistake
    page = read_page("docs/x.md", f"---\n{text}---\n\n# 标题\n")
    [problem] = page.problems
    chinese = problem.render("zh")
    assert chinese != problem.render("en") and re.search(r"[\u4e00-\u9fff]", chinese), chinese


def test_front_matter_that_is_never_closed_is_named_on_its_first_line():
    page = read_page("docs/x.md", "---\nmetrics:\n  - id: a\n\n# 标题\n\n正文。\n")
    [problem] = page.problems
    assert problem.line == 1 and problem.text().startswith("the front matter opened by the `---` on line 1 is "
                                                           "not closed")
    assert page.body == "# 标题\n\n正文。\n" and page.body_line == 5


def test_a_page_that_merely_starts_with_a_rule_is_not_front_matter():
    page = read_page("docs/x.md", "---\n\n# 标题\n")
    assert page.problems == [] and page.readable


def test_a_mistake_it_cannot_name_is_still_plain_words_on_the_parsers_line():
    import yaml

    from figures.parse.yamlerrors import explain

    error = yaml.MarkedYAMLError(problem="something new", problem_mark=yaml.Mark("x", 0, 2, 0, None, None))
    line, message = explain("a: 1\nb: 2\nc: 3\n", error)
    assert line == 3 and message.render("en").startswith("YAML cannot read this line")
    _no_parser_words(message.render("en"))


def test_an_invisible_control_character_is_named_on_its_line(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text("a: 1\nb: 青年\x07\nc: 2\n", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load(path, "data/x.yml")
    [problem] = raised.value.problems
    assert problem.line == 2 and problem.text().startswith("this line holds an invisible character")
    page = read_page("docs/x.md", "---\na: 1\nb: 青年\x07\n---\n\n# 标题\n")
    assert [(p.line, p.text().startswith("this line holds an invisible character")) for p in page.problems] == \
        [(3, True)]
