"""The glossary of official terms: one list (``data/glossary.yml``), drawn on both glossary
pages and used to check that the English pages translate each term the same way."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from figures.draw.html import environment
from figures.parse import datafile
from figures.schema import Problem

MARKER = "<!-- glossary -->"


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    note: str = ""


@dataclass(frozen=True)
class Group:
    title: dict[str, str]
    terms: list[Term]


def load(path: Path) -> list[Group]:
    """The glossary; read again only when the file changed (both languages share it)."""
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, mtime: int, size: int) -> list[Group]:
    """Raises DataFileError, naming the file and line, when the file cannot be read."""
    shown = f"data/{Path(path).name}"
    data = datafile.load(Path(path), shown)
    try:
        return [Group(g["title"], [Term(t["zh"], t["en"], t.get("note", "")) for t in g["terms"]])
                for g in data["groups"]]
    except (KeyError, TypeError, AttributeError) as error:
        raise datafile.DataFileError(Problem(shown, 0, f"each group needs a title and terms, each term "
                                                       f"a zh and an en text ({error!r})")) from None


def render(template_dir: str, groups: list[Group], lang: str) -> str:
    return environment(template_dir).get_template("glossary/table.html").render(groups=groups, lang=lang)


def terms_in(text: str, groups: list[Group]) -> list[Term]:
    """The terms a Chinese text uses, longest first, so 团市委 does not also count as 市委."""
    terms = sorted((t for g in groups for t in g.terms), key=lambda t: -len(t.zh))
    found, masked = [], text
    for term in terms:
        if term.zh in masked:
            found.append(term)
            masked = masked.replace(term.zh, "\0" * len(term.zh))
    return found


def missing_translations(zh_text: str, en_text: str, groups: list[Group]) -> list[Term]:
    """Terms the Chinese text uses whose official English rendering the English text lacks."""
    lowered = " ".join(en_text.lower().split())
    return [t for t in terms_in(zh_text, groups) if t.en.lower() not in lowered]
