"""What the tests share: where things are, and how to build a site in a fresh process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The real site is built for an address under a sub-path, as GitHub Pages serves a project
# site (mkdocs.yml reads these from the environment, as the workflows set them).
SITE_URL = "https://example.github.io/report-2023/"
SITE_PATH = urlsplit(SITE_URL).path
REPO_URL = "https://github.com/example/report-2023"
EDIT_URI = "edit/main/docs/"
SITE_ENV = {"SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "EDIT_URI": EDIT_URI}
#: builds speak English unless a test asks for Chinese, whatever the machine's locale (check.yml
#: sets a Chinese one for its own build)
ENGLISH_LOCALE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def build_site(config: Path, site_dir: Path, *, env: dict | None = None,
               command: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run a strict ``mkdocs build`` in a fresh process; return it (never raises). The real
    site is built for :data:`SITE_URL`."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **ENGLISH_LOCALE, **SITE_ENV, **(env or {})}
    mkdocs = [sys.executable, "-m", "mkdocs"]
    return subprocess.run(
        [*(command or []), *mkdocs, "build", "--strict", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=full_env, capture_output=True, text=True, timeout=600,
    )


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """``git args`` in ``repo`` as a test's own author, committed at ``date`` (ISO 8601) when
    given; its output (raises when git fails)."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def real_config() -> dict:
    """The real mkdocs.yml, as MkDocs reads it (``!ENV`` tags resolved, with the test's
    addresses)."""
    from mkdocs.utils.yaml import yaml_load

    saved = {k: os.environ.get(k) for k in SITE_ENV}
    os.environ.update(SITE_ENV)
    try:
        with open(ROOT / "mkdocs.yml", encoding="utf-8") as stream:
            return yaml_load(stream)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def real_nav() -> list[str]:
    """The real site's pages, in navigation order."""
    from figures.pipeline import pages_in

    return pages_in(real_config()["nav"])
