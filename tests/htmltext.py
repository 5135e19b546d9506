"""Read what a reader sees in a built page: the article's text, and its links."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP_CLASSES = {"headerlink", "figures-panel", "admonition", "md-source-file", "md-content__button"}
_VOID = {"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed"}


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0          # inside <article>
        self.skip = 0           # inside an element we leave out
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipping = bool(classes & _SKIP_CLASSES)
        self.stack.append(skipping)
        self.skip += skipping
        if tag == "article":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in _VOID or not self.stack:
            return
        self.skip -= self.stack.pop()
        if tag == "article":
            self.depth -= 1
        if tag in ("p", "h1", "h2", "h3", "li", "td", "th"):
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.parts.append(data)


def article_text(html: str) -> str:
    """The text of a page's article, without permalinks, figures panel and editor's notes."""
    parser = _Article()
    parser.feed(html)
    return "".join(parser.parts)


def links(html: str, **attrs: str) -> list[dict[str, str]]:
    """Every <a> whose attributes include ``attrs`` (e.g. hreflang='en')."""
    found = []
    for tag in re.finditer(r"<a\b[^>]*>", html):
        pairs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag.group(0)))
        if all(pairs.get(k) == v for k, v in attrs.items()):
            found.append(pairs)
    return found
