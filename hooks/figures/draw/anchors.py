"""Give each sentence that states a figure an anchor, so tables can link to it.

The sentence is wrapped in ``<span class="figure-source" id="fig-<metric id>">``; a sentence
that states several figures gets one nested span per figure, so every id lands on the whole
sentence. The stylesheet highlights the span that is the URL's target.
"""
from __future__ import annotations

from collections import defaultdict

PREFIX = "fig-"


def anchor_id(metric_id: str) -> str:
    return PREFIX + metric_id


def insert(body: str, spans: list[tuple[int, int, str]]) -> str:
    """Wrap ``body[start:end]`` for each ``(start, end, metric_id)``."""
    by_place: dict[tuple[int, int], list[str]] = defaultdict(list)
    for start, end, metric_id in spans:
        by_place[(start, end)].append(metric_id)
    for (start, end), ids in sorted(by_place.items(), reverse=True):
        opening = "".join(f'<span class="figure-source" id="{anchor_id(i)}">' for i in ids)
        body = body[:start] + opening + body[start:end] + "</span>" * len(ids) + body[end:]
    return body
