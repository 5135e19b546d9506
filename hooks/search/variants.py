"""English word variants, so that a search for "committees" finds "committee" and back.

Material's search appends ``*`` to every query term, and lunr skips its pipeline (and so
the stemmer) for such terms: a stemmed index ("lectur", "committe") then misses "lecture"
and "committee". The English index is therefore left unstemmed, and each document gets a
hidden field with what else a reader may type for its words:

- the singular and plural of each word ("jobs" finds "Job", "committee" finds "committees");
- the American spelling of a British one ("organization" finds "organisation", "mobilized"
  finds "mobilised", "labor" finds "labour"): the site writes British English;
- a number written with thousands separators, without them ("1440" finds "1,440"; the reader's
  browser also takes the separators out of a query, so "1,440" finds it too).

A variant that is no word ("raizing") costs a few bytes and finds nothing a reader types.
"""
from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
_IRREGULAR = {"person": "people", "child": "children", "man": "men", "woman": "women",
              "medium": "media", "datum": "data", "criterion": "criteria"}
_NOT_NOUNS = ("ed", "ing", "ly", "ous", "ive", "ful", "less", "ic")
_IRREGULAR_BACK = {v: k for k, v in _IRREGULAR.items()}
_INVARIANT = {"news", "series", "species", "this", "is", "was", "has", "its", "us", "as",
              "always", "perhaps", "thus", "less", "across", "process", "access", "business",
              "congress", "progress", "success", "status", "campus", "bus", "focus", "basis",
              "analysis", "emphasis", "crisis", "chinese", "ideas"}
#: three-letter words that have no plural
_FUNCTION_WORDS = {"the", "and", "for", "not", "but", "are", "you", "all", "any", "can", "had", "her",
                   "him", "how", "may", "nor", "our", "own", "she", "too", "who", "why", "yet", "off",
                   "per", "via", "out", "new", "old", "few"}


def forms(word: str) -> set[str]:
    """The singular and plural of an English word (lower case), the word itself included."""
    w = word.lower().strip("'")
    out = {w}
    if w in _IRREGULAR:
        out.add(_IRREGULAR[w])
    elif w in _IRREGULAR_BACK:
        out.add(_IRREGULAR_BACK[w])
    elif len(w) < 3 or w in _INVARIANT or w in _FUNCTION_WORDS or w.endswith(_NOT_NOUNS) \
            or (len(w) == 3 and w.endswith("s")):
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


#: British spelling → American, as (pattern, replacement, endings) on a lower-case word; every
#: pattern ends in $, so it can change only a word with one of its endings (tested first: cheap)
_AMERICAN = [(re.compile(pattern), replacement, endings) for pattern, replacement, endings in (
    (r"(?<=[a-z]{2})is(e|es|ed|ing|er|ers|ation|ations)$", r"iz\1",    # organise, organisation
     ("ise", "ises", "ised", "ising", "iser", "isers", "isation", "isations")),
    (r"(?<=[a-z])ys(e|es|ed|ing|er|ers)$", r"yz\1",                    # analyse
     ("yse", "yses", "ysed", "ysing", "yser", "ysers")),
    (r"(?<=[a-z]{2})our(s|ed|ing|able|ite|ites)?$", r"or\1",           # labour, honours
     ("our", "ours", "oured", "ouring", "ourable", "ourite", "ourites")),
    (r"(?<=[a-z]{2})tre(s|d)?$", r"ter\1", ("tre", "tres", "tred")),     # centre
    (r"(?<=[a-z]{3})mme(s)?$", r"m\1", ("mme", "mmes")),                 # programme
    (r"(?<=[a-z]{3}e)l(led|ling|ler|lers)$", r"\1",                    # travelled, modelling
     ("lled", "lling", "ller", "llers")),
    (r"(?<=[^l])l(ment|ments)$", r"ll\1", ("lment", "lments")),          # fulfilment, enrolment
    (r"(?<=ful)fil(s)?$", r"fill\1", ("fil", "fils")),                   # fulfil
    (r"(?<=[a-z]{3})ogue(s)?$", r"og\1", ("ogue", "ogues")),             # catalogue, dialogue
    (r"dgement(s)?$", r"dgment\1", ("dgement", "dgements")),             # judgement
    (r"^(defen|offen|licen|preten)ce(s)?$", r"\1se\2", ("ce", "ces")),   # defence, licence
    (r"^ageing$", "aging", ("ageing",)),
)]
# (?<![\d.,])\d{1,3}…, written to start with a digit: the scan then skips to the digits
_GROUPED_NUMBER = re.compile(r"\d(?<![\d.,]\d)\d{0,2}(?:,\d{3})+(?![\d,]|\.\d)")


def american(word: str) -> set[str]:
    """American spellings of a British word (lower case); empty if there is none."""
    out = set()
    for pattern, replacement, endings in _AMERICAN:
        if not word.endswith(endings) and not word.endswith("\n"):  # $ also matches before a final \n
            continue
        spelt = pattern.sub(replacement, word)
        if spelt != word:
            out.add(spelt)
    return out


def numbers(text: str) -> set[str]:
    """Numbers written with thousands separators ("1,440"), without them ("1440")."""
    return {m.group(0).replace(",", "") for m in _GROUPED_NUMBER.finditer(text)}


@lru_cache(maxsize=None)
def _variants(word: str) -> frozenset[str]:
    """Every form of ``word`` and their American spellings (a report repeats its words)."""
    out: set[str] = set()
    for form in forms(word):
        out |= {form} | american(form)
    return frozenset(out)


def field(text: str) -> str:
    """The hidden search field for ``text``: every variant not already in the text."""
    words = _lower_words(text)
    extra: set[str] = set().union(*map(_variants, words))
    return " ".join(sorted(extra - words) + sorted(numbers(text)))


#: the only characters whose lower case is ASCII (İ → i̇, the Kelvin sign → k)
_LOWER_TO_ASCII = ("\u0130", "\u212a")
_LOWER_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")


def _lower_words(text: str) -> set[str]:
    """The words of ``text``, in lower case. Lowering the text first, then one scan, finds the
    same words faster: every other character stays what it was, ASCII or not."""
    if any(c in text for c in _LOWER_TO_ASCII):
        return {m.lower() for m in _WORD.findall(text)}
    return set(_LOWER_WORD.findall(text.lower()))
