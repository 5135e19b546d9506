"""Check each metric record's fields and turn a valid record into a :class:`Metric`.

A unit is written ``unit: {zh: 人, en: {one: person, other: people}}``, so that English agrees
with the number (1 person, 2 people); ``en: people`` alone is the form for every number, and is
enough unless the value is exactly 1.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from messages import msg
from messages.hints import suggest

from ..parse.frontmatter import Node
from ..parse.metrics import Record
from ..schema import LANGUAGES, QUALIFIERS, Category, Metric, Problem

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED = ("id", "value", "qualifier", "category", "unit", "label")
FLAGS = ("person_times", "cumulative", "in_total")
KNOWN = (*REQUIRED, *FLAGS, "cue")


def metric(record: Record, *, file: str, section: str,
           categories: dict[str, Category]) -> tuple[Metric | None, list[Problem]]:
    """Check one Chinese-page record; a :class:`Metric` when nothing is wrong."""
    problems: list[Problem] = []
    mid = record.id

    def report(line: int, message) -> None:
        problems.append(Problem(file, line, message, mid))

    for name, node in record.fields.items():
        if name not in KNOWN:
            report(node.line, msg("unknown field '{name}'{suggestion} (known fields: {known})", name=name,
                                  suggestion=suggest(name, KNOWN), known=list(KNOWN)))
    for name in REQUIRED:
        if name not in record.fields:
            report(record.line, msg("missing field '{name}': every metric needs {required}", name=name,
                                    required=list(REQUIRED)))
    fields = record.fields
    if "id" in fields and (not isinstance(fields["id"].value, str) or not ID.match(fields["id"].value)):
        report(fields["id"].line, msg("'id' must be lower-case words joined by hyphens (like 'lecture-teams'), "
                                      "not {value}", value=repr(fields["id"].value)))
    value = _value(fields.get("value"), report)
    if "qualifier" in fields and not (isinstance(fields["qualifier"].value, str)
                                      and fields["qualifier"].value in QUALIFIERS):
        given = fields["qualifier"].value
        report(fields["qualifier"].line,
               msg("unknown qualifier {value}{suggestion} (use one of: {known})", value=repr(given),
                   suggestion=suggest(str(given), QUALIFIERS), known=list(QUALIFIERS)))
    if "category" in fields and not (isinstance(fields["category"].value, str)
                                     and fields["category"].value in categories):
        given = fields["category"].value
        report(fields["category"].line,
               msg("unknown category {value}{suggestion} (use one of: {known})", value=repr(given),
                   suggestion=suggest(str(given), categories), known=list(categories)))
    texts = {"label": _bilingual(fields.get("label"), "label", report, required=True)}
    texts["unit"], unit_one = _unit(fields.get("unit"), value, fields.get("qualifier"), report)
    cue = _bilingual(fields.get("cue"), "cue", report, required=False)
    flags = {name: _flag(fields.get(name), name, report) for name in FLAGS}
    if texts["unit"] and flags["person_times"] is not None:
        says_person_times = "人次" in texts["unit"]["zh"]
        if says_person_times != bool(flags["person_times"]):
            report(fields["unit"].line, msg("the unit 人次 counts visits, not people: it needs person_times: true")
                   if says_person_times else msg("person_times: true needs the unit 人次"))
        elif says_person_times and "times" not in texts["unit"]["en"].lower():
            report(fields["unit"].line, msg("the unit 人次 counts attendances, not people: the English unit must "
                                            "say so (person-times), not {unit}", unit=repr(texts["unit"]["en"])))
    if problems:
        return None, problems
    return Metric(
        id=mid, section=section, value=value, qualifier=fields["qualifier"].value,
        category=fields["category"].value, unit=texts["unit"], label=texts["label"],
        person_times=bool(flags["person_times"]), cumulative=bool(flags["cumulative"]),
        in_total=flags["in_total"] if flags["in_total"] is not None else True,
        cue=cue or {}, file=file, line=record.line, unit_one=unit_one,
    ), []


def _value(node: Node | None, report) -> Decimal | None:
    if node is None:
        return None
    raw: Any = node.value
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        report(node.line, msg("'value' must be a plain number (write 1658.7万 as 16587000, 1,440 as 1440), "
                              "not {value}", value=repr(raw)))
        return None
    if raw != raw or raw in (float("inf"), float("-inf")):
        report(node.line, msg("'value' must be a finite number, not {value}", value=repr(raw)))
        return None
    if raw < 0:
        report(node.line, msg("'value' must not be negative, not {value}", value=repr(raw)))
        return None
    return Decimal(str(raw))


def _bilingual(node: Node | None, name: str, report, *, required: bool) -> dict[str, str] | None:
    if node is None:
        return None
    children = node.children if isinstance(node.children, dict) else None
    if children is None:
        report(node.line, both_languages(name))
        return None
    out = {}
    for key, child in children.items():
        if key not in LANGUAGES:
            report(child.line, unknown_language(name, key))
        elif not isinstance(child.value, str) or not child.value.strip():
            report(child.line, empty_text(f"{name}.{key}"))
        else:
            out[key] = child.value.strip()
    for lang in LANGUAGES if required else ():
        if lang not in children:
            report(node.line, missing_language(name, lang))
    return out if (not required or len(out) == len(LANGUAGES)) else None


def both_languages(name: str):
    return msg("'{name}' must have a 'zh' and an 'en' text, like {name}: {{zh: …, en: …}}", name=name)


def unknown_language(name: str, key: str):
    return msg("'{name}' has an unknown language '{key}' (use zh and en)", name=name, key=key)


def empty_text(name: str):
    return msg("'{name}' must be a non-empty text", name=name)


def missing_language(name: str, lang: str):
    return msg("'{name}' is missing its '{lang}' text", name=name, lang=lang)


#: words that follow a number in the text but count nothing: 4大能力提升通道 is "four major channels"
_MORE_THAN = msg("it means 'more than': write qualifier: over")
NOT_UNITS = {
    "大": msg("it means 'major' (4大通道 is four major channels)"),
    "余": _MORE_THAN,
    "多": _MORE_THAN,
    "超": _MORE_THAN,
    "近": msg("it means 'nearly': write qualifier: nearly"),
    "约": msg("it means 'about': write qualifier: about"),
    "万": msg("it is part of the number: write the value in full (6万 is 60000)"),
    "亿": msg("it is part of the number: write the value in full (1亿 is 100000000)"),
}
PLURAL_FORMS = ("one", "other")
#: what makes a unit part of the number, or its qualifier, when a unit starts with it
_NUMBER_PARTS = "万亿余多"
_EN_MAGNITUDES = re.compile(r"\b(?:thousands?|millions?|billions?|hundreds?)\b")


def _unit(node: Node | None, value: Decimal | None, qualifier: Node | None,
          report) -> tuple[dict[str, str] | None, dict[str, str]]:
    """The unit's names (English: the form for any number but one) and its forms for one."""
    if node is None:
        return None, {}
    children = node.children if isinstance(node.children, dict) else None
    if children is None:
        report(node.line, msg("'unit' must have a 'zh' and an 'en' text, like "
                              "unit: {{zh: 人, en: {{one: person, other: people}}}}"))
        return None, {}
    out: dict[str, str] = {}
    one: dict[str, str] = {}
    for key, child in children.items():
        if key not in LANGUAGES:
            report(child.line, unknown_language("unit", key))
        elif key == "en" and isinstance(child.children, dict):
            forms = _forms(child, report)
            if forms:
                one["en"], out["en"] = forms
        elif not isinstance(child.value, str) or not child.value.strip():
            report(child.line, empty_text(f"unit.{key}"))
        else:
            out[key] = child.value.strip()
    for lang in LANGUAGES:
        if lang not in children:
            report(node.line, missing_language("unit", lang))
    zh = out.get("zh")
    if zh in NOT_UNITS:
        report(children["zh"].line, msg("'unit.zh' is {unit}, which is not a unit: {why}; use the measure word "
                                        "of what is counted (个, 名, 家…)", unit=repr(zh), why=NOT_UNITS[zh]))
        return None, {}
    if zh and zh[0] in _NUMBER_PARTS:  # 万支 would make 1440 read as 1440万
        report(children["zh"].line, msg("'unit.zh' starts with {first}: {why}; the unit is what is counted "
                                        "({rest})", first=repr(zh[0]), why=NOT_UNITS[zh[0]],
                                        rest=zh[1:] or "个, 名, 家…"))
        return None, {}
    magnitude = next((w for w in _EN_MAGNITUDES.findall(" ".join([*out.values(), *one.values()]).lower())), None)
    if magnitude and "en" in children:
        report(children["en"].line, msg("'unit.en' says {word}, which is part of the number: write the value "
                                        "in full (1.2 million is 1200000)", word=repr(magnitude)))
        return None, {}
    exact_one = value == 1 and (qualifier is None or qualifier.value == "exact")
    if "en" in out and "en" not in one and exact_one:
        report(children["en"].line, msg("the value is 1, so the English unit needs its singular: "
                                        "unit: {{zh: {zh}, en: {{one: …, other: {other}}}}}", zh=zh or "…",
                                        other=out["en"]))
        return None, {}
    return (out if len(out) == len(LANGUAGES) else None), one


def _forms(node: Node, report) -> tuple[str, str] | None:
    """``{one: person, other: people}``: the English unit for one, and for any other number."""
    forms = {}
    for key, child in node.children.items():
        if key not in PLURAL_FORMS:
            report(child.line, msg("'unit.en' has an unknown form '{key}' (use one and other, like "
                                   "{{one: person, other: people}})", key=key))
        elif not isinstance(child.value, str) or not child.value.strip():
            report(child.line, empty_text(f"unit.en.{key}"))
        else:
            forms[key] = child.value.strip()
    for key in PLURAL_FORMS:
        if key not in node.children:
            report(node.line, msg("'unit.en' is missing its '{key}' form (like {{one: person, other: people}})",
                                  key=key))
    return (forms["one"], forms["other"]) if len(forms) == 2 else None


def _flag(node: Node | None, name: str, report) -> bool | None:
    if node is None:
        return False if name != "in_total" else None
    if not isinstance(node.value, bool):
        report(node.line, true_or_false(name, node.value))
        return None
    return node.value


def true_or_false(name: str, value: Any):
    return msg("'{name}' must be true or false, not {value}", name=name, value=repr(value))
