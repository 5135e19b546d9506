"""Read a Markdown body as the report's text: its headings and prose paragraphs, in order.

Only headings and running paragraphs are report text. Lists, tables, HTML, code and
admonitions (the editor's notes) are not. Content that is the site's and not the report's
is marked *editorial*: a heading with the class ``.editorial`` (``## 主要数据 { .editorial }``),
and everything inside ``<div class="editorial" markdown>`` … ``</div>``. Editorial blocks are
kept, flagged, so that an English page can still be paired with its Chinese twin.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NOT_PROSE = re.compile(r"^(#|!!!|\?\?\?|[-*+] |\d+\. |\||<|```|~~~|---|\*\*\*|___|\[\^)")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*(?:\{:?([^{}]*)\})?[ \t]*$")
_EDITORIAL_DIV = re.compile(r"""^<div\b[^>]*\bclass\s*=\s*["'][^"']*\beditorial\b""", re.I)
_DIV = re.compile(r"<(/?)div\b", re.I)
# Fenced code blocks, then inline code spans (which never cross a blank line).
_CODE = re.compile(r"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*|(?<!\\)(`+)(?:(?!\2)(?!\n[ \t]*\n).)+?\2", re.S | re.M)
_ADMONITION = ("!!!", "???")
# Where a sentence ends: after its stop and any closing quote or bracket (cut at the match's end).
# The match starts with the stop itself, not a lookbehind: the scan then skips to the stops.
_SENTENCE_END = {
    "zh": re.compile(r"[。！？][”’」』）)]*"),
    "en": re.compile(r"[.!?][”\"')]?(?=\s+[A-Z0-9“\"(*])"),
}


@dataclass(frozen=True)
class Block:
    """A heading or a prose paragraph of the body."""

    kind: str            # "heading" | "paragraph"
    text: str            # a heading's text (without its attribute list); a paragraph's source
    line: int            # line in the file where the block starts
    start: int           # offsets of ``text`` into the body
    end: int
    level: int = 0       # a heading's level (1 for the page title)
    id: str | None = None
    editorial: bool = False


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int   # line in the file where the sentence starts
    start: int  # offsets into the body
    end: int


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """The headings and prose paragraphs of ``body``, in order."""
    return _Reader(body, first_line).read()


def mask_code(text: str) -> str:
    """``text`` with its code (fenced or inline) blanked out, every offset and line kept."""
    if "`" not in text and "~~~" not in text:  # no code: spare the scan of every position
        return text
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def sentences(body: str, lang: str, first_line: int = 1, *, found: list[Block] | None = None) -> list[Sentence]:
    """The sentences of the report's own paragraphs (editorial ones left out), with their
    lines and offsets. ``found`` is ``blocks(body, first_line)`` when the caller has it
    already: the body is then not read a second time."""
    result: list[Sentence] = []
    for block in blocks(body, first_line) if found is None else found:
        if block.kind == "paragraph" and not block.editorial:
            result.extend(split(body, block, lang, first_line))
    return result


def split(body: str, block: Block, lang: str, first_line: int = 1) -> list[Sentence]:
    """The sentences of one block."""
    text = block.text
    cuts = [0, *(m.end() for m in _SENTENCE_END[lang].finditer(text)), len(text)]
    out = []
    line = first_line + body.count("\n", 0, block.start)  # ``text`` is body[start:end]: count once
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        s = block.start + a + lead
        out.append(Sentence(piece, line + text.count("\n", 0, a + lead), s, s + len(piece)))
    return out


class _Reader:
    def __init__(self, body: str, first_line: int) -> None:
        self.body, self.first_line = body, first_line
        self.out: list[Block] = []
        self.paragraph: list[int] | None = None   # [start, end, line] of the open paragraph
        self.editorial = 0                        # <div> depth inside an editorial block

    def read(self) -> list[Block]:
        in_fence = in_note = False
        offset = 0
        for number, raw in enumerate(self.body.splitlines(keepends=True), start=self.first_line):
            line = raw.rstrip("\r\n")
            stripped = line.strip()
            indented = line[:1] in (" ", "\t")
            fence = stripped.startswith(("```", "~~~"))
            if in_note and (indented or not stripped):
                pass                                 # inside an editor's note
            elif in_fence or fence:
                self.close()
                in_fence, in_note = in_fence ^ fence, False
            elif not stripped:
                self.close()
            elif self.editorial or (stripped[:1] == "<" and _EDITORIAL_DIV.match(stripped)):
                in_note = False
                self.editorial_line(offset, line, number)
            elif stripped.startswith(_ADMONITION):
                self.close()
                in_note = True
            else:
                in_note = False
                self.line(offset, line, number)
            offset += len(raw)
        self.close()
        return self.out

    def editorial_line(self, offset: int, line: str, number: int) -> None:
        divs = list(_DIV.finditer(line))
        if not divs:
            self.line(offset, line, number)
            return
        self.close()
        self.editorial = max(0, self.editorial + sum(-1 if m.group(1) else 1 for m in divs))

    def line(self, offset: int, line: str, number: int) -> None:
        stripped = line.strip()
        heading = _HEADING.match(stripped) if stripped.startswith("#") else None
        if heading:
            self.close()
            self.heading(offset, line, number, heading)
        elif _NOT_PROSE.match(stripped) or (line[:1] in " \t" and self.paragraph is None):
            self.close()
        elif self.paragraph is None:
            self.paragraph = [offset + len(line) - len(line.lstrip()), offset + len(line), number]
        else:
            self.paragraph[1] = offset + len(line)

    def heading(self, offset: int, line: str, number: int, match: re.Match[str]) -> None:
        text, attrs = match.group(2), (match.group(3) or "").split()
        start = offset + line.index(text) if text else offset
        ident = next((a[1:] for a in attrs if a.startswith("#")), None)
        editorial = self.editorial > 0 or ".editorial" in attrs
        self.out.append(Block("heading", text, number, start, start + len(text),
                              len(match.group(1)), ident, editorial))

    def close(self) -> None:
        if self.paragraph is not None:
            start, end, number = self.paragraph
            self.out.append(Block("paragraph", self.body[start:end], number, start, end,
                                  editorial=self.editorial > 0))
            self.paragraph = None
