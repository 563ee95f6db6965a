#!/usr/bin/env python3
"""Scale benchmark: builds the knowledge base with N synthetic guides per language and measures it.

    python tools/bench_scale.py [--guides 1000 3000] [--serve-check] [--serve-modes serve write]

For each N: tools/gen_synthetic.py writes a temporary tree (this project exactly as it is: its config,
hooks and real docs, plus N guides per language in one more nav section), which is made a git repository
with fixed dates (everything committed on GIT_DATES[0], then every tenth French synthetic guide changed on
GIT_DATES[1]: the build dates every page and puts the stale notice on those English pages, as the
project's own build does), `mkdocs build --strict` runs in a subprocess (warm: the Pyodide runtime cache
is built before timing), and it prints and records:

- what the dates cost: the one `git log` pass (hooks/git_history.py) and the dates hooks' work for every
  page (its last-updated line, each English page's freshness), timed in this process on the same tree;

- build seconds (wall), CPU seconds (user + sys, mkdocs and pagefind: steadier when others load the
  machine) and the Pagefind share of the wall time, peak RSS of the build (the largest process of its
  tree: mkdocs or pagefind, from wait4);
- site size (all files, HTML only, and all without the Pyodide runtime, which does not grow with N; the
  .gz/.br copies of a precompressing build apart);
- Pagefind's index on disk per language, and the bytes a FIRST search downloads per language, measured
  for real: the site is served on 127.0.0.1 (correct MIME types, gzip for text like any production
  server), a synthetic page is opened in headless Chromium, the search dialog is opened and a query typed,
  and the transferred bytes (headers + body as sent) of every `pagefind/` request are summed;
- the ratio time(largest N)/time(smallest N).

--serve-check: starts `mkdocs serve` at --serve-guides (1000) x 2 in each --serve-modes mode, waits for
the first build, opens a synthetic page in Chromium, appends a unique marker to that page's .md and
measures the time until the marker shows in the browser (livereload), --edits times. The modes are the
Makefile's two targets, with their command line and environment: `serve` (`make serve`: `mkdocs serve
--livereload`, both languages, strict, search index) and `write` (`make write`: KB_WRITER_LANG=fr
KB_SKIP_SEARCH=1 `mkdocs serve --livereload --dirty --no-strict`: French only, no search index, only the
edited page rendered again). tests/tools checks that they match the Makefile.

Results go to bench-results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_synthetic
from kbdev.common import log
from kbdev.server import StaticServer
from kbdev.table import table
from scale_browser import SERVE_MODES, child_env, first_search, serve_check, synthetic_url

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "scale.json"
MB = 1_000_000
GIT_DATES = ("2026-11-20T10:00:00+01:00", "2026-11-28T10:00:00+01:00")
STALE_EVERY = 10  # every tenth French synthetic guide changes after its translation

# ---------------------------------------------------------------------------------------------------
# Git history: the dates hooks read it (a tree outside git builds, but with no date at all)


def _git(tree: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {})}
    subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=tree, env=env, check=True, capture_output=True)


def commit_tree(tree: Path, written: dict[str, list[str]]) -> list[str]:
    """Makes the generated tree a git repository with fixed dates; returns the French pages changed after
    their translation. Only what the build's history reads is committed (docs/, overrides/ for the 404
    pages, the config and hooks), not the linked or copied runtime caches."""
    _git(tree, "init", "-q")
    _git(tree, "add", "docs", "overrides", "hooks", "widgets", "mkdocs.yml")
    _git(tree, "commit", "-q", "-m", "Synthetic knowledge base", date=GIT_DATES[0])
    changed = written["fr"][::STALE_EVERY]
    for rel in changed:
        with (tree / "docs" / "fr" / rel).open("a", encoding="utf-8") as guide:
            guide.write("\nUne phrase ajoutée après la traduction.\n")
    _git(tree, "commit", "-q", "-am", "French guides changed after their translation", date=GIT_DATES[1])
    return changed


def dates_cost(tree: Path) -> dict[str, Any]:
    """Seconds of the history pass and of the dates hooks' per-page work (the same functions the build
    calls, in this process); and how many pages got a date and a stale notice."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        import git_history
        from page_dates import updated_html
        from translation_status import page_paths, status
    finally:
        sys.path.pop(0)
    docs = tree / "docs"
    ui = {"updated": "Updated {date}", "updated_uncommitted": "Working copy"}
    started = time.perf_counter()
    history = git_history.load(docs)
    loaded = time.perf_counter()
    dated = stale = 0
    for lang in gen_synthetic.LANGS:
        for page in page_paths(docs, lang):
            dated += "<time" in updated_html(history, docs / lang / page, lang, ui)
            if lang != "fr":
                stale += status(history, docs, page, lang, "fr").kind == "stale"
    done = time.perf_counter()
    return {"dates_git_log_seconds": round(loaded - started, 3), "dates_hooks_seconds": round(done - started, 3),
            "dated_pages": dated, "stale_pages": stale}

# ---------------------------------------------------------------------------------------------------
# Build


def prewarm_runtime(tree: Path) -> None:
    """Builds the tree's Pyodide runtime cache (wheels) outside the timing, as any second build finds it."""
    code = "import sys; sys.path.insert(0, 'hooks'); import runtime_build; runtime_build.build_runtime()"
    done = subprocess.run([sys.executable, "-c", code], cwd=tree, capture_output=True, text=True)
    if done.returncode != 0:  # the build will do it (and be timed with it)
        log(f"warning: could not prebuild the Pyodide runtime: {done.stderr.strip()[-500:]}")


def timed_build(tree: Path, site: Path, env: dict[str, str] | None = None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(tree / "mkdocs.yml"),
           "-d", str(site)]
    logfile = tree / "build.log"
    started = time.perf_counter()
    with logfile.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=tree, stdout=out, stderr=subprocess.STDOUT, env=child_env(env))
        _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = logfile.read_text()
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}), see {logfile}:\n{text[-3000:]}")
    found = re.search(r"search index built in ([\d.]+) s", text)
    precompressed = re.search(r"precompressed (\d+) files", text)
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),  # less sensitive to a busy machine
        "pagefind_seconds": float(found[1]) if found else None,
        "precompressed_files": int(precompressed[1]) if precompressed else 0,
        # ru_maxrss (KiB) of a waited child covers its own waited-for children (pagefind) too
        "peak_rss_mb": round(usage.ru_maxrss * 1024 / MB, 1),
    }


def site_sizes(site: Path) -> dict[str, Any]:
    """Sizes in MB; the .gz/.br copies a precompressing build writes are counted apart."""
    total = html = runtime = pages = compressed = 0
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        if path.suffix in (".gz", ".br"):
            compressed += size
            continue
        total += size
        if path.suffix == ".html":
            html += size
            pages += 1
        if "assets/pyodide" in path.as_posix():
            runtime += size
    return {"site_mb": round(total / MB, 1), "html_mb": round(html / MB, 1),
            "site_without_runtime_mb": round((total - runtime) / MB, 1), "html_files": pages,
            "precompressed_copies_mb": round(compressed / MB, 1)}


def pagefind_on_disk(site: Path) -> dict[str, Any]:
    bundle = site / "pagefind"
    entry_file = bundle / "pagefind-entry.json"
    if not entry_file.is_file():
        return {}
    entry = json.loads(entry_file.read_text())
    out: dict[str, Any] = {}
    for lang, spec in entry["languages"].items():
        prefix = f"{lang}_"
        size = files = 0
        for path in bundle.rglob("*"):
            name = path.name
            if path.is_file() and (name.startswith(prefix) or name.startswith(f"pagefind.{prefix}")
                                   or name == f"wasm.{spec.get('wasm', lang)}.pagefind"):
                size += path.stat().st_size
                files += 1
        out[lang] = {"bytes": size, "files": files, "pages": spec.get("page_count")}
    shared = sum(p.stat().st_size for p in bundle.iterdir() if p.is_file() and not p.name.startswith(
        ("pagefind.fr_", "pagefind.en_", "wasm.")))
    out["shared_bytes"] = shared  # pagefind.js, the UI's js/css, entry json…
    return out


# ---------------------------------------------------------------------------------------------------


def bench_build(n: int, workdir: Path, seed: int, search: bool) -> dict[str, Any]:
    tree = workdir / f"kb-{n}"
    log(f"[{n} x 2] generating into {tree}")
    written = gen_synthetic.generate(n, tree, seed=seed)
    commit_tree(tree, written)
    prewarm_runtime(tree)
    site = tree / "site"
    log(f"[{n} x 2] building")
    row: dict[str, Any] = {"guides_per_language": n}
    row.update(timed_build(tree, site))
    row.update(dates_cost(tree))
    row.update(site_sizes(site))
    row["pagefind_on_disk"] = pagefind_on_disk(site)
    if search and row["pagefind_on_disk"]:
        log(f"[{n} x 2] first search in Chromium")
        rel = written["fr"][0]
        with StaticServer(site) as server:  # gzip on the fly for text, as any production server
            row["first_search"] = first_search(server.base, site, {
                lang: synthetic_url(rel, lang) for lang in gen_synthetic.LANGS})
    shutil.rmtree(site, ignore_errors=True)
    return row


def print_table(rows: list[dict[str, Any]], serve: list[dict[str, Any]], ratio: float | None) -> None:
    def kb(value: float | None) -> str:
        return "-" if value is None else f"{value / 1000:.1f}"

    head = ("guides x2", "build s", "cpu s", "pagefind s", "peak MB", "site MB", "HTML MB", "w/o rt MB",
            "index fr KB", "index en KB", "1st search fr KB", "1st search en KB")
    body = []
    for r in rows:
        disk, fs = r.get("pagefind_on_disk", {}), r.get("first_search", {})
        body.append((r["guides_per_language"], f"{r['seconds']:.1f}", f"{r['cpu_seconds']:.1f}",
                     f"{r.get('pagefind_seconds') or 0:.1f}", f"{r['peak_rss_mb']:.0f}", f"{r['site_mb']:.1f}",
                     f"{r['html_mb']:.1f}", f"{r['site_without_runtime_mb']:.1f}",
                     kb(disk.get("fr", {}).get("bytes")), kb(disk.get("en", {}).get("bytes")),
                     kb(fs.get("fr", {}).get("wire_bytes")), kb(fs.get("en", {}).get("wire_bytes"))))
    print(table(head, body, right=range(len(head))))
    if ratio is not None:
        big, small = rows[-1]["guides_per_language"], rows[0]["guides_per_language"]
        print(f"time({big}) / time({small}) = {ratio:.2f}")
    for r in rows:
        print(f"dates at {r['guides_per_language']} x 2: git log pass {r['dates_git_log_seconds']:.2f} s, dates "
              f"hooks in all {r['dates_hooks_seconds']:.2f} s; {r['dated_pages']} pages dated, "
              f"{r['stale_pages']} English pages stale")
    for s in serve:
        seen = s["edit_to_visible_median"]
        print(f"make {s['mode']:<6} first build {s['first_build_seconds']:>6.1f} s; after an edit: served in "
              f"{s['edit_to_served_median']:.2f} s, visible in the browser "
              + (f"in {seen:.2f} s (livereload)" if seen is not None else "only after a manual reload")
              + (" [livereload script blocked by the CSP]" if s["livereload_blocked_by_csp"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guides", type=int, nargs="*", default=[1000, 3000],
                        help="guides per language, one build each (none: only --serve-check)")
    parser.add_argument("--serve-check", action="store_true")
    parser.add_argument("--serve-guides", type=int, default=1000)
    parser.add_argument("--serve-modes", nargs="+", default=list(SERVE_MODES), choices=list(SERVE_MODES),
                        help="the Makefile targets to measure (default: both)")
    parser.add_argument("--edits", type=int, default=3, help="edits measured per serve mode")
    parser.add_argument("--no-search-check", action="store_true", help="skip the Chromium first search")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, help="keep the trees here (default: a temp dir, removed)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kb-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, Any]] = []
    serve: list[dict[str, Any]] = []
    try:
        for n in args.guides:
            rows.append(bench_build(n, workdir, args.seed, not args.no_search_check))
            if args.workdir is None:
                shutil.rmtree(workdir / f"kb-{n}", ignore_errors=True)
        if args.serve_check:
            tree = workdir / f"kb-serve-{args.serve_guides}"
            written = gen_synthetic.generate(args.serve_guides, tree, seed=args.seed)
            commit_tree(tree, written)
            prewarm_runtime(tree)
            rel = written["fr"][len(written["fr"]) // 2]
            for mode in args.serve_modes:
                log(f"[serve {args.serve_guides} x 2] mode {mode}")
                serve.append(serve_check(tree, rel, mode, args.edits))
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    rows.sort(key=lambda r: r["guides_per_language"])
    ratio = rows[-1]["seconds"] / rows[0]["seconds"] if len(rows) > 1 else None
    cpu_ratio = rows[-1]["cpu_seconds"] / rows[0]["cpu_seconds"] if len(rows) > 1 else None
    print_table(rows, serve, ratio)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "builds": rows,
        "ratio_largest_to_smallest": round(ratio, 2) if ratio else None,
        "cpu_ratio_largest_to_smallest": round(cpu_ratio, 2) if cpu_ratio else None,
        "serve": serve,
        "targets": targets(rows, serve),
    }
    args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"results: {args.output}")
    return 0


def targets(rows: list[dict[str, Any]], serve: list[dict[str, Any]]) -> dict[str, Any]:
    by_n = {r["guides_per_language"]: r for r in rows}
    out: dict[str, Any] = {}
    if 1000 in by_n:
        out["1000x2_build_le_20s"] = by_n[1000]["seconds"] <= 20
        out["1000x2_site_le_150MB"] = by_n[1000]["site_mb"] <= 150
    if 1000 in by_n and 3000 in by_n:
        out["3000_over_1000_le_3.5"] = by_n[3000]["seconds"] / by_n[1000]["seconds"] <= 3.5
    for s in serve:
        seen = s["edit_to_visible_median"]
        out[f"make_{s['mode']}_edit_visible_le_5s"] = seen is not None and seen <= 5
    return out


if __name__ == "__main__":
    sys.exit(main())
