"""The glossary of official terms: one list (``data/glossary.yml``), drawn on both glossary
pages; the build checks that every English paragraph uses its terms (``figures/check/twins.py``).

A term's ``note`` explains it to readers, in each language: ``note: {zh: …, en: …}``, and each
glossary page shows the note in its own language. A plain string is still accepted: it is the
same note on both pages (for a name that needs no translation)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from figures.draw.html import environment
from figures.parse import datafile
from figures.parse.frontmatter import Node
from figures.schema import LANGUAGES, Problem
from messages import msg
from messages.hints import suggest

MARKER = "<!-- glossary -->"
TERM_KEYS = (*LANGUAGES, "note")


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    note: dict[str, str] = field(default_factory=dict)  # language → note; {} when there is none


@dataclass(frozen=True)
class Group:
    title: dict[str, str]
    terms: list[Term]


def load(path: Path) -> list[Group]:
    """The glossary; read again only when the file changed (both languages share it).

    Raises :class:`~figures.parse.datafile.DataFileError` listing every problem, each with its
    line, when the file is not a usable glossary."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise datafile.DataFileError(Problem(_shown(path), 0, datafile.MISSING)) from None
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime: int, size: int) -> list[Group]:
    shown = _shown(Path(path))
    groups, problems = parse(datafile.load_nodes(Path(path), shown), shown)
    if problems:
        raise datafile.DataFileError(problems)
    return groups


def parse(root: Node | None, shown: str = "data/glossary.yml") -> tuple[list[Group], list[Problem]]:
    """The groups of terms of the file (as nodes with lines), and every problem found on the way."""
    problems: list[Problem] = []

    def problem(line: int, message) -> None:
        problems.append(Problem(shown, line, message))

    listed = root.children.get("groups") if root is not None and isinstance(root.children, dict) else None
    if listed is None or not isinstance(listed.children, list):
        problem(listed.line if listed else (root.line if root else 1),
                msg("the glossary needs a list 'groups:', each group with a title and its terms"))
        return [], problems
    groups = []
    for number, raw in enumerate(listed.children, 1):
        if not isinstance(raw.children, dict):
            problem(raw.line, msg("group {number} needs 'title: {{zh: …, en: …}}' and 'terms:'", number=number))
            continue
        title = _both(raw.value.get("title"))
        if title is None:
            problem(raw.children.get("title", raw).line,
                    msg("the 'title' of group {number} must give both languages: {{zh: …, en: …}}", number=number))
        listed_terms = raw.children.get("terms")
        items = listed_terms.children if listed_terms is not None else None
        if not isinstance(items, list):
            problem((listed_terms or raw).line, msg("group {number} needs a list 'terms:'", number=number))
            items = []
        terms = [term for item in items if (term := _term(item, number, problem)) is not None]
        groups.append(Group(title or {}, terms))
    seen: dict[str, int] = {}
    for group in listed.children:
        items = group.children.get("terms") if isinstance(group.children, dict) else None
        for item in items.children if items is not None and isinstance(items.children, list) else []:
            zh = item.value.get("zh") if isinstance(item.value, dict) else None
            if isinstance(zh, str) and zh.strip() in seen:  # one official translation per term
                problem(item.line, msg("the term {term} is given twice (first on line {first}): keep one "
                                       "translation", term=zh.strip(), first=seen[zh.strip()]))
            elif isinstance(zh, str):
                seen[zh.strip()] = item.line
    return groups, problems


def _term(node: Node, group: int, problem) -> Term | None:
    item = node.value
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and item[k].strip() for k in LANGUAGES):
        problem(node.line, msg("each term of group {number} needs a zh and an en text, "
                               "{{zh: …, en: …}}, not {item}", number=group, item=repr(item)))
        return None
    unknown = [str(key) for key in item if key not in TERM_KEYS]
    if unknown:  # often a comma in an unquoted flow mapping: {zh: 简称,全文通用。}, or a misspelt key
        close = [suggest(key, TERM_KEYS) for key in unknown]
        if all(close):
            problem(node.children[unknown[0]].line, msg(
                "the term {term} has an unknown key '{key}'{suggestion} (known keys: {known})",
                term=item["zh"], key=unknown[0], suggestion=close[0], known=list(TERM_KEYS)))
        else:
            problem(node.children[unknown[0]].line, msg(
                "the term {term} has unknown keys ({keys}): a text that holds a comma or a colon "
                "must be in double quotes, note: {{zh: \"…,…\", en: \"…\"}}", term=item["zh"], keys=unknown))
        return None
    note = item.get("note")
    if note is None or note == "":
        notes: dict[str, str] = {}
    elif isinstance(note, str):
        notes = {lang: note for lang in LANGUAGES}  # one text for both pages
    elif isinstance(note, dict) and set(note) - set(LANGUAGES) and None in note.values():
        # {zh: 简称,全文通用。, en: …}: in braces, a comma ends a text; what follows became a key
        problem(node.children["note"].line,
                msg("the 'note' of the term {term} is cut in two by a `,`: put each text that holds a comma "
                    "or a colon in double quotes, note: {{zh: \"…,…\", en: \"…\"}}", term=item["zh"]))
        return None
    else:
        notes = _both(note)
        if notes is None:
            problem(node.children["note"].line,
                    msg("the 'note' of the term {term} must give both languages, note: {{zh: …, en: …}}, "
                        "or be one text shown on both pages; it is {note}", term=item["zh"], note=repr(note)))
            return None
    return Term(item["zh"], item["en"], notes)


def _both(value: Any) -> dict[str, str] | None:
    """``{zh: …, en: …}`` with a text for each language, or None."""
    if isinstance(value, dict) and set(value) == set(LANGUAGES) and all(
            isinstance(value[lang], str) and value[lang].strip() for lang in LANGUAGES):
        return {lang: value[lang] for lang in LANGUAGES}
    return None


def _shown(path: Path) -> str:
    """How problems name the file: ``data/glossary.yml``."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name


def render(template_dir: str, groups: list[Group], lang: str) -> str:
    return environment(template_dir).get_template("glossary/table.html").render(
        groups=groups, lang=lang, ids=[anchor for anchor, _ in headings(groups, lang)])


def headings(groups: list[Group], lang: str) -> list[tuple[str, str]]:
    """The id and title of each group's heading, as :func:`render` draws them. They are drawn
    after Markdown has made the page's table of contents, so the hook adds them to it."""
    return [(f"terms-{number}", group.title[lang]) for number, group in enumerate(groups, 1)]

