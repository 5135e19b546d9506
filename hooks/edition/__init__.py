"""The whole report as one document: a one-page edition served in the site, and a PDF.

Made from the pages as the site renders them (their official text, in navigation order),
their editor's notes, and the statistics blocks the site draws; nothing here is a second
copy to keep in step. Knows nothing of MkDocs:

- ``assemble.py``: the pages' content joined into one document (ids, links, headings);
- ``render.py``: the one-page edition and the PDF's HTML, from ``overrides/edition/``;
- ``pdf.py``: the PDF, with WeasyPrint (tagged PDF/UA-1, the pinned fonts embedded);
- ``messages.py``: what the build says when the PDF cannot be made.
"""
