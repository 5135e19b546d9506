"""Check that every number the prose states as a figure is one of the page's metrics.

Years, dates, ordinals, versions and codes are not figures (see ``parse.numbers``). Other
numbers that are not counts, such as the names “九个一” or “seven-in-one”, are listed in the
page's own front matter::

    not_figures:
      - “九个一”      # the name of a project
      - 千联万聚常引

Every number inside a listed snippet is then left alone. A snippet the prose no longer
contains is reported, so that the list stays true.
"""
from __future__ import annotations

from dataclasses import dataclass

from messages import msg

from ..draw.numbers import for_prose
from ..parse import numbers
from ..parse.frontmatter import Node
from ..parse.prose import Sentence
from ..schema import Metric, Problem

KEY = "not_figures"
UNCOVERED = "uncovered"
#: the Chinese prose and its metric disagree (one problem for both, on the prose's line)
DISAGREE = "disagree"


@dataclass(frozen=True)
class Snippet:
    text: str
    line: int


def snippets(meta: Node | None, *, file: str) -> tuple[list[Snippet], list[Problem]]:
    """The page's ``not_figures`` list."""
    if meta is None or KEY not in (meta.children or {}):
        return [], []
    node = meta.children[KEY]
    items = node.children if isinstance(node.children, list) else None
    if items is None:
        return [], [Problem(file, node.line, msg("'{key}' must be a list of words copied from the prose, "
                                                 "one '- …' per line", key=KEY))]
    out, problems = [], []
    for item in items:
        if isinstance(item.value, (str, int)) and str(item.value).strip():
            out.append(Snippet(str(item.value).strip(), item.line))
        else:
            problems.append(Problem(file, item.line, msg("each entry of '{key}' must be words copied from "
                                                         "the prose", key=KEY)))
    return out, problems


def uncovered(sentences: list[Sentence], metrics: list[Metric], lang: str, *, file: str,
              exempt: list[Snippet], pending: set = frozenset(),
              mentions: dict[Sentence, list[numbers.Mention]] | None = None) -> list[Problem]:
    """Numbers stated as figures that no metric of the page states, and unused exemptions.

    ``pending`` values belong to metrics written with a mistake, reported already."""
    stated = {(m.value, m.qualifier) for m in metrics}
    used: set[Snippet] = set()
    problems = []
    for sentence in sentences:
        spans = [(i, i + len(s.text), s) for s in exempt for i in _find_all(sentence.text, s.text)]
        found = mentions[sentence] if mentions is not None else numbers.find(sentence.text, lang)
        for mention in found:
            if mention.kind != numbers.FIGURE or (mention.value, mention.qualifier) in stated \
                    or mention.value in pending:
                continue
            covering = [s for a, b, s in spans if a <= mention.start and mention.end <= b]
            if covering:
                used.update(covering)
                continue
            problems.append(Problem(file, sentence.line, _message(mention, lang), code=UNCOVERED))
    for snippet in exempt:
        if snippet not in used and not any(snippet.text in s.text for s in sentences):
            problems.append(Problem(file, snippet.line, msg("'{key}' lists «{text}», which the page's prose "
                                                            "does not contain: remove it from the list",
                                                            key=KEY, text=snippet.text)))
    return problems


def said(problem: Problem) -> str:
    """What the prose says, as a problem quotes it: «超5000»."""
    return problem.message.arg("said") if not isinstance(problem.message, str) else ""


def explain(missing: Problem, stray: Problem, metric: Metric) -> Problem:
    """One problem for a figure the prose no longer states and the number it states instead,
    on the number's line: most often one was changed without the other."""
    args = {"said": said(stray), "line": metric.line, "figure": f"{metric.number} ({metric.qualifier})",
            "value": stray.message.arg("value"), "written": for_prose(metric.value, metric.qualifier),
            "place": f"{metric.file}:{metric.line}"}
    if missing.file == metric.file:  # the Chinese page, where the metric is defined
        return Problem(stray.file, stray.line, msg(
            "the prose says {said} where the metric, defined at line {line}, is {figure}: correct the one "
            "that is wrong", **args), missing.metric, DISAGREE)
    return Problem(stray.file, stray.line, msg(
        "this sentence says {said}, but the figure is {figure}: write it as “{written}” (the metric is "
        "defined at {place})", **args), missing.metric)


def also_stated(problem: Problem, places: list[str]) -> Problem:
    """A :data:`DISAGREE` problem that also names the other places stating the figure (the
    English sentence, the official text: ``file:line «what it says»``), so that one build names
    everything one change of a figure touches."""
    if not places:
        return problem
    args = dict(problem.message.args)
    return Problem(problem.file, problem.line, msg(
        "the prose says {said} where the metric, defined at line {line}, is {figure}: correct the one that "
        "is wrong, and with it what else states this figure: {places}", places=places, **args),
        problem.metric, problem.code)


def _message(mention: numbers.Mention, lang: str):
    args = {"said": f"«{mention.text}»", "value": mention.value, "qualifier": mention.qualifier, "key": KEY}
    if lang == "zh":
        return msg("the prose states {said} ({qualifier}), but no metric of this page is that figure: add a "
                   "metric to the front matter, or, if it is not a figure (a name such as “九个一”), list the "
                   "words around it under '{key}' in this page's front matter", **args)
    return msg("the prose states {said} ({qualifier}), but no metric of this page is that figure: add a "
               "metric to the Chinese front matter, or, if it is not a figure (a name such as "
               "\"seven-in-one\"), list the words around it under '{key}' in this page's front matter", **args)


def _find_all(text: str, part: str) -> list[int]:
    out, i = [], text.find(part)
    while i >= 0:
        out.append(i)
        i = text.find(part, i + 1)
    return out
