"""Where a build's time goes: a cProfile of ``mkdocs build``, split into components.

Each component is a set of call edges (callee, caller) whose cumulative times are added up,
chosen so that no two components count the same time. Measured at several N, each
component's time is fitted with t = a + b·N + c·N², and the share of c·N² at the largest N
says how much of it is quadratic.
"""
from __future__ import annotations

import pstats
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

Key = tuple  # (filename, line, function)


def _f(key: Key) -> str:
    return key[0].replace("\\", "/")


def _in(*parts: str) -> Callable[[Key], bool]:
    return lambda key: any(p in _f(key) for p in parts)


def _is(file_part: str, name: str) -> Callable[[Key], bool]:
    return lambda key: file_part in _f(key) and key[2] == name


def _hooks(key: Key) -> bool:
    """Our hook's Python code (its templates run beneath it)."""
    f = _f(key)
    return "/hooks/" in f or f.startswith("hooks/")


def _outside_hook(key: Key) -> bool:
    """A caller that enters the hook: MkDocs, importlib, the timer (not Jinja calling our
    filters from our own templates, which already runs beneath a hook call)."""
    f = _f(key)
    return not (_hooks(key) or "jinja2/" in f or "/overrides/" in f or f.startswith("overrides/"))


@dataclass
class Component:
    name: str
    callee: Callable[[Key], bool]
    caller: Callable[[Key], bool]    # edges from callers matching this are counted
    note: str = ""


_ANY = lambda key: True  # noqa: E731
_I18N = _in("mkdocs_static_i18n/")
_GIT = _in("mkdocs_git_revision_date_localized_plugin/")
_SEARCH = "material/plugins/search/plugin.py"

COMPONENTS = [
    Component("navigation (partials/nav.html + nav-item.html)",
              _is("partials/nav.html", "root"), _ANY,
              "Material's primary navigation, rendered into every page"),
    Component("rest of the page template",
              _is("jinja2/environment.py", "render"), _is("mkdocs/commands/build.py", "_build_page"),
              "base.html and its partials, minus the navigation (subtracted below)"),
    Component("Markdown → HTML", _is("mkdocs/structure/pages.py", "render"), _ANY),
    Component("search: HTML parsing of each page",
              _is(_SEARCH, "add_entry_from_context"), _ANY,
              "Material's search plugin; jieba is subtracted below"),
    Component("search: jieba segmentation", _is(_SEARCH, "_segment_chinese"), _ANY),
    Component("search: index written (per language)", _is(_SEARCH, "on_post_build"),
              _in("mkdocs/plugins.py")),
    Component("i18n: files, nav, page context",
              lambda k: _I18N(k) and k[2] != "on_post_build",
              lambda k: not _I18N(k)),
    Component("i18n: search entries merged (and deduplicated)",
              lambda k: _I18N(k) and k[2] in ("reconfigure_search_index", "extend_search_entries"),
              _is("mkdocs_static_i18n/plugin.py", "on_post_build")),
    Component("git-revision-date plugin", _GIT, lambda k: not _GIT(k)),
    Component("our hook (hooks/, its templates)", _hooks, _outside_hook),
    Component("writing output files", _is("mkdocs/utils/__init__.py", "write_file"), _ANY),
]


def components(profile: Path) -> dict[str, float]:
    """Seconds per component (profiled time), plus ``total`` and ``other``."""
    stats = pstats.Stats(str(profile)).stats  # key -> (cc, nc, tt, ct, callers)
    out: dict[str, float] = {}
    for comp in COMPONENTS:
        seconds = 0.0
        for key, (_, _, _, _, callers) in stats.items():
            if not comp.callee(key):
                continue
            for caller, edge in callers.items():
                if comp.caller(caller) and not comp.callee(caller):
                    seconds += edge[3]
        out[comp.name] = seconds
    # nested pieces reported separately
    out["rest of the page template"] -= out["navigation (partials/nav.html + nav-item.html)"]
    out["search: HTML parsing of each page"] -= out["search: jieba segmentation"]
    total = max(v[3] for v in stats.values())  # the outermost frame
    out["total"] = total
    out["other"] = total - sum(v for k, v in out.items() if k != "total")
    return out


def _edge_sum(stats, callee, caller) -> float:
    return sum(edge[3] for key, v in stats.items() if callee(key)
               for c, edge in v[4].items() if caller(c))


def top_functions(profile: Path, limit: int = 15, *, sort: str = "tottime") -> list[tuple]:
    """(tottime, cumtime, calls, where) of the most expensive functions."""
    stats = pstats.Stats(str(profile)).stats
    index = 2 if sort == "tottime" else 3
    rows = sorted(stats.items(), key=lambda kv: kv[1][index], reverse=True)
    out = []
    for (file, line, name), (cc, nc, tt, ct, _) in rows:
        if name in ("<module>", "<built-in method builtins.exec>") or file.endswith("runpy>"):
            continue
        out.append((tt, ct, nc, short(file, line, name)))
        if len(out) == limit:
            break
    return out


def hook_functions(profile: Path, limit: int = 15) -> list[tuple]:
    """(cumtime, tottime, calls, where) of our hook's functions and templates, by cumulative time."""
    stats = pstats.Stats(str(profile)).stats
    rows = []
    for key, (cc, nc, tt, ct, _) in stats.items():
        f = _f(key)
        if _hooks(key) or "/overrides/" in f or f.startswith("overrides/"):
            if f.endswith(("main.html", "404.html")) or "/partials/" in f:
                continue
            rows.append((ct, tt, nc, short(*key)))
    rows.sort(reverse=True)
    return rows[:limit]


def short(file: str, line: int, name: str) -> str:
    file = file.replace("\\", "/")
    for marker in ("site-packages/", "/src-base/", "/src-all/", "/src/", "python3.11/"):
        if marker in file:
            file = file.split(marker, 1)[1]
            break
    if file == "~":
        return name
    return f"{file}:{line}({name})"


def fit(ns: list[int], ts: list[float]) -> tuple[float, float, float] | None:
    """t = a + b·N + c·N² through three points (least squares for more)."""
    if len(ns) < 3:
        return None
    # normal equations, 3×3, solved by Cramer's rule
    s = [sum(n ** k for n in ns) for k in range(5)]
    y = [sum(t * n ** k for n, t in zip(ns, ts)) for k in range(3)]
    m = [[s[0], s[1], s[2]], [s[1], s[2], s[3]], [s[2], s[3], s[4]]]

    def det(a):
        return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    d = det(m)
    if abs(d) < 1e-12:
        return None
    out = []
    for col in range(3):
        mc = [row[:] for row in m]
        for r in range(3):
            mc[r][col] = y[r]
        out.append(det(mc) / d)
    return tuple(out)
