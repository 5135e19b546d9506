"""Check that each figure is stated by its page's own prose, and find the sentence it is in.

A metric matches a number in the prose when the value and the qualifier agree: 超5000 is
``over`` 5000, 近6万 is ``nearly`` 60000. When the number appears in several sentences, the
metric's ``cue`` (a few words of its sentence) says which one is meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from messages import Message, msg

from ..draw.numbers import for_prose
from ..parse import numbers
from ..parse.prose import Sentence
from ..schema import Metric, Problem

NOT_STATED = "not-stated"
WRONG_QUALIFIER = "wrong-qualifier"
NOT_READ = "not-read"  # the value is on the page, but not as a figure of the running text
#: the page's lines that are not its running text, each as (line, text, editorial?): where a
#: figure is not read (headings, lists, tables, notes, editorial blocks)
Outside = Callable[[], list[tuple[int, str, bool]]]
#: how the Chinese says a figure is cumulative (the English may say "to date", "in all"…: not checked)
_CUMULATIVE = "累计"


@dataclass(frozen=True)
class Anchor:
    """Where a metric is stated: the sentence, in one language's page."""

    metric: str
    lang: str
    sentence: Sentence


def locate(metric: Metric, sentences: list[Sentence], *, lang: str, file: str,
           mentions: dict[Sentence, list[numbers.Mention]] | None = None,
           outside: Outside | None = None) -> tuple[Anchor | None, list[Problem]]:
    """Find the one sentence of ``sentences`` that states ``metric``.

    ``mentions`` holds each sentence's numbers, found once for all the metrics of a page
    rather than once per metric. ``outside`` gives the page's other lines, read only to tell
    the editor why the figure was not found (it is only in a heading or editorial text)."""
    return _place(metric, _figures(sentences, lang, mentions), sentences, lang, file, mentions, outside)


def locate_all(metrics: list[Metric], sentences: list[Sentence], *, lang: str, file: str,
               mentions: dict[Sentence, list[numbers.Mention]] | None = None,
               outside: Outside | None = None) -> list[tuple[Anchor | None, list[Problem]]]:
    """:func:`locate` for each of a page's ``metrics``, its figures gathered by value once."""
    figures = _figures(sentences, lang, mentions)
    return [_place(metric, figures, sentences, lang, file, mentions, outside) for metric in metrics]


_Figures = dict[Decimal, list[tuple[Sentence, numbers.Mention]]]


def _figures(sentences: list[Sentence], lang: str,
             mentions: dict[Sentence, list[numbers.Mention]] | None) -> _Figures:
    """The numbers the sentences state as figures, by value, in the order they are stated."""
    out: _Figures = {}
    for sentence in sentences:
        here = mentions[sentence] if mentions is not None else numbers.find(sentence.text, lang)
        for mention in here:
            if mention.kind == numbers.FIGURE:
                out.setdefault(mention.value, []).append((sentence, mention))
    return out


def _place(metric: Metric, figures: _Figures, sentences: list[Sentence], lang: str, file: str,
           mentions: dict[Sentence, list[numbers.Mention]] | None = None,
           outside: Outside | None = None) -> tuple[Anchor | None, list[Problem]]:
    found, wrong_qualifier = [], []
    cue = metric.cue.get(lang)
    for sentence, mention in figures.get(metric.value, ()):
        if cue and cue not in sentence.text:
            continue
        (found if mention.qualifier == metric.qualifier else wrong_qualifier).append((sentence, mention))
    places = list(dict.fromkeys(sentence for sentence, _ in found))
    if len(places) == 1:
        return Anchor(metric.id, lang, places[0]), _cumulative(metric, places[0], lang, file)
    if len(places) > 1:
        lines = ", ".join(str(s.line) for s in places)
        return None, [Problem(file, places[0].line,
                              msg("the figure {figure} is stated in {n} sentences (lines {lines}); add "
                                  "cue.{lang} with a few words of the right one", figure=_show(metric),
                                  n=len(places), lines=lines, lang=lang), metric.id)]
    if wrong_qualifier:
        sentence, mention = wrong_qualifier[0]
        return None, [Problem(file, sentence.line,
                              msg("the prose says {said} ({qualifier}), but the metric's qualifier is "
                                  "'{expected}': change the qualifier, or the wording", said=f"«{mention.text}»",
                                  qualifier=mention.qualifier, expected=metric.qualifier),
                              metric.id, WRONG_QUALIFIER)]
    why = _why_not(metric, sentences, mentions, lang, outside)
    if lang == "zh":
        return None, [Problem(file, metric.line, why or (
            msg("the page's prose does not state the figure {figure} in a sentence containing '{cue}'",
                figure=_show(metric), cue=cue) if cue else
            msg("the page's prose does not state the figure {figure}", figure=_show(metric))),
            metric.id, NOT_STATED if why is None else NOT_READ)]
    first = sentences[0].line if sentences else 1
    args = {"figure": _show(metric), "written": for_prose(metric.value, metric.qualifier),
            "place": f"{metric.file}:{metric.line}", "cue": cue, "why": why or ""}
    return None, [Problem(file, first, (
        msg("the English prose does not state the figure {figure} in a sentence containing '{cue}' "
            "(write it as “{written}”){why}; the metric is defined at {place}", **args) if cue else
        msg("the English prose does not state the figure {figure} (write it as “{written}”){why}; the "
            "metric is defined at {place}", **args)), metric.id, NOT_STATED)]


def _why_not(metric: Metric, sentences: list[Sentence], mentions, lang: str,
             outside: Outside | None) -> Message | None:
    """Why the page's text holds the metric's value but not as this figure: it is read as a
    duration, an ordinal, a date…, or it stands outside the running text (a heading, editorial
    text). None when the value is nowhere."""
    for sentence in sentences:
        for mention in (mentions[sentence] if mentions is not None else numbers.find(sentence.text, lang)):
            if mention.value == metric.value and mention.kind != numbers.FIGURE:
                args = {"value": metric.number, "said": f"«{_around(sentence.text, mention)}»", "line": sentence.line,
                        "kind": numbers.KINDS.get(mention.kind, mention.kind)}
                if lang == "en":
                    return msg(": it has {said} (line {line}), which is read as {kind}", **args)
                return msg("the page's prose states {value} only as {said} (line {line}), which is read as "
                           "{kind}, not as a count: a number that counts nothing needs no metric; remove "
                           "this metric", **args)
    for line, text, editorial in outside() if outside is not None else ():
        for mention in numbers.find(text, lang):
            if mention.value == metric.value and mention.kind == numbers.FIGURE \
                    and mention.qualifier == metric.qualifier:
                args = {"value": metric.number, "said": f"«{mention.text}»", "line": line}
                if lang == "en":
                    return (msg(": {said} is in editorial text (line {line}), where figures are not read",
                                **args) if editorial else
                            msg(": {said} is in a heading, list, table or note (line {line}), where figures "
                                "are not read", **args))
                if editorial:
                    return msg("the page states {value} only in editorial text (line {line}: {said}), where "
                               "figures are not read: only the report's own text states figures; remove "
                               "this metric, or state the figure in the report's text", **args)
                return msg("the page states {value} only in a heading, list, table or note (line {line}: "
                           "{said}), where figures are not read: state it in a paragraph of the report's "
                           "text, or remove this metric", **args)
    return None


_WORDS_AFTER = re.compile(r"\s+(?:consecutive\s+|straight\s+)?[A-Za-z]+")


def _around(text: str, mention: numbers.Mention) -> str:
    """A number that is not a figure with what makes it so: 十年, 第十六次, 21st."""
    start = mention.start - (text[mention.start - 1:mention.start] == "第")
    end = mention.end + (text[mention.end:mention.end + 1] in "年月日届次期版级")
    after = _WORDS_AFTER.match(text, mention.end)  # ten years, ten consecutive years, 20 September
    return text[start:after.end() if after else end]


def _cumulative(metric: Metric, sentence: Sentence, lang: str, file: str) -> list[Problem]:
    if metric.cumulative and lang == "zh" and _CUMULATIVE not in sentence.text:
        return [Problem(file, sentence.line,
                        msg("cumulative: true, but the sentence does not say 累计: remove the flag, or "
                            "add a cue if another sentence says it"), metric.id)]
    return []


def _show(metric: Metric) -> str:
    return f"{metric.number} ({metric.qualifier})"
