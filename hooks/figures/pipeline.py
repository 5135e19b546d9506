"""Read, check and count every figure of the site, once per set of source files.

Nothing here depends on the language being built or on MkDocs: the result is the same for
the Chinese and the English build, so the second one (and every ``mkdocs serve`` rebuild
where no page changed) takes it from the cache.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .check import fields, ids, parity, prose, safety, selections
from .count.stats import Section, Statistics, compute
from .parse import frontmatter, metrics as metric_records, numbers
from .parse.prose import sentences
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


def analyse(docs_dir: Path, pages: list[str], categories_path: Path, *,
            shown_dir: str = "docs", highlights_path: Path | None = None) -> Analysis:
    """Analyse ``pages`` (Chinese sources, in navigation order), cached by file stamps.

    ``highlights_path`` is the editors' choice of key figures and charts (``data/highlights.yml``)."""
    paths = [docs_dir / source_path(p, lang) for p in pages for lang in LANGUAGES]
    key = (tuple(pages), *(_stamp(p) for p in [*paths, categories_path, highlights_path] if p))
    cached = _cache.get(str(docs_dir))
    if cached and cached[0] == key:
        return cached[1]
    analysis = _analyse(docs_dir, pages, load_categories(categories_path), shown_dir, highlights_path)
    _cache[str(docs_dir)] = (key, analysis)
    return analysis


def _stamp(path: Path) -> tuple:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return (str(path), None)
    return (str(path), st.st_mtime_ns, st.st_size)


def _analyse(docs_dir: Path, pages: list[str], categories: dict[str, Category],
             shown_dir: str, highlights_path: Path | None = None) -> Analysis:
    problems: list[Problem] = []
    all_failed: set[str] = set()
    sections: list[Section] = []
    all_metrics: list[Metric] = []
    anchors: dict[str, list[tuple[int, int, str]]] = {}
    bodies: dict[str, str] = {}
    for page in pages:
        read = {lang: _read(docs_dir, source_path(page, lang), shown_dir) for lang in LANGUAGES}
        for lang, parsed in read.items():
            if parsed is not None:
                problems.extend(parsed.problems)
                bodies[source_path(page, lang)] = parsed.body
        zh, en = read["zh"], read["en"]
        if zh is None:
            problems.append(Problem(f"{shown_dir}/{page}", 0, "the page does not exist"))
            continue
        if en is None:
            problems.append(Problem(f"{shown_dir}/{source_path(page, 'en')}", 0,
                                    f"the English translation of {shown_dir}/{page} does not exist"))
        records, found = metric_records.records(zh)
        problems.extend(found)
        if records is None:
            continue
        slug = page[:-3]
        metrics, failed = [], set()
        for record in records:
            metric, found = fields.metric(record, file=zh.path, section=slug, categories=categories)
            problems.extend(found)
            if metric:
                metrics.append(metric)
            elif record.id:
                failed.add(record.id)
        sections.append(Section(slug, {lang: _title(read[lang], slug) for lang in LANGUAGES}))
        for lang, parsed in read.items():
            if parsed is None:
                continue
            spans, found = _locate(metrics, parsed, lang)
            anchors[source_path(page, lang)] = spans
            problems.extend(found)
        if en is not None:
            en_records, found = metric_records.records(en)
            problems.extend(found)
            checked = [r for r in en_records or [] if r.id not in failed]  # already reported
            problems.extend(parity.compare(checked, {m.id: m for m in metrics},
                                           file=en.path, zh_file=zh.path))
        all_metrics.extend(metrics)
        all_failed |= failed
    problems.extend(ids.duplicates(all_metrics))
    highlights = None
    if highlights_path is not None:
        highlights, found = selections.load(highlights_path, f"{highlights_path.parent.name}/{highlights_path.name}",
                                            all_metrics, failed=all_failed)
        problems.extend(found)
    stats = compute(sections, all_metrics, highlights)
    return Analysis(problems, categories, stats, anchors, bodies)


def _read(docs_dir: Path, relative: str, shown_dir: str) -> frontmatter.Page | None:
    path = docs_dir / relative
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8-sig")  # as MkDocs reads it: a BOM is not content
    shown = f"{shown_dir}/{relative}"
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


def _locate(metrics: list[Metric], page: frontmatter.Page, lang: str):
    found_sentences = sentences(page.body, lang, page.body_line)
    mentions = {s: numbers.find(s.text, lang) for s in found_sentences} if metrics else {}
    spans, problems = [], []
    for metric in metrics:
        anchor, found = prose.locate(metric, found_sentences, lang=lang, file=page.path,
                                     mentions=mentions)
        problems.extend(found)
        if anchor:
            spans.append((anchor.sentence.start, anchor.sentence.end, metric.id))
    return spans, problems
