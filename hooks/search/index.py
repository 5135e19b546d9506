"""Set up one language's search index, as Material's search worker reads it.

The stock i18n setup writes one index for both languages, with the settings of whichever
language was built first. Here each language's index holds its own pages only, with:

- Chinese: the title and text shown as written (no jieba marks); searched through hidden
  fields of windows (see :mod:`search.chinese`), so that any query of up to eight characters
  finds exactly the entries that contain it. No pipeline: the trimmer would strip every Han
  character, and the stemmer would change windows that end in Latin letters;
- English: no stemmer (see :mod:`search.variants`), the trimmer and stop words on; a hidden
  ``pairs`` field of word pairs (see :mod:`search.phrases`), so that a page holding a whole
  phrase comes first, and a title boost of 1.5 instead of Material's 1000, which put any page
  with one of the words in a title first; a hidden ``variants`` field (plurals, American
  spellings, plain numbers);
- both: no invisible characters in what readers see and copy; reference pages (a search
  boost below 1: statistics, glossary) weigh their headings as text in Chinese; the glossary
  as one entry per term (see :mod:`search.terms`); and, under the key
  ``query``, what the reader's browser needs to prepare a query for this index (the
  traditional → simplified table, see :mod:`search.simplify`). Material's worker reads only
  the keys it knows.
"""
from __future__ import annotations

import html
import json
import re

from . import chinese, phrases, simplify, terms, variants

_TAG = re.compile(r"<[^>]*>")

#: hidden fields of the Chinese index: windows of the title, and of the text
TITLE_WINDOWS, TEXT_WINDOWS = "tw", "xw"
#: hidden fields of the English index: word pairs, and variants of the words
PAIRS, VARIANTS = "pairs", "variants"

SETTINGS = {
    "zh": {
        "lang": ["en"],
        "separator": chinese.SEPARATOR,
        "pipeline": [],
    },
    "en": {
        "lang": ["en"],
        "separator": phrases.SEPARATOR,
        "pipeline": ["trimmer", "stopWordFilter"],
    },
}
FIELDS = {
    # Material shows title and text; the windows are what is searched.
    "zh": {TITLE_WINDOWS: {"boost": 3}, TEXT_WINDOWS: {"boost": 1}},
    "en": {"title": {"boost": 1.5}, "text": {"boost": 1}, PAIRS: {"boost": 10}, VARIANTS: {"boost": 1}},
}
#: what the reader's browser does to a query for this index, besides the t2s table: in
#: Chinese, a query of several terms (青联，少先队) finds the entries that hold them all (each
#: term of up to ``required`` characters is marked required); in English, word pairs are added
QUERY = {"zh": {"required": chinese.WINDOW},
         "en": {"pairs": phrases.JOIN, "stop": sorted(phrases.STOP_WORDS)}}


def localise(index_json: str, lang: str, *, prefix: str = "", others: tuple[str, ...] = (),
             glossary: tuple[str, list[dict]] | None = None) -> str:
    """Rewrite a search index written by Material's plugin for ``lang`` readers.

    ``prefix`` is the language's folder (``en/``): its index lives there, and its pages'
    locations are written relative to it. Pages under ``others`` (the other languages'
    folders) are left out. ``glossary`` is the glossary page's location (``glossary/``) and
    its terms as entries (:func:`search.terms.entries`), which replace its tables.
    """
    data = json.loads(index_json)
    config = dict(data.get("config", {}), **SETTINGS[lang])
    fields = dict(config.get("fields") or {})
    docs = [doc for doc in data.get("docs", [])
            if doc["location"].startswith(prefix) and not doc["location"].startswith(tuple(others))]
    for doc in docs:
        doc["location"] = doc["location"][len(prefix):]
        for key in ("title", "text"):
            if key in doc:
                doc[key] = chinese.plain(doc[key])
    if glossary is not None:
        docs = terms.replace_tables(docs, *glossary)
    # Material's title and text boosts give way to the language's; its other fields (tags) stay.
    fields = {**FIELDS[lang], **{key: value for key, value in fields.items() if key not in ("title", "text")}}
    for doc in docs:
        title, text = doc.get("title", ""), doc.get("text", "")
        if lang == "zh":
            if doc.get("boost", 1) < 1:
                # A reference page (statistics, glossary) repeats the report's words in its
                # headings and table rows: they weigh as text, so the report comes first.
                title, text = "", f"<p>{title}</p>{text}"
            doc[TITLE_WINDOWS], doc[TEXT_WINDOWS] = chinese.field(_words(title)), chinese.field(_words(text))
        else:
            extra, pairs = variants.field(_words(f"{title} {text}")), phrases.field(title, text)
            doc.update({key: value for key, value in ((VARIANTS, extra), (PAIRS, pairs)) if value})
    config["fields"] = fields
    everything = " ".join(_words(doc.get("title", "") + " " + doc.get("text", "")) for doc in docs)
    config["query"] = {**QUERY[lang], "t2s": simplify.table_for(everything)}
    # Plain UTF-8 instead of \uXXXX escapes: the Chinese index shrinks by about 40%.
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))



def _words(markup: str) -> str:
    """The text of the index's markup (tags out, entities decoded)."""
    return html.unescape(_TAG.sub(" ", markup))
