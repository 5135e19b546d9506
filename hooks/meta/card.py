"""The share image of a page: a 1200×630 PNG in the page's language, drawn with Pillow.

What it shows: the publisher (with the site's mark) in the site's red band; the page's title;
a section's headline figure with its qualifier as its sentence writes it (百万余 人次, more
than 1 million person-times), its unit and the key figure's line of context, or else the
page's description; and under a rule the report's name and the evaluation year.

The text is set in Noto Sans CJK SC (``hooks/fonts.py``: the pinned font, found by
fontconfig, the simplified-Chinese face of its collection), laid out by measurement with the
font (``wrap.py``). Pillow's basic layout is used, not libraqm's, so that no library the
machine may or may not have changes a pixel; PNGs carry no time stamp. The same card gives
the same bytes on every build with the pinned Pillow and the same font files (Debian 12's
fonts-noto-cjk, 1:20220127+repack1-1): another release of the font draws other glyphs.

Drawing takes a fraction of a second: each image is kept in a cache folder under a key made
of everything that shapes it (the card's text, this code, Pillow's version, the font files),
so that ``mkdocs serve`` redraws only a card that changed.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import io
import json
import os
import struct
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
import PIL

import fonts
from . import wrap

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
BAND = 124                 # the red band at the top
FOOTER = 92                # the footer under the rule
RED = (198, 40, 40)        # the site's primary colour (#c62828, docs/stylesheets/report.css)
DARK_RED = (183, 28, 28)   # its accent (#b71c1c)
INK = (33, 33, 33)
GREY = (88, 88, 88)
RULE = (224, 224, 224)
WHITE = (255, 255, 255)
TITLE_SIZES = (60, 56, 52, 48, 44, 40, 36)
#: the CJK font centres U+2026 (as Chinese sets it): English lines end with three full stops
ELLIPSIS = {"zh": "……", "en": "..."}


@dataclass(frozen=True)
class Figure:
    """A section's headline figure."""

    number: str       # with its qualifier, as the sentence writes it: 百万余, more than 1 million
    unit: str         # 人次, person-times
    mark: str = ""    # 累计 / cumulative, for a running total
    context: str = ""  # the line under it: what is counted


@dataclass(frozen=True)
class Card:
    lang: str
    title: str
    publisher: str       # 共青团上海市委员会
    edition: str         # the report's name: 2023年基层评议公开内容
    year: str            # 评议年度:2023年 / Evaluation year: 2023
    figure: Figure | None = None
    summary: str = ""    # the page's description, shown where there is no figure


class MissingGlyphs(Exception):
    """The font has no glyph for some characters of a card: they would show as empty boxes.
    ``lacking``: ``(field, characters)`` for each text of the card that has some."""

    def __init__(self, lacking: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{field}: {characters}" for field, characters in lacking))
        self.lacking = lacking


# --- the fonts ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    face = fonts.face(fonts.SANS, bold=bold)
    return ImageFont.truetype(face.path, size, index=face.index, layout_engine=ImageFont.Layout.BASIC)


@functools.lru_cache(maxsize=None)
def _characters(bold: bool) -> list[tuple[int, int]]:
    """The ranges of characters the face maps to a glyph, from its Unicode cmap (format 12).
    Read from the raw table: fontTools' own reading names all 65,000 glyphs first (seconds)."""
    from fontTools.ttLib import TTFont

    face = fonts.face(fonts.SANS, bold=bold)
    with TTFont(face.path, fontNumber=face.index, lazy=True) as tt:
        data = tt.reader["cmap"]
        count = struct.unpack_from(">H", data, 2)[0]
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
            if (platform, encoding) in ((3, 10), (0, 4), (0, 6)) and struct.unpack_from(">H", data, offset)[0] == 12:
                groups = struct.unpack_from(">I", data, offset + 12)[0]
                return sorted(struct.unpack_from(">II", data, offset + 16 + 12 * g) for g in range(groups))
        return [(c, c) for c in sorted(tt.getBestCmap())]


@functools.lru_cache(maxsize=None)
def _starts(bold: bool) -> list[int]:
    return [start for start, _ in _characters(bold)]


def missing(text: str, *, bold: bool = False) -> str:
    """The characters of ``text`` the pinned font cannot draw, each once, in order."""
    ranges, starts = _characters(bold), _starts(bold)

    def drawn(char: str) -> bool:
        at = bisect.bisect_right(starts, ord(char)) - 1
        return at >= 0 and ranges[at][0] <= ord(char) <= ranges[at][1]
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and not drawn(c)))


def check(card: Card) -> None:
    """:class:`MissingGlyphs` naming every text of ``card`` with characters the font lacks."""
    texts = [("title", card.title, True), ("publisher", card.publisher, True),
             ("edition", card.edition, False), ("year", card.year, False),
             ("summary", card.summary, False)]
    if card.figure:
        f = card.figure
        texts += [("figure", f.number + f.unit, True), ("figure", f.mark, False), ("context", f.context, False)]
    lacking = [(field, found) for field, text, bold in texts if (found := missing(text, bold=bold))]
    if lacking:
        raise MissingGlyphs(lacking)


# --- drawing -----------------------------------------------------------------------------------

def render(card: Card) -> bytes:
    """The card as PNG bytes. Raises :class:`MissingGlyphs` rather than draw empty boxes, and
    ``fonts.MissingFont`` where the pinned font is not installed."""
    check(card)
    card = _english_ellipses(card)
    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(image)
    _band(image, draw, card)
    _footer(draw, card)
    _content(draw, card)
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=6)
    return out.getvalue()


def _english_ellipses(card: Card) -> Card:
    """On an English card, "…" as three full stops: the CJK font centres U+2026 (⋯)."""
    if card.lang == "zh":
        return card

    def fix(text: str) -> str:
        return text.replace("\u2026", "...")
    figure = card.figure and replace(card.figure, number=fix(card.figure.number), unit=fix(card.figure.unit),
                                     context=fix(card.figure.context))
    return replace(card, title=fix(card.title), publisher=fix(card.publisher), edition=fix(card.edition),
                   summary=fix(card.summary), figure=figure)


def _band(image: Image.Image, draw: ImageDraw.ImageDraw, card: Card) -> None:
    draw.rectangle((0, 0, WIDTH, BAND), fill=RED)
    logo = 68
    top = (BAND - logo) // 2
    image.paste(_logo(logo), (MARGIN, top))
    x = MARGIN + logo + 24
    room = WIDTH - MARGIN - x
    size = 34
    while size > 22 and font(size, bold=True).getlength(card.publisher) > room:
        size -= 2
    face = font(size, bold=True)
    lines = wrap.clip(wrap.wrap(card.publisher, face.getlength, room), face.getlength, room, 1,
                      ELLIPSIS[card.lang])
    text = lines[0] if lines else ""
    draw.text((x, BAND // 2), text, font=face, fill=WHITE, anchor="lm")


def _footer(draw: ImageDraw.ImageDraw, card: Card) -> None:
    rule = HEIGHT - FOOTER
    draw.rectangle((MARGIN, rule, WIDTH - MARGIN, rule + 1), fill=RULE)
    face = font(26)
    baseline = HEIGHT - FOOTER // 2 + 9
    year_width = face.getlength(card.year)
    draw.text((WIDTH - MARGIN, baseline), card.year, font=face, fill=GREY, anchor="rs")
    room = WIDTH - 2 * MARGIN - year_width - 48
    edition = wrap.clip(wrap.wrap(card.edition, face.getlength, room), face.getlength, room, 1,
                        ELLIPSIS[card.lang])
    draw.text((MARGIN, baseline), edition[0] if edition else "", font=face, fill=GREY, anchor="ls")


@dataclass
class _Block:
    """Lines of one size and colour, laid out: each line's height is ``step``."""

    lines: list[str]
    face: ImageFont.FreeTypeFont
    step: int
    fill: tuple[int, int, int]
    gap: int = 0  # the space above the block

    @property
    def height(self) -> int:
        return self.step * len(self.lines)


def _content(draw: ImageDraw.ImageDraw, card: Card) -> None:
    top, bottom = BAND + 40, HEIGHT - FOOTER - 32
    width = WIDTH - 2 * MARGIN
    below = _below(card, width)
    for size in TITLE_SIZES:
        face = font(size, bold=True)
        lines = wrap.balanced(card.title, face.getlength, width)
        title = _Block(lines, face, round(size * 1.32), INK)
        if len(lines) <= 4 and _height(title, below) <= bottom - top:
            break
    else:  # the smallest size still does not fit: fewer lines under the title, then a clipped title
        below = _trimmed(below, bottom - top - title.step * 2 - 28, width, ELLIPSIS[card.lang])
        room = bottom - top - _height(None, below)
        most = max(1, room // title.step)
        title.lines = wrap.clip(title.lines, title.face.getlength, width, most, ELLIPSIS[card.lang])
    y = top + (bottom - top - _height(title, below)) // 2
    for block in [title, *below]:
        if isinstance(block, _NumberLine):
            block.draw(draw, MARGIN, y + block.gap)
        else:
            y_line = y + block.gap
            for line in block.lines:
                ascent, descent = block.face.getmetrics()
                baseline = y_line + (block.step + ascent - descent) // 2
                draw.text((MARGIN, baseline), line, font=block.face, fill=block.fill, anchor="ls")
                y_line += block.step
        y += block.gap + block.height


@dataclass
class _NumberLine:
    """The figure: its number (with the qualifier) large and bold, the unit and mark after it;
    under it, when the three do not fit one line even at the smallest size."""

    number: str
    unit: str
    mark: str
    lang: str
    width: int
    gap: int = 0
    size: int = 84
    two_lines: bool = False

    def __post_init__(self) -> None:
        while self.size > 56 and self._width() > self.width:
            self.size -= 4
        if self._width() > self.width:
            self.two_lines = True
            while self.size > 40 and self._faces()[0].getlength(self.number) > self.width:
                self.size -= 4

    def _faces(self):
        return font(self.size, bold=True), font(max(24, self.size * 3 // 7), bold=True), font(26)

    def _space(self) -> float:
        return self._faces()[0].getlength(" ") if self.lang == "en" else 8

    def _unit_width(self) -> float:
        _, unit, mark = self._faces()
        return unit.getlength(self.unit) + (16 + mark.getlength(self.mark) + 24 if self.mark else 0)

    def _width(self) -> float:
        return self._faces()[0].getlength(self.number) + self._space() + self._unit_width()

    @property
    def _step(self) -> int:
        return round(self.size * 1.2)

    @property
    def height(self) -> int:
        return self._step + (round(self._faces()[1].size * 1.5) if self.two_lines else 0)

    def draw(self, draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
        number, unit, mark = self._faces()
        ascent, descent = number.getmetrics()
        baseline = y + (self._step + ascent - descent) // 2
        draw.text((x, baseline), self.number, font=number, fill=RED, anchor="ls")
        if self.two_lines:
            baseline += round(unit.size * 1.5)
        else:
            x += number.getlength(self.number) + self._space()
        room = self.width - (x - MARGIN) - (16 + mark.getlength(self.mark) + 24 if self.mark else 0)
        shown = wrap.clip(wrap.wrap(self.unit, unit.getlength, room), unit.getlength, room, 1, ELLIPSIS[self.lang])
        text = shown[0] if shown else ""
        draw.text((x, baseline), text, font=unit, fill=DARK_RED, anchor="ls")
        if self.mark:
            x += unit.getlength(text) + 16
            _, top, right, bottom = draw.textbbox((x + 12, baseline), self.mark, font=mark, anchor="ls")
            draw.rounded_rectangle((x, top - 8, right + 12, bottom + 8), radius=6, outline=DARK_RED, width=2)
            draw.text((x + 12, baseline), self.mark, font=mark, fill=DARK_RED, anchor="ls")


def _below(card: Card, width: int) -> list:
    """What goes under the title: the figure and its context, or the description."""
    if card.figure:
        f = card.figure
        number = _NumberLine(f.number, f.unit, f.mark, card.lang, width, gap=30)
        blocks: list = [number]
        if f.context:
            face = font(30)
            lines = wrap.clip(wrap.wrap(f.context, face.getlength, width), face.getlength, width, 2,
                              ELLIPSIS[card.lang])
            blocks.append(_Block(lines, face, 42, GREY, gap=6))
        return blocks
    if card.summary:
        face = font(30)
        lines = wrap.clip(wrap.wrap(card.summary, face.getlength, width), face.getlength, width, 3,
                          ELLIPSIS[card.lang])
        return [_Block(lines, face, 46, GREY, gap=26)]
    return []


def _height(title: _Block | None, below: list) -> int:
    return (title.height if title else 0) + sum(b.gap + b.height for b in below)


def _trimmed(below: list, room: int, width: int, ellipsis: str) -> list:
    """The blocks under the title with fewer lines until they fit ``room`` (never the figure),
    each shortened one ending with an ellipsis."""
    for block in reversed(below):
        while isinstance(block, _Block) and len(block.lines) > 1 and _height(None, below) > room:
            block.lines = wrap.clip(block.lines, block.face.getlength, width, len(block.lines) - 1, ellipsis)
    return below


@functools.lru_cache(maxsize=4)
def _logo(size: int) -> Image.Image:
    """The site's mark (docs/assets/logo.svg: 团 in a frame), drawn four times larger and scaled
    down, for smooth edges without a vector renderer."""
    scale = size * 4 / 32
    big = Image.new("RGB", (size * 4, size * 4), RED)
    draw = ImageDraw.Draw(big)

    def p(x: float, y: float) -> tuple[float, float]:
        return (x * scale, y * scale)

    draw.rounded_rectangle((*p(0, 0), *p(32, 32)), radius=7 * scale, fill=WHITE)
    stroke = round(2.6 * scale)
    draw.rounded_rectangle((*p(5.5, 5.5), *p(26.5, 26.5)), radius=1.2 * scale, outline=RED, width=stroke)
    for path in (((9.5, 12.5), (22.5, 12.5)), ((18.5, 8.8), (18.5, 22.2), (16.5, 20.9)),
                 ((17.6, 13.2), (10.4, 20.8))):
        points = [p(*point) for point in path]
        draw.line(points, fill=RED, width=stroke, joint="curve")
        for x, y in (points[0], points[-1]):  # round caps
            r = stroke / 2
            draw.ellipse((x - r, y - r, x + r, y + r), fill=RED)
    return big.resize((size, size), Image.Resampling.LANCZOS)


# --- the cache ---------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def fingerprint() -> str:
    """What besides a card's text shapes its image: this code, Pillow, the font files."""
    digest = hashlib.sha256(PIL.__version__.encode())
    for module in (__file__, wrap.__file__):
        digest.update(Path(module).read_bytes())
    for bold in (False, True):
        face = fonts.face(fonts.SANS, bold=bold)
        stat = os.stat(face.path)
        digest.update(f"{face.path}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def key(card: Card) -> str:
    text = json.dumps(asdict(card), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256((fingerprint() + text).encode("utf-8")).hexdigest()[:32]


def cached(card: Card, folder: Path | None) -> bytes:
    """:func:`render`, kept in ``folder`` (none: always drawn)."""
    if folder is None:
        return render(card)
    path = folder / f"{key(card)}.png"
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    data = render(card)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)  # another build reading the cache never sees half a file
    except OSError:  # a cache that cannot be written only makes the next build slower
        partial.unlink(missing_ok=True)
    return data
