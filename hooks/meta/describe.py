"""Each page's title and description, in its language, as search results and shares show them.

The description is the page's front-matter ``description:`` when an editor wrote one.
Otherwise it is the page's opening text: its first paragraph, and the next ones up to the
next heading, taken whole sentence by whole sentence while they fit :data:`BUDGET`
characters (120 in Chinese, 160 in English). A page of the official text is described by its
own first sentences, word for word: nothing is rephrased. Only a first sentence longer than
the budget on its own is cut, at a comma, semicolon or colon, and ends with an ellipsis
(……, …) that says so.

No two pages of a language may share a description: results and shares would read the same.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import markdown

from figures.parse.frontmatter import Page
from figures.parse.prose import Block, split
from figures.schema import Problem

from .messages import NO_OPENING, NOT_TEXT, same_as
from .wrap import CJK

#: about how many characters a description takes, by language (what results show whole)
BUDGET = {"zh": 120, "en": 160}
ELLIPSIS = {"zh": "……", "en": "…"}
#: where a sentence too long on its own may be cut (the official text writes , ; : half-width)
_CLAUSE_END = {"zh": "，、；：,;:", "en": ",;:"}
_ATTRS = re.compile(r"\s*\{[^{}]*\}\s*$")
_TAG = re.compile(r"<[^>]+>")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<={CJK})\s+(?={CJK})")
_MARKUP = re.compile(r"[*_`\[\]<>&\\!]")  # without any of these, the text is as readers see it
_MARKDOWN = markdown.Markdown()  # one converter, reset for each text: building one costs more


@dataclass(frozen=True)
class Described:
    """What a page says it is: its title and description, and where each was written."""

    title: str
    title_line: int
    description: str
    description_line: int
    file: str


def plain(source: str) -> str:
    """Markdown inline text as a reader sees it: no markup, entities read, lines joined
    (without a space between two Chinese characters)."""
    text = html.unescape(_TAG.sub("", _MARKDOWN.reset().convert(source))) if _MARKUP.search(source) else source
    return " ".join(_SPACE_BETWEEN_CJK.sub("", text).split())


def describe(page: Page, blocks: list[Block], lang: str) -> tuple[Described | None, list[Problem]]:
    """The title and description of one page as read (``page``, ``blocks`` from ``figures``)."""
    title = next((b for b in blocks if b.kind == "heading" and b.level == 1), None)
    title_text = plain(_ATTRS.sub("", title.text)) if title else ""
    title_line = title.line if title else page.body_line
    node = (page.meta.children or {}).get("description") if page.meta else None
    if node is not None:
        if not isinstance(node.value, str) or not node.value.strip():
            return None, [Problem(page.path, node.line, NOT_TEXT)]
        text = " ".join(node.value.split())
        return Described(title_text, title_line, text, node.line, page.path), []
    text, line = opening(blocks, lang)
    if not text:
        return None, [Problem(page.path, title_line, NO_OPENING)]
    return Described(title_text, title_line, text, line, page.path), []


def opening(blocks: list[Block], lang: str) -> tuple[str, int]:
    """The page's opening text within the budget, and the line it starts on ("" if none)."""
    sentences: list[str] = []
    first = 0
    for block in blocks:
        if block.kind == "paragraph":
            first = first or block.line
            sentences += [s.text for s in _sentences(plain(block.text), lang)]
            if sum(map(len, sentences)) > BUDGET[lang]:
                break  # enough to cut from: the next paragraphs would not be taken
        elif sentences:  # the first heading after the opening paragraphs ends them
            break
    if not sentences:
        return "", 0
    return cut(sentences, lang), first


def cut(sentences: list[str], lang: str) -> str:
    """Whole sentences while they fit the budget; a first sentence that is longer on its own
    is cut at its last clause break within the budget, with an ellipsis."""
    budget, joiner = BUDGET[lang], "" if lang == "zh" else " "
    taken: list[str] = []
    for sentence in sentences:
        longer = joiner.join([*taken, sentence])
        if taken and len(longer) > budget:
            break
        taken.append(sentence)
    text = joiner.join(taken)
    if len(text) <= budget:
        return text
    return _shorten(text, budget - len(ELLIPSIS[lang]), lang) + ELLIPSIS[lang]


def _shorten(sentence: str, room: int, lang: str) -> str:
    head = sentence[:room + 1]
    breaks = [i for i, c in enumerate(head) if c in _CLAUSE_END[lang] and i >= room // 2]
    if breaks:
        return head[:breaks[-1]].rstrip()
    if lang == "en" and " " in head[room // 2:]:
        return head[:head.rindex(" ")].rstrip(" ,;:")
    return sentence[:room]


def duplicates(described: list[Described]) -> list[Problem]:
    """A problem for each page (of one language) whose description another page has already."""
    first: dict[str, Described] = {}
    problems = []
    for d in described:
        key = d.description.casefold()
        if key in first:
            other = first[key]
            problems.append(Problem(d.file, d.description_line, same_as(
                f"{other.file}:{other.description_line}")))
        else:
            first[key] = d
    return problems


def _sentences(text: str, lang: str) -> list:
    return split(text, Block("paragraph", text, 1, 0, len(text)), lang)

