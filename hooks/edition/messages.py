"""What the build says about the edition, in one place (to be localised with the others).

Each message says what went wrong and what to do. None of them is an editor's mistake in the
pages: they are about the machine (a missing library or font) or the site's templates.
"""
from __future__ import annotations

PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fontconfig fonts-noto-cjk"
INSTALL = f"sudo apt-get install {PACKAGES}"


def missing_library(detail: str) -> str:
    return (f"the PDF edition cannot be made: WeasyPrint could not load a system library it needs "
            f"({detail}). Install pango and fontconfig with `{INSTALL}` (./scripts/serve and "
            f"./scripts/test do this), or turn the PDF off with `extra: edition: pdf: false` in mkdocs.yml")


def missing_weasyprint(detail: str) -> str:
    return (f"the PDF edition cannot be made: WeasyPrint is not installed ({detail}). Install the "
            f"site's packages with `.venv/bin/pip install -r requirements.txt` (./scripts/serve does this)")


def missing_font(detail: str) -> str:
    return (f"the PDF edition cannot be made: {detail} (./scripts/serve and ./scripts/test install it), "
            f"or turn the PDF off with `extra: edition: pdf: false` in mkdocs.yml")


def failed(lang: str, detail: str) -> str:
    return f"the {lang} PDF edition could not be made: {detail}"


def warned(lang: str, detail: str) -> str:
    return f"the {lang} PDF edition: WeasyPrint says: {detail} (see overrides/edition/)"


def no_marker(page: str) -> str:
    return (f"{page}: the one-page edition has no place to go: the page must contain the line "
            f"<!-- edition --> where the report is to appear")
