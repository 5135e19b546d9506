"""Every page's "edit this page" link opens its own source file, in the page's language.

A Chinese page (at /) must link to docs/x.md, an English page (at /en/) to docs/x.en.md, and
the file must exist: an editor who follows the link lands on the text they were reading.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from support import real_config

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EDIT_PATH = "/edit/main/docs/"
#: pages that have no source file of their own, so no edit link
NO_SOURCE = {"404.html", "en/404.html"}


class _Page(HTMLParser):
    """The page's language (<html lang>) and every link that edits a source file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.edit_links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "html" and self.lang is None:
            self.lang = found.get("lang")
        if tag == "a":
            href = found.get("href", "")
            is_button = "md-content__button" in found.get("class", "").split() and "edit" in found.get("rel", "").split()
            if is_button or EDIT_PATH in href:
                self.edit_links.append(href)


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).as_posix() not in NO_SOURCE)


def _expected_source(page: str) -> tuple[str, str]:
    """``en/theory/index.html`` → (``en``, ``theory.en.md``); ``index.html`` → (``zh``, ``index.md``)."""
    parts = page.split("/")
    lang = "en" if parts[0] == "en" else "zh"
    if lang == "en":
        parts = parts[1:]
    assert parts[-1] == "index.html", f"{page}: not a directory-style page"
    stem = "/".join(parts[:-1]) or "index"
    return lang, f"{stem}.md" if lang == "zh" else f"{stem}.en.md"


def test_every_page_links_to_its_own_source_in_its_language(site):
    config = real_config()
    prefix = config["repo_url"].rstrip("/") + "/" + config["edit_uri"].strip("/") + "/"
    assert prefix.endswith(EDIT_PATH), f"edit_uri changed ({config['edit_uri']}): update this test"
    pages = _pages(site)
    assert pages, "the site has no page"
    problems, seen = [], {"zh": set(), "en": set()}
    for path in pages:
        page = path.relative_to(site).as_posix()
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        lang, expected = _expected_source(page)
        if parser.lang != lang:
            problems.append(f"{page}: <html lang={parser.lang!r}>, expected {lang!r}")
        links = list(dict.fromkeys(parser.edit_links))
        if len(links) != 1:
            problems.append(f"{page}: {len(links)} different edit links, expected one: {links}")
            continue
        href = links[0]
        if not href.startswith(prefix):
            problems.append(f"{page}: edit link {href} does not start with {prefix}")
            continue
        source = href[len(prefix):]
        if lang == "en" and not source.endswith(".en.md"):
            problems.append(f"{page}: an English page edits {source}, not its English twin x.en.md")
        if lang == "zh" and (source.endswith(".en.md") or not source.endswith(".md")):
            problems.append(f"{page}: a Chinese page edits {source}, not its Chinese source x.md")
        if not (DOCS / source).is_file():
            problems.append(f"{page}: edit link points to docs/{source}, which does not exist")
        if source != expected:
            problems.append(f"{page}: edit link points to docs/{source}, expected docs/{expected}")
        seen[lang].add(source.replace(".en.md", ".md"))
    assert not problems, "\n".join(problems)
    assert seen["zh"] == seen["en"], f"pages in one language only: {seen['zh'] ^ seen['en']}"
