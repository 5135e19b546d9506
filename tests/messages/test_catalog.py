"""hooks/messages/catalog.py and the catalogs themselves: every message of the code is in the
catalog, translated, with the same fields; MESSAGES.md is the catalog's; no message to editors
is written outside the catalog."""
from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

import messages
from messages import catalog

HOOKS = Path(catalog.HOOKS)
FIELD = string.Formatter()
LANGS = catalog.TRANSLATED


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in FIELD.parse(template) if name is not None}


def _entries(lang: str):
    return [m for m in catalog.read(lang) if m.id]


@pytest.mark.parametrize("lang", LANGS)
def test_the_catalog_is_in_step_with_the_code(lang):
    """Extraction drift: run scripts/messages after adding, changing or moving a message."""
    assert catalog.stale(lang) == [], "run scripts/messages"


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_has_a_translation(lang):
    assert catalog.untranslated(lang) == [], "translate these in " + str(messages.po_file(lang))


@pytest.mark.parametrize("lang", LANGS)
def test_every_translation_has_the_fields_of_its_message_and_renders(lang):
    for entry in _entries(lang):
        ids = [entry.id] if isinstance(entry.id, str) else list(entry.id)
        strings = [entry.string] if isinstance(entry.string, str) else list(entry.string)
        wanted = set().union(*map(_fields, ids))
        for text in strings:
            assert _fields(text) == wanted, (entry.id, text)
            text.format(**{name: "x" for name in wanted})  # braces balanced, fields named


def test_the_po_file_is_as_the_tool_writes_it():
    """So that a hand edit (or a merge) that the tool would rewrite shows up here, not later."""
    for lang in LANGS:
        assert messages.po_file(lang).read_bytes() == catalog.written(catalog.read(lang)), "run scripts/messages"


def test_the_reference_of_every_message_is_generated_from_the_catalog():
    assert catalog.REFERENCE.read_text(encoding="utf-8") == catalog.reference(), "run scripts/messages"


def test_the_reference_lists_every_message_in_both_languages():
    text = catalog.REFERENCE.read_text(encoding="utf-8")
    assert "正文写的是 `{said}`,而第 `{line}` 行定义的指标是 `{figure}`" in text
    assert "the prose says `{said}` where the metric, defined at line `{line}`, is `{figure}`" in text
    rows = [line for line in text.splitlines()
            if line.startswith("| ") and line not in ("| 中文 | English |", "| --- | --- |")]
    own = [e for e in _entries("zh") if [p for p, _ in e.locations] != ["hooks/messages/catalog.py"]]
    assert len(rows) == len(own)


# --- no message outside the catalog -------------------------------------------------------------

def _calls(tree: ast.AST, names: set[str]):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name in names:
                yield node


def _sources():
    return [p for p in HOOKS.rglob("*.py") if "__pycache__" not in p.parts]


def test_every_message_is_a_literal_the_extraction_can_see():
    bad = []
    for path in _sources():
        for call in _calls(ast.parse(path.read_text(encoding="utf-8")), {"msg", "msg_n"}):
            count = 2 if getattr(call.func, "id", getattr(call.func, "attr", "")) == "msg_n" else 1
            if len(call.args) < count or not all(isinstance(a, ast.Constant) and isinstance(a.value, str)
                                                 for a in call.args[:count]):
                bad.append(f"{path.relative_to(HOOKS.parent)}:{call.lineno}")
    assert bad == [], "the text of msg()/msg_n() must be a literal string"


def test_no_problem_or_log_line_is_written_in_english_only():
    """A problem's message, and what the hook logs, is a msg(): a plain or f-string would reach
    Chinese editors in English (this is what a merged module that predates the catalog trips)."""
    bad = []
    for path in _sources():
        if path.parts[-2:] == ("messages", "catalog.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _calls(tree, {"Problem", "error", "warning", "PluginError", "Abort"}):
            arguments = call.args[2:3] if getattr(call.func, "id", "") == "Problem" else call.args[:1]
            arguments += [k.value for k in call.keywords if k.arg in ("message", "msg")]
            if any(isinstance(a, (ast.Constant, ast.JoinedStr)) and not (isinstance(a, ast.Constant)
                                                                         and not isinstance(a.value, str))
                   for a in arguments):
                bad.append(f"{path.relative_to(HOOKS.parent)}:{call.lineno}")
    assert bad == [], "write these messages with msg() (hooks/messages/__init__.py)"


def test_the_catalog_is_compiled_in_memory_by_babel_and_read_by_gettext():
    translations = messages.translations("zh")
    assert translations.gettext("(nothing)") == "(无)"
    assert translations is messages.translations("zh")  # compiled once per process
    assert not list(messages.LOCALE_DIR.rglob("*.mo")), "no compiled catalog is kept: it could go stale"


def test_a_new_message_is_found_by_the_extraction(tmp_path, monkeypatch):
    module = tmp_path / "extra.py"
    module.write_text('from messages import msg\nX = msg("a brand new message {x}", x=1)\n', encoding="utf-8")
    monkeypatch.setattr(catalog, "HOOKS", tmp_path)
    [found] = [m for m in catalog.extract() if m.id]
    assert (found.id, [path for path, _ in found.locations]) == ("a brand new message {x}", ["hooks/extra.py"])
