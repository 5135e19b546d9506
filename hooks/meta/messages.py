"""What this package tells editors, in one place: each a :class:`messages.Message` (translated
in ``hooks/messages/locale``), a :class:`figures.schema.Problem`'s message with the file and line."""
from __future__ import annotations

from messages import Message, msg

#: ``description:`` in front matter is not text
NOT_TEXT = msg("'description' must be one or two sentences of text, like: description: 本页汇总……")
#: a page with nothing to describe it by
NO_OPENING = msg("the page has no opening paragraph to describe it in search results and shares: "
                 "write one, or a 'description:' in its front matter")

#: what a share image shows, by the name the card gives it
FIELDS = {
    "title": msg("the page's title"),
    "summary": msg("the page's description"),
    "figure": msg("the headline figure"),
    "context": msg("what the headline figure counts"),
    "publisher": msg("the publisher"),
    "edition": msg("the report's title"),
    "year": msg("the year"),
}


def same_as(other: str) -> Message:
    """Two pages of one language with one description; ``other`` is file:line of the first."""
    return msg("this page's description is the same as that of {other}: search results and shares "
               "would read the same; write a 'description:' of its own in this page's front matter",
               other=other)


def no_glyph(characters: str, field: str, font: str) -> Message:
    """A character the share image's font cannot draw."""
    return msg("the share image cannot show '{characters}' ({field}): the font {font} has no glyph for "
               "it; write it another way", characters=characters, field=FIELDS.get(field, field), font=font)


def no_font(reason: Message | str) -> Message:
    """The pinned font is not installed: the build stops before anything is written."""
    return msg("The share images cannot be drawn: {reason}. Nothing was published.", reason=reason)
