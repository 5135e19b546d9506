"""``mkdocs serve`` edit latency on a copy of the real site.

One metric's value is changed in the Chinese front matter, and the matching number in the
prose of both languages, so the page stays valid; then the statistics page is polled over
HTTP until it shows the new value. The edit is undone and redone a few times: the i18n
plugin keeps state between rebuilds, so later rebuilds may be slower than the first.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .measure import ENV

_FENCE = re.compile(r"^-{3}[ \t]*\r?\n(.*?\r?\n)?(?:-{3}|\.{3})[ \t]*(?:\r?\n|$)", re.S)
_COPY_IGNORE = shutil.ignore_patterns(".venv", "site", "benchmarks", "__pycache__", ".pytest_cache",
                                      "test-output", "node_modules")


@dataclass
class Edit:
    value: int
    seconds: float | None            # edit → zh statistics page shows the value (None: timed out)
    seconds_en: float | None         # edit → en statistics page shows it
    built_in: list[float] = field(default_factory=list)   # "Documentation built in" of the log


@dataclass
class ServeResult:
    metric: str
    page: str
    old: int
    startup: float                   # process start → statistics page served
    edits: list[Edit]
    log: str


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_repo(repo: Path, dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(repo, dest, ignore=_COPY_IGNORE, symlinks=True)
    return dest


def _split(text: str) -> tuple[str, str]:
    m = _FENCE.match(text)
    return (m.group(0), text[m.end():]) if m else ("", text)


def _count(body: str, number: str) -> int:
    return len(re.findall(rf"(?<![\d.,]){re.escape(number)}(?![\d,]|\.\d)", body))


def pick_metric(docs: Path, nav: list[str]) -> tuple[str, str, int] | None:
    """A metric (page, id, value) whose number the prose states exactly once per language,
    as 1440 in Chinese and 1,440 in English, with value+1 stated nowhere."""
    for page in nav:
        zh_path, en_path = docs / page, docs / (page[:-3] + ".en.md")
        if not (zh_path.exists() and en_path.exists()):
            continue
        front, body = _split(zh_path.read_text(encoding="utf-8"))
        _, en_body = _split(en_path.read_text(encoding="utf-8"))
        meta = yaml.safe_load(front.strip("-\n")) if front else None
        for metric in (meta or {}).get("metrics", []) if isinstance(meta, dict) else []:
            value = metric.get("value")
            if not (isinstance(value, int) and not isinstance(value, bool) and 1000 <= value < 9999
                    and metric.get("qualifier") == "exact" and not metric.get("cue")):
                continue
            new = value + 1
            if (_count(body, str(value)) == 1 and _count(en_body, f"{value:,}") == 1
                    and _count(body, str(new)) == 0 and _count(en_body, f"{new:,}") == 0
                    and front.count(f"value: {value}\n") == 1):
                return page, metric["id"], value
    return None


def _set(docs: Path, page: str, metric_id: str, old: int, new: int) -> None:
    zh_path, en_path = docs / page, docs / (page[:-3] + ".en.md")
    front, body = _split(zh_path.read_text(encoding="utf-8"))
    start = front.index(f"id: {metric_id}\n")
    at = front.index(f"value: {old}\n", start)
    front = front[:at] + f"value: {new}\n" + front[at + len(f"value: {old}\n"):]
    body = re.sub(rf"(?<![\d.,]){old}(?![\d,]|\.\d)", str(new), body, count=1)
    zh_path.write_text(front + body, encoding="utf-8")
    en_front, en_body = _split(en_path.read_text(encoding="utf-8"))
    en_body = re.sub(rf"(?<![\d.,]){re.escape(f'{old:,}')}(?![\d,]|\.\d)", f"{new:,}", en_body, count=1)
    en_path.write_text(en_front + en_body, encoding="utf-8")


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _shows(html: str | None, metric_id: str, value: int, lang: str) -> bool:
    if not html:
        return False
    shown = str(value) if lang == "zh" else f"{value:,}"
    return re.search(rf'#fig-{re.escape(metric_id)}"[^>]*>{re.escape(shown)}</a>', html) is not None


def measure(repo: Path, work: Path, *, edits: int = 3, timeout: float = 120.0,
            python: str = sys.executable) -> ServeResult:
    copy = copy_repo(repo, work / "serve-site")
    config = _config(copy / "mkdocs.yml")
    nav = [p for p in _flat(config.get("nav") or [])]
    picked = pick_metric(copy / "docs", nav)
    if picked is None:
        raise RuntimeError("no metric of the real site fits the serve edit (see bench/serve.py)")
    page, metric_id, old = picked
    port = free_port()
    mount = urlsplit(config.get("site_url") or "/").path.strip("/")
    base = f"http://127.0.0.1:{port}/{mount + '/' if mount else ''}"
    zh_url, en_url = base + "statistics/", base + "en/statistics/"
    log_path = work / "serve.log"
    env = dict(os.environ, **ENV)
    start = time.perf_counter()
    with open(log_path, "w", encoding="utf-8") as log:
        proc = subprocess.Popen([python, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=copy, env=env, stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
    results: list[Edit] = []
    try:
        startup = _wait(lambda: _shows(_get(zh_url), metric_id, old, "zh"), start, timeout, proc)
        if startup is None:
            raise RuntimeError(f"mkdocs serve did not serve {zh_url} in {timeout:.0f} s; see {log_path}")
        _settle(log_path, "Serving on", 1, timeout)
        current = old
        for i in range(edits):
            new = old + 1 if current == old else old
            reloads = _log(log_path).count("Reloading browsers")
            offset = len(_log(log_path))
            t0 = time.perf_counter()
            _set(copy / "docs", page, metric_id, current, new)
            zh = _wait(lambda: _shows(_get(zh_url), metric_id, new, "zh"), t0, timeout, proc)
            en = _wait(lambda: _shows(_get(en_url), metric_id, new, "en"), t0, timeout, proc)
            # the rebuild is over when MkDocs reloads the browsers
            _settle(log_path, "Reloading browsers", reloads + 1, timeout)
            time.sleep(0.5)   # let the file watcher go quiet before the next edit
            results.append(Edit(new, zh, en, _built(_log(log_path)[offset:])))
            current = new
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return ServeResult(metric_id, page, old, startup, results, str(log_path))


def _config(path: Path) -> dict:
    """The config as MkDocs reads it (``!ENV`` tags included, as the real mkdocs.yml has)."""
    from mkdocs.utils.yaml import yaml_load

    with open(path, encoding="utf-8") as stream:
        return yaml_load(stream)


def _flat(nav) -> list[str]:
    out = []
    for item in nav:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for v in item.values():
                out.extend(_flat(v) if isinstance(v, list) else [v])
    return out


def _wait(check, t0: float, timeout: float, proc) -> float | None:
    while time.perf_counter() - t0 < timeout:
        if check():
            return time.perf_counter() - t0
        if proc.poll() is not None:
            raise RuntimeError("mkdocs serve exited")
        time.sleep(0.05)
    return None


def _log(log_path: Path) -> str:
    return log_path.read_text(encoding="utf-8", errors="replace")


def _built(text: str) -> list[float]:
    """The build times MkDocs logged (the i18n plugin sometimes filters the line out)."""
    return [float(x) for x in re.findall(r"Documentation built in ([\d.]+) seconds", text)]


def _settle(log_path: Path, line: str, count: int, timeout: float) -> None:
    """Wait until the log has ``count`` lines saying ``line``."""
    t0 = time.perf_counter()
    while _log(log_path).count(line) < count and time.perf_counter() - t0 < timeout:
        time.sleep(0.05)
