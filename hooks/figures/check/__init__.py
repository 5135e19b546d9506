"""Checking: every rule a figure or page can break, each problem with its file and line."""
