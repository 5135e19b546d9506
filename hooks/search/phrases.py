"""English phrases: each pair of neighbouring words, as one term of a hidden field.

lunr scores words, not their order: for "Youth Federation" a page with "Youth" in a title and
"federation" somewhere else scores like the page that names the Youth Federation. So each
English entry gets a hidden field of its word pairs (``_youth_federation``), and the reader's
browser adds the query's own pairs to the query (``docs/assets/javascripts/search-query.js``):
an entry that holds the whole phrase matches them, and comes first.

A pair starts with :data:`JOIN`, so that a one-word query ("work", which Material searches
as the prefix ``work*``) never matches a pair ("work_style"). Stop words (lunr's list, which the
index drops too) are left out of pairs, on both sides: "minors in difficulty" pairs as
``_minors_difficulty``; a third fewer pairs to index. Words are cut as the index cuts them (its separator, then lunr's trimmer, which strips
non-word ASCII characters from both ends), so the pairs of a query are the pairs of the text.
Material shows an unmatched term as "Missing"; the browser leaves pairs out of that list.
"""
from __future__ import annotations

import html
import re

#: starts a pair and joins its two words; never typed in a query
JOIN = "_"
#: how the English index separates words (the index's ``separator``)
SEPARATOR = r"[\s\-,;:!?()\[\]“”‘’\"/]+"

#: lunr's English stop words (lunr.stopWordFilter), as Material's worker ships them
STOP_WORDS = frozenset("""
a able about across after all almost also am among an and any are as at be because been but by can
cannot could dear did do does either else ever every for from get got had has have he her hers him
his how however i if in into is it its just least let like likely may me might most must my neither
no nor not of off often on only or other our own rather said say says she should since so some than
that the their them then there these they this tis to too twas us wants was we were what when where
which while who whom why will with would yet you your""".split())

# A word as the index holds it: a run of characters between separators, trimmed as lunr's
# trimmer trims it (/^\W+/ and /\W+$/ in JavaScript, where \W is ASCII-only), so from its first
# ASCII word character to its last; a run without one is no word. One scan finds them all.
_NOT_SEPARATOR = SEPARATOR.replace("[", "[^", 1).removesuffix("+")  # one character of a run
_WORD = re.compile(r"[A-Za-z0-9_](?:" + _NOT_SEPARATOR + r"*[A-Za-z0-9_])?")
_BLOCK = re.compile(r"<[^>]*>")


def words(text: str) -> list[str]:
    """The words of plain ``text`` as the index holds them: lower case, trimmed."""
    return _WORD.findall(text.lower())


def pairs(markup: str) -> list[str]:
    """The pairs of neighbouring words (stop words left out) of ``markup``, in order; pairs
    never span two blocks (paragraphs, list items) of the markup."""
    out = []
    for block in _BLOCK.split(markup):
        found = [word for word in words(html.unescape(block)) if word not in STOP_WORDS]
        out += [f"{JOIN}{a}{JOIN}{b}" for a, b in zip(found, found[1:])]  # a list: no generator to step
    return out


def field(title: str, text: str) -> str:
    """The hidden field of an entry: the pairs of its title and of its text, each once."""
    return " ".join(dict.fromkeys(pairs(title) + pairs(text)))
