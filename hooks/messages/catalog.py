"""The message catalogs, kept in step with the code (developers' tool; the build only reads them).

    .venv/bin/python hooks/messages/catalog.py          # what scripts/messages runs

extracts every :func:`~messages.msg` and :func:`~messages.msg_n` of ``hooks/`` with Babel,
updates each language's ``.po`` file (new messages added untranslated, removed ones dropped),
writes MESSAGES.md (every message in both languages, for editors) and lists what is left to
translate. The tests call :func:`extract`, :func:`stale` and :func:`reference` to fail when the
catalog or MESSAGES.md is behind the code.

Catalogs keep each message's file but not its line (``#: hooks/x.py``), so that an edit that
moves code does not change them.
"""
from __future__ import annotations

import io
import re
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: hooks/ is where the modules are
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from messages import DOMAIN, LANGUAGES, msg, po_file

HOOKS = Path(__file__).resolve().parents[1]
ROOT = HOOKS.parent
REFERENCE = ROOT / "MESSAGES.md"
KEYWORDS = {"msg": None, "msg_n": (1, 2)}
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]  # English is the source text

#: the reference's sections, by the modules whose messages they hold, in the reference's order
SECTIONS = [
    (msg("YAML: front matter and data files"), ("figures/parse/yamlerrors.py", "figures/parse/frontmatter.py",
                                                "figures/parse/datafile.py")),
    (msg("Pages and their front matter"), ("figures/pipeline.py", "figures/check/keys.py",
                                           "figures/parse/metrics.py")),
    (msg("A metric's fields"), ("figures/check/fields.py", "figures/check/ids.py")),
    (msg("Figures and the prose"), ("figures/check/prose.py", "figures/check/coverage.py",
                                    "figures/parse/numbers.py")),
    (msg("An English page that repeats a metric"), ("figures/check/parity.py",)),
    (msg("The official text"), ("figures/check/official.py",)),
    (msg("The English page, its headings and the glossary's terms"), ("figures/check/twins.py",)),
    (msg("Links and unsafe content"), ("figures/check/links.py", "figures/check/safety.py")),
    (msg("Data files: categories, glossary, key figures and charts"), (
        "figures/schema.py", "glossary.py", "figures/check/selections.py")),
    (msg("Descriptions and share images"), ("meta/messages.py", "meta/describe.py", "meta/share.py")),
    (msg("The print edition (PDF)"), ("edition/messages.py",)),
    (msg("Build, preview and pull request"), ("report_hook.py", "session.py", "problems.py", "fonts.py")),
    (msg("Words used inside other messages"), ("messages/hints.py",)),
]


def extract() -> Catalog:
    """Every message of the code under ``hooks/``, with the files it is in."""
    catalog = Catalog(domain=DOMAIN, project="report", header_comment=_HEADER, fuzzy=False)
    found = extract_from_dir(str(HOOKS), method_map=[("**.py", "python")], keywords=KEYWORDS,
                             comment_tags=("NOTE:",), strip_comment_tags=True)
    for filename, lineno, message, comments, context in found:
        path = f"hooks/{filename}"
        catalog.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return catalog


def read(lang: str) -> Catalog:
    with open(po_file(lang), "rb") as stream:
        return read_po(stream, locale=lang, domain=DOMAIN)


def updated(lang: str, template: Catalog | None = None) -> Catalog:
    """``lang``'s catalog brought in step with the code: new messages added untranslated, the
    ones no longer in the code dropped, locations refreshed."""
    template = template or extract()
    catalog = read(lang) if po_file(lang).exists() else Catalog(locale=lang, domain=DOMAIN)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=True)
    ordered = Catalog(locale=lang, domain=DOMAIN, header_comment=catalog.header_comment)
    ordered.mime_headers = catalog.mime_headers
    for message in template:  # in the order of the code, file by file
        if message.id:
            ordered[message.id] = catalog.get(message.id, message.context)
    catalog = ordered
    catalog.fuzzy = False
    catalog.project, catalog.version = "report", "1"
    catalog.msgid_bugs_address = catalog.last_translator = "the editors of the report"
    catalog.language_team = "中文"
    return catalog


def written(catalog: Catalog) -> bytes:
    """The ``.po`` file's bytes, without line numbers, in the catalog's order (:func:`updated`
    puts it in the order of the code, file by file)."""
    out = io.BytesIO()
    write_po(out, catalog, width=100, include_lineno=False, ignore_obsolete=True, omit_header=False)
    return _undated(out.getvalue())


def stale(lang: str) -> list[str]:
    """What differs between ``lang``'s catalog and the code: messages missing from the catalog,
    messages the code no longer has, and messages filed under other modules."""
    template, catalog = extract(), read(lang)
    want = {_key(m): {path for path, _ in m.locations} for m in template if m.id}
    have = {_key(m): {path for path, _ in m.locations} for m in catalog if m.id}
    out = [f"not in the catalog: {key[0]!r}" for key in want if key not in have]
    out += [f"no longer in the code: {key[0]!r}" for key in have if key not in want]
    out += [f"in {sorted(want[key])}, the catalog says {sorted(have[key])}: {key[0]!r}"
            for key in want if key in have and want[key] != have[key]]
    return out


def untranslated(lang: str) -> list[str]:
    """The messages of ``lang``'s catalog with no translation, or only a guessed (fuzzy) one."""
    return [_key(m)[0] for m in read(lang) if m.id and (m.fuzzy or not _translated(m))]


def reference() -> str:
    """MESSAGES.md: every message in English and in each translation, by section."""
    catalogs = {lang: read(lang) for lang in TRANSLATED}
    rows: dict[str, list] = {}
    for message in catalogs[TRANSLATED[0]]:
        if not message.id:
            continue
        files = sorted(path.removeprefix("hooks/") for path, _ in message.locations)
        if files == ["messages/catalog.py"]:  # the reference's own words
            continue
        section = next((title for title, modules in SECTIONS if any(f in modules for f in files)), None)
        rows.setdefault(section.id if section else "", []).append(message)
    out = [
        "# 每一条消息 · Every message",
        "",
        "<!-- Generated from hooks/messages/locale by scripts/messages: do not edit by hand. -->",
        "",
        msg("Every message the build can give an editor, in Chinese and in English. `{{name}}` stands for "
            "what varies (a file, a line, a figure, a name). Each message says what is wrong and what to "
            "do; the guides (CONTRIBUTING.zh.md, CONTRIBUTING.md) explain the rules behind them.").render("zh"),
        "",
        msg("Every message the build can give an editor, in Chinese and in English. `{{name}}` stands for "
            "what varies (a file, a line, a figure, a name). Each message says what is wrong and what to "
            "do; the guides (CONTRIBUTING.zh.md, CONTRIBUTING.md) explain the rules behind them.").render("en"),
        "",
    ]
    for title, _ in SECTIONS:
        messages = rows.pop(title.id, [])
        if not messages:
            continue
        out += [f"## {title.render('zh')} · {title.render('en')}", "", "| 中文 | English |", "| --- | --- |"]
        out += [f"| {_row(m)} |" for m in messages]
        out.append("")
    if rows:
        raise ValueError(f"messages of modules no section of the reference names: {sorted(rows)}")
    return "\n".join(out)


def _row(message) -> str:
    english = message.id if isinstance(message.id, str) else " / ".join(message.id)
    chinese = message.string if isinstance(message.string, str) else " / ".join(s for s in message.string if s)
    return f"{_cell(chinese)} | {_cell(english)}"


def _cell(text: str) -> str:
    """A message in a table cell: its fields as `{name}`, its literal braces as they are shown."""
    text = re.sub(r"(?<!\{)\{(\w+)\}(?!\})", r"`{\1}`", text)
    text = text.replace("{{", "{").replace("}}", "}").replace("|", "\\|").replace("\n", " ")
    parts = re.split(r"(`[^`]*`)", text)  # outside code, < and > are shown, not read as HTML
    return "".join(p if p.startswith("`") else p.replace("<", "&lt;").replace(">", "&gt;") for p in parts)


def _translated(message) -> bool:
    strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
    return all(strings) and bool(strings)


def _key(message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _undated(data: bytes) -> bytes:
    """The header without the creation date Babel writes, so that the file changes only when a
    message does."""
    return re.sub(rb'"POT-Creation-Date: [^"]*\\n"\n', b"", data)


_HEADER = """\
# Messages to the editors of the report (hooks/messages/__init__.py says how to add one).
# Updated by scripts/messages; translate the entries with an empty msgstr."""


def main() -> int:
    template = extract()
    for lang in TRANSLATED:
        po_file(lang).parent.mkdir(parents=True, exist_ok=True)
        po_file(lang).write_bytes(written(updated(lang, template)))
    REFERENCE.write_text(reference(), encoding="utf-8")
    left = {lang: untranslated(lang) for lang in TRANSLATED}
    for lang, messages in left.items():
        for text in messages:
            print(f"{po_file(lang).relative_to(ROOT)}: to translate: {text}")
    print(f"{len(template)} messages; catalogs and {REFERENCE.name} updated; "
          f"{sum(map(len, left.values()))} to translate")
    return 1 if any(left.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
