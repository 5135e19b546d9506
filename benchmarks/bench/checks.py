"""What a fix must not lose, checked on a built site: search in both languages, navigation to
every section, and the language switcher on every section page."""
from __future__ import annotations

import json
import re
from collections import deque
from pathlib import Path
from urllib.parse import urljoin, urlsplit

_NAV_LINK = re.compile(r'<a href="([^"]+)" class="md-nav__link[" ]')
_SWITCH = re.compile(r'<a href="([^"]+)" hreflang="([a-z]+)" class="md-select__link"')
_SECTION = re.compile(r"^s\d{4}-[^/]+/$")


def features(site: Path, n: int, site_url: str) -> dict:
    out = {}
    for lang, prefix in (("zh", ""), ("en", "en/")):
        index = site / prefix / "search" / "search_index.json"
        if not index.exists():          # stock: one merged index at the root
            index = site / "search" / "search_index.json"
        pages = set()
        entries = 0
        if index.exists():
            docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
            entries = len(docs)
            merged = any(doc["location"].startswith("en/") for doc in docs)
            for doc in docs:
                location = doc["location"].split("#", 1)[0]
                if merged:                                # stock: keep this language's entries
                    if lang == "en" and not location.startswith("en/"):
                        continue
                    if lang == "zh" and location.startswith("en/"):
                        continue
                    location = location[len(prefix):]
                if _SECTION.match(location):
                    pages.add(location)
            entries = len(docs)
        out[f"search_{lang}_entries"] = entries
        out[f"search_{lang}_sections"] = len(pages)
        out[f"nav_{lang}_reachable"] = _reachable(site, prefix, site_url)
        out[f"switcher_{lang}"] = _switchers(site, prefix, "en" if lang == "zh" else "zh")
    out["ok"] = all(out[f"{k}_{lang}_{s}"] == n for lang in ("zh", "en")
                    for k, s in (("search", "sections"), ("nav", "reachable"))) and \
        all(out[f"switcher_{lang}"] == n for lang in ("zh", "en"))
    return out


def _reachable(site: Path, prefix: str, site_url: str) -> int:
    """Section pages reachable from the home page by following navigation links only."""
    root = urlsplit(site_url).path or "/"
    start = urljoin(site_url, prefix)
    seen, queue = {start}, deque([start])
    while queue:
        url = queue.popleft()
        rel = urlsplit(url).path[len(root):]
        page = site / rel / "index.html"
        if not page.is_file():
            continue
        html = page.read_text(encoding="utf-8")
        for href in _NAV_LINK.findall(html):
            target = urljoin(url, href).split("#", 1)[0]
            if target.startswith(start) and target not in seen:
                seen.add(target)
                queue.append(target)
    return sum(1 for url in seen if _SECTION.match(urlsplit(url).path[len(root) + len(prefix):]))


def _switchers(site: Path, prefix: str, other: str) -> int:
    """Section pages whose language switcher links to the same section in the other language."""
    count = 0
    for page in sorted((site / prefix).glob("s[0-9][0-9][0-9][0-9]-*/index.html")):
        slug = page.parent.name
        links = dict((lang, href) for href, lang in _SWITCH.findall(page.read_text(encoding="utf-8")))
        href = links.get(other, "")
        if href.rstrip("/").endswith(slug):
            count += 1
    return count
