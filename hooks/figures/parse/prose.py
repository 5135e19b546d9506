"""Find the prose sentences of a Markdown body: the text whose figures are checked.

Only running paragraphs count. Headings, lists, admonitions (the editor's notes), tables,
HTML blocks and code are not report prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NOT_PROSE = re.compile(r"^(#|!!!|\?\?\?|[-*+] |\d+\. |\||<|```|~~~|---|\*\*\*|___|\[\^)")
# Where a sentence ends: after its stop and any closing quote or bracket (cut at the match's end).
_SENTENCE_END = {
    "zh": re.compile(r"(?<=[。！？])[”’」』）)]*"),
    "en": re.compile(r"(?<=[.!?])[”\"')]?(?=\s+[A-Z0-9“\"(*])"),
}


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int   # line in the file where the sentence starts
    start: int  # offsets into the body
    end: int


def sentences(body: str, lang: str, first_line: int = 1) -> list[Sentence]:
    """Split the prose paragraphs of ``body`` into sentences, with their lines and offsets."""
    result: list[Sentence] = []
    for start, end in _paragraphs(body):
        result.extend(_split(body, start, end, lang, first_line))
    return result


def _paragraphs(body: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each prose paragraph."""
    spans: list[tuple[int, int]] = []
    start = end = None
    offset, in_fence = 0, False
    for raw in body.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        fence = stripped.startswith(("```", "~~~"))
        indented = line[:1] in (" ", "\t")
        prose = not (in_fence or fence or not stripped or _NOT_PROSE.match(stripped))
        if prose and (not indented or start is not None):
            if start is None:
                start = offset + len(line) - len(line.lstrip())
            end = offset + len(line)
        elif start is not None:
            spans.append((start, end))
            start = None
        in_fence ^= fence
        offset += len(raw)
    if start is not None:
        spans.append((start, end))
    return spans


def _split(body: str, start: int, end: int, lang: str, first_line: int) -> list[Sentence]:
    text = body[start:end]
    cuts = [0, *(m.end() for m in _SENTENCE_END[lang].finditer(text)), len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        s = start + a + lead
        out.append(Sentence(piece, first_line + body.count("\n", 0, s), s, s + len(piece)))
    return out
