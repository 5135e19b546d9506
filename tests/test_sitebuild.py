"""tests/sitebuild.py: one content mistake in a real page is one failure that names it, not
hundreds of errors; the tests that do not need the site still run, and the suite still fails.

The suite's own conftest.py and test_site.py are run (pytest in a subprocess) on a copy of the
fixture site tests/fixtures/good, as the project's real site, with one figure changed in its
theory.md: 1441支 where the official text and the metric say 1440."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import RealBuild
from support import ROOT

GOOD = ROOT / "tests" / "fixtures" / "good"


def _build(stderr: str, stdout: str = "", code: int = 1) -> RealBuild:
    return RealBuild(Path("site"), subprocess.CompletedProcess([], code, stdout, stderr))


def test_the_messages_are_the_builds_errors_and_warnings_not_its_info():
    build = _build(
        "Building prefix dict from the default dictionary ...\n"
        "INFO    -  Cleaning site directory\n"
        "INFO    -  mkdocs_static_i18n: Building 'zh' documentation\n"
        "ERROR   -  docs/theory.md:104: the prose says «15406» where the metric is 15405\n"
        "   (lecture-events)\n"
        "WARNING -  Doc file 'theory.md' contains a link to 'nowhere.md'\n"
        "INFO    -  Documentation built in 2.1 seconds\n",
        "\nAborted with a BuildError!\n")
    assert build.messages() == [
        "ERROR   -  docs/theory.md:104: the prose says «15406» where the metric is 15405",
        "   (lecture-events)",
        "WARNING -  Doc file 'theory.md' contains a link to 'nowhere.md'",
        "Aborted with a BuildError!",
    ]
    assert build.failure().startswith("The real site did not build (mkdocs build --strict exited with 1)")


def test_a_traceback_is_shown_whole_and_an_unknown_output_all_of_it():
    crashed = _build("INFO    -  Building\nTraceback (most recent call last):\n  File \"x.py\", line 1\nKeyError: 'x'\n")
    assert crashed.messages() == ["Traceback (most recent call last):", '  File "x.py", line 1', "KeyError: 'x'"]
    assert _build("Killed\n").messages() == ["Killed"]


# --- the suite on a copy of the project with one figure wrong ---------------------------------

PLAIN = '''
def test_that_needs_no_site():
    assert "1440" != "1441"


def test_that_needs_the_site(site):
    assert (site / "index.html").is_file()
'''
SUMMARY = re.compile(r"(\d+) (failed|passed|skipped|errors?)")


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> Path:
    """The fixture site with its hook and templates from this checkout, the suite's conftest,
    test_site.py and a test that needs no site; theory.md says 1441支 for 1440支."""
    root = tmp_path_factory.mktemp("broken")
    shutil.copytree(GOOD, root, dirs_exist_ok=True)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    shutil.copy2(ROOT / "pytest.ini", root / "pytest.ini")
    (root / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)  # the conftest imports them
    (root / "tests").mkdir()
    for name in ("conftest.py", "support.py", "sitebuild.py", "htmltext.py", "test_site.py"):
        shutil.copy2(ROOT / "tests" / name, root / "tests" / name)
    (root / "tests" / "test_plain.py").write_text(PLAIN, encoding="utf-8")
    theory = root / "docs" / "theory.md"
    text = theory.read_text(encoding="utf-8")
    assert text.count("宣讲团1440支") == 1
    theory.write_text(text.replace("宣讲团1440支", "宣讲团1441支"), encoding="utf-8")
    return root


def _pytest(root: Path, *args: str) -> tuple[subprocess.CompletedProcess, dict[str, int]]:
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=root,
                         capture_output=True, text=True, timeout=600)
    counts = {kind.rstrip("s") if kind.startswith("error") else kind: int(n)
              for n, kind in SUMMARY.findall(run.stdout.strip().splitlines()[-1])}
    return run, counts


def _names_the_mistake(output: str) -> None:
    assert "The real site did not build (mkdocs build --strict exited with 1)" in output, output
    assert "ERROR   -  docs/theory.md:56: the prose says «1441»" in output, output
    assert "INFO    -" not in output, "the build's INFO lines are noise here"


def test_a_wrong_figure_is_one_failure_that_names_it(broken):
    run, counts = _pytest(broken)
    assert run.returncode == 1, run.stdout
    assert counts == {"failed": 1, "passed": 1, "skipped": counts.get("skipped", 0)} and counts["skipped"] >= 15, counts
    assert "FAILED tests/test_site.py::test_the_real_site_builds - Failed: The real site" in run.stdout
    _names_the_mistake(run.stdout)
    skipped = re.findall(r"^SKIPPED \[(\d+)\] tests/conftest.py:\d+: the real site did not build: see the failure of "
                         r"tests/test_site\.py::test_the_real_site_builds$", run.stdout, re.MULTILINE)
    assert [int(n) for n in skipped] == [counts["skipped"]], run.stdout


def test_without_the_build_test_the_first_test_that_needs_the_site_fails(broken):
    """One file or -k: the first test to need the site carries the failure (an error at its
    setup), the others are skipped naming it; the suite still fails."""
    run, counts = _pytest(broken, "-k", "not test_the_real_site_builds")
    assert run.returncode == 1, run.stdout
    assert counts["error"] == 1 and "failed" not in counts and counts["passed"] == 1 and counts["skipped"] >= 15, counts
    _names_the_mistake(run.stdout)
    first = re.search(r"^ERROR (tests/\S+)", run.stdout, re.MULTILINE).group(1)
    assert f"the real site did not build: see the failure of {first}" in run.stdout
