"""What a search engine and a chat app read of each page, besides the page itself.

- ``describe.py``: each page's description, from its front matter or its opening text;
- ``wrap.py`` and ``card.py``: the share image (1200×630 PNG), set with the pinned CJK font;
- ``head.py``: the tags of a page's ``<head>`` (OpenGraph, hreflang), with its addresses from
  ``hooks/addresses.py``;
- ``structured.py``: schema.org JSON-LD (the report on the home pages, the Dataset on the
  statistics pages);
- ``dates.py``: when each page's content last changed (its own file, its data and the pages it
  shows), in one ``git log``: the sitemap's lastmod and the "updated" date the page shows;
- ``crawl.py``: ``sitemap.xml`` (each page dated by ``dates.py``) and ``robots.txt``;
- ``share.py``: all of it put together for each page, from what the build has read;
- ``messages.py``: what it tells editors, in one place.

Nothing here imports MkDocs: ``hooks/report_hook.py`` is the adapter.
"""
