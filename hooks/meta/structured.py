"""schema.org JSON-LD: what the report is (home pages) and what its open data is (statistics
pages), so that search engines, dataset search included, can list them.

Only what the site knows is said: no licence, no publication date, no figure that the text
does not state. Every address is absolute.
"""
from __future__ import annotations

from addresses import base, page_url
from figures.draw.html import UI
from figures.draw.opendata import FOLDER
from figures.schema import LANGUAGES
from session import DEFAULT_LANGUAGE

CONTEXT = "https://schema.org"
#: the open data files (published under data/) and their media types; their names are those
#: of the statistics page's downloads
DATA_FILES = (("metrics.csv", "text/csv"), ("metrics.json", "application/json"),
              ("datapackage.json", "application/json"))


def organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def dataset(*, site_url: str, page: str, lang: str, name: str, description: str, publisher: str,
            year: str, image: str) -> dict:
    """The open data, described on the statistics page ``page`` in ``lang``."""
    folder = base(site_url) + FOLDER + "/"
    names = {file: title for file, title, *_ in UI[lang]["downloads"]}
    return {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": page_url(site_url, page, lang),
        "creator": organisation(publisher),
        "temporalCoverage": year,
        # the files hold every label in both languages, whichever page describes them
        "inLanguage": list(LANGUAGES),
        "isAccessibleForFree": True,
        "image": image,
        "distribution": [
            {"@type": "DataDownload", "name": names.get(file, file), "encodingFormat": media,
             "contentUrl": folder + file}
            for file, media in DATA_FILES
        ],
    }


def report(*, site_url: str, page: str, lang: str, name: str, description: str, publisher: str,
           year: str, image: str, parts: list[tuple[str, str]], original: str | None) -> dict:
    """The report itself, on its home page ``page`` in ``lang``: its parts (``(title, page)``,
    in order), the official text it reproduces (``original``: its path under the site's
    root), and its twin in the other language."""
    twins = {other: page_url(site_url, page, other) for other in LANGUAGES if other != lang}
    out = {
        "@context": CONTEXT,
        "@type": "Report",
        "name": name,
        "description": description,
        "url": page_url(site_url, page, lang),
        "inLanguage": lang,
        "author": organisation(publisher),
        "publisher": organisation(publisher),
        "temporalCoverage": year,
        "image": image,
        "hasPart": [{"@type": "WebPage", "name": title, "url": page_url(site_url, part, lang)}
                    for title, part in parts],
    }
    if original:
        out["encoding"] = {"@type": "MediaObject", "contentUrl": base(site_url) + original,
                           "encodingFormat": "text/plain", "inLanguage": DEFAULT_LANGUAGE}
    key = "workTranslation" if lang == DEFAULT_LANGUAGE else "translationOfWork"
    out[key] = [{"@type": "Report", "url": url, "inLanguage": other} for other, url in twins.items()]
    return out
