#!/usr/bin/env python3
"""The helpers on real links (issue 10): floor, first answer and warm visits per network profile.

    python tools/bench_network.py [--site DIR] [--runs 2] [--profiles loopback,40mbit,10mbit]
                                  [--json bench-results/network.json]

Not part of the test suite. Without --site it builds the site (`mkdocs build --strict`) into a temp dir.
The site is served by tools/kbdev/server.py as a host serves it (precompressed .br, ETag/304, content-hashed
names `immutable`, the rest `no-cache`), with the link paced on the server side, so the worker's fetches
are paced too. For each profile, in Debian's headless Chromium:
- floor: a bare `loadPyodide()` in a worker (kbdev/js/floor.html), fresh profile per run;
- first answer: navigation to the VAT guide -> answer shown, the number typed at DOMContentLoaded, fresh
  profile per run; which boot path the worker chose (snapshot, lean, wheels) and why;
- warm: one visit that fills the disk cache, then --runs visits with the same profile (browser relaunched);
- bytes on the wire (headers included) and per file as served (encoding), for the first answer and for a
  reader who opens the VAT guide and never touches the helper (what the in-view start costs them).
Prints one table and the per-file bytes; writes --json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kbdev.common import build_site, log, median_range
from kbdev.figures import runtime_name
from kbdev.server import PROFILES, StaticServer
from kbdev.table import table
from kbdev.visits import BENCH_JS, VAT_PAGE, Visit, bench_context, first_answer_visit, floor_visit, sum_bytes
from playwright.sync_api import Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = ROOT / "bench-results" / "network.json"
# Issue 10's targets: first answer / floor per link, bytes vs the bare runtime, warm first answer (loopback).
TARGETS = {"loopback": 0.4, "40mbit": 0.7, "10mbit": 0.85, "bytes_10mbit": 1.1, "warm_loopback_s": 0.6}
IDLE_WAIT_S = {"loopback": 4.0, "40mbit": 6.0, "10mbit": 10.0}  # a reader reading, never typing
OUT_OF_VIEW_PAGE = "billing-and-vat/payment-methods/"  # its helper is below the fold at 1280 x 900


def idle_visit(pw: Playwright, profile: Path, server: StaticServer, wait_s: float,
               page: str = VAT_PAGE) -> dict[str, Any]:
    """A guide opened and read, its helper never used: what the reader downloads, and whether (and how)
    the runtime booted all the same (a returning reader's worker boots from its local copies)."""
    with bench_context(pw, profile, expect=None) as context:
        visit = Visit(context, server)
        visit.page.goto(server.base + page, wait_until="load")
        time.sleep(wait_s)
        ready = visit.page.evaluate("window.__kbBench.ready")
        wire = visit.wire()
        timings = ((ready or {}).get("detail") or {}).get("timings") or {}
        return {"bytes": sum_bytes(wire), "pyodide_bytes": sum_bytes(wire, "/assets/pyodide/"),
                "booted": ready is not None, "boot_ms": timings.get("total"), "path": timings.get("path")}


def per_file(served: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Runtime bytes per file as sent (headers + body) and how (br precompressed, 304, ...)."""
    out: dict[str, dict[str, Any]] = {}
    for s in served:
        name = runtime_name(s["path"])
        if name:
            entry = out.setdefault(name, {"bytes": 0, "as": []})
            entry["bytes"] += s["bytes_sent"]
            entry["as"].append(s["served_as"])
    return out


def profile_run(pw: Playwright, server: StaticServer, runs: int, tmp: Path) -> dict[str, Any]:
    name = server.pacing.name
    floors, colds, warms = [], [], []
    for i in range(runs):
        with bench_context(pw, tmp / f"{name}-floor-{i}", expect=None) as context:
            floors.append(floor_visit(context, server))
        with bench_context(pw, tmp / f"{name}-cold-{i}") as context:
            colds.append(first_answer_visit(context, server))
        log(f"  {name} run {i + 1}: floor {floors[-1]['ms']:.0f} ms, first answer {colds[-1]['answer_ms']:.0f} ms"
            f" ({(colds[-1]['ready'] or {}).get('detail', {}).get('timings', {}).get('path')})")
    warm_profile = tmp / f"{name}-warm"
    with bench_context(pw, warm_profile) as context:
        first_answer_visit(context, server, linger=2.0)  # fills the disk cache
    for _ in range(runs):
        with bench_context(pw, warm_profile) as context:
            warms.append(first_answer_visit(context, server))
    idle = idle_visit(pw, tmp / f"{name}-idle", server, IDLE_WAIT_S.get(name, 6.0))
    returning_idle = idle_visit(pw, warm_profile, server, IDLE_WAIT_S.get(name, 6.0), OUT_OF_VIEW_PAGE)
    floor_bytes = [sum_bytes(f["requests"], "/assets/pyodide/") for f in floors]
    return {
        "profile": str(server.pacing),
        "floor_ms": median_range([f["ms"] for f in floors]),
        "answer_ms": median_range([c["answer_ms"] for c in colds]),
        "ratio": median_range([c["answer_ms"] / f["ms"] for c, f in zip(colds, floors, strict=True)]),
        "floor_bytes": median_range([float(b) for b in floor_bytes]),
        "answer_bytes": median_range([float(c["pyodide_bytes"]) for c in colds]),
        "warm_ms": median_range([w["answer_ms"] for w in warms]),
        "warm_bytes": median_range([float(w["bytes"]) for w in warms]),
        "paths": [((c["ready"] or {}).get("detail") or {}).get("timings", {}).get("path") for c in colds],
        "timings": [((c["ready"] or {}).get("detail") or {}).get("timings") for c in colds],
        "files": per_file(colds[0]["served"]),
        "warm_files": per_file(warms[0]["served"]) if warms else {},
        "idle": idle,
        "returning_idle": returning_idle,
    }


def fmt(r: dict[str, Any], scale: float = 1000, unit: str = "s", digits: int = 2) -> str:
    if r["median"] is None:
        return "-"
    m, lo, hi = (r[k] / scale for k in ("median", "min", "max"))
    return f"{m:.{digits}f} {unit} ({lo:.{digits}f}-{hi:.{digits}f})".replace(" ()", "")


def report(results: dict[str, dict[str, Any]]) -> None:
    rows = []
    for name, r in results.items():
        ratio_bytes = r["answer_bytes"]["median"] / r["floor_bytes"]["median"] if r["floor_bytes"]["median"] else 0
        target = TARGETS.get(name)
        rows.append((str(r["profile"]), fmt(r["floor_ms"]), fmt(r["answer_ms"]),
                     fmt(r["ratio"], 1, "x") + (f" (target <= {target})" if target else ""),
                     f"{r['floor_bytes']['median'] / 1e6:.2f} -> {r['answer_bytes']['median'] / 1e6:.2f} MB"
                     f" ({ratio_bytes:.2f} x)",
                     fmt(r["warm_ms"]), f"{r['warm_bytes']['median'] / 1e3:.0f} KB",
                     f"{r['idle']['pyodide_bytes'] / 1e6:.2f} MB", ", ".join(sorted(set(map(str, r["paths"]))))))
    print(table(("link", "floor (bare loadPyodide)", "first answer", "ratio", "bytes bare -> helper",
                 "warm first answer", "warm bytes", "never used: bytes", "boot path"), rows))
    for r in results.values():
        print(f"\n{r['profile']}: runtime files of the first answer, as served")
        print(table(("file", "bytes sent", "served as"),
                    [(f, f"{v['bytes']:,}", ", ".join(sorted(set(v["as"])))) for f, v in sorted(r["files"].items())],
                    right=[1]))
        print("warm visit: " + ", ".join(f"{f} {', '.join(sorted(set(v['as'])))}"
                                         for f, v in sorted(r["warm_files"].items())))
        back = r["returning_idle"]
        booted = f"yes, {back['boot_ms']} ms of the worker ({back['path']})" if back["booted"] else "no"
        print(f"returning reader, {OUT_OF_VIEW_PAGE} (helper out of view), never used: {back['bytes'] / 1e3:.0f} KB"
              f" in all, {back['pyodide_bytes'] / 1e3:.1f} KB of runtime; runtime booted by itself: {booted}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp dir)")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--profiles", default="loopback,40mbit,10mbit")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-bench-net-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site or build_site(tmp / "site")
        results: dict[str, dict[str, Any]] = {}
        with sync_playwright() as pw, StaticServer(site, mounts={"/__bench__/": BENCH_JS}) as server:
            for name in args.profiles.split(","):
                server.pacing = PROFILES[name]
                log(f"profile {server.pacing}")
                results[name] = profile_run(pw, server, args.runs, tmp)
    report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, default=str))
    log(f"results: {args.json}")


if __name__ == "__main__":
    main()
