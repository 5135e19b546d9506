"""Did you mean: the existing name closest to a misspelt one (``lecture-event`` →
``lecture-events``), found with :mod:`difflib` and said as part of a message."""
from __future__ import annotations

import difflib
from typing import Iterable

from . import Message, msg

#: how alike two names must be (difflib's ratio) for one to be offered for the other
CUTOFF = 0.6


def closest(name: str, known: Iterable[str], *, cutoff: float = CUTOFF) -> str | None:
    """The known name most like ``name``, if one is alike enough."""
    if not isinstance(name, str):
        return None
    choices = [k for k in dict.fromkeys(known) if k != name]
    found = difflib.get_close_matches(name, choices, n=1, cutoff=cutoff)
    if not found:  # a different case or spacing: Lecture-Events, lecture events
        folded = {k.lower().replace(" ", "-").replace("_", "-"): k for k in choices}
        found = [folded[key] for key in [name.lower().replace(" ", "-").replace("_", "-")] if key in folded]
    return found[0] if found else None


def suggest(name: str, known: Iterable[str], *, cutoff: float = CUTOFF) -> Message | str:
    """`` (did you mean 'x'?)`` to append to a message, or "" when nothing is alike."""
    found = closest(name, known, cutoff=cutoff)
    return msg(" (did you mean '{name}'?)", name=found) if found else ""


def closest_phrase(text: str, phrase: str, *, cutoff: float = CUTOFF) -> str | None:
    """The words of ``text`` most like ``phrase`` (as many words, or one more or fewer), if
    alike enough: what an English paragraph wrote for a glossary term ("CYL Shanghai
    committee" for "CYL Shanghai Committee")."""
    words, wanted = text.split(), phrase.lower()
    size = len(phrase.split())
    best, score = None, cutoff
    for width in {max(1, size - 1), size, size + 1}:
        for start in range(0, max(0, len(words) - width) + 1):
            candidate = " ".join(words[start:start + width]).strip(".,;:!?()“”\"'")
            ratio = difflib.SequenceMatcher(None, candidate.lower(), wanted).ratio()
            if ratio > score:
                best, score = candidate, ratio
    return best
