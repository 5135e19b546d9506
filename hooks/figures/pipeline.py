"""Read, check and count every figure of the site, once per set of source files.

Nothing here depends on the language being built or on MkDocs: the result is the same for
the Chinese and the English build, so the second one (and every ``mkdocs serve`` rebuild
where no page changed) takes it from the cache.
"""
from __future__ import annotations

import os
import re
from decimal import Decimal
from dataclasses import dataclass, field
from pathlib import Path

from messages import msg
from messages.hints import suggest

from .check import coverage, fields, ids, keys, links, official, parity, prose, safety, selections, twins
from .count.stats import Section, Statistics, compute
from .draw.anchors import anchor_id
from .parse import frontmatter, metrics as metric_records, numbers
from .parse.datafile import DataFileError, read_text
from .parse.prose import Block, Sentence, blocks, mask_code, sentences
from .schema import LANGUAGES, Category, Metric, Problem, load_categories

_H1 = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.M)


@dataclass
class Analysis:
    problems: list[Problem]
    categories: dict[str, Category]
    stats: Statistics
    #: source path (``theory.md``, ``theory.en.md``) → (start, end, metric id) in its body
    anchors: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    #: source path → the body the anchors' offsets refer to
    bodies: dict[str, str] = field(default_factory=dict)
    #: source path → the page as read (front matter with lines, body), for what else describes it
    pages: dict[str, frontmatter.Page] = field(default_factory=dict)
    #: source path → its headings and prose paragraphs (``parse.prose.blocks``), with file lines
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    #: the pages of the official text (``official_text: true``), in navigation order
    official: list[str] = field(default_factory=list)

    @property
    def metrics(self) -> list[Metric]:
        return self.stats.metrics


def pages_in(nav: list) -> list[str]:
    """The Markdown pages of an MkDocs ``nav`` (strings, or titled items and sections), in order."""
    out = []
    for item in nav:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, list):
                out.extend(pages_in(value))
            elif isinstance(value, str) and value.endswith(".md"):
                out.append(value)
    return out


def source_path(page: str, lang: str) -> str:
    """``theory.md`` → ``theory.en.md`` for English (the i18n suffix layout)."""
    return page if lang == "zh" else re.sub(r"\.md$", f".{lang}.md", page)


_cache: dict[str, tuple[tuple, Analysis]] = {}


@dataclass(frozen=True)
class Sources:
    """What the analysis reads besides the pages: the data files, and how to name them."""

    categories: Path
    official_text: Path | None = None     # the official Chinese text, word for word
    terms: tuple[twins.Term, ...] = ()    # the glossary's official translations
    shown_dir: str = "docs"               # how problems name the docs folder
    shown_official: str = "data/source/report-2023.zh.txt"
    highlights: Path | None = None        # the editors' key figures and charts (data/highlights.yml)


def analyse(docs_dir: Path, pages: list[str], categories_path: Path, *,
            official_text: Path | None = None, terms: tuple[twins.Term, ...] = (),
            shown_dir: str = "docs", highlights_path: Path | None = None) -> Analysis:
    """Analyse ``pages`` (Chinese sources, in navigation order), cached by file stamps.

    ``highlights_path`` is the editors' choice of key figures and charts (``data/highlights.yml``)."""
    sources = Sources(categories_path, official_text, tuple(terms), shown_dir,
                      _shown(official_text, docs_dir) if official_text else "", highlights_path)
    paths = [docs_dir / source_path(p, lang) for p in pages for lang in LANGUAGES]
    key = (tuple(pages), sources,
           *(_stamp(p) for p in [*paths, categories_path, official_text, highlights_path] if p))
    cached = _cache.get(str(docs_dir))
    if cached and cached[0] == key:
        return cached[1]
    analysis = _analyse(docs_dir, pages, sources)
    _cache[str(docs_dir)] = (key, analysis)
    return analysis


def _shown(path: Path, docs_dir: Path) -> str:
    """``data/source/x.txt``: the official text's path as editors see it, from the project root."""
    try:
        return path.resolve().relative_to(docs_dir.resolve().parent).as_posix()
    except ValueError:
        return str(path)


def _stamp(path: Path) -> tuple:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (str(path), None)
    return (str(path), st.st_mtime_ns, st.st_size)


@dataclass
class _Page:
    """One page in both languages, as read."""

    name: str
    read: dict[str, frontmatter.Page | None]
    #: values of metrics written with a mistake (already reported): the prose may state them;
    #: None when a broken metric has no readable value, so that any number may be its
    pending: set | None = field(default_factory=set)
    #: ids of the page's metrics that did not pass their checks (already reported)
    failed: set = field(default_factory=set)
    #: languages whose front matter is not all understood (reported): what it exempts is unknown
    unsure: set = field(default_factory=set)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    sentences: dict[str, list[Sentence]] = field(default_factory=dict)


def _analyse(docs_dir: Path, pages: list[str], sources: Sources) -> Analysis:
    problems: list[Problem] = []
    try:
        categories = load_categories(sources.categories)
    except DataFileError as error:
        return Analysis(error.problems, {}, compute([], []))
    sections: list[Section] = []
    all_metrics: list[Metric] = []
    anchors: dict[str, list[tuple[int, int, str]]] = {}
    bodies: dict[str, str] = {}
    read: dict[str, frontmatter.Page] = {}
    page_blocks: dict[str, list[Block]] = {}
    official_pages: list[_Page] = []
    read_pages = []
    #: the Chinese prose and a metric disagree: (page, problem, other places stating the figure)
    disagreements: list[tuple[_Page, Problem, list[str]]] = []
    #: a page whose front matter could not be read hides which part of the official text it
    #: is and which metrics it has: those checks wait until it is fixed, so that one mistake
    #: gives one problem, not one for every later page and every key figure it holds
    blind = False
    for page in pages:
        entry = _Page(page, {lang: _read(docs_dir, source_path(page, lang), sources.shown_dir)
                             for lang in LANGUAGES})
        undecodable = [p for p in entry.read.values() if p is not None and p.body is None]
        if undecodable:
            problems.extend(p for parsed in undecodable for p in parsed.problems)
            blind = True
            continue
        read_pages.append(entry)
        for lang, parsed in entry.read.items():
            if parsed is not None:
                problems.extend(parsed.problems)
                bodies[source_path(page, lang)] = parsed.body
                read[source_path(page, lang)] = parsed
                entry.blocks[lang] = page_blocks[source_path(page, lang)] = blocks(parsed.body, parsed.body_line)
                entry.sentences[lang] = sentences(parsed.body, lang, parsed.body_line, found=entry.blocks[lang])
        zh, en = entry.read["zh"], entry.read["en"]
        if zh is None:
            on_disk = [p.relative_to(docs_dir).as_posix() for p in docs_dir.glob("*.md")
                       if not p.name.endswith(".en.md")]
            problems.append(Problem(f"{sources.shown_dir}/{page}", 0, msg(
                "the page does not exist: create it, or correct its name in nav: in mkdocs.yml{suggestion}",
                suggestion=suggest(page, on_disk))))
            blind = True  # its part of the official text and its metrics are unknown
            continue
        if en is None:
            problems.append(Problem(f"{sources.shown_dir}/{source_path(page, 'en')}", 0, msg(
                "the English translation of {page} does not exist: add it (every page is in both languages)",
                page=f"{sources.shown_dir}/{page}")))
        for lang, parsed in entry.read.items():
            unknown = keys.unknown(parsed.meta, file=parsed.path) if parsed else []
            problems.extend(unknown)
            if unknown or not (parsed and parsed.readable):
                entry.unsure.add(lang)
        blind = blind or "zh" in entry.unsure  # unreadable, or a misspelt official_text, say
        flag = _flag(zh, OFFICIAL, problems)
        if flag:
            official_pages.append(entry)
        blind = blind or flag is None
        problems.extend(_twins(entry, sources))
        metrics = _page_metrics(entry, categories, problems)
        if metrics is None:
            if zh.readable:  # unreadable front matter: reported already
                for lang in LANGUAGES:
                    if entry.read[lang] is not None:
                        problems.extend(_check_prose(entry, lang, [], [])[1])
            continue
        sections.append(Section(page[:-3], {lang: _title(entry.read[lang], page[:-3]) for lang in LANGUAGES}))
        zh_named: set[str] = set()  # metrics the Chinese prose has a problem with
        for lang in LANGUAGES:  # Chinese first: the English pairs its problems with its places
            if entry.read[lang] is not None:
                spans, found = _check_prose(entry, lang, metrics, anchors.get(page, []))
                anchors[source_path(page, lang)] = spans
                if lang == "zh":
                    zh_named = {p.metric for p in found if p.metric}
                    disagreements.extend((entry, p, []) for p in found if p.code == coverage.DISAGREE)
                else:  # most often the metric itself is wrong: fixed there, the English may be right
                    _english_places(entry, spans, found, [d for d in disagreements if d[0] is entry],
                                    {m.id: m for m in metrics})
                    found = [p for p in found if p.metric not in zh_named]
                problems.extend(found)
        all_metrics.extend(metrics)
    problems.extend(ids.duplicates(all_metrics))
    if not blind:
        problems.extend(_official(official_pages, sources))
        _official_places(official_pages, sources, disagreements, {m.id: m for m in all_metrics})
    for entry, problem, places in disagreements:  # one build names every place of one change
        if places:
            problems[problems.index(problem)] = coverage.also_stated(problem, places)
    problems.extend(_links(docs_dir, read_pages, all_metrics))
    highlights = None
    if sources.highlights is not None:
        failed = set().union(*(entry.failed for entry in read_pages))
        highlights, found = selections.load(sources.highlights, _shown(sources.highlights, docs_dir),
                                            all_metrics, failed=failed, incomplete=blind)
        problems.extend(found)
    stats = compute(sections, all_metrics, highlights)
    return Analysis(problems, categories, stats, anchors, bodies, read, page_blocks,
                    [entry.name for entry in official_pages])


OFFICIAL = "official_text"


def _page_metrics(entry: _Page, categories: dict[str, Category], problems: list[Problem]) -> list[Metric] | None:
    """The Chinese page's checked metrics (None: the page declares none); the English page's
    repeats compared with them."""
    zh, en = entry.read["zh"], entry.read["en"]
    records, found = metric_records.records(zh)
    problems.extend(found)
    if records is None:
        return None
    metrics, failed = [], entry.failed
    for record in records:
        metric, found = fields.metric(record, file=zh.path, section=entry.name[:-3], categories=categories)
        problems.extend(found)
        if metric:
            metrics.append(metric)
            continue
        if record.id:
            failed.add(record.id)
        value = record.fields.get("value")
        if entry.pending is not None and value is not None and _number(value.value):
            entry.pending.add(Decimal(str(value.value)))
        else:
            entry.pending = None
    if en is not None:
        en_records, found = metric_records.records(en)
        problems.extend(found)
        checked = [r for r in en_records or [] if r.id not in failed]  # already reported
        problems.extend(parity.compare(checked, {m.id: m for m in metrics}, file=en.path, zh_file=zh.path))
    return metrics


def _flag(page: frontmatter.Page, key: str, problems: list[Problem]) -> bool | None:
    """The page's true/false ``key`` (False when absent); None, reported, when it is neither."""
    node = (page.meta.children or {}).get(key) if page.meta else None
    if node is None:
        return False
    if not isinstance(node.value, bool):
        problems.append(Problem(page.path, node.line, fields.true_or_false(key, node.value)))
        return None
    return node.value


def _twins(entry: _Page, sources: Sources) -> list[Problem]:
    zh, en = entry.read["zh"], entry.read["en"]
    problems = twins.ids(entry.blocks["zh"], file=zh.path)
    if en is not None:
        problems.extend(twins.ids(entry.blocks["en"], file=en.path))
        problems.extend(twins.compare(entry.blocks["zh"], entry.blocks["en"], zh_file=zh.path,
                                      en_file=en.path, terms=sources.terms))
    return problems


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value \
        and value not in (float("inf"), float("-inf"))


def _check_prose(entry: _Page, lang: str, metrics: list[Metric],
                 zh_spans: list[tuple[int, int, str]]) -> tuple[list, list[Problem]]:
    """One language's prose: where each figure is stated, and numbers no metric covers. A
    figure the prose no longer states and a number nothing covers, in the same paragraph,
    are one mistake and one problem."""
    parsed = entry.read[lang]
    mentions = {s: numbers.find(s.text, lang) for s in entry.sentences[lang]}  # once, for both checks
    spans, problems = _locate(metrics, parsed, entry.sentences[lang], mentions, lang,
                              outside=lambda: _outside(entry, lang))
    if entry.pending is None:
        return spans, problems  # a broken metric could be any number: report it alone first
    exempt, found = coverage.snippets(parsed.meta, file=parsed.path)
    problems.extend(found)
    if found or lang in entry.unsure:  # which numbers are exempt is unknown: report the cause alone
        return spans, problems
    problems.extend(coverage.uncovered(entry.sentences[lang], metrics, lang, file=parsed.path,
                                       exempt=exempt, pending=entry.pending, mentions=mentions))
    return spans, _pair_up(problems, entry, lang, {m.id: m for m in metrics}, zh_spans)


def _pair_up(problems: list[Problem], entry: _Page, lang: str, metrics: dict[str, Metric],
             zh_spans: list[tuple[int, int, str]]) -> list[Problem]:
    missing = [p for p in problems if p.code == prose.NOT_STATED]
    strays = [p for p in problems if p.code == coverage.UNCOVERED]
    merged: list[Problem] = []
    for problem in missing:
        lines = _paired_lines(entry, lang, problem.metric, zh_spans)
        candidates = [s for s in strays if lines is None or s.line in lines]
        if len(candidates) == 1:
            strays.remove(candidates[0])
            merged.append(coverage.explain(problem, candidates[0], metrics[problem.metric]))
        else:
            merged.append(problem)
    for problem in (p for p in problems if p.code == prose.WRONG_QUALIFIER):
        # the number with the other qualifier is the metric's own, not one no metric covers
        strays = [s for s in strays if (s.line, coverage.said(s)) != (problem.line, coverage.said(problem))]
    rest = [p for p in problems if p.code not in (prose.NOT_STATED, coverage.UNCOVERED)]
    return sorted([*rest, *merged, *strays], key=lambda p: p.line)


def _paired_lines(entry: _Page, lang: str, metric_id: str | None,
                  zh_spans: list[tuple[int, int, str]]) -> range | None:
    """The lines of the paragraph that should state ``metric_id`` in ``lang``: for English, the
    one paired with the Chinese paragraph that states it; None when it cannot be told."""
    if lang == "zh":
        return None
    start = next((a for a, _, mid in zh_spans if mid == metric_id), None)
    zh = [b for b in entry.blocks["zh"] if b.kind == "paragraph"]
    en = [b for b in entry.blocks["en"] if b.kind == "paragraph"]
    index = next((i for i, b in enumerate(zh) if start is not None and b.start <= start < b.end), None)
    if index is None or len(zh) != len(en):
        return None
    block = en[index]
    return range(block.line, block.line + block.text.count("\n") + 1)


def _official(pages: list[_Page], sources: Sources) -> list[Problem]:
    if sources.official_text is None:
        return []
    shown = sources.shown_official
    if not sources.official_text.exists():
        return [Problem(shown, 0, msg("the official text is missing: restore it (git checkout -- {file})",
                                      file=shown))]
    try:
        text = read_text(sources.official_text, shown)
    except DataFileError as error:
        return error.problems
    parts = official.parts(text)
    problems = []
    if len(pages) != len(parts):
        problems.append(Problem(shown, 0, msg("the official text has {parts} parts (its opening and each "
                                              "numbered heading), but {pages} page(s) say '{key}: true': one "
                                              "page per part, in navigation order", parts=len(parts),
                                              pages=len(pages), key=OFFICIAL)))
        return problems  # which page is which part is unknown: comparing them would blame the wrong pages
    for entry, part in zip(pages, parts):
        zh = entry.read["zh"]
        page = official.page_sentences(zh.body, entry.blocks["zh"], zh.body_line)
        end = zh.body_line + zh.body.count("\n")
        problems.extend(official.compare(page, part, file=zh.path, end_line=end, source=shown))
    return problems


def _english_places(entry: _Page, spans: list[tuple[int, int, str]], found: list[Problem],
                    disagreements: list[tuple[_Page, Problem, list[str]]], metrics: dict[str, Metric]) -> None:
    """Where the English states a figure its Chinese prose and metric disagree on: the sentence
    that states the metric's value, or the one a problem names instead (``file:line «…»``)."""
    en = entry.read["en"]
    for _, problem, places in disagreements:
        metric = metrics.get(problem.metric)
        start = next((a for a, _, mid in spans if mid == problem.metric), None)
        sentence = next((s for s in entry.sentences["en"] if s.start == start), None)
        if metric is not None and sentence is not None:
            said = next((m.text for m in numbers.find(sentence.text, "en")
                         if m.kind == numbers.FIGURE and m.value == metric.value), sentence.text[:24])
            places.append(f"{en.path}:{sentence.line} «{said}»")
            continue
        other = next((p for p in found if p.metric == problem.metric and coverage.said(p)), None)
        if other is not None:
            places.append(f"{other.file}:{other.line} {coverage.said(other)}")


def _official_places(pages: list[_Page], sources: Sources,
                     disagreements: list[tuple[_Page, Problem, list[str]]], metrics: dict[str, Metric]) -> None:
    """Where the official text states a figure a page's prose and metric disagree on: each
    sentence of the page's part that states either number."""
    if not disagreements or sources.official_text is None or not sources.official_text.exists():
        return
    try:
        parts = official.parts(read_text(sources.official_text, sources.shown_official))
    except DataFileError:
        return
    if len(parts) != len(pages):
        return
    for entry, problem, places in disagreements:
        metric = metrics.get(problem.metric)
        if metric is None or entry not in pages:
            continue
        part = parts[pages.index(entry)]
        values = {metric.value, problem.message.arg("value")}
        for sentence, line in zip(part.sentences, part.lines):
            said = [m.text for m in numbers.find(sentence, "zh") if m.kind == numbers.FIGURE and m.value in values]
            if said:
                places.append(f"{sources.shown_official}:{line} «{said[0]}»")


def _links(docs_dir: Path, pages: list[_Page], metrics: list[Metric]) -> list[Problem]:
    known: dict[str, set[str] | None] = {}
    for entry in pages:
        zh = entry.read["zh"]
        if zh is None:
            continue
        drawn = "<!-- " in zh.body  # headings drawn by the build: not all ids are known here
        known[entry.name] = None if drawn else {b.id for b in entry.blocks["zh"] if b.id}
    for m in metrics:
        if known.get(f"{m.section}.md") is not None:
            known[f"{m.section}.md"].add(anchor_id(m.id))
    problems = []
    names = tuple(entry.name for entry in pages)
    for entry in pages:
        for lang, parsed in entry.read.items():
            if parsed is not None:
                problems.extend(links.check(
                    parsed.body, page=entry.name, file=parsed.path, first_line=parsed.body_line,
                    exists=lambda path: (docs_dir / path).is_file(), anchors=known.get, pages=names))
    return problems


def _read(docs_dir: Path, relative: str, shown_dir: str) -> frontmatter.Page | None:
    path = docs_dir / relative
    if not path.exists():
        return None
    shown = f"{shown_dir}/{relative}"
    try:
        text = read_text(path, shown)  # as MkDocs reads it: a BOM is not content
    except DataFileError as error:
        return frontmatter.Page(shown, None, None, 1, error.problems, readable=False)
    page = frontmatter.read_page(shown, text)
    page.problems.extend(safety.scan(text, file=shown, owner=_owner(page)))
    return page


def _owner(page: frontmatter.Page):
    """Which metric a front-matter line belongs to, to name it in a problem."""
    records, _ = metric_records.records(page)
    starts = sorted((r.line, r.id) for r in records or [])

    def owner(line: int) -> str | None:
        if line >= page.body_line:
            return None
        found = [mid for start, mid in starts if start <= line]
        return found[-1] if found else None
    return owner


def _title(page: frontmatter.Page | None, slug: str) -> str:
    if page is None:
        return slug
    match = _H1.search(page.body)
    return match.group(1).strip() if match else slug


def _outside(entry: _Page, lang: str) -> list[tuple[int, str, bool]]:
    """The page's lines that are not its running text (headings, lists, tables, notes, editorial
    blocks), each as (line, text, editorial?): where a figure is not read."""
    parsed = entry.read[lang]
    running, editorial = set(), set()
    for block in entry.blocks[lang]:
        lines = range(block.line, block.line + block.text.count("\n") + 1)
        if block.editorial:
            editorial.update(lines)
        elif block.kind == "paragraph":
            running.update(lines)
    return [(number, text, number in editorial)
            for number, text in enumerate(mask_code(parsed.body).splitlines(), parsed.body_line)
            if number not in running and text.strip() and not text.lstrip().startswith("<!--")]


def _locate(metrics: list[Metric], page: frontmatter.Page, found_sentences: list[Sentence],
            mentions: dict[Sentence, list[numbers.Mention]], lang: str, outside=None):
    spans, problems = [], []
    located = prose.locate_all(metrics, found_sentences, lang=lang, file=page.path, mentions=mentions,
                               outside=outside)
    for metric, (anchor, found) in zip(metrics, located):
        problems.extend(found)
        if anchor:
            spans.append((anchor.sentence.start, anchor.sentence.end, metric.id))
    return spans, problems
