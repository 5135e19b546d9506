"""hooks/figures/check/safety.py: page content that would run code in a reader's browser."""
from __future__ import annotations

import pytest

from figures.check.safety import line_of, published, rendered, scan


def lines(text: str) -> list[int]:
    return [p.line for p in scan(text, file="docs/theory.md")]


@pytest.mark.parametrize("unsafe, what", [
    ("<script>alert(1)</script>", "<script>"),
    ("< SCRIPT src=x>", "<script>"),
    ('<img src=x onerror=alert(1)>', "event handler"),
    ('<a href="#" onclick = "x()">a</a>', "event handler"),
    ("[link](javascript:alert(1))", "javascript:"),
    ('<a href="JavaScript :alert(1)">x</a>', "javascript:"),
    ('<iframe src="https://example.org"></iframe>', "<iframe>"),
    ("<object data=x></object>", "<object>"),
    ("<embed src=x>", "<embed>"),
])
def test_unsafe_constructs_are_refused_with_their_line(unsafe, what):
    text = f"---\nmetrics: []\n---\n\n# T\n\n正文{unsafe}正文。\n"
    problems = scan(text, file="docs/theory.md")
    assert len(problems) == 1
    p = problems[0]
    assert (p.file, p.line) == ("docs/theory.md", 7)
    assert what in p.text()
    assert str(p).startswith("docs/theory.md:7: ")


def test_front_matter_is_scanned_too():
    text = "---\nmetrics:\n  - id: x\n    label: {zh: <img src=x onerror=alert(1)>, en: x}\n---\n"
    assert lines(text) == [4]


def test_several_problems_on_several_lines():
    text = "a <script>\nok\nb javascript:x\n<img onload=x>\n"
    assert lines(text) == [1, 3, 4]


def test_two_kinds_on_one_line_are_two_problems():
    assert lines('<script>x</script><img src=x onerror=y>') == [1, 1]


@pytest.mark.parametrize("safe", [
    "共成立青年宣讲团1440支。",
    "<span class=\"figure-source\" id=\"fig-x\">text</span>",
    "<div markdown>Some **bold**</div>",
    "[a link](https://example.org/) and [another](../theory/#fig-x)",
    "The word description or transcription, one=1, bonus points.",
    "<abbr title=\"Communist Youth League\">CYL</abbr>",
    "<!-- figures:summary -->",
])
def test_ordinary_content_passes(safe):
    assert scan(safe, file="docs/x.md") == []


# --- ways round a line-by-line, literal scan: each still runs code once Markdown passes it on ---

def test_a_tag_split_over_two_lines_is_still_refused():
    # Python-Markdown keeps `<img src=x⏎onerror=alert(1)>` as one inline tag.
    text = "正文<img src=x\nonerror=alert(1)>正文。\n"
    problems = scan(text, file="docs/theory.md")
    assert [p.line for p in problems] in ([1], [2]), problems
    assert "event handler" in problems[0].text()


def test_a_handler_after_a_quoted_greater_than_sign_is_still_refused():
    # `>` inside a quoted attribute value does not end the tag: onclick is a real handler.
    text = 'Text <a title="a>b" onclick="alert(1)">c</a> more.\n'
    assert [p.line for p in scan(text, file="docs/theory.md")] == [1]


@pytest.mark.parametrize("url", ["javascript&#58;alert(1)", "&#106;avascript:alert(1)",
                                 "java&#x09;script:alert(1)"])
def test_a_javascript_url_written_with_character_references_is_still_refused(url):
    # Browsers decode character references in attribute values: these are javascript: URLs.
    problems = scan(f"[x]({url})\n", file="docs/theory.md")
    assert [p.line for p in problems] == [1]
    assert "javascript:" in problems[0].text()


@pytest.mark.parametrize("code", ["Write `<script>` to add a script.",
                                  "```html\n<script>alert(1)</script>\n```",
                                  "Use ``<img onerror=x>`` here."])
def test_markup_inside_code_is_text_not_markup(code):
    assert scan(f"# T\n\n{code}\n", file="docs/x.md") == []


def test_markup_after_code_on_the_same_line_is_still_found():
    assert lines("# T\n\n`code` then <script>x</script>\n") == [3]


# --- the published HTML -------------------------------------------------------------------------

@pytest.mark.parametrize("page_html, kind, what", [
    ("<p>x<script>1</script></p>", "script", "a <script> element"),
    ('<div>`<img src=x onerror="a()">`</div>', "handler", "an inline event handler (on…=)"),
    ('<p><a href="&#106;avascript:x">y</a></p>', "javascript", "a javascript: URL"),
    ('<p><iframe src="https://example.org"></iframe></p>', "iframe", "an embedded <iframe>"),
])
def test_unsafe_html_is_found_in_the_published_page(page_html, kind, what):
    assert rendered(page_html) == [kind]
    assert f"the published page would carry {what}, which is not allowed" in published("docs/x.md", 3, kind).text()


@pytest.mark.parametrize("page_html", [
    "<p>共成立青年宣讲团1440支。</p>",
    "<p>Markup such as <code>&lt;script&gt;</code> or <code>onerror=x</code> shows as text.</p>",
    "<pre><code>javascript:alert(1)</code></pre><p>a note&#8617;</p>",
    '<p><a href="../theory/#fig-x" title="Go on">on</a></p>',
])
def test_code_and_ordinary_html_are_safe(page_html):
    assert rendered(page_html) == []


def test_the_line_named_is_where_the_source_holds_it():
    source = "# T\n\ntext\n\n<div>`<img src=x ONERROR=\"a()\">`</div>\n"
    assert line_of(source, "handler") == 5
    assert line_of("a\n&lt;\n<Script>\n", "script") == 3
    assert line_of("nothing here\n", "javascript") == 1


def test_an_escaped_backtick_opens_no_code():
    assert lines("正文\\`<script>x</script>\\`正文") == [1]
    assert lines("正文`<script>x</script>`正文") == []
