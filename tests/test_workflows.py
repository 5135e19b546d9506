"""The GitHub Actions workflows: audited by zizmor, valid against the schema, and safe by design.

Everything here runs offline: zizmor and check-jsonschema come from the virtualenv, and the
schema check uses the schema vendored in check-jsonschema.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
CHECK = WORKFLOWS / "check.yml"
DEPLOY = WORKFLOWS / "deploy.yml"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[^@]+)?@[0-9a-f]{40}$")


def _tool(name: str) -> str:
    """A command installed next to this Python (the virtualenv), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} is not installed: run ./scripts/test (it installs requirements-dev.txt)"
    return found


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def _load(path: Path) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); put it back under its name.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _workflows() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def _steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def _triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    if isinstance(on, str):
        return {on}
    return set(on)


# --- the two offline checkers --------------------------------------------------------------

@pytest.mark.parametrize("persona", ["regular", "pedantic"])
def test_zizmor_finds_nothing(persona):
    # regular is zizmor's default; pedantic adds the code smells (e.g. write permissions
    # without a comment saying why), and the workflows are clean at both.
    result = _run([_tool("zizmor"), "--offline", "--no-progress", "--color", "never",
                   "--persona", persona, "--strict-collection", str(WORKFLOWS.relative_to(ROOT))])
    assert result.returncode == 0, f"zizmor ({persona}) reported findings:\n{result.stdout}\n{result.stderr}"


def test_workflows_match_the_github_schema():
    files = [str(p.relative_to(ROOT)) for p in _workflows()]
    assert files, "no workflow found"
    result = _run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *files])
    assert result.returncode == 0, f"check-jsonschema failed:\n{result.stdout}\n{result.stderr}"


# --- what the workflows must say -----------------------------------------------------------

def test_both_workflows_exist():
    assert CHECK.is_file() and DEPLOY.is_file()


def test_no_workflow_runs_on_pull_request_target():
    for path in _workflows():
        assert "pull_request_target" not in path.read_text(encoding="utf-8"), path.name
        assert "pull_request_target" not in _triggers(_load(path)), path.name


def test_every_action_is_pinned_to_a_full_commit_with_its_tag():
    for path in _workflows():
        lines = path.read_text(encoding="utf-8").splitlines()
        uses = [line for line in lines if re.match(r"^\s*(?:-\s*)?uses:", line)]
        assert uses, f"{path.name} uses no action"
        for line in uses:
            ref, _, comment = line.split("uses:", 1)[1].partition("#")
            assert PINNED.match(ref.strip()), f"{path.name}: not pinned to a 40-hex commit: {line.strip()}"
            assert re.match(r"\s*v\d+(?:\.\d+)*\b", comment), f"{path.name}: no tag comment: {line.strip()}"


def test_top_level_permissions_are_read_only():
    for path in _workflows():
        assert _load(path).get("permissions") == {"contents": "read"}, path.name


def test_only_the_deploy_job_may_write():
    for path in _workflows():
        for job_id, job in _load(path)["jobs"].items():
            permissions = job.get("permissions")
            if path == DEPLOY and job_id == "deploy":
                assert permissions == {"pages": "write", "id-token": "write"}, permissions
            elif path == DEPLOY and job_id == "build":  # configure-pages reads the Pages address
                assert permissions == {"contents": "read", "pages": "read"}, permissions
            else:
                assert permissions in (None, {"contents": "read"}), f"{path.name}:{job_id}: {permissions}"


def test_no_secret_and_no_event_data_in_shell_commands():
    for path in _workflows():
        text = path.read_text(encoding="utf-8")
        assert "secrets." not in text, f"{path.name} uses a secret"
        for job_id, step in _steps(_load(path)):
            run = step.get("run", "")
            assert "${{" not in run, f"{path.name}:{job_id}: an expression in run: (template injection)\n{run}"


def test_every_job_has_a_timeout():
    for path in _workflows():
        for job_id, job in _load(path)["jobs"].items():
            assert isinstance(job.get("timeout-minutes"), int), f"{path.name}:{job_id} has no timeout-minutes"


def test_checkouts_keep_the_history_and_drop_the_token():
    for path in _workflows():
        checkouts = [s for _, s in _steps(_load(path)) if s.get("uses", "").startswith("actions/checkout@")]
        for step in checkouts:
            assert step.get("with", {}).get("fetch-depth") == 0, f"{path.name}: fetch-depth must be 0"
            assert step.get("with", {}).get("persist-credentials") is False, path.name


def test_python_is_set_up_with_the_pip_cache():
    builders = [path for path in _workflows()
                if any("pip install" in s.get("run", "") for _, s in _steps(_load(path)))]
    assert {path.name for path in builders} >= {"check.yml", "deploy.yml"}
    for path in builders:
        setups = [s for _, s in _steps(_load(path)) if s.get("uses", "").startswith("actions/setup-python@")]
        assert setups, f"{path.name} does not set up Python"
        for step in setups:
            assert step["with"].get("cache") == "pip", path.name
            assert "requirements" in step["with"].get("cache-dependency-path", ""), path.name


def test_check_builds_strictly_first_then_runs_the_readme_test_command():
    workflow = _load(CHECK)
    assert "pull_request" in _triggers(workflow)
    runs = [step.get("run", "") for _, step in _steps(workflow)]
    build = next(i for i, run in enumerate(runs) if "mkdocs build --strict" in run)
    test = next(i for i, run in enumerate(runs) if re.search(r"^\./scripts/test\s*$", run, re.M))
    assert build < test, "a content problem must stop the run at the build, with its one message"
    assert "git log -1 --format=%ct" in runs[build] and "SOURCE_DATE_EPOCH" in runs[build]
    assert "SITE_URL" in runs[build] and "REPO_URL" in runs[build]
    assert any("scripts/check-links site" in run for run in runs[test:])
    uploads = [s for _, s in _steps(workflow) if "upload" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site"
    assert uploads[0]["with"].get("name") not in (None, "github-pages"), "the preview needs its own name"


def test_the_workflows_tell_editors_in_chinese_in_one_line_each():
    """Annotations and the job summary follow the build's locale (hooks/messages): one line says
    which, in the step that builds (check.yml) and in the official-source check."""
    for path, marker in ((CHECK, "mkdocs build --strict"), (WORKFLOWS / "source.yml", "check-official-source")):
        [step] = [s for _, s in _steps(_load(path)) if marker in s.get("run", "")]
        assert step["env"]["LANGUAGE"].startswith("zh"), path.name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "LANGUAGE:" in line]
        assert len(lines) == 1, path.name


def test_no_workflow_names_an_owner_or_an_address():
    """A fork or a transferred repository deploys as it is: the address comes from GitHub."""
    for path in sorted(p for p in (ROOT / ".github").rglob("*") if p.is_file()):
        text = path.read_text(encoding="utf-8")
        assert "github.io" not in text and "shyouth" not in text, path
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "github.io" not in config and "shyouth" not in config


def test_deploy_builds_for_the_address_github_pages_gives():
    build = _load(DEPLOY)["jobs"]["build"]
    [pages] = [s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@")]
    [step] = [s for s in build["steps"] if "mkdocs build --strict" in s.get("run", "")]
    assert step["env"]["BASE_URL"] == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}"
    assert 'SITE_URL="${BASE_URL%/}/"' in step["run"] and "export SOURCE_DATE_EPOCH SITE_URL" in step["run"]


def _script(name: str, *args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    import os

    return subprocess.run([str(ROOT / "scripts" / name), *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=60)


@pytest.mark.parametrize("repository, address", [
    ("Acme/report-2023", "https://acme.github.io/report-2023/"),
    ("acme/acme.github.io", "https://acme.github.io/"),
])
def test_site_address_is_the_pages_address_of_the_repository(repository, address):
    assert _script("site-address", env={"GITHUB_REPOSITORY": repository}).stdout.strip() == address


def test_a_change_to_the_official_text_must_say_where_it_comes_from(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "data" / "source").mkdir(parents=True)
    (tmp_path / "data" / "source" / "report.txt").write_text("原文。\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.md").write_text("x\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "base")
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True, text=True).stdout.strip()
    (tmp_path / "docs" / "x.md").write_text("y\n", encoding="utf-8")
    git("commit", "-qam", "a page only")
    assert _script("check-official-source", base, cwd=tmp_path, env={"PR_BODY": ""}).returncode == 0
    (tmp_path / "data" / "source" / "report.txt").write_text("新的原文。\n", encoding="utf-8")
    git("commit", "-qam", "the official text")
    failed = _script("check-official-source", base, cwd=tmp_path,
                     env={"PR_BODY": "Fixes a typo.", "LANGUAGE": "", "LC_ALL": "", "LANG": "C.UTF-8"})
    assert failed.returncode == 1
    assert failed.stdout.startswith("::error file=data/source/report.txt,title=Official text changed::This pull")
    chinese = _script("check-official-source", base, cwd=tmp_path,
                      env={"PR_BODY": "Fixes a typo.", "LANGUAGE": "zh_CN", "LANG": "C.UTF-8"})
    assert chinese.returncode == 1
    assert chinese.stdout.startswith("::error file=data/source/report.txt,title=官方原文有改动::这个拉取请求修改了官方原文")
    for body in ("Fixes a typo.\nSource: https://example.org/notice.pdf", "来源:团市委2024年1月公告",
                 "Source / 来源: https://example.org/notice.pdf"):  # the template's own line, filled in
        assert _script("check-official-source", base, cwd=tmp_path, env={"PR_BODY": body}).returncode == 0
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert _script("check-official-source", base, cwd=tmp_path, env={"PR_BODY": template}).returncode == 1


def test_the_source_check_runs_again_when_the_description_is_edited():
    """The error asks for a line in the description: adding it must start the check again."""
    workflow = _load(WORKFLOWS / "source.yml")
    assert "edited" in workflow["on"]["pull_request"]["types"]
    runs = [step.get("run", "") for _, step in _steps(workflow)]
    assert any(run.startswith("scripts/check-official-source") for run in runs)


def test_deploy_publishes_main_to_pages_one_run_at_a_time():
    workflow = _load(DEPLOY)
    triggers = _triggers(workflow)
    assert "workflow_dispatch" in triggers
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"] and workflow["concurrency"]["cancel-in-progress"] is False
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "mkdocs build --strict" in runs and "SOURCE_DATE_EPOCH" in runs
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") and s["with"]["path"] == "site"
               for s in build["steps"])
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["environment"] == {"name": "github-pages",
                                     "url": "${{ steps.deployment.outputs.page_url }}"}
    [step] = [s for s in deploy["steps"] if s.get("uses", "").startswith("actions/deploy-pages@")]
    assert step["id"] == "deployment"


def _first_step(steps: list[dict], pattern: str) -> int | None:
    return next((i for i, step in enumerate(steps) if re.search(pattern, step.get("run", ""))), None)


@pytest.mark.parametrize("path", [CHECK, DEPLOY], ids=lambda p: p.name)
def test_the_debian_packages_come_before_the_build_and_the_tests(path):
    # The runner image has neither the pinned CJK fonts nor pango: without them the build
    # stops (the share images and the PDFs embed the fonts), and ./scripts/test, not root there,
    # would stop too unless it can use sudo.
    for job_id, job in _load(path)["jobs"].items():
        steps = job.get("steps", [])
        build = _first_step(steps, r"mkdocs build")
        tests = _first_step(steps, r"\./scripts/test\b")
        if build is not None:
            site = _first_step(steps, r"scripts/debian-packages (site|test)\b")
            assert site is not None and site < build, f"{path.name}:{job_id}: install the site's Debian packages before the build"
        if tests is not None:
            test = _first_step(steps, r"scripts/debian-packages test\b")
            assert test is not None and test < tests, f"{path.name}:{job_id}: install the tests' Debian packages first"


def test_the_debian_packages_script_names_what_to_install_when_it_cannot(tmp_path):
    # Not root, no sudo, and dpkg knows none of the packages: it says what to install.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "grep").symlink_to(shutil.which("grep"))
    for name, output in (("id", "echo 1000"), ("dpkg-query", "exit 1")):
        (bin_dir / name).write_text(f"#!/bin/sh\n{output}\n")
        (bin_dir / name).chmod(0o755)
    result = subprocess.run([shutil.which("bash"), str(ROOT / "scripts" / "debian-packages"), "site"],
                            cwd=tmp_path, env={"PATH": str(bin_dir)}, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-noto-cjk" in result.stderr
