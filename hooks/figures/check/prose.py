"""Check that each figure is stated by its page's own prose, and find the sentence it is in.

A metric matches a number in the prose when the value and the qualifier agree: 超5000 is
``over`` 5000, 近6万 is ``nearly`` 60000. When the number appears in several sentences, the
metric's ``cue`` (a few words of its sentence) says which one is meant.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..draw.numbers import for_prose
from ..parse import numbers
from ..parse.prose import Sentence
from ..schema import Metric, Problem

NOT_STATED = "not-stated"
WRONG_QUALIFIER = "wrong-qualifier"
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
           ) -> tuple[Anchor | None, list[Problem]]:
    """Find the one sentence of ``sentences`` that states ``metric``.

    ``mentions`` holds each sentence's numbers, found once for all the metrics of a page
    rather than once per metric."""
    return _place(metric, _figures(sentences, lang, mentions), sentences, lang, file)


def locate_all(metrics: list[Metric], sentences: list[Sentence], *, lang: str, file: str,
               mentions: dict[Sentence, list[numbers.Mention]] | None = None,
               ) -> list[tuple[Anchor | None, list[Problem]]]:
    """:func:`locate` for each of a page's ``metrics``, its figures gathered by value once."""
    figures = _figures(sentences, lang, mentions)
    return [_place(metric, figures, sentences, lang, file) for metric in metrics]


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


def _place(metric: Metric, figures: _Figures, sentences: list[Sentence], lang: str,
           file: str) -> tuple[Anchor | None, list[Problem]]:
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
                              f"the figure {_show(metric)} is stated in {len(places)} sentences "
                              f"(lines {lines}); add cue.{lang} with a few words of the right one",
                              metric.id)]
    if wrong_qualifier:
        sentence, mention = wrong_qualifier[0]
        return None, [Problem(file, sentence.line,
                              f"the prose says «{mention.text}» ({mention.qualifier}), "
                              f"but the metric's qualifier is '{metric.qualifier}'", metric.id,
                              WRONG_QUALIFIER)]
    where = f" in a sentence containing '{cue}'" if cue else ""
    if lang == "zh":
        return None, [Problem(file, metric.line,
                              f"the page's prose does not state the figure {_show(metric)}{where}", metric.id,
                              NOT_STATED)]
    first = sentences[0].line if sentences else 1
    return None, [Problem(file, first,
                          f"the English prose does not state the figure {_show(metric)}{where} "
                          f"(write it as “{for_prose(metric.value, metric.qualifier)}”); "
                          f"the metric is defined at {metric.file}:{metric.line}", metric.id, NOT_STATED)]


def _cumulative(metric: Metric, sentence: Sentence, lang: str, file: str) -> list[Problem]:
    if metric.cumulative and lang == "zh" and _CUMULATIVE not in sentence.text:
        return [Problem(file, sentence.line,
                        "cumulative: true, but the sentence does not say 累计", metric.id)]
    return []


def _show(metric: Metric) -> str:
    return f"{metric.number} ({metric.qualifier})"
