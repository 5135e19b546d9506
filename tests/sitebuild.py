"""One cause, one failure: when the real site does not build, the suite says so once.

The real site is built once per test session (``real_build`` in conftest.py), whatever the
outcome. When the build fails:

- the suite's one failure is ``test_the_real_site_builds`` (tests/test_site.py), run first, with
  the build's own messages (its errors and warnings, not its INFO lines);
- every test that needs the site (the ``site`` fixture) is skipped, naming that failure;
- the tests that do not need the site run as usual, and the suite fails (exit status 1).

When ``test_the_real_site_builds`` is not among the tests run (``-k``, one file), the first test
that needs the site fails instead, at its setup, with the same messages; the others are skipped
naming it. A skip never stands alone: the failure it names is always in the same run.
"""
from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

FIRST = "test_the_real_site_builds"
_REPORTED = pytest.StashKey[str]()
_RECORD = re.compile(r"(DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+-  ")
_WORTH_SHOWING = {"WARNING", "ERROR", "CRITICAL"}


@dataclass(frozen=True)
class RealBuild:
    site: Path
    result: subprocess.CompletedProcess

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def messages(self) -> list[str]:
        """What the build said that matters: its warnings and errors with the lines that continue
        them, a traceback, and what it printed on stdout ("Aborted with a BuildError!"). All of
        its output when none of that is there, so that nothing is hidden."""
        shown, keep = [], False
        for line in self.result.stderr.splitlines():
            record = _RECORD.match(line)
            if record:
                keep = record.group(1) in _WORTH_SHOWING
            elif line.startswith("Traceback (most recent call last)"):
                keep = True
            if keep and line.strip():
                shown.append(line)
        shown += [line for line in self.result.stdout.splitlines() if line.strip()]
        return shown if any(_RECORD.match(line) or line.startswith("Traceback") for line in shown) else [
            line for line in (self.result.stderr + self.result.stdout).splitlines() if line.strip()]

    def failure(self) -> str:
        return (f"The real site did not build (mkdocs build --strict exited with {self.result.returncode}); "
                "every test that needs it is skipped. The build said:\n  " + "\n  ".join(self.messages()))


class RealSiteDidNotBuild(pytest.fail.Exception):
    """Raised by the ``site`` fixture when the real site did not build: the first test that meets
    it fails with the build's messages, the others are skipped (:func:`report_once`)."""

    def __init__(self, build: RealBuild) -> None:
        super().__init__(build.failure(), pytrace=False)


def claim(request: pytest.FixtureRequest) -> None:
    """The calling test reports the build's failure, if any: the tests that need the site are
    skipped naming it."""
    request.session.stash.setdefault(_REPORTED, request.node.nodeid)


def first_things_first(items: list[pytest.Item]) -> None:
    """``test_the_real_site_builds`` runs first, so that it is the one to report a failed build."""
    items.sort(key=lambda item: item.name != FIRST)


def report_once(item: pytest.Item, call: pytest.CallInfo, report: pytest.TestReport) -> pytest.TestReport:
    """The setup of a test that needs the site met :class:`RealSiteDidNotBuild`: the first such
    report stands (unless a test already reported the failure), every later one becomes a skip
    that names the failure."""
    if call.when != "setup" or call.excinfo is None or not call.excinfo.errisinstance(RealSiteDidNotBuild):
        return report
    first = item.session.stash.setdefault(_REPORTED, item.nodeid)
    if first != item.nodeid:
        raised = call.excinfo.traceback[-1]  # the site fixture
        report.outcome = "skipped"
        report.longrepr = (str(raised.path), raised.lineno + 1,
                           f"Skipped: the real site did not build: see the failure of {first}")
    return report
