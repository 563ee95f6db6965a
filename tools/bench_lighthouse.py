#!/usr/bin/env python3
"""Lighthouse, mobile profile, on every page of the built site (issue 10: performance 100, CLS 0).

    python tools/bench_lighthouse.py [--site DIR] [--runs 1] [--pages a/,en/b/] [--json bench-results/lighthouse.json]

Not part of the test suite. Without --site it builds the site (`mkdocs build --strict`) into a temp dir.
The site is served by tools/kbdev/server.py as a host serves it (precompressed .br, `immutable` for
content-hashed names, ETag/304 for the rest); Lighthouse (npm devDependency, node_modules/.bin/lighthouse)
drives Debian's Chromium (CHROME_PATH), one cold load per run, with its default mobile profile (simulated
4G and 4x CPU slowdown). Pages: every `index.html` of both languages, and each language's 404 page (asked
for by name: Lighthouse refuses to score a page served with status 404). Prints score, CLS, LCP, TBT and FCP
per page (median of --runs, with the min score) and writes --json.
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


def lighthouse(url: str, out: Path, chrome: str) -> dict[str, Any]:
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
                runs = [lighthouse(server.base + path, tmp / "report.json", chrome) for _ in range(args.runs)]
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
