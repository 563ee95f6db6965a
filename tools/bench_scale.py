#!/usr/bin/env python3
"""Scale benchmark: builds the knowledge base with N synthetic guides per language and measures it.

    python tools/bench_scale.py [--guides 1000 3000] [--serve-check] [--serve-modes serve write]

For each N: tools/gen_synthetic.py writes a temporary tree (this project exactly as it is: its config,
hooks and real docs, plus N guides per language in one more nav section), `mkdocs build --strict` runs in
a subprocess (warm: the Pyodide runtime cache is built before timing), and it prints and records:

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
import contextlib
import gzip
import http.server
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_synthetic

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results" / "scale.json"
CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
QUERIES = {"fr": "partenaire", "en": "partner"}
MB = 1_000_000
# The Makefile's serve targets: (environment, flags after `mkdocs serve --dev-addr HOST:PORT --livereload`)
SERVE_MODES: dict[str, tuple[dict[str, str], list[str]]] = {
    "serve": ({}, []),
    "write": ({"KB_WRITER_LANG": "fr", "KB_SKIP_SEARCH": "1"}, ["--dirty", "--no-strict"]),
}
# Switches of the project's config, unset unless a mode sets them (so `serve` and builds cover both
# languages and the search index whatever the caller's environment holds)
SWITCHES = ("KB_WRITER_LANG", "KB_SKIP_SEARCH")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SWITCHES}
    return {**env, **(extra or {})}


def serve_command(mode: str, port: int, host: str = "127.0.0.1") -> tuple[dict[str, str], list[str]]:
    """The environment and `mkdocs …` arguments of the Makefile target `mode` (run from the tree)."""
    env_extra, flags = SERVE_MODES[mode]
    return dict(env_extra), ["mkdocs", "serve", "--dev-addr", f"{host}:{port}", "--livereload", *flags]


# ---------------------------------------------------------------------------------------------------
# Build


def prewarm_runtime(tree: Path) -> None:
    """Builds the tree's Pyodide runtime cache (wheels) outside the timing, as any second build finds it."""
    code = "import sys; sys.path.insert(0, 'hooks'); import pyodide_assets; pyodide_assets.build_runtime()"
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
# First search, measured in Chromium against a local static server


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the stdlib's own attribute
        "": "application/octet-stream", ".html": "text/html; charset=utf-8", ".css": "text/css",
        ".js": "text/javascript", ".mjs": "text/javascript", ".json": "application/json",
        ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon",
        ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".zip": "application/zip",
        ".whl": "application/zip", ".pagefind": "application/wasm",
        ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream", ".pf_filter": "application/octet-stream",
    }
    TEXT = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        # gzip text on the fly when the browser accepts it (Pagefind's own files are gzipped already)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if (path.is_file() and ctype.startswith(self.TEXT)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


@contextlib.contextmanager
def static_server(site: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_search(base: str, site: Path, pages: dict[str, str]) -> dict[str, Any]:
    """Per language: the pagefind/ bytes a first search downloads (on the wire, and as files)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, Any] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            for lang, path in pages.items():
                context = browser.new_context()
                page = context.new_page()
                finished: list[Any] = []
                failed: list[str] = []
                page.on("requestfinished", partial(_record, finished))
                page.on("requestfailed", partial(_record_url, failed))
                page.goto(base + path, wait_until="load")
                before = [r for r in finished if "/pagefind/" in r.url]
                page.click("[data-kb-search-open]")
                box = page.locator("#kb-search-ui input")
                box.wait_for(state="visible", timeout=30_000)
                box.fill(QUERIES[lang])
                page.locator(".pagefind-ui__result").first.wait_for(state="visible", timeout=30_000)
                quiet(page, finished)
                hits = page.locator(".pagefind-ui__result").count()
                requests = [r for r in finished if "/pagefind/" in r.url]
                wire = files = 0
                kinds: dict[str, int] = {}
                for r in requests:
                    sizes = r.sizes()
                    sent = sizes["responseBodySize"] + sizes["responseHeadersSize"]
                    wire += sent
                    rel = r.url.split(base, 1)[1].split("?")[0]
                    disk = site / rel
                    files += disk.stat().st_size if disk.is_file() else 0
                    kind = Path(rel).suffix or Path(rel).name
                    kinds[kind] = kinds.get(kind, 0) + sent
                out[lang] = {"query": QUERIES[lang], "results_shown": hits, "requests": len(requests),
                             "wire_bytes": wire, "file_bytes": files, "by_kind": kinds,
                             "pagefind_bytes_on_page_load": sum(r.sizes()["responseBodySize"]
                                                                for r in before),
                             "failed": [u for u in failed if "/pagefind/" in u]}
                context.close()
        finally:
            browser.close()
    return out


def _record(into: list[Any], request: Any) -> None:
    into.append(request)


def _record_url(into: list[str], request: Any) -> None:
    into.append(request.url)


def quiet(page: Any, finished: list[Any], idle: float = 1.0, limit: float = 30.0) -> None:
    """Waits until no request finished for `idle` seconds (fragments load after the first results)."""
    end = time.monotonic() + limit
    seen, since = len(finished), time.monotonic()
    while time.monotonic() < end:
        page.wait_for_timeout(100)
        if len(finished) != seen:
            seen, since = len(finished), time.monotonic()
        elif time.monotonic() - since >= idle:
            return


def synthetic_url(rel: str, lang: str, default: str = "fr") -> str:
    url = rel.removesuffix(".md") + "/"
    return url if lang == default else f"{lang}/{url}"


# ---------------------------------------------------------------------------------------------------
# `make serve` and `make write`: edit-to-visible time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _record_text(into: list[str], message: Any) -> None:
    into.append(message.text)


def _body(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return str(resp.read().decode("utf-8", "replace"))
    except Exception:
        return ""


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return int(resp.status)
    except Exception:
        return 0


def serve_check(tree: Path, rel: str, mode: str, edits: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    port = free_port()
    env_extra, args = serve_command(mode, port)
    base = f"http://127.0.0.1:{port}/"
    lang = env_extra.get("KB_WRITER_LANG", "fr")
    url = base + rel.removesuffix(".md") + "/"  # fr, the default language, is served at / in both modes
    cmd = [sys.executable, "-m", *args]  # from the tree, like make from the project: its mkdocs.yml
    logfile = tree / f"serve-{mode}.log"
    source = tree / "docs" / lang / rel
    original = source.read_text(encoding="utf-8")
    result: dict[str, Any] = {"mode": mode, "env": env_extra, "command": args, "page": url}
    with logfile.open("w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=tree, stdout=out, stderr=subprocess.STDOUT,
                                env=child_env(env_extra), start_new_session=True)
        try:
            while _get(url) != 200:
                if proc.poll() is not None:
                    raise SystemExit(f"mkdocs serve exited ({proc.returncode}), see {logfile}")
                if time.perf_counter() - started > 600:
                    raise SystemExit(f"mkdocs serve: no page after 600 s, see {logfile}")
                time.sleep(0.2)
            result["first_build_seconds"] = round(time.perf_counter() - started, 1)
            visible: list[float | None] = []
            served: list[float] = []
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
                page = browser.new_page()
                console: list[str] = []
                page.on("console", partial(_record_text, console))
                page.goto(url, wait_until="load")
                time.sleep(1.0)  # let livereload's long poll start
                for i in range(edits):
                    marker = f"kb-marker-{os.getpid()}-{i}-{time.time_ns()}"
                    t0 = time.perf_counter()
                    with source.open("a", encoding="utf-8") as f:
                        f.write(f"\n\n{marker}\n")
                    seen = on_server = None
                    while seen is None:
                        now = time.perf_counter() - t0
                        with contextlib.suppress(Exception):  # the page reloads under us
                            if page.evaluate("m => document.body.innerText.includes(m)", marker):
                                seen = now
                        if on_server is None and marker in _body(url):
                            on_server = time.perf_counter() - t0
                        if on_server is None and now > 300:
                            raise SystemExit(f"edit not served after 300 s ({mode}), see {logfile}")
                        if on_server is not None and seen is None and now > on_server + 15:
                            break  # served but the browser did not reload by itself
                        time.sleep(0.05)
                    served.append(round(on_server if on_server is not None else seen or 0, 2))
                    visible.append(None if seen is None else round(seen, 2))
                    log(f"  make {mode}: edit {i + 1} served after {served[-1]} s, "
                        f"visible in the browser after {visible[-1]} s")
                    if seen is None:  # what a writer does then: reload by hand
                        page.reload(wait_until="load")
                    time.sleep(1.0)
                browser.close()
            result["edit_to_served_seconds"] = served
            result["edit_to_visible_seconds"] = visible
            result["edit_to_served_median"] = statistics.median(served)
            shown = [v for v in visible if v is not None]
            result["edit_to_visible_median"] = statistics.median(shown) if len(shown) == len(visible) else None
            result["livereload_blocked_by_csp"] = any("Content Security Policy" in c for c in console)
        finally:
            source.write_text(original, encoding="utf-8")
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)  # our own child's process group
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return result


# ---------------------------------------------------------------------------------------------------


def bench_build(n: int, workdir: Path, seed: int, search: bool) -> dict[str, Any]:
    tree = workdir / f"kb-{n}"
    log(f"[{n} x 2] generating into {tree}")
    written = gen_synthetic.generate(n, tree, seed=seed)
    prewarm_runtime(tree)
    site = tree / "site"
    log(f"[{n} x 2] building")
    row: dict[str, Any] = {"guides_per_language": n}
    row.update(timed_build(tree, site))
    row.update(site_sizes(site))
    row["pagefind_on_disk"] = pagefind_on_disk(site)
    if search and row["pagefind_on_disk"]:
        log(f"[{n} x 2] first search in Chromium")
        rel = written["fr"][0]
        with static_server(site) as base:
            row["first_search"] = first_search(base, site, {
                lang: synthetic_url(rel, lang) for lang in gen_synthetic.LANGS})
    shutil.rmtree(site, ignore_errors=True)
    return row


def print_table(rows: list[dict[str, Any]], serve: list[dict[str, Any]], ratio: float | None) -> None:
    head = (f"{'guides x2':>9} {'build s':>8} {'cpu s':>6} {'pagefind s':>10} {'peak MB':>8} {'site MB':>8} "
            f"{'HTML MB':>8} {'w/o rt MB':>9} {'index fr KB':>11} {'index en KB':>11} "
            f"{'1st search fr KB':>16} {'1st search en KB':>16}")
    print(head)
    print("-" * len(head))
    for r in rows:
        disk = r.get("pagefind_on_disk", {})
        fs = r.get("first_search", {})

        def kb(value: float | None) -> str:
            return "-" if value is None else f"{value / 1000:.1f}"

        print(f"{r['guides_per_language']:>9} {r['seconds']:>8.1f} {r['cpu_seconds']:>6.1f} "
              f"{r.get('pagefind_seconds') or 0:>10.1f} "
              f"{r['peak_rss_mb']:>8.0f} {r['site_mb']:>8.1f} {r['html_mb']:>8.1f} "
              f"{r['site_without_runtime_mb']:>9.1f} {kb(disk.get('fr', {}).get('bytes')):>11} "
              f"{kb(disk.get('en', {}).get('bytes')):>11} "
              f"{kb(fs.get('fr', {}).get('wire_bytes')):>16} {kb(fs.get('en', {}).get('wire_bytes')):>16}")
    if ratio is not None:
        big, small = rows[-1]["guides_per_language"], rows[0]["guides_per_language"]
        print(f"time({big}) / time({small}) = {ratio:.2f}")
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
