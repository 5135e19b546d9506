"""What a metric is: its fields, the qualifiers, the controlled list of categories, and what
editors put forward (key figures and charts)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from messages import Message, msg, render

LANGUAGES = ("zh", "en")

#: qualifier → what the Chinese text writes for it
QUALIFIERS = {
    "exact": "",
    "over": "余 / 超 / 超过",
    "nearly": "近",
    "about": "约",
}


@dataclass(frozen=True)
class Category:
    id: str
    zh: str
    en: str
    #: what belongs in the category, for editors: {zh: …, en: …}
    description: dict[str, str] = field(default_factory=dict, compare=False)

    def label(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def load_categories(path: Path, shown: str = "data/categories.yml") -> dict[str, Category]:
    """Read the controlled list of categories, in page order.

    Raises :class:`~figures.parse.datafile.DataFileError` naming the file and line of a mistake.
    """
    from .parse.datafile import DataFileError, load

    rows = load(path, shown)
    if not isinstance(rows, list):
        raise DataFileError(Problem(shown, 1, msg("the categories must be a list, each with an id, a zh "
                                                  "and an en text: - {{id: …, zh: …, en: …}}")))
    out = {}
    for row in rows:
        if not (isinstance(row, dict) and all(isinstance(row.get(k), str) for k in ("id", "zh", "en"))):
            raise DataFileError(Problem(shown, _line_of(path, row), msg(
                "each category needs an id, a zh and an en text, not {row}", row=repr(row))))
        description = row.get("description") or {}
        if not (isinstance(description, dict) and set(description) <= {"zh", "en"}
                and all(isinstance(v, str) for v in description.values())):
            raise DataFileError(Problem(shown, _line_of(path, row), msg(
                "the description of category '{id}' must give both languages: {{zh: …, en: …}}",
                id=row["id"])))
        if row["id"] in out:
            raise DataFileError(Problem(shown, _line_of(path, row, last=True),
                                        msg("category '{id}' is given twice: keep one", id=row["id"])))
        out[row["id"]] = Category(row["id"], row["zh"], row["en"], dict(description))
    return out


def _line_of(path: Path, row, *, last: bool = False) -> int:
    """The line where a row with ``row``'s id starts (the last such row with ``last``; 0 when
    it cannot be told)."""
    ident = row.get("id") if isinstance(row, dict) else None
    found = [number for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1)
             if ident and f"id: {ident}" in line]
    return (found[-1] if last else found[0]) if found else 0


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, reported as ``file:line: message (metric id)``.

    The message is kept as a :class:`~messages.Message` and rendered when it is shown, in the
    editor's language (the terminal, GitHub) or in the page's (the preview)."""

    file: str
    line: int
    message: Message | str
    metric: str | None = None
    code: str = ""  # what kind of problem, for the checks that combine two into one

    def text(self, lang: str | None = None) -> str:
        """The message alone, in ``lang`` (the environment's language by default)."""
        return render(self.message, lang)

    def render(self, lang: str | None = None) -> str:
        """``file:line: message (metric id)`` in ``lang``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        suffix = f" ({self.metric})" if self.metric else ""
        return f"{where}: {self.text(lang)}{suffix}"

    def __str__(self) -> str:
        return self.render()


@dataclass
class Metric:
    """One figure stated by the report, as checked data."""

    id: str
    section: str
    value: Decimal
    qualifier: str
    category: str
    #: the unit as a name, in each language; in English the form for any number but one
    #: (``people``)
    unit: dict[str, str]
    label: dict[str, str]
    person_times: bool = False
    cumulative: bool = False
    in_total: bool = True
    cue: dict[str, str] = field(default_factory=dict)
    file: str = ""
    line: int = 0
    #: the unit's form for exactly one, where the language has one (``{"en": "person"}``)
    unit_one: dict[str, str] = field(default_factory=dict)

    @property
    def number(self) -> int | float:
        """The value as a JSON number: an int when it is whole."""
        return int(self.value) if self.value == self.value.to_integral_value() else float(self.value)

    def unit_for(self, lang: str) -> str:
        """The unit as it agrees with the value: 1 person, 2 people, more than 1 million people."""
        if self.value == 1 and self.qualifier == "exact" and lang in self.unit_one:
            return self.unit_one[lang]
        return self.unit[lang]

    @property
    def kind(self) -> tuple:
        """What the figure counts, for comparing figures: the unit and the kind of count."""
        return (self.unit["zh"], self.unit["en"], self.person_times, self.cumulative)


@dataclass
class KeyFigure:
    """A figure an editor puts forward on the home and statistics pages."""

    metric: Metric
    #: one line of context under the number; the metric's label when the editor gives none
    context: dict[str, str]


@dataclass
class Chart:
    """A comparison an editor chose to draw: two figures or more that count the same thing."""

    id: str
    title: dict[str, str]
    metrics: list[Metric]


@dataclass
class Highlights:
    """What the editors put forward, checked against the metrics (``data/highlights.yml``)."""

    key_figures: list[KeyFigure] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
