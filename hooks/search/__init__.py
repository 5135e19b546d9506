"""Search in the reader's language: one index per language, each set up for its language."""
