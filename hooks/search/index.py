"""Set up one language's search index, as Material's search worker reads it.

The stock i18n setup writes one index for both languages, with the settings of whichever
language was built first. Here each language's index holds its own pages only, with:

- Chinese: jieba has already segmented the text (words joined by U+200B); the separator
  splits on it and on Chinese punctuation, and the trimmer (which would strip every Han
  character) stays off;
- English: no stemmer (see :mod:`search.variants`), the trimmer and stop words on, and a
  hidden ``variants`` field with the singular and plural of every word.
"""
from __future__ import annotations

import json
import re

from .variants import field

_TAG = re.compile(r"<[^>]*>")

SETTINGS = {
    "zh": {
        "lang": ["en"],
        "separator": r"[\s\u200b\u3000\-、。，．？！；：“”‘’《》（）()【】,.;:!?]+",
        "pipeline": ["stemmer"],
    },
    "en": {
        "lang": ["en"],
        "separator": r"[\s\-,;:!?()\[\]“”‘’\"/]+",
        "pipeline": ["trimmer", "stopWordFilter"],
    },
}


def localise(index_json: str, lang: str, *, prefix: str = "", others: tuple[str, ...] = ()) -> str:
    """Rewrite a search index written by Material's plugin for ``lang`` readers.

    ``prefix`` is the language's folder (``en/``): its index lives there, and its pages'
    locations are written relative to it. Pages under ``others`` (the other languages'
    folders) are left out.
    """
    data = json.loads(index_json)
    config = dict(data.get("config", {}), **SETTINGS[lang])
    fields = dict(config.get("fields") or {})
    docs = [doc for doc in data.get("docs", [])
            if doc["location"].startswith(prefix) and not doc["location"].startswith(tuple(others))]
    for doc in docs:
        doc["location"] = doc["location"][len(prefix):]
    if lang == "en":
        fields["variants"] = {"boost": 1}
        for doc in docs:
            extra = field(_TAG.sub(" ", f"{doc.get('title', '')} {doc.get('text', '')}"))
            if extra:
                doc["variants"] = extra
    config["fields"] = fields
    # Plain UTF-8 instead of \uXXXX escapes: the Chinese index shrinks by about 40%.
    return json.dumps({"config": config, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
