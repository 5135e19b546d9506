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

from ..draw.numbers import for_prose
from ..parse import numbers
from ..parse.frontmatter import Node
from ..parse.prose import Sentence
from ..schema import Metric, Problem

KEY = "not_figures"
UNCOVERED = "uncovered"


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
        return [], [Problem(file, node.line, f"'{KEY}' must be a list of words from the prose")]
    out, problems = [], []
    for item in items:
        if isinstance(item.value, (str, int)) and str(item.value).strip():
            out.append(Snippet(str(item.value).strip(), item.line))
        else:
            problems.append(Problem(file, item.line, f"each entry of '{KEY}' must be words from the prose"))
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
            problems.append(Problem(file, snippet.line, f"'{KEY}' lists «{snippet.text}», which the "
                                                        "page's prose does not contain"))
    return problems


def said(problem: Problem) -> str:
    """What the prose says, as a problem quotes it: «超5000»."""
    return problem.message[problem.message.index("«"):problem.message.index("»") + 1]


def explain(missing: Problem, stray: Problem, metric: Metric) -> Problem:
    """One problem for a figure the prose no longer states and the number it states instead,
    on the number's line: most often one was changed without the other."""
    said_instead = said(stray)
    if missing.file == metric.file:  # the Chinese page, where the metric is defined
        message = (f"the prose says {said_instead} where the metric, defined at line {metric.line}, is "
                   f"{metric.number} ({metric.qualifier}): correct the one that is wrong")
    else:
        message = (f"this sentence says {said_instead}, but the figure is {metric.number} ({metric.qualifier}): "
                   f"write it as “{for_prose(metric.value, metric.qualifier)}” (the metric is "
                   f"defined at {metric.file}:{metric.line})")
    return Problem(stray.file, stray.line, message, missing.metric)


def _message(mention: numbers.Mention, lang: str) -> str:
    example = "“九个一”" if lang == "zh" else "seven-in-one"
    return (f"the prose states «{mention.text}» ({mention.qualifier}), but no metric of this page "
            f"is that figure: add a metric to the Chinese front matter, or, if it is not a figure "
            f"(a name such as {example}), list the words around it under '{KEY}' in this page's "
            f"front matter")


def _find_all(text: str, part: str) -> list[int]:
    out, i = [], text.find(part)
    while i >= 0:
        out.append(i)
        i = text.find(part, i + 1)
    return out
