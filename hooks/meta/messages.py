"""What this package tells editors, in one place, so that the messages can be translated
together. Each is a :class:`figures.schema.Problem`'s message, with the file and line."""

#: ``description:`` in front matter is not text
NOT_TEXT = "'description' must be one or two sentences of text, like: description: 本页汇总……"
#: a page with nothing to describe it by
NO_OPENING = ("the page has no opening paragraph to describe it in search results and shares: "
              "write one, or a 'description:' in its front matter")
#: two pages of one language with one description; {other} is file:line of the first
SAME_AS = ("this page's description is the same as that of {other}: search results and shares "
           "would read the same; write a 'description:' of its own in this page's front matter")
#: a character the share image's font cannot draw; {characters}, {field} (title, summary…), {font}
NO_GLYPH = ("the share image cannot show {characters!r} ({field}): the font {font} has no glyph for it; "
            "write it another way")
