"""The same commit builds the same site, byte for byte, whatever the clock says.

The site is built twice from the working tree with the same SOURCE_DATE_EPOCH (the last
commit's date, as ./scripts/test, ./scripts/serve and the workflows set it): the second build
runs three days later by the clock (libfaketime), in another time zone and with another hash
seed. Every file must be there in both builds, with the same bytes.
"""
from __future__ import annotations

import difflib
import gzip
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from support import ROOT, build_site


LATER = ["faketime", "-f", "+3d"]  # libfaketime: the clock runs three days ahead


def _epoch() -> str:
    return subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout.strip()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _hint(name: str, a: bytes, b: bytes) -> str:
    """A short, readable account of how one file differs between the two builds."""
    if name.endswith(".gz"):
        (mtime_a,), (mtime_b,) = struct.unpack("<I", a[4:8]), struct.unpack("<I", b[4:8])
        inner = "same" if gzip.decompress(a) == gzip.decompress(b) else "different"
        return (f"{name}: gzip header mtime {mtime_a} vs {mtime_b}; decompressed content {inner}"
                + ("" if inner == "same" else "\n" + _hint(name[:-3], gzip.decompress(a), gzip.decompress(b))))
    try:
        lines_a, lines_b = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        first = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y) if len(a) == len(b) else min(len(a), len(b))
        return f"{name}: binary, {len(a)} vs {len(b)} bytes, first difference at byte {first}"
    diff = [line[:200] for line in difflib.unified_diff(lines_a, lines_b, "build 1", "build 2", n=0, lineterm="")]
    shown = diff[:14]
    more = f"\n  … {len(diff) - len(shown)} more diff lines" if len(diff) > len(shown) else ""
    return f"{name}:\n  " + "\n  ".join(shown) + more


@pytest.mark.usefixtures("site")  # when the real site does not build, that is the one failure (tests/sitebuild.py)
def test_two_builds_of_the_same_commit_are_identical(tmp_path):
    assert shutil.which("faketime"), "faketime is missing: install the Debian package faketime"
    epoch = _epoch()
    first = build_site(ROOT / "mkdocs.yml", tmp_path / "first",
                       env={"SOURCE_DATE_EPOCH": epoch, "TZ": "UTC", "PYTHONHASHSEED": "1"})
    assert first.returncode == 0, f"first build failed:\n{first.stdout}\n{first.stderr}"
    second = build_site(ROOT / "mkdocs.yml", tmp_path / "second", command=LATER,
                        env={"SOURCE_DATE_EPOCH": epoch, "TZ": "Asia/Shanghai", "PYTHONHASHSEED": "2"})
    assert second.returncode == 0, f"second build (faketime) failed:\n{second.stdout}\n{second.stderr}"

    a, b = _tree(tmp_path / "first"), _tree(tmp_path / "second")
    assert a, "the first build wrote no file"
    only_a, only_b = sorted(a.keys() - b.keys()), sorted(b.keys() - a.keys())
    assert not (only_a or only_b), f"the builds wrote different files: only in the first {only_a}, only in the second {only_b}"
    differing = [name for name in a if a[name] != b[name]]
    hints = "\n".join(_hint(name, a[name], b[name]) for name in differing[:8])
    assert not differing, (
        f"{len(differing)} of {len(a)} files differ between two builds of the same commit "
        f"(the second three days later, in another time zone): {differing}\n{hints}\n"
        "Dates must come from SOURCE_DATE_EPOCH or git, never the clock (a page's 'last updated' "
        "date and lastmod, hooks/meta/dates.py, take SOURCE_DATE_EPOCH for a file not committed yet)."
    )
