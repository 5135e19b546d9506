"""Messages to editors, in Chinese or in English: Python's ``gettext``, with the catalogs under
``hooks/messages/locale/`` (extracted and compiled with Babel). Knows nothing of MkDocs.

A message is written in English, as a ``str.format`` template with named fields, and kept as
a :class:`Message`: its text and its arguments, rendered in a language only when it is shown.
So one problem can be printed in the editor's language, and shown in the preview of a Chinese
page in Chinese and of an English page in English::

    from messages import msg, msg_n

    Problem(file, line, msg("the link to '{target}' leads nowhere", target=target))
    msg_n("{n} problem in the report's pages", "{n} problems in the report's pages", n)

An argument may itself be a :class:`Message` (rendered in the same language), or a list or
tuple (joined as the language joins a list: ``a, b`` / ``a、b``); anything else is shown with
``str()``. Braces that are text are doubled: ``msg("write it as {{zh: …, en: …}}")``.

To add or change a message (developers): write it with :func:`msg` or :func:`msg_n` (a
literal first argument, so that extraction finds it), run ``scripts/messages``, and translate
the new entries it lists in ``hooks/messages/locale/zh/LC_MESSAGES/report.po``; the script
also regenerates MESSAGES.md, the editors' list of every message. The tests fail while a
message has no translation, or the catalog or MESSAGES.md is behind the code.

The language (:func:`language`) follows the standard locale variables, in gettext's order
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``): a zh locale gives Chinese, anything
else English. The catalog is compiled from the ``.po`` file in memory, the first time a
process needs it (a few milliseconds): no compiled file is kept, so none can be stale.
"""
from __future__ import annotations

import gettext
import io
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator, Mapping

DOMAIN = "report"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: the languages messages are shown in; English is the source text, Chinese its translation
LANGUAGES = ("zh", "en")
#: how each language joins the items of a list argument
_JOIN = {"zh": "、", "en": ", "}
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_pinned: list[str] = []


def language(environ: Mapping[str, str] | None = None) -> str:
    """``zh`` or ``en``, from the first locale variable that is set (``LANGUAGE`` may list
    several languages, ``zh_CN:en``: the first of them that is Chinese or English counts)."""
    if environ is None and _pinned:
        return _pinned[-1]
    environ = os.environ if environ is None else environ
    for name in _VARIABLES:
        value = environ.get(name)
        if not value:
            continue
        for entry in value.split(":"):
            code = entry.split(".")[0].split("@")[0].strip().lower()
            if code.startswith("zh"):
                return "zh"
            if code.startswith("en") or code in ("c", "posix"):
                return "en"
        return "en"
    return "en"


@contextmanager
def use(lang: str) -> Iterator[None]:
    """Render messages in ``lang`` inside the block, whatever the environment says."""
    if lang not in LANGUAGES:
        raise ValueError(f"no messages in {lang!r}: one of {LANGUAGES}")
    _pinned.append(lang)
    try:
        yield
    finally:
        _pinned.pop()


def po_file(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def translations(lang: str) -> gettext.NullTranslations:
    """The ``gettext`` translations of ``lang`` (English: the messages as written)."""
    if lang == "en":
        return gettext.NullTranslations()
    path = po_file(lang)
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return gettext.NullTranslations()
    return _compiled(str(path), stamp)


@lru_cache(maxsize=4)
def _compiled(path: str, stamp: int) -> gettext.GNUTranslations:
    """The catalog at ``path`` compiled with Babel into a ``.mo`` in memory, and read by
    ``gettext``; fuzzy entries (guessed by Babel, not yet checked) are left out."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(path, "rb") as stream:
        catalog = read_po(stream)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@dataclass(frozen=True)
class Message:
    """A message to editors, to be rendered in either language."""

    id: str                                   # the English template (the catalog's msgid)
    args: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None                 # the English plural template, for msg_n
    n: int = 0

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        catalog = translations(lang)
        template = catalog.ngettext(self.id, self.plural, self.n) if self.plural else catalog.gettext(self.id)
        return template.format(**{name: _shown(value, lang) for name, value in self.args})

    def arg(self, name: str, default: Any = None) -> Any:
        return dict(self.args).get(name, default)

    def __str__(self) -> str:
        return self.render()


def msg(text: str, /, **args: Any) -> Message:
    """A message; ``text`` is its English template (a literal, for extraction)."""
    return Message(text, _frozen(args))


def msg_n(singular: str, plural: str, n: int, /, **args: Any) -> Message:
    """A message whose English depends on a count ``n`` (also passed to the template as ``n``)."""
    return Message(singular, _frozen({"n": n, **args}), plural, n)


def render(message: Message | str, lang: str | None = None) -> str:
    """``message`` in ``lang`` (the environment's by default); a plain string as it is."""
    return message if isinstance(message, str) else message.render(lang)


def join(items: list | tuple, lang: str | None = None) -> str:
    """The items as the language lists them."""
    lang = lang or language()
    return _JOIN[lang].join(_shown(item, lang) for item in items)


def _shown(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        return join(value, lang)
    return str(value)


def _frozen(args: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((name, tuple(value) if isinstance(value, list) else value) for name, value in args.items())
