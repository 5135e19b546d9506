"""The report's figures: front-matter metrics, from Markdown to statistics.

The package knows nothing of MkDocs. A figure goes through four stages, one folder each:

- ``parse/``: front matter and prose are read into plain data, with line numbers;
- ``check/``: every rule an editor can break, each problem reported as ``file:line``;
- ``count/``: the statistics page's content: figures by section, the editors' key figures
  and charts (``data/highlights.yml``, checked by ``check/selections.py``);
- ``draw/``: HTML panels, key figures, tables and bar charts (Jinja templates under
  ``overrides/figures/``), sentence anchors and the open-data files.

``pipeline.py`` runs the first three once per set of source files; ``hooks/report_hook.py``
is the MkDocs adapter that calls it.
"""
