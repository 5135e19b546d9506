"""Chinese search terms that Material's stock search worker matches exactly.

The worker segments the Han part of a query with ``segment()``: it cuts the query at every
*proper prefix* that is a term of the index, and it never looks at the slice that ends at the
query's last character. With jieba words as terms, a one-character word (社, 青, 团) cuts
社工 down to ``社*``, and a whole word hides its parts (少年 inside 青少年). When no proper
prefix of the query is a term, the worker searches the whole query as a prefix instead.

So the Chinese index holds, in hidden fields, the window of up to :data:`WINDOW` characters
that starts at every character of the text. A query
of up to :data:`WINDOW` characters is then a prefix of a window exactly where the text
contains it. A window cut short by the end of a run (punctuation, the end of the text) ends
with :data:`END`, which is not a Han character: so no term is ever a slice of a query's Han
characters shorter than the window, and the worker's segmentation never cuts a query short.
The title and text Material shows are left as they are written, without the marks jieba would
add (the site is built without jieba; with it, the index is byte for byte the same).
"""
from __future__ import annotations

import re
import unicodedata

#: the longest query (in characters) that is matched exactly
WINDOW = 8
#: ends a window cut short; not a Han character, not a separator, never typed in a query
END = "_"
#: what separates runs of text, in the index and in queries (Material splits queries on it)
SEPARATOR = (r"[\s\u200b\u2060\u3000\-\u2010-\u2015、。，．？！；：“”‘’「」『』《》〈〉（）()【】〔〕"
             r"\[\],.;:!?\"'/·・…~～]+")
#: invisible characters that must not reach what a reader sees or copies
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")

_SEPARATOR = re.compile(SEPARATOR)
# (?<![0-9a-z])[0-9a-z]{9,}, written to start with its first character: the scan skips to them
_LONG_WORD = re.compile(r"[0-9a-z](?<![0-9a-z][0-9a-z])[0-9a-z]{%d,}" % WINDOW)


def plain(text: str) -> str:
    """``text`` without invisible characters: those Material's plugin puts between words when
    jieba is installed (the site needs no jieba, and is the same with it)."""
    for mark in INVISIBLE_CHARS:  # a replace per character present: faster than one regex
        if mark in text:
            text = text.replace(mark, "")
    return text


def normal(text: str) -> str:
    """The form both the index and the reader's query are matched in: NFKC (full-width letters
    and digits become ASCII), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def windows(text: str) -> list[str]:
    """The index terms for ``text`` (plain text, no markup): one window per character, in
    text order (a reader may copy a query that starts inside a number); a run of letters or
    digits longer than the window is also kept whole, for queries that start with it."""
    normalised = normal(plain(text))
    runs = _SEPARATOR.split(normalised)
    if _LONG_WORD.search(normalised):  # a word never spans a separator: some run has it
        return _with_long_words(runs)
    # the windows near a run's end run into END: cut short, they end with it
    return [ended[start:start + WINDOW] for ended in [run + END for run in runs]
            for start in range(len(ended) - 1)]


def _with_long_words(runs: list[str]) -> list[str]:
    """:func:`windows` of runs among which letters or digits run longer than a window."""
    terms: list[str] = []
    for run in runs:
        ended = run + END
        here = [ended[start:start + WINDOW] for start in range(len(run))]
        if len(run) > WINDOW:
            for word in reversed(list(_LONG_WORD.finditer(run))):  # after the window it starts
                here.insert(word.start() + 1, word.group())
        terms += here
    return terms


def field(text: str) -> str:
    """The hidden search field for ``text``: its windows, separated by spaces."""
    return " ".join(windows(text))
