"""hooks/figures/draw/anchors.py: each sentence that states a figure gets an anchor span."""
from __future__ import annotations

import re

import markdown

from figures.draw.anchors import PREFIX, anchor_id, insert
from figures.parse.prose import sentences

BODY = "# 标题\n\n共成立青年宣讲团1440支。发动青年讲师7237名。\n\n近6万名青年参与。\n"


def spans_for(body: str, wanted: dict[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, id) of the sentence containing each text of ``wanted`` (id → text)."""
    found = sentences(body, "zh")
    return [(s.start, s.end, mid) for mid, text in wanted.items() for s in found if text in s.text]


def unwrap(html: str) -> str:
    return re.sub(r'<span class="figure-source" id="[^"]*">|</span>', "", html)


def test_anchor_id():
    assert PREFIX == "fig-"
    assert anchor_id("lecture-teams") == "fig-lecture-teams"


def test_one_span_per_sentence():
    spans = spans_for(BODY, {"lecture-teams": "1440", "learners": "6万"})
    out = insert(BODY, spans)
    assert '<span class="figure-source" id="fig-lecture-teams">共成立青年宣讲团1440支。</span>' in out
    assert '<span class="figure-source" id="fig-learners">近6万名青年参与。</span>' in out
    assert unwrap(out) == BODY


def test_a_sentence_with_several_figures_gets_nested_spans_in_order():
    spans = [(0, 5, "a"), (0, 5, "b"), (6, 8, "c")]
    out = insert("01234 67 rest", spans)
    assert out == ('<span class="figure-source" id="fig-a"><span class="figure-source" id="fig-b">'
                   '01234</span></span> <span class="figure-source" id="fig-c">67</span> rest')


def test_spans_in_any_order_keep_their_offsets():
    body = "aaa bbb ccc"
    forward = insert(body, [(0, 3, "a"), (4, 7, "b"), (8, 11, "c")])
    backward = insert(body, [(8, 11, "c"), (0, 3, "a"), (4, 7, "b")])
    assert forward == backward
    assert unwrap(forward) == body
    for mid, word in (("a", "aaa"), ("b", "bbb"), ("c", "ccc")):
        assert f'id="fig-{mid}">{word}</span>' in forward


def test_no_spans_changes_nothing():
    assert insert(BODY, []) == BODY


def test_anchored_markdown_renders_each_id_once_around_the_sentence():
    spans = spans_for(BODY, {"lecture-teams": "1440", "youth-lecturers": "7237", "learners": "6万"})
    html = markdown.markdown(insert(BODY, spans))
    for mid in ("lecture-teams", "youth-lecturers", "learners"):
        assert html.count(f'id="fig-{mid}"') == 1
    assert re.search(r'<p><span class="figure-source" id="fig-lecture-teams">共成立青年宣讲团1440支。</span>', html)
