"""Run one ``mkdocs build`` process and measure it; measure what it built."""
from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

# As scripts/serve and scripts/test run MkDocs.
ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1705291200", "PYTHONHASHSEED": "0"}


@dataclass
class Build:
    wall: float                  # seconds, process start to exit
    cpu: float                   # user + system seconds of the process and its children
    maxrss_mib: float            # peak resident memory of the largest process (MkDocs itself)
    hook: dict = field(default_factory=dict)   # {"seconds"|"cpu"|"calls": {event: …}} (timed configs)


def build(config: Path, log: Path, *, hook_times: Path | None = None,
          python: str = sys.executable, profile: Path | None = None, env: dict | None = None,
          site_dir: Path | None = None) -> Build:
    """``mkdocs build -q -f config``, in the config's folder; raises if the build fails.
    ``env`` adds to the environment (PYTHONPATH with jieba, say); ``site_dir`` builds there."""
    env = dict(os.environ, **ENV, **(env or {}))
    if hook_times:
        env["BENCH_HOOK_TIMES"] = str(hook_times)
        hook_times.unlink(missing_ok=True)
    cmd = [python]
    if profile:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "mkdocs", "build", "-q", "-f", config.name]
    if site_dir is not None:
        cmd += ["-d", str(site_dir)]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=config.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"build failed ({proc.returncode}): {' '.join(cmd)} in {config.parent}; "
                           f"see {log}:\n" + log.read_text(encoding="utf-8")[-3000:])
    hook = {}
    if hook_times and hook_times.exists():
        hook = json.loads(hook_times.read_text(encoding="utf-8"))
    return Build(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, hook)


def warnings(log: Path) -> list[str]:
    return [line for line in log.read_text(encoding="utf-8").splitlines()
            if line.startswith(("WARNING", "ERROR"))]


# --- what a reader downloads -------------------------------------------------------------------

class _Refs(HTMLParser):
    """The resources a browser fetches when it renders a page, before any script runs."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []
        self.other: list[str] = []          # icons, images, preconnects
        self.github_api = False            # Material's source component (asks api.github.com)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        rel = (a.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and a.get("href"):
            self.css.append(a["href"])
        elif tag == "link" and ({"icon", "preconnect", "preload"} & set(rel)) and a.get("href"):
            self.other.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.other.append(a["src"])
        if a.get("data-md-component") == "source":
            self.github_api = True


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_CSS_IMPORT = re.compile(r"@import\s+(?:url\()?['\"]([^'\"]+)['\"]")


@dataclass
class FirstView:
    html: int
    css: int
    js: int
    fonts: int
    other: int
    gzip: int                                   # all of the above, each file gzipped
    files: int
    off_site: list[str] = field(default_factory=list)   # absolute URLs on other hosts
    listing: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, path, bytes)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js + self.fonts + self.other


def first_view(site: Path, page: Path, site_url: str) -> FirstView:
    """Bytes a first visit to ``page`` fetches from the site (the search index excluded)."""
    html_bytes = page.read_bytes()
    refs = _Refs()
    refs.feed(html_bytes.decode("utf-8"))
    page_url = urljoin(site_url, page.relative_to(site).as_posix())
    own = urlsplit(site_url).netloc
    sizes = {"css": 0, "js": 0, "fonts": 0, "other": 0}
    compressed = len(gzip.compress(html_bytes, 6))
    off_site, seen, listing = [], set(), []

    def fetch(url: str, kind: str, base: str) -> bytes | None:
        nonlocal compressed
        absolute = urljoin(base, url)
        parts = urlsplit(absolute)
        if parts.scheme == "data":
            return None
        if parts.netloc and parts.netloc != own:
            if absolute not in off_site:
                off_site.append(absolute)
            return None
        local = site / parts.path[len(urlsplit(site_url).path):].lstrip("/")
        if absolute in seen or not local.is_file():
            return None
        seen.add(absolute)
        data = local.read_bytes()
        sizes[kind] += len(data)
        listing.append((kind, local.relative_to(site).as_posix(), len(data)))
        compressed += len(gzip.compress(data, 6))
        return data

    for href in refs.css:
        data = fetch(href, "css", page_url)
        if data:
            css_url = urljoin(page_url, href)
            text = data.decode("utf-8", "replace")
            for font in _CSS_URL.findall(text):
                if re.search(r"\.(woff2?|ttf|otf|eot)(\?|#|$)", font):
                    fetch(font, "fonts", css_url)
            for imported in _CSS_IMPORT.findall(text):
                fetch(imported, "css", css_url)
    for src in refs.js:
        fetch(src, "js", page_url)
    for src in refs.other:
        fetch(src, "other", page_url)
    if refs.github_api:
        off_site.append("https://api.github.com/repos/… (Material's repository facts, from its JS)")
    return FirstView(len(html_bytes), sizes["css"], sizes["js"], sizes["fonts"], sizes["other"],
                     compressed, len(seen) + 1, off_site, listing)


def index_sizes(site: Path) -> dict[str, tuple[int, int, int]]:
    """Each search index of a built site: (bytes, gzip bytes, entries)."""
    out = {}
    for path in sorted(site.rglob("search_index.json")):
        data = path.read_bytes()
        try:
            entries = len(json.loads(data)["docs"])
        except (ValueError, KeyError):
            entries = -1
        out[path.relative_to(site).as_posix()] = (len(data), len(gzip.compress(data, 6)), entries)
    return out


def site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


def statistics_indexing(site: Path, repeats: int = 2) -> dict[str, tuple[float, int]] | None:
    """What Material's search plugin spends on the statistics page, per language: CPU seconds
    (best of ``repeats``) of ``SearchIndex.add_entry_from_context`` (its HTML parser and
    jieba) and the bytes of the entries it makes. In-process, so it is not lost in the noise
    of whole builds."""
    try:
        import jieba
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return None
    jieba.setLogLevel(60)
    jieba.initialize()

    class _Page:
        def __init__(self, content: str):
            self.content, self.url, self.toc, self.meta, self.title = content, "statistics/", [], {}, ""

    out = {}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        page = site / prefix / "statistics" / "index.html"
        if not page.exists():
            continue
        match = re.search(r"<article[^>]*>(.*)</article>", page.read_text(encoding="utf-8"), re.S)
        if not match:
            continue
        best, size = float("inf"), 0
        for _ in range(repeats):
            index = SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
            start = time.process_time()
            index.add_entry_from_context(_Page(match.group(1)))
            best = min(best, time.process_time() - start)
            size = len(json.dumps(index.entries, ensure_ascii=False).encode("utf-8"))
        out[lang] = (best, size)
    return out
