"""What the page's own HTML says around the report's text, in the page's language.

Python-Markdown's ``toc`` extension writes one tooltip for every heading's permanent link,
whatever the page's language ("Permanent link"); each language gets its own here.
"""
from __future__ import annotations

PERMALINK = {"zh": "本节链接", "en": "Link to this section"}
_WRITTEN = 'title="Permanent link"'


def localise(html: str, lang: str) -> str:
    """``html`` with the permanent links' tooltips in ``lang``."""
    return html.replace(_WRITTEN, f'title="{PERMALINK[lang]}"')
