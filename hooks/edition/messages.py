"""What the build says about the edition, in one place: each a :class:`messages.Message`,
translated in ``hooks/messages/locale`` with the others.

Each message says what went wrong and what to do. None of them is an editor's mistake in the
pages: they are about the machine (a missing library or font) or the site's templates.
"""
from __future__ import annotations

from messages import Message, msg

PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-noto-cjk"
INSTALL = f"sudo apt-get install {PACKAGES}"
#: the edition's language, as a message names it
LANGUAGE_NAMES = {"zh": msg("Chinese"), "en": msg("English")}


def missing_library(detail: str) -> Message:
    return msg("the PDF edition cannot be made: WeasyPrint could not load a system library it needs "
               "({detail}). Install pango and fontconfig with `{install}` (./scripts/serve and "
               "./scripts/test do this), or turn the PDF off with `extra: edition: pdf: false` in "
               "mkdocs.yml", detail=detail, install=INSTALL)


def missing_weasyprint(detail: str) -> Message:
    return msg("the PDF edition cannot be made: WeasyPrint is not installed ({detail}). Install the "
               "site's packages with `.venv/bin/pip install -r requirements.txt` (./scripts/serve does "
               "this)", detail=detail)


def missing_font(reason: Message | str) -> Message:
    return msg("the PDF edition cannot be made: {reason} (./scripts/serve and ./scripts/test install "
               "it), or turn the PDF off with `extra: edition: pdf: false` in mkdocs.yml", reason=reason)


def failed(lang: str, detail: str) -> Message:
    return msg("the {language} PDF edition could not be made: {detail}",
               language=LANGUAGE_NAMES.get(lang, lang), detail=detail)


def warned(lang: str, detail: str) -> Message:
    return msg("the {language} PDF edition: WeasyPrint says: {detail} (see overrides/edition/)",
               language=LANGUAGE_NAMES.get(lang, lang), detail=detail)


def no_marker(page: str) -> Message:
    return msg("{page}: the one-page edition has no place to go: the page must contain the line "
               "<!-- edition --> where the report is to appear", page=page)


def stopped(reason: object) -> Message:
    """The build stops on ``reason`` before anything is written."""
    return msg("{reason}. Nothing was published.", reason=reason)
