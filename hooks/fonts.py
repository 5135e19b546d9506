"""The fonts the print edition and the share images embed: Noto CJK, from Debian's
``fonts-noto-cjk`` (SIL Open Font License), found through fontconfig. Knows nothing of MkDocs.

A PDF or an image must carry the same font on every machine, never whatever the machine
happens to have: fontconfig always answers with *some* font, so the answer is checked, and a
missing font stops with a message that says what to install.
"""
from __future__ import annotations

import functools
import shutil
import subprocess
from dataclasses import dataclass

from messages import Message, msg

PACKAGE = "fonts-noto-cjk"
INSTALL = f"sudo apt-get install {PACKAGE}"

#: the families we pin, by role: body text and headings
SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"
FAMILIES = (SERIF, SANS)


@dataclass(frozen=True)
class Face:
    """One face of a pinned family: the file and, in a collection (.ttc), the face's index."""

    family: str
    bold: bool
    path: str
    index: int


class MissingFont(Exception):
    """A pinned font is not on this machine; the message (``reason``, in the editor's language
    when shown) says what to install."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:
        return str(self.reason)


def face(family: str, *, bold: bool = False) -> Face:
    """The pinned ``family``'s regular or bold face, as fontconfig finds it."""
    if family not in FAMILIES:
        raise ValueError(f"{family!r} is not one of the pinned fonts {FAMILIES}")
    return _match(family, bold)


def check() -> None:
    """Every pinned face is installed, or :class:`MissingFont` naming the first one missing."""
    for family in FAMILIES:
        for bold in (False, True):
            face(family, bold=bold)


@functools.lru_cache(maxsize=None)
def _match(family: str, bold: bool) -> Face:
    if shutil.which("fc-match") is None:
        raise MissingFont(msg("fontconfig (fc-match) is not installed, so the font '{family}' cannot be "
                              "found: install it with `sudo apt-get install fontconfig {package}`",
                              family=family, package=PACKAGE))
    style = "Bold" if bold else "Regular"
    answer = subprocess.run(["fc-match", "-f", "%{file}|%{index}|%{family}|%{style}",
                             f"{family}:style={style}"],
                            capture_output=True, text=True, check=False).stdout
    path, _, rest = answer.partition("|")
    index, _, rest = rest.partition("|")
    families, _, styles = rest.partition("|")
    if family not in families.split(",") or style not in styles.split(","):
        found = families.split(",")[0] or "nothing"
        raise MissingFont(msg("the font '{family} {style}' is not installed (fontconfig offers {found} "
                              "instead): install it with `{install}`",
                              family=family, style=style, found=found, install=INSTALL))
    return Face(family, bold, path, int(index or 0))
