"""hooks/chrome.py: the permanent links' tooltips in the page's language."""
from __future__ import annotations

from chrome import PERMALINK, localise

HEADING = '<h2 id="item-1">(一)… <a class="headerlink" href="#item-1" title="Permanent link">¶</a></h2>'


def test_each_language_gets_its_own_tooltip():
    assert localise(HEADING, "zh") == HEADING.replace("Permanent link", "本节链接")
    assert localise(HEADING, "en") == HEADING.replace("Permanent link", PERMALINK["en"])


def test_text_that_merely_says_permanent_link_is_left_alone():
    assert localise("<p>Permanent link</p>", "zh") == "<p>Permanent link</p>"
