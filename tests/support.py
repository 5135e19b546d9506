"""What the tests share: where things are, and how to build a site in a fresh process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
