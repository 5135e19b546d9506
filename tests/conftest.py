"""Shared fixtures: the real site, built strictly once per test session."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))           # support.py, htmltext.py
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # as MkDocs loads them

from support import ROOT, build_site  # noqa: E402


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Messages rendered in this process are in English, whatever the machine's locale; tests
    of the Chinese ask for it (``messages.use("zh")``, or a build with a zh locale)."""
    import messages

    with messages.use("en"):
        yield


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out
