"""Shared fixtures: the real site, built strictly once per test session. When it does not build,
the suite reports that once, with the build's messages (tests/sitebuild.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))           # support.py, htmltext.py
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))  # as MkDocs loads them

import sitebuild  # noqa: E402
from support import ROOT, build_site  # noqa: E402


@pytest.fixture(autouse=True)
def _messages_in_english():
    """Messages rendered in this process are in English, whatever the machine's locale; tests
    of the Chinese ask for it (``messages.use("zh")``, or a build with a zh locale)."""
    import messages

    with messages.use("en"):
        yield


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> sitebuild.RealBuild:
    """The real site, built once with ``mkdocs build --strict``, whatever the outcome."""
    out = tmp_path_factory.mktemp("site") / "site"
    return sitebuild.RealBuild(out, build_site(ROOT / "mkdocs.yml", out))


@pytest.fixture(scope="session")
def site(real_build: sitebuild.RealBuild) -> Path:
    """The real site's folder; :class:`sitebuild.RealSiteDidNotBuild` when it did not build."""
    if not real_build.ok:
        raise sitebuild.RealSiteDidNotBuild(real_build)
    return real_build.site


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    sitebuild.first_things_first(items)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    return sitebuild.report_once(item, call, (yield))
