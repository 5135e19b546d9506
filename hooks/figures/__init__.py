"""The report's figures: front-matter metrics, from Markdown to statistics.

The package knows nothing of MkDocs. A figure goes through four stages, one folder each:

- ``parse/``: front matter and prose are read into plain data, with line numbers;
- ``check/``: every rule an editor can break, each problem reported as ``file:line``;
- ``count/``: the cross-section statistics (groups, totals, the summary matrix);
- ``draw/``: HTML panels and tables (Jinja templates under ``overrides/``), SVG charts,
  sentence anchors and the open-data files.

``pipeline.py`` runs the first three once per set of source files; ``hooks/report_hook.py``
is the MkDocs adapter that calls it.
"""
