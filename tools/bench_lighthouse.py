#!/usr/bin/env python3
"""Lighthouse, mobile profile, on every page of the built site (issue 10: performance 100, CLS 0).

    python tools/bench_lighthouse.py [--site DIR] [--runs 1] [--pages a/,en/b/] [--json bench-results/lighthouse.json]
                                     [--keep DIR] [--blocking]

Not part of the test suite. Without --site it builds the site (`mkdocs build --strict`) into a temp dir.
The site is served by tools/kbdev/server.py as a host serves it (precompressed .br, `immutable` for
content-hashed names, ETag/304 for the rest); Lighthouse (npm devDependency, node_modules/.bin/lighthouse)
drives Debian's Chromium (CHROME_PATH), one cold load per run, with its default mobile profile (simulated
4G and 4x CPU slowdown). Pages: every `index.html` of both languages, and each language's 404 page (asked
for by name: Lighthouse refuses to score a page served with status 404). Prints score, CLS, LCP, TBT and FCP
per page (median of --runs, with the min score) and writes --json. --keep DIR keeps each run's Lighthouse report
(DIR/<page>-<run>.json); --blocking prints, per run, what blocked the main thread: the long tasks (simulated
duration and the script or work they are attributed to), the main-thread work by category and the scripts'
evaluation time (Lighthouse's `long-tasks`, `mainthread-work-breakdown` and `bootup-time` audits).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kbdev.browser import CHROMIUM_ARGS, chromium_path
from kbdev.common import build_site, log, run
from kbdev.server import StaticServer
from kbdev.table import table

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
DEFAULT_JSON = ROOT / "bench-results" / "lighthouse.json"
CHROME_FLAGS = " ".join(CHROMIUM_ARGS)  # the flags every Chromium of the project runs with
AUDITS = {"cls": "cumulative-layout-shift", "lcp": "largest-contentful-paint", "tbt": "total-blocking-time",
          "fcp": "first-contentful-paint"}


def pages(site: Path) -> list[str]:
    """Every page of the site as a URL path: 'index.html' folders as 'a/b/', the 404 pages by name."""
    out = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pagefind/")):
            continue
        if page.name == "index.html":
            out.append(rel.removesuffix("index.html"))
        elif page.name == "404.html":
            out.append(rel)
    return out


def blocking(report: dict[str, Any]) -> list[str]:
    """What blocked the main thread in one report, as lines: long tasks, work by category, scripts' bootup.

    >>> blocking({"audits": {"long-tasks": {"details": {"items": [{"url": "http://h/a/b.js", "duration": 80.4,
    ...     "startTime": 900}]}}, "mainthread-work-breakdown": {"details": {"items": [{"groupLabel": "Style & Layout",
    ...     "duration": 120.2}]}}, "bootup-time": {"details": {"items": [{"url": "http://h/a/b.js", "total": 95.1,
    ...     "scripting": 60.7}]}}}})
    ['    long tasks: 80 ms at 900 (b.js)', '    main thread: Style & Layout 120', '    scripts: b.js 95 (eval 61)']
    """
    def details(audit: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = report["audits"].get(audit, {}).get("details", {}).get("items", [])
        return items

    def name(url: str) -> str:
        return url.rstrip("/").rsplit("/", 1)[-1] or url

    tasks = ", ".join(f"{t['duration']:.0f} ms at {t['startTime']:.0f} ({name(t['url'])})"
                      for t in details("long-tasks"))
    work = ", ".join(f"{w.get('groupLabel', w.get('group'))} {w['duration']:.0f}"
                     for w in details("mainthread-work-breakdown"))
    boot = ", ".join(f"{name(b['url'])} {b['total']:.0f} (eval {b['scripting']:.0f})" for b in details("bootup-time"))
    return [f"    long tasks: {tasks or 'none'}", f"    main thread: {work}", f"    scripts: {boot or 'none'}"]


def lighthouse(url: str, out: Path, chrome: str, *, show_blocking: bool = False) -> dict[str, Any]:
    """One Lighthouse run (mobile, performance only): score 0-100 and the audits' numeric values."""
    done = run([str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
                f"--output-path={out}", f"--chrome-flags={CHROME_FLAGS}", "--quiet"],
               env={**os.environ, "CHROME_PATH": chrome})
    if done.returncode or not out.is_file():
        raise RuntimeError(f"lighthouse {url}: exit {done.returncode}\n{done.stderr[-4000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url}: {report['runtimeError']}")
    score = report["categories"]["performance"]["score"]
    result: dict[str, Any] = {"score": None if score is None else round(score * 100)}
    for key, audit in AUDITS.items():
        result[key] = report["audits"][audit].get("numericValue")
    # what the page downloaded (bytes on the wire, all requests) during Lighthouse's window
    result["bytes"] = report["audits"]["total-byte-weight"].get("numericValue")
    if show_blocking:
        log(f"  {url}: {result['score']}, TBT {result['tbt']:.0f} ms")
        for line in blocking(report):
            log(line)
    return result


def summary(runs: list[dict[str, Any]]) -> dict[str, Any]:
    scores = [r["score"] for r in runs if r["score"] is not None]
    med = {k: statistics.median(r[k] for r in runs) for k in (*AUDITS, "bytes")}
    return {"score": statistics.median(scores) if scores else None, "score_min": min(scores, default=None),
            **med, "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp dir)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--pages", help="comma-separated URL paths (default: every page)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--keep", type=Path, help="keep each run's Lighthouse report in this folder")
    parser.add_argument("--blocking", action="store_true", help="print what blocked the main thread, per run")
    args = parser.parse_args()
    chrome = chromium_path()  # the project's one answer to "which Chromium" (KB_CHROMIUM, else Debian's)
    if chrome is None or not LIGHTHOUSE.is_file():
        sys.exit("needs Debian's chromium and `npm ci` (lighthouse is a devDependency)")
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site or build_site(tmp / "site")
        with StaticServer(site) as server:
            for path in args.pages.split(",") if args.pages else pages(site):
                runs = []
                for i in range(args.runs):
                    report = tmp / "report.json"
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        report = args.keep / f"{path.strip('/').replace('/', '_') or 'home'}-{i + 1}.json"
                    runs.append(lighthouse(server.base + path, report, chrome, show_blocking=args.blocking))
                results[path or "/"] = summary(runs)
                r = results[path or "/"]
                log(f"  /{path}: {r['score']} (CLS {r['cls']:.3f}, LCP {r['lcp']:.0f} ms, TBT {r['tbt']:.0f} ms)")
    rows = [(f"/{p.lstrip('/')}",
             f"{r['score']:g}" + (f" (min {r['score_min']})" if r["score_min"] != r["score"] else ""),
             f"{r['cls']:.3f}", f"{r['lcp'] / 1000:.1f} s", f"{r['tbt']:.0f} ms", f"{r['fcp'] / 1000:.1f} s",
             f"{r['bytes'] / 1000:.0f} KB") for p, r in results.items()]
    print(table(("page", "performance", "CLS", "LCP", "TBT", "FCP", "bytes"), rows, right=[2, 3, 4, 5, 6]))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1))
    log(f"results: {args.json}")


if __name__ == "__main__":
    main()
