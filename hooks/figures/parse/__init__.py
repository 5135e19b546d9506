"""Reading: front matter (with line numbers), metric records, prose sentences, numbers."""
