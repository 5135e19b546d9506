"""MkDocs adapter for the report: a few lines per event, the work is in plain modules.

- ``figures/``: the pages read and checked (official text, translation, figures, links),
  the figures counted and drawn;
- ``search/``: one search index per language;
- ``glossary.py``: the official terms, drawn on the glossary pages;
- ``meta/``: what search engines and chat apps read: descriptions, share images, hreflang,
  structured data, the sitemap and robots.txt;
- ``edition/``: the whole report on one page and as a PDF, per language;
- ``problems.py``: problems as GitHub annotations and a job summary.
"""
from __future__ import annotations

import gc
import logging
import os
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

import addresses
import chrome
import fonts
import glossary
import jinja_cache
import problems as annotations
import session
from edition import build as edition
from edition import messages as edition_messages
from edition.pdf import Failed, Printer, Unavailable
from figures import pipeline
from figures.check import safety
from figures.check.twins import Term
from figures.draw import anchors, html, opendata
from figures.parse.datafile import DataFileError
from figures.schema import LANGUAGES, Problem
from messages import msg, msg_n
from meta import crawl, dates, share
from meta import messages as share_messages
from meta.head import image_path
from search import terms
from search.index import localise

log = logging.getLogger("mkdocs.plugins.report")

GLOSSARY_PAGE = "glossary/"  # where glossary.md is served, under a language's root
CATEGORIES = "data/categories.yml"
GLOSSARY = "data/glossary.yml"
OFFICIAL_TEXT = "data/source/report-2023.zh.txt"
HIGHLIGHTS = "data/highlights.yml"
EDITION_PAGE = "full-text"  # docs/full-text.md: the whole report on one page (hooks/edition/)
PDF_NAME = "report-2023.{lang}.pdf"  # beside it
FIGURES_MARKER = "<!-- figures:"  # a block of the figures (figures.draw.html.BLOCKS) goes here
#: what the markers the hook fills draw from: a page's date is its sources' newest (meta/dates.py)
DRAWN = (dates.Drawn(FIGURES_MARKER, (CATEGORIES, HIGHLIGHTS), figures=True),
         dates.Drawn(glossary.MARKER, (GLOSSARY,)),
         dates.Drawn(edition.EDITION, (CATEGORIES, HIGHLIGHTS), figures=True, report=True))
_state: dict = {}


def on_startup(*, command: str, dirty: bool) -> None:
    session.current.serving = command == "serve"
    session.current.count_warnings_of(logging.getLogger("mkdocs"))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The colour scheme a reader picks is kept for the site's own path, wherever it is served."""
    config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"
    return config


def on_env(env, *, config: MkDocsConfig, files: Files):
    """Each template compiled once per process, not once per language and per rebuild. Every
    page has its HTML by now, and none is written yet: unsafe HTML stops the build here."""
    env.bytecode_cache = jinja_cache.shared
    _refuse_unsafe(_state.pop("unsafe", []))
    _state["edition"] = _edition(config, files)
    return env


def on_pre_build(*, config: MkDocsConfig) -> None:
    session.current.start(_lang(config))
    if _lang(config) == session.DEFAULT_LANGUAGE and _wants_pdf(config):
        _state["printer"] = Printer(str(Path(__file__).parent))  # loads WeasyPrint meanwhile
    groups, problems = _glossary(config)
    with _collector_paused():
        analysis = pipeline.analyse(Path(config.docs_dir), _pages(config), _root(config) / CATEGORIES,
                                    official_text=_root(config) / OFFICIAL_TEXT, terms=_terms(groups),
                                    highlights_path=_root(config) / HIGHLIGHTS)
    about = _described(analysis, config)
    problems = [*problems, *analysis.problems, *about.problems]
    _state.update(analysis=analysis, templates=_templates(config), glossary=groups, problems=problems, unsafe=[])
    if _lang(config) != session.DEFAULT_LANGUAGE:
        return
    _state["sitemap"] = {}
    _state["dates"] = _dates(config, analysis)
    if problems:  # once per build
        _report(problems)
    _state["share"] = _share(config, analysis, about)  # every language's, before anything is written


@event_priority(100)  # before other plugins change the Markdown the offsets refer to
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    analysis = _state["analysis"]
    spans = analysis.anchors.get(page.file.src_uri)
    if not spans:
        return markdown
    if analysis.bodies.get(page.file.src_uri) != markdown:
        log.warning(str(msg("'{page}' was changed by another plugin before the figures' sentences could be "
                            "anchored: ask a developer", page=page.file.src_uri)))
        return markdown
    return anchors.insert(markdown, spans)


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang, slug = _lang(config), _slug(page)
    _state.setdefault("unsafe", []).extend(_unsafe(html_text, page, _root(config)))
    stats = _state["analysis"].stats
    if slug in stats.by_section and stats.by_section[slug]:
        html_text = _after_h1(html_text, html.panel(_state["templates"], stats.by_section[slug], lang))
    if FIGURES_MARKER in html_text:
        html_text = _fill_blocks(html_text, lang, page)
    if glossary.MARKER in html_text:
        html_text = html_text.replace(glossary.MARKER, glossary.render(_state["templates"], _state["glossary"], lang))
        _add_to_contents(page, glossary.headings(_state["glossary"], lang))
    return _with_problems(chrome.localise(html_text, lang), lang)


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """The page's description, share tags, alternates and sitemap entry, the date it last
    changed; the one-page edition's report and contents, and the links to the PDF with its size."""
    lang = _lang(config)
    context["report_updated"] = updated = _state.get("dates", {}).get((_norm(page), lang))
    _share_context(context, page, lang, updated)
    _edition_context(page)
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """A page that links to a PDF not made yet: written again once its size is known."""
    made = _state.get("edition")
    if made is not None and edition.SIZE in output:
        made.waiting[Path(page.file.abs_dest_path)] = output
    return output


def on_build_error(*, error: Exception) -> None:
    _close_printer()


@event_priority(-50)  # after the search plugin wrote this language's index, before i18n merges
def _write_language_outputs(*, config: MkDocsConfig) -> None:
    lang, site = _lang(config), Path(config.site_dir)
    for page, shared in _state.get("share", {}).get(lang, {}).items():
        session.current.keep(site / image_path(page, lang), shared.image)
    prefix = addresses.root(lang)
    index = site / "search" / "search_index.json"
    if index.exists():
        others = tuple(addresses.root(other) for other in LANGUAGES if other not in (lang, session.DEFAULT_LANGUAGE))
        rows = terms.entries(_state["glossary"], lang, location=GLOSSARY_PAGE)
        with _collector_paused():
            localised = localise(index.read_text(encoding="utf-8"), lang, prefix=prefix, others=others,
                                 glossary=(GLOSSARY_PAGE, rows))
        session.current.keep(site / prefix / "search" / "search_index.json", localised.encode("utf-8"))
    if (site / "404.html").exists():  # each language writes 404.html: the root keeps the default's
        session.current.keep(site / prefix / "404.html", (site / "404.html").read_bytes())
    if lang == session.DEFAULT_LANGUAGE:
        for path, data in _open_data(config, site / opendata.FOLDER).items():
            session.current.keep(path, data)


@event_priority(-200)  # after the i18n plugin has built every language and merged the indexes
def _restore_outputs(*, config: MkDocsConfig) -> None:
    """The outputs kept for the end (the open data, what a later language overwrote, the
    sitemap, the PDFs and the pages that give their size), written once every language is
    built: a failure in any of them stops the build before this."""
    for name, data in crawl.outputs(_state.get("sitemap", {}), _pages(config), LANGUAGES,
                                    config.site_url or "/").items():
        session.current.keep(Path(config.site_dir) / name, data)
    _finish_pdfs()
    session.current.restore()


@event_priority(-300)  # the last language's last step: MkDocs would count its warnings only
def _count_every_language(*, config: MkDocsConfig) -> None:
    failure = session.current.strict_failure()
    if config.strict and failure and _lang(config) != session.DEFAULT_LANGUAGE:
        raise Abort(failure)


on_post_build = CombinedEvent(_write_language_outputs, _restore_outputs, _count_every_language)


# --- helpers ---------------------------------------------------------------------------------

def _described(analysis, config: MkDocsConfig) -> share.Described:
    """Every page's title and description, both languages: once per analysis."""
    cached = _state.get("described")
    if not (cached and cached[0] is analysis):
        cached = _state["described"] = (analysis, share.described(
            _pages(config), analysis.pages, analysis.blocks, pipeline.source_path))
    return cached[1]


def _dates(config: MkDocsConfig, analysis) -> dict[tuple[str, str], dates.Day]:
    """When each page's content last changed, in both languages: one git call per build."""
    root = _root(config)
    return dates.days(_pages(config), LANGUAGES, project=str(root),
                      docs=Path(os.path.relpath(config.docs_dir, root)).as_posix(), texts=analysis.bodies,
                      metrics={f"{m.section}.md" for m in analysis.metrics}, official=analysis.official,
                      drawn=DRAWN)


def _share(config: MkDocsConfig, analysis, about: share.Described) -> dict[str, dict[str, share.Shared]]:
    """Every language's share images and <head> tags, page by page, in the first language's
    build: drawn before any page of any language is written, so that a missing font or glyph
    stops the build with nothing half-published."""
    original = _published_original() if (_root(config) / OFFICIAL_TEXT).exists() else None
    cache = Path(platformdirs.user_cache_dir("cyl-report-2023")) / "share-images"
    out, problems = {}, []
    try:
        for lang, settings in _share_settings(config).items():
            out[lang], found = share.shared(_pages(config), analysis.bodies, about, analysis.stats, settings,
                                            official=analysis.official, highlights=HIGHLIGHTS,
                                            source_path=pipeline.source_path, original=original, cache=cache,
                                            anchors=analysis.anchors)
            problems.extend(found)
    except fonts.MissingFont as error:
        raise PluginError(str(share_messages.no_font(error.reason))) from None
    _state["share_problems"] = problems  # the preview shows them atop the pages too, in each language
    if problems:
        _report(problems)
    return out


def _share_settings(config: MkDocsConfig) -> dict[str, share.Settings]:
    """Each language's settings, in the default language's build (``config``): another
    language's are the i18n plugin's overrides for it (site_name, copyright, extra) over these,
    as the plugin makes that language's configuration when it builds it."""
    i18n = config.plugins.get("i18n")
    entries = {entry.locale: entry for entry in i18n.config.languages if entry.build} if i18n else {}
    current, out = _lang(config), {}
    for lang in LANGUAGES:
        if lang != current and lang not in entries:
            continue
        entry = entries.get(lang) if lang != current else None
        site_name = getattr(entry, "site_name", None) or config.site_name
        publisher = getattr(entry, "copyright", None) or config.copyright or ""
        extra = {**config.extra, **(getattr(entry, "extra", None) or {})}
        edition = (extra.get("masthead") or {}).get("title") or site_name
        out[lang] = share.Settings(lang, config.site_url or "", site_name, publisher, edition,
                                   str(extra.get("year") or ""))
    return out


@contextmanager
def _collector_paused():
    """Python's cycle collector, paused while the pages or an index are analysed: that work makes
    many small objects that stay alive until it ends, and each collection would walk the whole
    build's heap for nothing (a fifth of the analysis' time at 500 sections)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _report(problems) -> None:
    """Each problem in the editor's language (the locale's), on GitHub as annotations too."""
    for problem in problems:
        log.error(str(problem))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        _annotate(problems)
    if session.current.serving:
        log.error(str(msg("The preview shows these problems at the top of every page until they are fixed.")))
        return
    raise PluginError(str(msg_n("{n} problem in the report's pages; see above. Nothing was published.",
                                "{n} problems in the report's pages; see above. Nothing was published.",
                                len(problems))))


def _unsafe(html_text: str, page: Page, root: Path) -> list[Problem]:
    """What the page's HTML would run in a reader's browser though its source passed the scan
    (Markdown read as markup what the scan took for code): a problem each, on the likeliest line."""
    found = safety.rendered(html_text)
    if not found:
        return []
    path = Path(page.file.abs_src_path)
    source, shown = path.read_text(encoding="utf-8-sig"), Path(os.path.relpath(path, root)).as_posix()
    return [safety.published(shown, safety.line_of(source, kind), kind) for kind in found]


def _refuse_unsafe(problems: list[Problem]) -> None:
    if not problems:
        return
    if session.current.serving:
        for problem in problems:
            log.error(str(problem))
        return
    _report(problems)


def _annotate(problems) -> None:
    """On GitHub: each problem on its line of the pull request, and a job summary."""
    print("\n".join(annotations.workflow_commands(problems)), flush=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(annotations.summary(problems))


def _glossary(config: MkDocsConfig) -> tuple[list, list]:
    try:
        return glossary.load(_root(config) / GLOSSARY), []
    except DataFileError as error:
        return [], error.problems


def _terms(groups) -> tuple[Term, ...]:
    return tuple(Term(t.zh, t.en) for g in groups for t in g.terms)


def _with_problems(html_text: str, lang: str) -> str:
    problems = [*_state["problems"], *_state.get("share_problems", [])]
    if not (problems and session.current.serving):
        return html_text
    items = "".join(f"<li><code>{escape(p.render(lang))}</code></li>" for p in problems)
    title = msg("The pages have errors: the build will fail").render(lang)
    return (f'<div class="admonition failure build-problems" role="alert"><p class="admonition-title">'
            f"{title}</p><ul>{items}</ul></div>") + html_text


def _fill_blocks(html_text: str, lang: str, page: Page) -> str:
    depth = page.url.count("/")  # page.url holds en/ already
    data_url = "../" * depth + opendata.FOLDER + "/"
    root = "../" * (depth - (lang != session.DEFAULT_LANGUAGE))  # this language's home
    for block in html.BLOCKS:
        marker = f"{FIGURES_MARKER}{block} -->"
        if marker in html_text:
            rendered = html.statistics_block(_state["templates"], block, _state["analysis"].stats, lang,
                                             data_url=data_url, root=root)
            html_text = html_text.replace(marker, rendered)
    return html_text


def _edition(config: MkDocsConfig, files: Files) -> edition.Made | None:
    """This language's edition, once every page has its HTML and before any is written: a PDF
    that cannot be made stops the build here."""
    pages = {_slug(f.page): (f.page.url, f.page.content or "") for f in files.documentation_pages() if f.page}
    if EDITION_PAGE not in pages:
        return None
    lang, analysis = _lang(config), _state["analysis"]
    site = edition.Site(
        lang=lang, template_dir=_state["templates"], site_url=addresses.base(config.site_url or "/"),
        root=addresses.root(lang),
        page=pages[EDITION_PAGE][0], pdf_name=PDF_NAME.format(lang=lang),
        official_text=_published_original(), publisher=config.copyright or "",
        year=str(config.extra.get("year") or "") or None,
        short_title=(config.extra.get("masthead") or {}).get("short") or config.site_name,
        epoch=edition.epoch(os.environ, str(_root(config))), pdf=_wants_pdf(config),
        serving=session.current.serving)
    blocks = {block: html.statistics_block(_state["templates"], block, analysis.stats, lang,
                                           data_url=f"{opendata.FOLDER}/", root="") for block in edition.ANNEX}
    made = edition.make(site, pages, [name[:-3] for name in analysis.official], blocks)
    if edition.EDITION not in pages[EDITION_PAGE][1]:
        log.warning(str(edition_messages.no_marker(_source(config, files, EDITION_PAGE))))
    if made.document is not None:
        try:
            _state["printer"].check()
        except Unavailable as error:
            raise PluginError(str(edition_messages.stopped(error))) from None
        _state["printer"].print(made, Path(config.site_dir) / site.pdf_path)
    return made


def _share_context(context: dict, page: Page, lang: str, updated: dates.Day | None) -> None:
    shared = _state.get("share", {}).get(lang, {}).get(_norm(page))
    if shared is None:
        return
    context["report_meta"] = shared.head
    _state.setdefault("sitemap", {}).setdefault(lang, {})[_norm(page)] = crawl.Entry(
        shared.head.canonical, updated.iso if updated else None, shared.head.alternates)


def _edition_context(page: Page) -> None:
    made = _state.get("edition")
    if made is None:
        return
    page.content = made.fill(page.content or "", page_url=page.url)
    if _slug(page) == EDITION_PAGE and page.toc.items:
        page.toc.items[0].children = [_anchor(entry, 2) for entry in made.contents]


def _wants_pdf(config: MkDocsConfig) -> bool:
    settings = config.extra.get("edition") or {}
    return settings.get("pdf", True) is not False and not session.current.serving \
        and (Path(config.docs_dir) / f"{EDITION_PAGE}.md").exists()


def _finish_pdfs() -> None:
    """The PDFs made meanwhile, kept with the pages that give their size."""
    printer = _state.pop("printer", None)
    if printer is None:
        return
    try:
        for made, path, warnings in printer.collect():
            for warning in warnings:
                log.warning(str(edition_messages.warned(made.site.lang, warning)))
            session.current.keep(path, made.pdf)
            for page, output in made.waiting.items():
                session.current.keep(page, made.sized(output).encode("utf-8"))
    except (Unavailable, Failed) as error:
        raise PluginError(str(edition_messages.stopped(error))) from None
    finally:
        printer.close()


def _close_printer() -> None:
    printer = _state.pop("printer", None)
    if printer is not None:
        printer.close()


def _anchor(entry, level: int) -> AnchorLink:
    link = AnchorLink(str(escape(entry.title)), entry.id, level)
    link.children = [_anchor(child, level + 1) for child in entry.children]
    return link


def _source(config: MkDocsConfig, files: Files, slug: str) -> str:
    found = next((f for f in files.documentation_pages() if f.page and _slug(f.page) == slug), None)
    return f"{Path(config.docs_dir).name}/{found.src_uri}" if found else slug


def _open_data(config: MkDocsConfig, folder: Path) -> dict[Path, bytes]:
    analysis = _state["analysis"]
    metrics = analysis.metrics
    rows = opendata.records(metrics, config.site_url or "/")  # once for both files
    files = {
        folder / "metrics.json": opendata.metrics_json(metrics, "", rows=rows),
        folder / "metrics.csv": opendata.metrics_csv(metrics, "", rows=rows),
        folder / "datapackage.json": opendata.datapackage(
            analysis.categories, [s.slug for s in analysis.stats.sections],
            name="cyl-shanghai-2023-evaluation-metrics", title=config.site_name,
            homepage=config.site_url or ""),
    }
    out = {path: text.encode("utf-8") for path, text in files.items()}
    for source in sorted((_root(config) / OFFICIAL_TEXT).parent.glob("*.txt")):  # the original text
        out[folder / source.name] = source.read_bytes()
    return out


def _published_original() -> str:
    """The official text's path under the site's root: published with the open data."""
    return f"{opendata.FOLDER}/{Path(OFFICIAL_TEXT).name}"


def _add_to_contents(page: Page, headings: list[tuple[str, str]]) -> None:
    """Headings drawn after Markdown made the page's table of contents, listed in it under
    the page's title (Material lists what is under the h1)."""
    items = page.toc.items
    under = items[0].children if len(items) == 1 and items[0].level == 1 else items
    under.extend(AnchorLink(title, anchor, 2) for anchor, title in headings)


def _after_h1(html_text: str, fragment: str) -> str:
    end = html_text.find("</h1>")
    return html_text if end < 0 else html_text[: end + 5] + fragment + html_text[end + 5:]


def _pages(config: MkDocsConfig) -> list[str]:
    return pipeline.pages_in(config.nav or [])


def _lang(config: MkDocsConfig) -> str:
    return config.theme["language"]


def _norm(page: Page) -> str:
    """The page's Chinese source path, the same for both languages: theory.en.md → theory.md."""
    return page.file.src_uri.replace(".en.md", ".md")


def _slug(page: Page) -> str:
    return _norm(page)[:-3]


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _templates(config: MkDocsConfig) -> str:
    return str(config.theme.custom_dir or _root(config) / "overrides")
