"""Counting: the statistics no single section shows."""
