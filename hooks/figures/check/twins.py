"""Check an English page against its Chinese twin: the same headings, one English paragraph for
each Chinese paragraph, and the official terms translated as the glossary says.

Pairing is by position: the pages are cut at their headings, which must be the same (level
and ``{ #id }``), and under each heading the n-th Chinese paragraph pairs with the n-th
English one. Every heading below the title needs an explicit id, the same in both languages,
so that links and the language switch keep a reader's place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from messages import msg
from messages.hints import closest_phrase

from ..parse.prose import Block
from ..schema import Problem
from .official import plain


@dataclass(frozen=True)
class Term:
    zh: str
    en: str


def ids(blocks: list[Block], *, file: str) -> list[Problem]:
    """Headings below the title that have no explicit id."""
    example = "## (1) … { #item-1 }" if file.endswith(".en.md") else "## (一)… { #item-1 }"
    return [Problem(file, b.line, msg("the heading «{heading}» needs an id, the same in both languages, "
                                      "like `{example}`", heading=b.text, example=example))
            for b in blocks if b.kind == "heading" and b.level > 1 and not b.id]


def compare(zh: list[Block], en: list[Block], *, zh_file: str, en_file: str,
            terms: Iterable[Term] = ()) -> list[Problem]:
    """Problems of the English page ``en`` against the Chinese page ``zh``."""
    zh_sections, en_sections = _sections(zh), _sections(en)
    terms = _longest_first(terms)  # once per page, not once per paragraph
    problems: list[Problem] = []
    for (zh_head, zh_paras), (en_head, en_paras) in zip(zh_sections, en_sections):
        if not _same_heading(zh_head, en_head):
            return problems + [_heading_problem(zh_head, en_head, zh_file, en_file, en)]
        if len(zh_paras) != len(en_paras):
            problems.append(_count_problem(zh_head, en_head, zh_paras, en_paras, zh_file, en_file, en))
            continue
        pairs = [(zh_head, en_head)] if zh_head and en_head else []
        for zh_block, en_block in [*pairs, *zip(zh_paras, en_paras)]:
            problems.extend(_terms(zh_block, en_block, terms, zh_file=zh_file, en_file=en_file))
    if len(zh_sections) != len(en_sections):
        extra = len(zh_sections) > len(en_sections)
        head, paras = (zh_sections if extra else en_sections)[min(len(zh_sections), len(en_sections))]
        first = head or paras[0]  # a page's opening paragraphs come before any heading
        args = {"text": _short(first.text), "place": f"{zh_file}:{first.line}", "zh_file": zh_file}
        if extra:
            line = en[-1].line if en else 1
            problems.append(Problem(en_file, line, msg(
                "the English page ends before the Chinese heading «{text}» ({place}): translate it", **args)
                if head else msg("the English page ends before the Chinese text «{text}» ({place}): "
                                 "translate it", **args)))
        else:
            problems.append(Problem(en_file, first.line, msg(
                "the heading «{text}» has no Chinese counterpart in {zh_file}: remove it, or add it there "
                "too", **args) if head else msg("the text «{text}» has no Chinese counterpart in {zh_file}: "
                                                "remove it, or add it there too", **args)))
    return problems


def _short(text: str, size: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[:size] + "…"


def terms_in(text: str, terms: Iterable[Term]) -> list[Term]:
    """The glossary terms a Chinese text uses, longest first, so that 团市委 does not also count
    as 市委."""
    return _found(text, _longest_first(terms))


def _found(text: str, terms: tuple[Term, ...]) -> list[Term]:
    found, masked = [], text
    for term in terms:
        if term.zh in masked:
            found.append(term)
            masked = masked.replace(term.zh, "\0" * len(term.zh))
    return found


def _longest_first(terms: Iterable[Term]) -> tuple[Term, ...]:
    return tuple(sorted(terms, key=lambda t: -len(t.zh)))


def _terms(zh: Block, en: Block, terms: tuple[Term, ...], *, zh_file: str, en_file: str) -> list[Problem]:
    used = _found(plain(zh.text), terms)
    if not used:
        return []
    shown = " ".join(plain(en.text, "en").split())
    english = shown.lower()
    return [Problem(en_file, en.line, _term_message(t, shown, en.kind, f"{zh_file}:{zh.line}"))
            for t in used if " ".join(t.en.lower().split()) not in english]


def _term_message(term: Term, english: str, kind: str, place: str):
    near = closest_phrase(english, term.en)
    args = {"zh": term.zh, "en": term.en, "place": place}
    if near and kind == "heading":
        return msg("the Chinese text ({place}) says {zh}: the glossary translates it as “{en}”; this "
                   "heading says “{near}” instead: write “{en}”", near=near, **args)
    if near:
        return msg("the Chinese text ({place}) says {zh}: the glossary translates it as “{en}”; this "
                   "paragraph says “{near}” instead: write “{en}”", near=near, **args)
    if kind == "heading":
        return msg("the Chinese text ({place}) says {zh}: the glossary translates it as “{en}”, which "
                   "this heading does not use", **args)
    return msg("the Chinese text ({place}) says {zh}: the glossary translates it as “{en}”, which this "
               "paragraph does not use", **args)


def _sections(blocks: list[Block]) -> list[tuple[Block | None, list[Block]]]:
    """The page cut at its headings: (heading, its paragraphs); the first heading may be None."""
    out: list[tuple[Block | None, list[Block]]] = [(None, [])]
    for block in blocks:
        if block.kind == "heading":
            out.append((block, []))
        else:
            out[-1][1].append(block)
    return out if out[0][1] else out[1:]


def _same_heading(a: Block | None, b: Block | None) -> bool:
    if a is None or b is None:
        return a is b
    same_id = a.level == 1 or a.id == b.id  # the page title needs no id
    return a.level == b.level and a.editorial == b.editorial and same_id


def _heading_problem(zh: Block | None, en: Block | None, zh_file: str, en_file: str,
                     en_blocks: list[Block]) -> Problem:
    line = en.line if en else (en_blocks[0].line if en_blocks else 1)
    if zh is None or en is None:
        return Problem(en_file, line, msg("the English page's headings do not start as those of the Chinese "
                                          "page ({zh_file}) do: give it the same headings, in the same "
                                          "order", zh_file=zh_file))

    def show(b: Block):
        mark = " .editorial" if b.editorial else ""
        if b.id:
            return f"{'#' * b.level} {{ #{b.id}{mark} }}"
        return msg("{level} (no id){mark}", level="#" * b.level, mark=mark)
    return Problem(en_file, line, msg("this heading is {en}, but the Chinese heading here ({place}) is "
                                      "{zh}: headings pair by level and id", en=show(en), zh=show(zh),
                                      place=f"{zh_file}:{zh.line}"))


def _count_problem(zh_head, en_head, zh_paras, en_paras, zh_file, en_file, en_blocks) -> Problem:
    where = (msg("under «{heading}»", heading=zh_head.text) if zh_head
             else msg("before the first heading"))
    if len(en_paras) > len(zh_paras):
        line = en_paras[len(zh_paras)].line
    elif en_paras:
        line = en_paras[-1].line
    else:
        line = en_head.line if en_head else (en_blocks[0].line if en_blocks else 1)
    first = zh_paras[len(en_paras)] if len(zh_paras) > len(en_paras) else None
    hint = (msg("; the first without one is at {place} «{text}…»", place=f"{zh_file}:{first.line}",
                text=plain(first.text)[:16]) if first else "")
    return Problem(en_file, line, msg("the Chinese page has {zh} paragraph(s) {where} ({zh_file}), the "
                                      "English {en}: each Chinese paragraph needs one English paragraph{hint}",
                                      zh=len(zh_paras), en=len(en_paras), where=where, zh_file=zh_file,
                                      hint=hint))
