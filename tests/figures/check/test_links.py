"""hooks/figures/check/links.py: a broken link is named with its line."""
from __future__ import annotations

from figures.check.links import check

FILES = {"index.md", "theory.md", "assets/logo.svg", "sub/page.md"}
ANCHORS = {"theory.md": {"item-1", "fig-lecture-teams"}, "index.md": None}


def run(body: str, page: str = "index.md"):
    return check(body, page=page, file=f"docs/{page}", first_line=5, exists=FILES.__contains__,
                 anchors=ANCHORS.get)


def test_good_links_pass():
    body = ("[a](theory.md) [b](theory.md#item-1) ![c](assets/logo.svg) [d](https://example.org/x.md) "
            "[e](#anything) [f](mailto:a@b.c) [g](theory.md#fig-lecture-teams \"title\")\n")
    assert run(body) == []


def test_a_link_to_a_missing_page_names_its_line():
    [p] = run("text\n\nsee [here](nowhere.md).\n")
    assert (p.file, p.line) == ("docs/index.md", 7) and "'nowhere.md'" in p.text()


def test_a_missing_anchor_on_a_page_whose_ids_are_known():
    [p] = run("[x](theory.md#item-9)\n")
    assert "#item-9" in p.text() and p.line == 5


def test_links_resolve_from_the_page_folder_and_never_leave_the_docs():
    assert run("[x](../index.md) [y](page.md)", page="sub/page.md") == []
    assert len(run("[x](../outside.md)")) == 1


def test_links_in_code_are_text():
    assert run("`[x](nowhere.md)`\n\n```\n[y](nowhere.md)\n```\n") == []
