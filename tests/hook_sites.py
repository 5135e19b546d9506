"""Sites built for real by the hook's tests (tests/test_hook_*.py): the fixture site
(``tests/fixtures/good/``) and the real site, copied into a temporary folder with one thing
broken, built with ``mkdocs build --strict`` in parallel, and what their output must name."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from support import ROOT, build_site

GOOD = ROOT / "tests" / "fixtures" / "good"
SITE_URL = "https://example.org/report-test/"  # site_url in the fixture's mkdocs.yml
#: what the parser says when it gives up on a YAML text: none of it may reach an editor
PARSER_WORDS = re.compile(r"expected|but found|but got|token|scalar|<block|<stream|while (?:parsing|scanning)|"
                          r"mapping values|flow (?:mapping|sequence)|could not find|invalid YAML", re.I)
#: the locale of a build whose messages are in English, and of one whose messages are in Chinese
ENGLISH = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
CHINESE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}


@dataclass
class Expect:
    """What the build output must name: ``file:line`` and the metric id (when there is one)."""

    file: str
    line: int
    metric: str | None = None
    also: list[str] = field(default_factory=list)


@dataclass
class Built:
    folder: Path
    site: Path
    returncode: int
    output: str
    expect: list[Expect]


def copy_fixture(dest: Path, source: Path = GOOD) -> Path:
    """A copy of a fixture site that works from anywhere: the relative paths to the real hook
    and templates become absolute."""
    shutil.copytree(source, dest, symlinks=True)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "../../../hooks/report_hook.py" in text and "../../../overrides" in text
    config.write_text(text.replace("../../../", f"{ROOT.as_posix()}/"), encoding="utf-8")
    return dest


def copy_real_site(dest: Path) -> Path:
    """The real site's pages and data in ``dest``, built with the real hook and templates."""
    dest.mkdir(parents=True)
    for folder in ("docs", "data"):
        shutil.copytree(ROOT / folder, dest / folder)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for relative in ("hooks/report_hook.py", "custom_dir: overrides"):
        assert relative in text, relative
    text = text.replace("  - hooks/report_hook.py", f"  - {ROOT.as_posix()}/hooks/report_hook.py")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT.as_posix()}/overrides")
    (dest / "mkdocs.yml").write_text(text, encoding="utf-8")
    return dest


def edit(folder: Path, page: str, old: str, new: str) -> str:
    """Replace ``old`` (which must occur once) in ``docs/<page>`` (or ``<page>`` when it names a
    folder, ``data/glossary.yml``); return the new text."""
    path = folder / page if "/" in page else folder / "docs" / page
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {page}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def line_of(text: str, needle: str, nth: int = 1) -> int:
    return [i for i, line in enumerate(text.splitlines(), 1) if needle in line][nth - 1]


def build_all(jobs: dict[str, tuple[Path, Path, list[Expect], dict]]) -> dict[str, Built]:
    """Build every site (name → (folder, site, expect, extra environment)) in parallel. Messages
    are in English unless the environment says otherwise."""

    def run(name: str) -> Built:
        folder, site, expect, env = jobs[name]
        result = build_site(folder / "mkdocs.yml", site, env={**ENGLISH, **env})
        return Built(folder, site, result.returncode, result.stdout + result.stderr, expect)

    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(jobs, pool.map(run, jobs)))


def build_variants(base: Path, variants: dict[str, Callable[[Path], list[Expect]]],
                   environments: dict[str, dict] | None = None, *, good: bool = False) -> dict[str, Built]:
    """Each variant of the fixture site (a function that breaks a copy and says what the output
    must name), built; with ``good``, the fixture itself too (twice: ``good``, ``good-again``)."""
    jobs: dict[str, tuple[Path, Path, list[Expect], dict]] = {}
    if good:
        jobs["good"] = (GOOD, base / "good-site", [], {})
        jobs["good-again"] = (GOOD, base / "good-again-site", [], {})
    for name, make in variants.items():
        folder = copy_fixture(base / name)
        env = dict((environments or {}).get(name, {}))
        if env.get("GITHUB_ACTIONS"):
            env["GITHUB_STEP_SUMMARY"] = str(folder / "step-summary.md")
        jobs[name] = (folder, base / f"{name}-site", make(folder), env)
    return build_all(jobs)


def named(built: Built, expect: Expect) -> list[str]:
    """What the output fails to name of ``expect``."""
    out = built.output
    missing = []
    where = f"{expect.file}:{expect.line}" if expect.line else expect.file
    if where not in out:
        missing.append(where)
    if expect.metric and f"({expect.metric})" not in out:
        lines = [line for line in out.splitlines() if where in line]
        if not any(expect.metric in line for line in lines):
            missing.append(f"the metric id {expect.metric!r} on the line naming {where}")
    missing.extend(text for text in expect.also if text not in out)
    return missing


def assert_fails_naming(built: Built, name: str) -> None:
    """The strict build failed, without a traceback or the parser's words, naming every expected place."""
    assert built.returncode != 0, f"{name}: the strict build passed\n{built.output}"
    assert "Traceback" not in built.output, f"{name}: a Python traceback\n{built.output}"
    assert not PARSER_WORDS.search(built.output), f"{name}: the YAML parser's words\n{built.output}"
    missing = [m for expect in built.expect for m in named(built, expect)]
    assert not missing, f"{name}: the output does not name {missing}\n{built.output}"


def fetch_when_served(url: str, server: subprocess.Popen, timeout: float = 120) -> str:
    """The page at ``url`` once ``server`` (``mkdocs serve``) serves it: asked again until it answers."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served within {timeout} s")
