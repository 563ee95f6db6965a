"""The helpers benchmark's figures from its raw visits: medians and ranges, targets, where the time goes."""

from __future__ import annotations

import statistics
from typing import Any

from kbdev.common import log, median_range, percentile
from kbdev.server import HASHED_NAME

__all__ = ["RUNTIME_FILES", "TARGETS", "summarize"]

RUNTIME_FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")
# The targets of the loopback run (issue 10 adds per-link targets in its own benchmark).
TARGETS = {"cold_vs_floor": 0.5, "warm_s": 0.6, "p95_ms": 16.0, "bytes_ratio": 1.6}


def runtime_name(path: str) -> str | None:
    """The runtime file a request fetched, content hash dropped ("pyodide.asm.0123abcd.wasm" -> "pyodide.asm.wasm").

    >>> runtime_name("/assets/pyodide/pyodide.asm.0123abcd.wasm"), runtime_name("/assets/kb/worker.0123abcd4567.js")
    ('pyodide.asm.wasm', 'worker.js')
    >>> runtime_name("/assets/kb-search.js") is None
    True
    """
    if not path.startswith(("/assets/pyodide/", "/assets/kb/")):
        return None
    return HASHED_NAME.sub("", path.split("?")[0].rsplit("/", 1)[-1])


def cold_breakdown(run_: dict[str, Any]) -> list[tuple[str, str]]:
    """Milestones of one first-answer visit, in time order (ms from navigation start)."""
    events: list[tuple[float, str, str]] = [(run_["typed_at_ms"], "number typed (after DOMContentLoaded)", "")]
    for w in run_["requests"]:
        name = w["path"].split("?")[0]
        if name.startswith(("/assets/kb/", "/assets/pyodide/")):
            events.append((w["end"], f"{name.rsplit('/', 1)[-1]} received",
                           f"requested at {w['start']:.0f}, {w['bytes']:,} B"))
    for s in run_["states"]:
        events.append((s["at"], f"helper state -> {s['state']}", ""))
    if run_["ready"]:
        events.append((run_["ready"]["at"], "kb:ready event", ""))
    events.append((run_["answer_ms"], "answer shown", ""))
    return [(label, f"{at:7.0f}" + (f"  ({extra})" if extra else "")) for at, label, extra in sorted(events)]


def floor_breakdown(run_: dict[str, Any]) -> list[tuple[str, str]]:
    runtime = [w for w in run_["requests"] if w["path"].startswith("/assets/pyodide/")]
    last = max(w["end"] for w in runtime)
    return [("last runtime file received", f"{last:7.0f}"),
            ("loadPyodide() resolved", f"{run_['ms']:7.0f}  (+{run_['ms'] - last:.0f} after the last byte: "
             "wasm compile, interpreter and stdlib boot)")]


def summarize(floors: list[dict[str, Any]], colds: list[dict[str, Any]], warming: dict[str, Any],
              warms: list[dict[str, Any]], latency: list[float | None],
              no_helpers: list[dict[str, Any]]) -> dict[str, Any]:
    floor = median_range([f["ms"] for f in floors])
    cold = median_range([c["answer_ms"] for c in colds])
    warm = median_range([w["answer_ms"] for w in warms])
    answered = [x for x in latency if x is not None]
    lat = {"n": len(latency), "missed": len(latency) - len(answered),
           "p50": percentile(answered, 50), "p95": percentile(answered, 95), "max": max(answered),
           "mean": statistics.fmean(answered)}
    median_cold = sorted(colds, key=lambda c: c["answer_ms"])[len(colds) // 2]
    median_warm = sorted(warms, key=lambda c: c["answer_ms"])[len(warms) // 2]
    median_floor = sorted(floors, key=lambda c: c["ms"])[len(floors) // 2]

    # the bare runtime as served compressed (headers included), from the floor runs (fresh profiles)
    runtime_files: dict[str, int] = {}
    for name in RUNTIME_FILES:
        sizes = [w["bytes"] for f in floors for w in f["requests"] if runtime_name(w["path"]) == name]
        if sizes:
            runtime_files[name] = int(statistics.median(sizes))
    runtime_total = sum(runtime_files.values())
    first_bytes = median_range([float(c["bytes"]) for c in colds])
    wasm_counted = all(any(runtime_name(w["path"]) == "pyodide.asm.wasm" and w["body"] > 1_000_000
                           for w in c["requests"]) for c in colds)
    if not wasm_counted:
        log("WARNING: the worker's pyodide.asm.wasm request is missing from the counted bytes")
    server_first = statistics.median(
        sum(e["bytes_sent"] for e in c["served"] if not e["path"].startswith("/favicon")) for c in colds)

    tbt_pyodide = [c["tbt_pyodide_ms"] for c in colds]
    tbt_pyodide_max = None if any(x is None for x in tbt_pyodide) else max(x for x in tbt_pyodide if x is not None)
    ready_timings: dict[str, float] = {}
    details = [c["ready"]["detail"] for c in colds if c["ready"] and isinstance(c["ready"].get("detail"), dict)]
    timings = [d.get("timings") for d in details if isinstance(d.get("timings"), dict)]
    for phase in dict.fromkeys(k for t in timings for k in t):
        values = [float(t[phase]) for t in timings if isinstance(t.get(phase), int | float)]
        if values:
            ready_timings[phase] = statistics.median(values)
    ready_ms = [float(d["ms"]) for d in details if isinstance(d.get("ms"), int | float)]
    if ready_ms:
        ready_timings = {"ms (detail.ms)": statistics.median(ready_ms), **ready_timings}

    served = [e for e in median_cold["served"] if e["path"].startswith(("/assets/pyodide/", "/assets/kb/"))]
    warm_statuses: dict[str, int] = {}
    for w in warms:
        for e in w["served"]:
            warm_statuses[str(e["status"])] = warm_statuses.get(str(e["status"]), 0) + 1

    headline = cold["median"] / floor["median"]
    ratio = first_bytes["median"] / runtime_total if runtime_total else float("nan")
    targets = {
        "cold_vs_floor": headline <= TARGETS["cold_vs_floor"],
        "warm": warm["median"] <= TARGETS["warm_s"] * 1000,
        "latency_p95": lat["p95"] <= TARGETS["p95_ms"] and lat["missed"] == 0,
        "tbt_pyodide": None if tbt_pyodide_max is None else tbt_pyodide_max == 0,
        "no_helper_bytes": all(p["pyodide_bytes"] == 0 for p in no_helpers),
        "bytes_ratio": ratio <= TARGETS["bytes_ratio"],
    }
    return {
        "floor": floor, "cold": cold, "warm": warm, "latency": lat, "headline": headline, "targets": targets,
        "main_thread": {
            "longtasks": median_range([float(c["longtasks"]) for c in colds]),
            "tbt": median_range([c["tbt_ms"] for c in colds]),
            "tbt_pyodide": tbt_pyodide_max,
            "by_source": median_cold["blocking_by_source"],
            "longtask_api": all(c["longtask_api"] for c in colds),
        },
        "bytes": {
            "first_answer": first_bytes,
            "first_answer_pyodide": statistics.median(c["pyodide_bytes"] for c in colds),
            "runtime": {"files": runtime_files, "total": runtime_total},
            "ratio": ratio, "wasm_counted": wasm_counted, "server_first_answer": server_first,
            "warm_median": statistics.median(w["bytes"] for w in warms),
        },
        "cold_breakdown": cold_breakdown(median_cold), "warm_breakdown": cold_breakdown(median_warm),
        "floor_breakdown": floor_breakdown(median_floor), "ready_timings": ready_timings,
        "served": served, "warm_statuses": warm_statuses,
        "no_helpers": no_helpers,
        "raw": {"floor": floors, "cold": colds, "warming": warming, "warm": warms, "latency_ms": latency},
    }
