"""Shared fixtures for the unit tests of ``hooks/figures/``: metrics and categories built in code.

Fixtures rather than an importable helper module, so the tests run under any import mode.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from figures.schema import Category, Metric

ROOT = Path(__file__).resolve().parents[2]


def _metric(id: str = "lecture-teams", value=1440, qualifier: str = "exact", *,
            section: str = "theory", category: str = "organisations",
            unit: tuple[str, str] = ("支", "lecture teams"),
            label: tuple[str, str] = ("青年宣讲团", "Youth lecture teams"),
            **extra) -> Metric:
    """A checked metric, as ``check.fields.metric`` returns it."""
    return Metric(id=id, section=section, value=Decimal(str(value)), qualifier=qualifier,
                  category=category, unit={"zh": unit[0], "en": unit[1]},
                  label={"zh": label[0], "en": label[1]}, **extra)


@pytest.fixture
def make_metric():
    """``make_metric(id, value, qualifier, section=…, category=…, unit=(zh, en), label=(zh, en), …)``"""
    return _metric


@pytest.fixture
def categories() -> dict[str, Category]:
    """A small controlled list, in page order."""
    return {
        "people-reached": Category("people-reached", "覆盖人群", "People reached"),
        "participants": Category("participants", "参与人员", "Participants and staff"),
        "organisations": Category("organisations", "组织与队伍", "Organisations and teams"),
        "measures": Category("measures", "措施与举措", "Measures and actions"),
    }


@pytest.fixture
def templates() -> str:
    """The real template folder (``overrides/``), as the hook passes it."""
    return str(ROOT / "overrides")


@pytest.fixture
def real_categories_path() -> Path:
    return ROOT / "data" / "categories.yml"
