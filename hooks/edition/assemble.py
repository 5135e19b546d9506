"""The report's pages, as the site renders them, joined into one document.

Each page of the official text keeps what it shows of that text: its title, its numbered
items, its paragraphs (with the figures' sentence anchors). What the site adds around the
text is left out: editorial blocks (``.editorial``), the figures panel, key figures, lists
(never official text: on the home page, the list of parts), permalinks, the translation
notice. Editor's notes (admonitions) are taken out of the text and kept for the notes
section. In one document, ids must be unique and links must stay inside it:

- a part's ids get its slug (``item-1`` on ``theory`` → ``theory-item-1``); the part's title
  gets the slug itself; a figure's sentence keeps its ``fig-…`` id (unique on the site);
- a link to a place the edition holds leads there (``#theory-item-1``); any other link is
  given to ``outside`` (the page's address from the site's root, with its fragment), which
  makes it relative for the web edition or absolute for the PDF;
- headings move down a level: the document's parts are ``<h2>``, their items ``<h3>``.

Knows nothing of MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

from tinyhtml5.parser import HTMLParser

FIGURE = "fig-"  # a figure's sentence anchor (figures.draw.anchors): unique on the whole site
#: classes of what the site shows around the text, left out of the edition
LEFT_OUT = frozenset({"editorial", "figures-panel", "figures-key", "build-problems",
                      "report-translation", "headerlink"})
NOTE = "admonition"
NOTE_TITLE = "admonition-title"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HOST = "edition.invalid"  # links are resolved against this made-up address, never fetched


@dataclass(frozen=True)
class Page:
    """One page of the site, as rendered: ``url`` is its address from the site's root
    (``""``, ``theory/``, ``en/theory/``), ``slug`` its name (``index``, ``theory``)."""

    slug: str
    url: str
    html: str


@dataclass
class Entry:
    """A heading of the document, for its contents and bookmarks."""

    id: str
    title: str
    children: list[Entry] = field(default_factory=list)


@dataclass
class Part:
    id: str
    title: str
    html: str                 # its title (``<h2>``) and its text
    items: list[Entry]        # its numbered items (``<h3>``)


@dataclass
class Note:
    id: str
    part: str                 # the title of the part it belongs to ("" for the home page's)
    html: str


@dataclass
class Edition:
    title: str                # the document's title: the home page's heading
    opening: str              # the home page's official text (before the first part)
    parts: list[Part]
    notes: list[Note]
    annex: dict[str, str]     # the statistics blocks, by name (``key-figures``, ``tables``)
    annex_entries: dict[str, list[Entry]]  # their headings (the tables' sections)


def assemble(home: Page | None, parts: list[Page], *, annex: dict[str, str], annex_url: str,
             outside: Callable[[str], str]) -> Edition:
    """The edition from the home page (its title, and its official text when ``home`` is
    official), the ``parts`` (the other pages of the official text, in order) and the
    statistics blocks in ``annex`` (drawn for the page at ``annex_url``, the language's home)."""
    title, trees = "", []
    if home is not None:
        tree = _parse(home.html)
        heading = tree.find("h1")
        title = _text(heading) if heading is not None else ""
        trees.append((home, None, tree))
    for page in parts:
        tree = _parse(page.html)
        _prefix_ids(tree, page.slug)
        trees.append((page, page.slug, tree))
    annexes = {}
    for name, block in annex.items():
        tree = _parse(block)
        _prefix_ids(tree, "annex")
        _shift_headings(tree)
        for number, heading in enumerate((h for h in tree.iter() if h.tag in HEADINGS and not h.get("id")), 1):
            heading.set("id", f"annex-{name}-{number}")  # for the contents
        annexes[name] = tree
    pages = {page.url: (page, anchor) for page, anchor, _ in trees}
    if home is not None and home.url not in pages:
        pages[home.url] = (home, None)

    notes_found: list[tuple[Page, str, list[ET.Element]]] = []
    drawn: list[tuple[Page, str | None, str, ET.Element]] = []
    for page, anchor, tree in trees:
        heading = tree.find("h1")
        part_title = _text(heading) if heading is not None else ""
        notes_found.extend((page, part_title, note) for note in _take_notes(tree))
        _leave_out(tree, lists=True)
        if anchor is not None:
            if heading is None:
                heading = ET.Element("h1")
                tree.insert(0, heading)
            heading.set("id", anchor)
        elif heading is not None and heading in list(tree):
            _remove(tree, heading)
        _shift_headings(tree)
        drawn.append((page, anchor, part_title, tree))

    ids = {el.get("id") for _, _, _, tree in drawn for el in tree.iter() if el.get("id")}
    ids |= {el.get("id") for tree in annexes.values() for el in tree.iter() if el.get("id")}
    links = _Links({url: (anchor, page.slug) for url, (page, anchor) in pages.items()}, ids, outside)

    edition = Edition(title, "", [], [], {}, {})
    for page, anchor, part_title, tree in drawn:
        links.rewrite(tree, page.url)
        if anchor is None:
            edition.opening += _html(tree)
            continue
        items = [Entry(h.get("id", ""), _text(h)) for h in tree.iter("h3") if h.get("id")]
        edition.parts.append(Part(anchor, part_title, _html(tree), items))
    for number, (page, part_title, note) in enumerate(notes_found, 1):
        _prefix_ids(note, f"note-{number}")
        _leave_out(note, lists=False)
        links.rewrite(note, page.url)
        edition.notes.append(Note(f"note-{number}", part_title if page is not home else "", _html(note)))
    for name, tree in annexes.items():
        links.rewrite(tree, annex_url)
        edition.annex[name] = _html(tree)
        edition.annex_entries[name] = [Entry(h.get("id", ""), _text(h)) for h in tree.iter()
                                       if h.tag in HEADINGS and h.get("id")]
    return edition


# --- the trees -------------------------------------------------------------------------------

def _parse(html: str) -> ET.Element:
    return HTMLParser(namespace_html_elements=False).parse_fragment(html)


def _html(tree: ET.Element) -> str:
    """The fragment's content as HTML (the container itself left out)."""
    out = [_escape(tree.text or "")]
    out.extend(ET.tostring(child, method="html", encoding="unicode") for child in tree)
    return "".join(out).strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text(element: ET.Element) -> str:
    """What a heading says, without its permalink."""
    parts = [element.text or ""]
    for child in element:
        if "headerlink" not in _classes(child):
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


def _parents(tree: ET.Element) -> dict[ET.Element, ET.Element]:
    return {child: parent for parent in tree.iter() for child in parent}


def _remove(parent: ET.Element, child: ET.Element) -> None:
    """Take ``child`` out, keeping the text that follows it."""
    index = list(parent).index(child)
    if child.tail:
        if index:
            before = parent[index - 1]
            before.tail = (before.tail or "") + child.tail
        else:
            parent.text = (parent.text or "") + child.tail
    parent.remove(child)


def _leave_out(tree: ET.Element, *, lists: bool) -> None:
    """What the site shows around the text; comments; with ``lists``, the page's own lists."""
    parents = _parents(tree)
    doomed = [el for el in tree.iter() if el is not tree and (
        not isinstance(el.tag, str) or _classes(el) & LEFT_OUT
        or (lists and el.tag in ("ul", "ol") and parents.get(el) is tree))]
    for element in doomed:
        parent = parents[element]
        if element in list(parent):
            _remove(parent, element)


def _take_notes(tree: ET.Element) -> list[ET.Element]:
    """The page's editor's notes, taken out of it: their content, without their title."""
    notes = []
    for element in [el for el in tree if isinstance(el.tag, str) and NOTE in _classes(el)]:
        _remove(tree, element)
        element.tail = None
        for title in [c for c in element if NOTE_TITLE in _classes(c)]:
            _remove(element, title)
        notes.append(element)
    return notes


def _prefix_ids(tree: ET.Element, prefix: str) -> None:
    for element in tree.iter():
        value = element.get("id") if isinstance(element.tag, str) else None
        if value and not value.startswith(FIGURE):
            element.set("id", f"{prefix}-{value}")


def _shift_headings(tree: ET.Element) -> None:
    for element in tree.iter():
        if element.tag in HEADINGS:
            element.tag = HEADINGS[min(HEADINGS.index(element.tag) + 1, len(HEADINGS) - 1)]


class _Links:
    """Links that lead into the edition, rewritten to lead there; the others given to ``outside``."""

    def __init__(self, pages: dict[str, tuple[str | None, str]], ids: set[str],
                 outside: Callable[[str], str]) -> None:
        self.pages, self.ids, self.outside = pages, ids, outside

    def rewrite(self, tree: ET.Element, url: str) -> None:
        for element in tree.iter("a"):
            href = element.get("href")
            if href is not None:
                element.set("href", self.href(href, url))

    def href(self, href: str, url: str) -> str:
        target = urlsplit(urljoin(f"http://{_HOST}/{url}", href))
        if target.scheme != "http" or target.netloc != _HOST:
            return href  # another site, mail, …
        path = target.path[1:]
        found = self.pages.get(path)
        if found is not None:
            anchor, slug = found
            fragment = target.fragment
            if fragment.startswith(FIGURE) and fragment in self.ids:
                return "#" + fragment
            if fragment and anchor is not None and f"{slug}-{fragment}" in self.ids:
                return f"#{slug}-{fragment}"
            if not fragment and anchor is not None:
                return "#" + anchor
        rest = path + (f"?{target.query}" if target.query else "") + (f"#{target.fragment}" if target.fragment else "")
        return self.outside(rest)
