"""English word variants, so that a search for "committees" finds "committee" and back.

Material's search appends ``*`` to every query term, and lunr skips its pipeline (and so
the stemmer) for such terms: a stemmed index ("lectur", "committe") then misses "lecture"
and "committee". The English index is therefore left unstemmed, and each document gets a
hidden field with the singular and plural of its words, so that both forms find it.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women",
              "medium": "media", "datum": "data", "criterion": "criteria"}
_NOT_NOUNS = ("ed", "ing", "ly", "ous", "ive", "ful", "less", "ic")
_IRREGULAR_BACK = {v: k for k, v in _IRREGULAR.items()}
_INVARIANT = {"news", "series", "species", "this", "is", "was", "has", "its", "us", "as",
              "always", "perhaps", "thus", "less", "across", "process", "access", "business",
              "congress", "progress", "success", "status", "campus", "bus", "focus", "basis",
              "analysis", "emphasis", "crisis", "chinese", "ideas"}


def forms(word: str) -> set[str]:
    """The singular and plural of an English word (lower case), the word itself included."""
    w = word.lower().strip("'")
    out = {w}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])
    elif w in _IRREGULAR_BACK:
        out.add(_IRREGULAR_BACK[w])
    elif len(w) < 4 or w in _INVARIANT or w.endswith(_NOT_NOUNS):
        pass
    elif w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    elif w.endswith(("ches", "shes", "sses", "xes", "zes")):
        out.add(w[:-2])
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.add(w[:-1])
    elif w.endswith("y") and w[-2:-1] not in "aeiou":
        out.add(w[:-1] + "ies")
    elif w.endswith(("ch", "sh", "ss", "x", "z")):
        out.add(w + "es")
    else:
        out.add(w + "s")
    return out


def field(text: str) -> str:
    """The hidden search field for ``text``: every variant not already in the text."""
    words = {m.group(0).lower() for m in _WORD.finditer(text)}
    extra = set()
    for word in words:
        extra |= forms(word)
    return " ".join(sorted(extra - words))
