"""Shared fixtures: the real site, built strictly once per test session."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # the hook's plain modules, as MkDocs loads them

SITE_PATH = "/report-2023/"  # the path part of site_url in mkdocs.yml


def build_site(config: Path, site_dir: Path, *, env: dict | None = None,
               command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run a strict ``mkdocs build`` in a fresh process; return it (never raises)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    mkdocs = [sys.executable, "-m", "mkdocs"]
    return subprocess.run(
        [*(command or []), *mkdocs, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=full_env, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT / "mkdocs.yml", out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return out
