"""Check that the Chinese pages reproduce the official text word for word.

The official text (``data/source/report-2023.zh.txt``) is split into parts at its numbered
headings (``一、团市委基本情况``): part 0 is the opening paragraph, then one part per heading,
each running to the next heading. The pages that carry the official text say so in their
front matter (``official_text: true``); in navigation order they take the parts in order.
Each page's headings and paragraphs, editorial ones left out, must then be exactly its part's
sentences: nothing added, dropped, changed or reordered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from messages import msg

from ..parse.prose import Block, split
from ..schema import Problem

_PART_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SENTENCE_END = re.compile(r"(?<=[。！？])[”’」』）)]*")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# Tags, strong and emphasis marks (a * or _ that opens or closes a word), code marks. Each
# alternative starts with its literal character (the lookbehinds come after it), so that the
# scan skips straight to the places where one of < * _ ` stands, instead of trying every one.
_MARKUP = re.compile(r"<[^>]+>|\*\*|__|\*(?<!\w\*)(?=\S)|_(?<!\w_)(?=\S)|\*(?<=\S\*)(?!\w)|_(?<=\S_)(?!\w)|`")
_BREAK = re.compile(r"\s*\n\s*")
_CONTEXT = 12


@dataclass(frozen=True)
class Part:
    heading: str              # "" for the opening paragraph
    sentences: list[str]
    line: int                 # where the part starts in the official text
    lines: list[int] = field(default_factory=list)  # the line of each sentence


@dataclass(frozen=True)
class Located:
    text: str
    line: int


def parts(text: str) -> list[Part]:
    """The official text's parts, each as its sentences in order."""
    out = [Part("", [], 1)]
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        if _PART_HEADING.match(line):
            out.append(Part(line, [], number))
        found = _sentences(line)
        out[-1].sentences.extend(found)
        out[-1].lines.extend([number] * len(found))
    return out if out[0].sentences else out[1:]


def page_sentences(body: str, blocks: list[Block], first_line: int) -> list[Located]:
    """The sentences of a page's own text (headings and paragraphs, editorial ones left out)."""
    out = []
    for block in blocks:
        if block.editorial:
            continue
        for sentence in split(body, block, "zh", first_line):
            out.append(Located(plain(sentence.text), sentence.line))
    return out


def compare(page: list[Located], part: Part, *, file: str, end_line: int,
            source: str) -> list[Problem]:
    """The first place where ``page`` departs from ``part``, as one problem (or none)."""
    official = part.sentences
    for i, (have, want) in enumerate(zip(page, official)):
        if have.text == want:
            continue
        if i + 1 < len(page) and page[i + 1].text == want:
            return [Problem(file, have.line, msg("this sentence is not in the official text ({source}): "
                                                 "«{text}»; remove it, or mark it as editorial",
                                                 source=source, text=_clip(have.text)))]
        if i + 1 < len(official) and official[i + 1] == have.text:
            return [Problem(file, have.line, msg("a sentence of the official text ({source}) is missing "
                                                 "before this one: «{text}»", source=source, text=_clip(want)))]
        return [Problem(file, have.line, _differs(have.text, want, source))]
    if len(page) < len(official):
        missing = official[len(page)]
        more = len(official) - len(page) - 1
        return [Problem(file, end_line, msg("the page ends before its part of the official text ({source}) "
                                            "does: «{text}» is missing", source=source, text=_clip(missing))
                        if not more else
                        msg("the page ends before its part of the official text ({source}) does: «{text}» "
                            "is missing, and {more} more sentence(s) after it", source=source,
                            text=_clip(missing), more=more))]
    if len(page) > len(official):
        extra = page[len(official)]
        return [Problem(file, extra.line, msg("this sentence is not in the official text ({source}), whose "
                                              "part ends before it: «{text}»; remove it, or mark it as "
                                              "editorial", source=source, text=_clip(extra.text)))]
    return []


def plain(text: str, lang: str = "zh") -> str:
    """What a reader sees of a Markdown sentence: no links or emphasis marks, and no line
    breaks (which join Chinese text, and are spaces in English)."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if _has_markup(text):
        text = _MARKUP.sub("", text)
    return _BREAK.sub("" if lang == "zh" else " ", text).strip() if "\n" in text else text.strip()


def _has_markup(text: str) -> bool:
    """Whether ``_MARKUP`` could match: most sentences have none of its characters."""
    return "*" in text or "_" in text or "<" in text or "`" in text


def _sentences(line: str) -> list[str]:
    cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(line)), len(line)]
    return [line[a:b].strip() for a, b in zip(cuts, cuts[1:]) if line[a:b].strip()]


def _differs(have: str, want: str, source: str):
    k = next((i for i, (a, b) in enumerate(zip(have, want)) if a != b), min(len(have), len(want)))
    while k > 0 and have[k - 1].isdigit() and (k < len(have) and have[k].isdigit() or k < len(want) and want[k].isdigit()):
        k -= 1  # a number that differs is shown whole: 15405 and 15406, not 5 and 6
    lead = ("…" if k > _CONTEXT else "") + have[max(0, k - _CONTEXT):k]
    nothing = msg("(nothing)")
    return msg("the sentence differs from the official text ({source}) after «{lead}»: the page has "
               "«{page}», the official text «{official}»; copy the official wording", source=source,
               lead=lead, page=_clip(have[k:]) or nothing, official=_clip(want[k:]) or nothing)


def _clip(text: str) -> str:
    limit = 2 * _CONTEXT
    return text if len(text) <= limit else text[:limit] + "…"
