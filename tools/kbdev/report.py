"""The helpers benchmark's printed report: the machine, the figures table, where the time and the bytes go."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kbdev.figures import RUNTIME_FILES, TARGETS
from kbdev.table import table

__all__ = ["print_report"]


def fmt_s(ms: float | None) -> str:
    return "—" if ms is None else f"{ms / 1000:.2f} s"


def fmt_mb(n: float | None) -> str:
    return "—" if n is None else f"{n / 1e6:.2f} MB"


def spread(stats: dict[str, Any], fmt: Callable[[float], str]) -> tuple[str, str]:
    """(median, "min - max") of a median_range."""
    if stats["median"] is None:
        return "—", ""
    return fmt(stats["median"]), f"{fmt(stats['min'])} - {fmt(stats['max'])}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def header(res: dict[str, Any]) -> list[str]:
    f, srv = res["facts"], res["server"]
    busy = f["loadavg_start"][0] > 0.5 * (f["nproc"] or 1)  # at the end, the load is partly the bench's own
    return [
        "Helpers benchmark (tools/bench_helpers.py)",
        f"  date {f['date']}   nproc {f['nproc']}   cpu {f['cpu']}",
        f"  {f['chromium']}   pyodide {f['pyodide']}   snapshot {f['snapshot'] or 'none'}   runs {res['runs']}",
        f"  load average {f['loadavg_start'][0]:.2f} at start, {f['loadavg_end'][0]:.2f} at end (1 min)"
        + ("  WARNING: the machine was busy before the bench started: timings are noisy" if busy else ""),
        f"  served by tools/kbdev/server.py on 127.0.0.1, link {srv['pacing']}: precompressed .br/.gz, gzip on "
        "the fly for other text",
        f"  Cache-Control: {srv['cache']} + ETag; content-hashed names immutable",
    ]


def figure_rows(res: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    t, mt, b = res["targets"], res["main_thread"], res["bytes"]
    floor_m, floor_r = spread(res["floor"], fmt_s)
    cold_m, cold_r = spread(res["cold"], fmt_s)
    warm_m, warm_r = spread(res["warm"], fmt_s)
    limit = res["floor"]["median"] * TARGETS["cold_vs_floor"] if res["floor"]["median"] else None
    lat, pyo, rt = res["latency"], mt["tbt_pyodide"], b["runtime"]
    rows = [
        ("floor: bare loadPyodide(), cold", floor_m, floor_r, "", ""),
        ("cold first answer", cold_m, cold_r, f"≤ {TARGETS['cold_vs_floor']} x floor = {fmt_s(limit)}",
         verdict(t["cold_vs_floor"])),
        ("warm first answer", warm_m, warm_r, f"≤ {TARGETS['warm_s']:.2f} s", verdict(t["warm"])),
        (f"answer latency p50 / p95 ({lat['n']} inputs)", f"{lat['p50']:.1f} / {lat['p95']:.1f} ms",
         f"max {lat['max']:.1f} ms", f"p95 ≤ {TARGETS['p95_ms']:.0f} ms", verdict(t["latency_p95"])),
        ("main-thread long tasks, nav→answer (cold)", f"{mt['longtasks']['median']:g}",
         f"{mt['longtasks']['min']:g} - {mt['longtasks']['max']:g}", "", ""),
        ("total blocking time, nav→answer (cold)", f"{mt['tbt']['median']:.0f} ms",
         f"{mt['tbt']['min']:.0f} - {mt['tbt']['max']:.0f} ms", "", ""),
        ("  of which Pyodide (LoAF attribution)", "—" if pyo is None else f"{pyo:.0f} ms", "", "= 0 ms",
         verdict(t["tbt_pyodide"])),
        ("bytes on the wire: cold first answer", fmt_mb(b["first_answer"]["median"]),
         f"pyodide/ {fmt_mb(b['first_answer_pyodide'])}", "", ""),
        ("bare runtime as served (wasm+asm.mjs+stdlib)", fmt_mb(rt["total"]),
         " + ".join(fmt_mb(rt["files"].get(n)) for n in RUNTIME_FILES), "", ""),
        ("bytes first answer / bare runtime", f"{b['ratio']:.2f}", "", f"≤ {TARGETS['bytes_ratio']}",
         verdict(t["bytes_ratio"])),
    ]
    for page in res["no_helpers"]:
        rows.append((f"page without helpers {page['path']}: pyodide bytes", str(page["pyodide_bytes"]),
                     f"page total {fmt_mb(page['bytes'])}", "= 0", verdict(page["pyodide_bytes"] == 0)))
    rows.append(("HEADLINE cold first answer / floor", f"{res['headline']:.2f}", "",
                 f"≤ {TARGETS['cold_vs_floor']}", verdict(t["cold_vs_floor"])))
    return rows


def where_it_goes(res: dict[str, Any]) -> list[str]:
    lines = []
    for key, what in (("floor_breakdown", "floor run"), ("cold_breakdown", "cold first answer"),
                      ("warm_breakdown", "warm first answer")):
        lines.append(f"where the time goes, median {what} (ms from navigation start):")
        lines += [f"  {label:<46} {value}" for label, value in res[key]]
    if res["ready_timings"]:
        lines.append("kb:ready timings (phase -> ms, median over cold runs):")
        lines += [f"  {phase:<46} {ms:.0f}" for phase, ms in res["ready_timings"].items()]
    else:
        lines.append("kb:ready timings: none dispatched (widgets.js does not send them yet)")
    by_source = res["main_thread"]["by_source"]
    if by_source:
        lines.append("main-thread blocking by dominant script (median cold run, LoAF): "
                     + ", ".join(f"{k} {v:.0f} ms" for k, v in sorted(by_source.items(), key=lambda kv: -kv[1])))
    return lines


def print_report(res: dict[str, Any]) -> None:
    t, b = res["targets"], res["bytes"]
    print("\n" + "\n".join(header(res)) + "\n")
    print(table(("figure", "median", "min - max / detail", "target", ""), figure_rows(res)))
    passed = sum(1 for v in t.values() if v)
    print(f"\ntargets passed: {passed} / {sum(1 for v in t.values() if v is not None)}"
          f"  (pages without helpers: {'all 0' if t['no_helper_bytes'] else 'FAIL'})\n")
    print("\n".join(where_it_goes(res)) + "\n")
    print("runtime files as served in the median cold run (the server's own record):")
    print(table(("path", "type", "served as", "bytes sent", "Cache-Control"),
                [(e["path"], e["content_type"].split(";")[0], e["served_as"], f"{e['bytes_sent']:,d}", e["cache"])
                 for e in res["served"]], right=[3]))
    print(f"warm visits: {b['warm_median']:,.0f} B on the wire per visit (median); statuses over "
          f"{res['runs']} warm visits: {res['warm_statuses']}")
    print(f"cross-check, cold first answer bytes: Chromium {b['first_answer']['median']:,.0f} B, "
          f"server {b['server_first_answer']:,.0f} B; worker's wasm counted: {b['wasm_counted']}")
