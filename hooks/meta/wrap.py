"""Break a text into lines that fit a width, measured with the font that will draw it.

Widths are never guessed from a count of characters: ``measure`` is the font's own advance
width of a string (Pillow's ``FreeTypeFont.getlength``), and every candidate line is measured
whole. Chinese breaks between any two characters except where typesetting forbids it: no
line starts with a closing mark (,。、;:!?」”) or ends with an opening one (“「《();
English breaks at spaces; a run of Latin letters or digits (2023, CPC) is never split unless
it is wider than a line on its own, nor parted from the Chinese character after a number
(2023年, 16个).
"""
from __future__ import annotations

import re
from typing import Callable

Measure = Callable[[str], float]

#: marks that must not start a line: they stay with what comes before them
CLOSING = set("，。、；：！？）》〉」』】〕”’…—·,.;:!?)]}%")
#: marks that must not end a line: they stay with what comes after them
OPENING = set("（《〈「『【〔“‘([{")
#: a Chinese (CJK) character: ideographs (the extensions beyond the BMP included), CJK marks and
#: full-width forms. It breaks a line anywhere, and no space stands between two of them.
CJK = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\U00020000-\U0003ffff]"
_WIDE = re.compile(CJK)


def atoms(text: str) -> list[str]:
    """The units a line may break between, in order; each keeps the spaces that follow it."""
    out: list[str] = []
    glue_next = False  # the previous unit ended with an opening mark: join the next one to it
    for match in re.finditer(r"\s+|[^\s]", text):
        piece = match.group(0)
        if piece.isspace():
            if out:
                out[-1] += " "
            glue_next = False
            continue
        wide = bool(_WIDE.match(piece))
        previous = out[-1][-1] if out else ""
        joins_previous = out and not out[-1].endswith(" ") and (
            glue_next or piece in CLOSING or (not wide and not _WIDE.match(out[-1][0]))
            or (wide and previous.isdigit()))  # a number and its measure word: 2023年, 16个
        if joins_previous:
            out[-1] += piece
        else:
            out.append(piece)
        glue_next = piece in OPENING
    return out


def wrap(text: str, measure: Measure, width: float) -> list[str]:
    """Greedy lines of at most ``width``: each line takes as many units as fit."""
    lines: list[str] = []
    line = ""
    for unit in atoms(text):
        candidate = line + unit
        if not line or measure(candidate.rstrip()) <= width:
            line = candidate
            continue
        lines.append(line.rstrip())
        line = unit
    if line.strip():
        lines.append(line.rstrip())
    return [piece for line in lines for piece in _split_wide(line, measure, width)]


def balanced(text: str, measure: Measure, width: float) -> list[str]:
    """As few lines as :func:`wrap` gives, as even as they can be: the narrowest width that
    still needs no more lines (a title of two lines reads as two halves, not a line and a word)."""
    lines = wrap(text, measure, width)
    if len(lines) < 2:
        return lines
    low, high = max(measure(u.rstrip()) for u in atoms(text)), width
    while high - low > 1:
        middle = (low + high) / 2
        if len(wrap(text, measure, middle)) <= len(lines):
            high = middle
        else:
            low = middle
    return wrap(text, measure, high)


def clip(lines: list[str], measure: Measure, width: float, most: int, ellipsis: str) -> list[str]:
    """At most ``most`` lines; when some are left out, the last one shown ends with ``ellipsis``
    and still fits ``width``."""
    if len(lines) <= most:
        return lines
    kept = lines[:most]
    last = kept[-1]
    while last and measure(last.rstrip(" ,，、;；:：") + ellipsis) > width:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,，、;；:：") + ellipsis
    return kept


def _split_wide(line: str, measure: Measure, width: float) -> list[str]:
    """A single unit wider than the line (a long English word): broken between characters."""
    if measure(line) <= width or len(line) < 2:
        return [line]
    out, current = [], ""
    for char in line:
        if current and measure(current + char) > width:
            out.append(current)
            current = char
        else:
            current += char
    return [*out, current] if current else out
