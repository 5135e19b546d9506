"""The glossary in the search index: one entry per term, not one run-on text per table.

Material indexes the glossary page's tables as the text of their sections: every term of a
group run together, so a search lists the whole group and highlights nothing a reader can
scan. Here each term becomes its own entry, pointing at its row of the table: the row's id
is ``term-`` and the Chinese term without whitespace (``overrides/glossary/table.html`` sets
the same id), and the entry's title is the term in the reader's language.
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Protocol


class Term(Protocol):
    zh: str
    en: str
    note: dict[str, str]  # the note in each language ({} when there is none)


class Group(Protocol):
    terms: list[Term]


def anchor(zh: str) -> str:
    """The id of a term's row in the glossary table."""
    return "term-" + "".join(zh.split())


def entries(groups: Iterable[Group], lang: str, *, location: str) -> list[dict]:
    """One index entry per term of the glossary page at ``location`` ("glossary/"): titled
    with the term in ``lang``, its text the term in the other language and the note in ``lang``."""
    out = []
    for group in groups:
        for term in group.terms:
            title, other = (term.zh, term.en) if lang == "zh" else (term.en, term.zh)
            note = term.note.get(lang, "")
            text = "".join(f"<p>{escape(part, quote=False)}</p>" for part in (other, note) if part)
            out.append({"location": f"{location}#{anchor(term.zh)}", "title": title, "text": text})
    return out


#: A term's entry is a line or two, and lunr favours short entries: a term that merely names a
#: word of the query would come before the report's sections that use it. Each entry weighs
#: this much of its page's (already low) boost, so that the report comes first.
ROW_WEIGHT = 0.4


def replace_tables(docs: list[dict], location: str, terms: list[dict]) -> list[dict]:
    """``docs`` with the glossary page's sections (a heading and its table each) emptied of
    the table's run-on text, and ``terms`` after them, weighing :data:`ROW_WEIGHT` of the
    page's boost."""
    page = next((doc for doc in docs if doc["location"] == location), None)
    if page is None:
        return docs
    sections = {doc["location"] for doc in docs if doc["location"].startswith(location + "#")}
    last = max((i for i, doc in enumerate(docs) if doc["location"] in sections | {location}))
    boost = {"boost": round(page.get("boost", 1) * ROW_WEIGHT, 3)}
    emptied = [{**doc, "text": ""} if doc["location"] in sections else doc for doc in docs]
    return emptied[:last + 1] + [{**term, **boost} for term in terms] + emptied[last + 1:]
