"""Drawing: numbers in words, sentence anchors, HTML from templates, SVG charts, open data."""
