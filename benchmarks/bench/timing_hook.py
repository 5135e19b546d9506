"""Benchmark wrapper around the real hook: loads ``hooks/report_hook.py`` exactly as MkDocs
would, and times every event handler it registers (priorities kept), plus its import.

The totals (seconds per event) are written as JSON to the file named by
``BENCH_HOOK_TIMES`` when the process exits. Wall and CPU time. Overhead: four clock reads per
event call, a few milliseconds per build at N = 500.
"""
from __future__ import annotations

import atexit
import importlib.util
import json
import os
import sys
import time
from collections import defaultdict

from mkdocs.plugins import CombinedEvent

_t0, _c0 = time.perf_counter(), time.process_time()
_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hooks", "report_hook.py")
_spec = importlib.util.spec_from_file_location("report_hook", _path)
_module = importlib.util.module_from_spec(_spec)
sys.modules["report_hook"] = _module
_old = sys.path.copy()
sys.path.insert(0, os.path.dirname(_path))
try:
    _spec.loader.exec_module(_module)
finally:
    sys.path[:] = _old

TOTALS: dict[str, float] = defaultdict(float)
CPU: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
TOTALS["import"] = time.perf_counter() - _t0
CPU["import"] = time.process_time() - _c0
CALLS["import"] = 1


def _wrap(name, func):
    def timed(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            TOTALS[name] += time.perf_counter() - start
            CPU[name] += time.process_time() - cpu
            CALLS[name] += 1
    if hasattr(func, "mkdocs_priority"):
        timed.mkdocs_priority = func.mkdocs_priority
    timed.__name__ = getattr(func, "__name__", name)
    return timed


for _name in dir(_module):
    if not _name.startswith("on_"):
        continue
    _event = getattr(_module, _name)
    if isinstance(_event, CombinedEvent):
        globals()[_name] = CombinedEvent(*[_wrap(f"{_name}:{m.__name__}", m) for m in _event.methods])
    elif callable(_event):
        globals()[_name] = _wrap(_name, _event)


# Parts of the handlers, timed inside them (wall seconds): what the figures draw and what the
# other modules do. Looked up by name on the loaded hook, each only where it exists.
PARTS_TIMED = {
    "figures: read and check the pages (pipeline.analyse)": ("pipeline", "analyse"),
    "figures: section panels (html.panel)": ("html", "panel"),
    "figures: home and statistics blocks (html.statistics_block)": ("html", "statistics_block"),
    "figures: open data (_open_data)": (None, "_open_data"),
    "search: each language's index (localise)": (None, "localise"),
}
PARTS: dict[str, float] = defaultdict(float)


def _wrap_part(label, owner, name):
    target = getattr(_module, owner) if owner else _module
    func = getattr(target, name, None)
    if func is None:
        return

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            PARTS[label] += time.perf_counter() - start
    setattr(target, name, timed)


for _label, (_owner, _attr) in PARTS_TIMED.items():
    if _owner is None or hasattr(_module, _owner):
        _wrap_part(_label, _owner, _attr)


@atexit.register
def _write() -> None:
    target = os.environ.get("BENCH_HOOK_TIMES")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"seconds": dict(TOTALS), "cpu": dict(CPU), "calls": dict(CALLS),
                       "parts": dict(PARTS)}, out, indent=1)
