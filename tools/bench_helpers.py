#!/usr/bin/env python3
"""Browser benchmark of the in-page Python helpers (Pyodide in a Web Worker), against the built site.

    python tools/bench_helpers.py [--site DIR] [--runs 5] [--link loopback|40mbit|10mbit]
                                  [--cache revalidate|max-age] [--json bench-results/helpers.json]

Not part of the test suite. Without --site it builds the site (`mkdocs build --strict`) into a temp dir.
The site is served as a static host serves it, by the server the tests use (tools/kbdev/server.py):
MIME types, the precompressed .br/.gz beside the assets, gzip on the fly for other text, ETag/304, and
the link of --link paced on the server side (the worker's fetches included). The floor page is served from
tools/kbdev/js/ under /__bench__/; a given --site is never modified.

In Debian's headless Chromium (tools/kbdev/browser.py) it measures, in one run:
- floor: a bare `loadPyodide({indexURL: "/assets/pyodide/"})` in a dedicated module worker, with the site's
  vendored runtime, from navigation start until it resolves; fresh profile per run;
- cold first answer: the VAT guide, the number typed as soon as the helper is live (DOMContentLoaded),
  until the answer is in the result region; fresh profile per run;
- warm first answer: the same with one persistent profile (one warming visit, then --runs visits, each in a
  relaunched browser: only the disk cache is kept, as for a reader coming back);
- answer latency once ready: 200 inputs (alternately valid and invalid French VAT numbers, all different,
  made with python-stdnum), until the result region changes; p50/p95;
- bytes on the wire (headers included) for the cold first answer, workers' requests included (Playwright
  `request.sizes()`, from DevTools' encodedDataLength), cross-checked against the server's own record;
  the same for pages without helpers (/, /glossary/, /en/glossary/), which must fetch nothing of Pyodide;
- main-thread long tasks and total blocking time from navigation to the first answer, and the part that
  is Pyodide's (Long Animation Frames whose longest script is from assets/pyodide/: it should be 0);
- the bare runtime's size as served and the ratio bytes(first answer) / bytes(bare runtime);
- the headline: cold first answer / floor, both from this run.

When widgets.js dispatches `kb:ready` with `detail.timings` (phase -> ms), they are printed. Results go to
--json (bench-results/helpers.json).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # widgets/: the page scripts' served names
from kbdev.browser import launch_options
from kbdev.common import build_site, log, run
from kbdev.figures import summarize
from kbdev.report import print_report
from kbdev.server import PROFILES, StaticServer, cache_policy
from kbdev.visits import (
    BENCH_JS,
    NO_HELPER_PAGES,
    VAT_PAGE,
    bench_context,
    first_answer_visit,
    floor_visit,
    latency_run,
    no_helper_visit,
)
from widgets.scripts import hashed_scripts

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSON = ROOT / "bench-results" / "helpers.json"
LATENCY_INPUTS = 200
CACHE_POLICIES = {
    # not content-hashed files must be revalidated: a long max-age could mix a new worker.js with an old wasm
    "revalidate": "no-cache",
    "max-age": "public, max-age=3600",  # what a host may choose instead: stale for up to an hour
}
# What a browser must get for each of these, or the helpers cannot start.
EXPECTED_TYPES = {"assets/pyodide/pyodide.asm.wasm": "application/wasm", "assets/pyodide/pyodide.mjs":
                  "text/javascript", "assets/kb/worker.js": "text/javascript",
                  "assets/pyodide/manifest.json": "application/json", VAT_PAGE: "text/html"}


def snapshot_name(snapshot: Any) -> str | None:
    """manifest.json `snapshot`: a file name, or an object naming it (file, bytes, ...), or null."""
    if isinstance(snapshot, dict):
        name, size = snapshot.get("file") or snapshot.get("name"), snapshot.get("bytes")
        return f"{name} ({size / 1e6:.1f} MB)" if isinstance(size, int | float) else str(name)
    return snapshot if isinstance(snapshot, str) else None


def machine_facts(site: Path) -> dict[str, Any]:
    cpu = "?"
    with contextlib.suppress(OSError):
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "?")
    manifest = json.loads((site / "assets" / "pyodide" / "manifest.json").read_text())
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
        "chromium": run([launch_options()["executable_path"], "--version"]).stdout.strip(),
        "pyodide": manifest.get("pyodide"), "snapshot": snapshot_name(manifest.get("snapshot")),
        "loadavg_start": os.getloadavg(),
    }


def check_server(base: str) -> list[dict[str, str]]:
    """MIME types and compression as a browser gets them; exits on a wrong MIME type."""
    out = []
    with urllib.request.urlopen(base + "assets/pyodide/manifest.json", timeout=10) as resp:
        hashed = json.load(resp)["files"]  # the runtime's files have content-hashed names
    hashed_kb = {name: served for name, (served, _) in hashed_scripts().items()}  # the page scripts' names
    for path, mime in EXPECTED_TYPES.items():
        name = path.removeprefix("assets/pyodide/").removeprefix("assets/kb/")
        if name in hashed or name in hashed_kb:
            path = path.removesuffix(name) + (hashed[name] if name in hashed else hashed_kb[name])
        req = urllib.request.Request(base + path, method="HEAD", headers={"Accept-Encoding": "gzip, br"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
            out.append({"path": path, "type": ctype, "encoding": resp.headers.get("Content-Encoding") or "identity",
                        "cache": resp.headers.get("Cache-Control") or ""})
            if ctype != mime:
                sys.exit(f"{path} served as {ctype!r}, expected {mime!r}")
    return out


def measure(server: StaticServer, profiles: Path, runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        floors: list[dict[str, Any]] = []
        colds: list[dict[str, Any]] = []
        for i in range(runs):  # interleaved: a drift of the machine's load hits both sides of the headline
            with bench_context(pw, profiles / f"floor-{i}", expect=None) as ctx:
                floors.append(floor_visit(ctx, server))
            log(f"floor {i + 1}/{runs}: {floors[-1]['ms']:.0f} ms")
            with bench_context(pw, profiles / f"cold-{i}") as ctx:
                colds.append(first_answer_visit(ctx, server))
            log(f"cold {i + 1}/{runs}: {colds[-1]['answer_ms']:.0f} ms, {colds[-1]['bytes']:,} B")
        with bench_context(pw, profiles / "warm") as ctx:
            warming = first_answer_visit(ctx, server, linger=2.0)
        log(f"warming visit: {warming['answer_ms']:.0f} ms")
        warms: list[dict[str, Any]] = []
        latency: list[float | None] = []
        for i in range(runs):
            with bench_context(pw, profiles / "warm") as ctx:
                warms.append(first_answer_visit(ctx, server, linger=1.0))
                log(f"warm {i + 1}/{runs}: {warms[-1]['answer_ms']:.0f} ms, {warms[-1]['bytes']:,} B")
                if i == runs - 1:
                    latency = latency_run(ctx.pages[0], LATENCY_INPUTS)
        log(f"latency: {len(latency)} inputs")
        no_helpers = []
        for i, path in enumerate(NO_HELPER_PAGES):
            with bench_context(pw, profiles / f"plain-{i}", expect=None) as ctx:
                no_helpers.append(no_helper_visit(ctx, server, path))
            log(f"/{path}: {no_helpers[-1]['bytes']:,} B, pyodide {no_helpers[-1]['pyodide_bytes']} B")
    return summarize(floors, colds, warming, warms, latency, no_helpers)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp dir)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (≥ 5 for the report)")
    parser.add_argument("--link", choices=list(PROFILES), default="loopback",
                        help="the link, paced by the server: " + ", ".join(str(p) for p in PROFILES.values()))
    parser.add_argument("--cache", choices=sorted(CACHE_POLICIES), default="revalidate",
                        help="Cache-Control of files without a content hash (hashed ones are immutable)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site.resolve() if args.site else tmp / "site"
        if not args.site:
            build_site(site)
        elif not (site / "assets" / "pyodide" / "manifest.json").is_file():
            sys.exit(f"{site} is not a built site with the helpers' runtime (no assets/pyodide/manifest.json)")
        facts = machine_facts(site)
        pacing = PROFILES[args.link]
        with StaticServer(site, pacing=pacing, cache=cache_policy(CACHE_POLICIES[args.cache]),
                          mounts={"/__bench__/": BENCH_JS}) as server:
            headers = check_server(server.base)
            log(f"serving {site} at {server.base}, link {pacing}")
            for h in headers:
                log(f"  {h['path']:<36} {h['type']:<18} {h['encoding']:<8} Cache-Control: {h['cache']}")
            results = measure(server, tmp / "profiles", args.runs)
    results.update({"facts": facts, "runs": args.runs, "headers": headers,
                    "server": {"pacing": str(pacing), "cache": CACHE_POLICIES[args.cache]}})
    results["elapsed_s"] = time.perf_counter() - started
    results["facts"]["loadavg_end"] = os.getloadavg()
    print_report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"\n{results['elapsed_s']:.0f} s; results: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
