"""A YAML mistake in plain words: what is wrong, how to fix it, and on which line.

PyYAML says where it gave up reading ("expected ',' or '}', but got '{'", "expected <block
end>, but found '<block mapping start>'"), often a line after the mistake. :func:`explain`
reads its error together with the text, and names the mistake an editor made, on the line
where it is: the ``{`` opened and never closed, the line indented differently from the one
above, the ``:`` in a value that needs quotes. No word of the parser reaches the editor: a
mistake it cannot name is still said in plain words, on the line where reading stopped.

The error must come from PyYAML's own (pure Python) loader: libyaml words its errors
differently. :func:`reread` gives that error for a text libyaml refused.
"""
from __future__ import annotations

import re

import yaml

from messages import Message, msg

_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[^\s:#\-\[\]{}\"'][^:]*$")   # "  key" or "  - key", before its ':'
_NO_SPACE_AFTER_COLON = re.compile(r"^\s*(?:-\s+)?[\w\-]+:[^\s/]")
_FOUND = re.compile(r"found '(.*)'|got '(.*)'|found character '(.*)'")


def reread(text: str) -> yaml.YAMLError | None:
    """The error PyYAML's pure Python loader gives for ``text`` (None: it reads it)."""
    try:
        yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        return error
    return None


def explain(text: str, error: yaml.YAMLError, *, first_line: int = 1) -> tuple[int, Message]:
    """The mistake behind ``error`` (raised by PyYAML's SafeLoader for ``text``): its line in the
    file (0 when there is none) and what to do, in plain words. ``first_line`` is the file's line
    of the text's first line (2 for front matter, after its ``---``)."""
    line, message = _explain(text, error)
    if not line:
        return 0, message
    shift = first_line - 1
    args = tuple((k, v + shift if k == "line" else v) for k, v in message.args)
    return line + shift, Message(message.id, args, message.plural, message.n)


def _explain(text: str, error: yaml.YAMLError) -> tuple[int, Message]:
    lines = text.splitlines()
    if isinstance(error, yaml.reader.ReaderError):  # a control character, pasted from elsewhere
        return text.count("\n", 0, error.position) + 1, msg(
            "this line holds an invisible character that YAML does not accept (pasted from another "
            "program, most often): delete the line's text and type it again")
    tab = next((i for i, line in enumerate(lines) if "\t" in line[: len(line) - len(line.lstrip())]), None)
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    at, since = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    row, column = (at.line, at.column) if at is not None else (since.line if since else 0, 0)
    if tab is not None and tab <= row:
        return tab + 1, msg("this line is indented with a tab: YAML needs spaces; indent it with spaces, "
                            "as the lines around it are")
    quoted = _open_quote(text, row)
    if quoted is not None:
        return quoted[0] + 1, _unclosed(quoted[1], quoted[0] + 1)
    if "escape character" in problem:
        return row + 1, msg("in double quotes, `\\` starts an escape: write `\\\\` for a backslash, or put "
                            "the text in single quotes instead")
    if "quoted scalar" in context and since is not None:
        return since.line + 1, _unclosed(_char(lines, since.line, since.column) or '"', since.line + 1)
    if context.startswith(("while parsing a flow mapping", "while parsing a flow sequence")) and since is not None:
        return _flow(lines, problem, since, row)
    if problem == "mapping values are not allowed here":
        return _colon(lines, row, column)
    if problem.startswith("expected <block end>"):
        return _block_end(lines, problem, row, column)
    if problem == "could not find expected ':'" and since is not None:
        return since.line + 1, _no_colon()
    if "cannot start any token" in problem:
        return row + 1, _starts_with(_found(problem))
    if "alias" in context or "anchor" in context or problem.startswith("found undefined alias"):
        return row + 1, _starts_with(_char(lines, row, since.column if since and "alias" not in problem else column))
    if "block scalar" in context:
        return row + 1, _starts_with(_char(lines, since.line, since.column) if since else ">")
    if "another document" in problem:
        return row + 1, msg("a line `---` ends the YAML here, and more follows: remove this line")
    if "unhashable key" in problem:
        return row + 1, msg("a key must be a plain word, not a list or a group of keys: write `key: value`")
    return (row + 1 if at is not None or since is not None else 0), msg(
        "YAML cannot read this line: check its quotes, brackets and indentation, and those of the "
        "line above")


def _unclosed(quote: str, line: int) -> Message:
    return msg("the quote {quote} opened on line {line} is not closed: end the text with {quote} on "
               "the same line (a {quote} inside the text is written twice in single quotes, or as "
               "\\\" in double quotes)", quote=f"`{quote}`", line=line)


def _flow(lines: list[str], problem: str, since, row: int) -> tuple[int, Message]:
    opener = _char(lines, since.line, since.column) or "{"
    closer = "}" if opener == "{" else "]"
    if row != since.line or "<stream end>" in problem:
        return since.line + 1, msg("the `{opener}` opened on line {line} is not closed: add `{closer}` at the "
                                   "end of its value, on the same line", opener=opener, closer=closer,
                                   line=since.line + 1)
    if _found(problem) == ":":
        return row + 1, msg("a `:` in a value needs quotes: write the value in double quotes "
                            "(note: \"Short: form\"); if a new key starts here, a `,` is missing before it")
    return row + 1, msg("this `{opener}…{closer}` is not written as YAML expects: separate its entries with "
                        "`, ` and quote any text that holds `,` `:` `{{` `}}` `[` or `]`",
                        opener=opener, closer=closer)


def _colon(lines: list[str], row: int, column: int) -> tuple[int, Message]:
    """A ``:`` where no key may start: in a value, or a key on a line that does not line up."""
    here = lines[row] if row < len(lines) else ""
    if not _KEY_LINE.match(here[:column]):
        return row + 1, msg("a `:` in a value needs quotes: write the value in double quotes, "
                            "like label: \"Youth: a study\"")
    above = _previous(lines, row)
    if above is not None and _NO_SPACE_AFTER_COLON.match(lines[above]):
        return above + 1, msg("a `:` after a key needs a space after it: write `key: value`")
    if above is not None and ":" not in lines[above]:
        return above + 1, _no_colon()
    return row + 1, _indented()


def _block_end(lines: list[str], problem: str, row: int, column: int) -> tuple[int, Message]:
    found = _found(problem)
    here = lines[row] if row < len(lines) else ""
    before = here[:column].rstrip()
    if found == "<scalar>" and before[-1:] in ("\"", "'"):
        return row + 1, msg("text follows the closing quote: put the whole value in one pair of quotes; "
                            "a quote inside it is written twice in single quotes ('it''s'), or as \\\" "
                            "in double quotes")
    if found in ("}", "]"):
        return row + 1, msg("this `{closer}` closes nothing: remove it, or add the opening one",
                            closer=found)
    if found == "-" and here[:column].strip() == "":
        return row + 1, msg("a list item (`- …`) stands among keys (`key: value`): indent it as the items "
                            "above it are, or put the list under a key of its own (`key:`, then its items "
                            "indented below it)")
    return row + 1, _indented()


def _indented() -> Message:
    return msg("this line is indented differently from the one above: the keys of one group stand one "
               "under the other, and what belongs to a key is indented below it, with spaces")


def _no_colon() -> Message:
    return msg("this line has no `:`: a key is written `key: value`; if the line continues the text "
               "above, put that text in quotes on one line")


def _starts_with(char: str) -> Message:
    shown = "`` ` ``" if char == "`" else f"`{char or '?'}`"
    return msg("a value cannot start with {char} in YAML: put the value in double quotes", char=shown)


def _found(problem: str) -> str:
    match = _FOUND.search(problem)
    if not match:
        return ""
    found = next(g for g in match.groups() if g is not None)
    return found.encode().decode("unicode_escape") if found.startswith("\\") else found


def _char(lines: list[str], row: int, column: int) -> str:
    return lines[row][column] if row < len(lines) and column < len(lines[row]) else ""


def _previous(lines: list[str], row: int) -> int | None:
    """The line above ``row`` that holds something (not blank, not a comment)."""
    for i in range(row - 1, -1, -1):
        stripped = lines[i].strip()
        if stripped and not stripped.startswith("#"):
            return i
    return None


def _open_quote(text: str, row: int) -> tuple[int, str] | None:
    """A quoted text that runs from an earlier line into the line where reading stopped: in these
    files a quote is closed on its own line, so the quote that opened it is the mistake."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.line > row:
                break
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                last = token
    except yaml.YAMLError:
        pass
    if last is not None and last.start_mark.line < last.end_mark.line and last.end_mark.line >= row - 1:
        return last.start_mark.line, last.style
    return None
