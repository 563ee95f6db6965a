#!/usr/bin/env python3
"""Browser benchmark of the in-page Python helpers (Pyodide in a Web Worker), against the built site.

    python tools/bench_helpers.py [--site DIR] [--runs 5] [--json bench-results/helpers.json]
                                  [--cache revalidate|max-age] [--no-install]

Not part of the test suite. Without --site it builds the site (`mkdocs build --strict`) into a temp dir.
The site is served the way a static host serves it: Debian's nginx, run as an unprivileged foreground
process on 127.0.0.1 with a config generated into a temp dir (template: tools/nginx/site.conf.in):
correct MIME types (.wasm application/wasm, .js/.mjs text/javascript), `gzip_static` + `brotli_static`
(the Debian module libnginx-mod-http-brotli-static is installed with apt-get when missing and we are
root; the bench prints what it installs) for precompressed files next to the assets, on-the-fly gzip for
the other compressible types, and the cache headers printed in the header of the run. A given --site is
never modified: the floor page lives in the temp dir and nginx serves it through an alias (__bench__/).

In headless Chromium (Debian's, /usr/bin/chromium) it measures, in one run:

- floor: a bare `loadPyodide({indexURL: "/assets/pyodide/"})` in a dedicated module worker, with the
  site's vendored runtime, time from navigation start until it resolves; fresh profile per run;
- cold first answer: navigation to the VAT guide, the number typed as soon as the helper is live
  (DOMContentLoaded: widgets.js, a deferred module, has mounted it), time from navigation start until
  the answer is in the result region; fresh profile per run;
- warm first answer: the same with one persistent profile (one warming visit, then --runs visits, each
  in a relaunched browser: only the disk cache is kept, as for a reader coming back);
- answer latency once ready: 200 inputs in the page (value + `input` event, alternately valid and
  invalid numbers, all different), time until the result region changes (MutationObserver); p50/p95;
- bytes on the wire (compressed, headers included) for the cold first answer, workers' requests
  included (Playwright context-level request events: `request.sizes()` is built from the DevTools
  Network.loadingFinished encodedDataLength), cross-checked against nginx's access log ($bytes_sent);
  the same for pages without helpers (/, /glossary/, /en/glossary/), which must fetch nothing from
  assets/pyodide/;
- main-thread long tasks (> 50 ms, `longtask` PerformanceObserver, buffered) and total blocking time from
  navigation to the first answer, and the part attributable to Pyodide (Long Animation Frames whose
  longest script comes from assets/pyodide/: Pyodide runs in the worker, so it should be 0);
- the compressed size of the bare runtime (pyodide.asm.wasm + pyodide.asm.mjs + python_stdlib.zip as
  served) and the ratio bytes(first answer) / bytes(bare runtime);
- the headline: cold first answer / floor, both from this run.

When widgets.js dispatches `kb:ready` with `detail.timings` (phase -> ms), the phases are read and printed;
their absence is fine. Results go to --json (bench-results/helpers.json).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NGINX_TEMPLATE = ROOT / "tools" / "nginx" / "site.conf.in"
DEFAULT_JSON = ROOT / "bench-results" / "helpers.json"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CHROMIUM = os.environ.get("KB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BROTLI_PACKAGE = "libnginx-mod-http-brotli-static"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

VAT_PAGE = "/billing-and-vat/vat-number/"
NO_HELPER_PAGES = ["/", "/glossary/", "/en/glossary/"]
FIRST_NUMBER = "CHE-116.281.710 MWST"
FIRST_EXPECT = "CHE116281710MWST"  # in the answer's text (whitespace removed)
RUNTIME_FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")
LATENCY_INPUTS = 200
VISIT_TIMEOUT_MS = 120_000

# Targets: (key, label, test on the figure)
TARGET_COLD_VS_FLOOR = 0.5
TARGET_WARM_S = 0.6
TARGET_P95_MS = 16.0
TARGET_BYTES_RATIO = 1.6

CACHE_POLICIES = {
    # assets/kb/* and assets/pyodide/* are NOT content-hashed: a long max-age would let a reader mix a new
    # worker.js with an old pyodide.asm.wasm after a deploy. Default: always revalidate (ETag, 304).
    "revalidate": "no-cache",
    # the alternative a host may choose: one hour without revalidation (stale for up to an hour)
    "max-age": "public, max-age=3600",
}

# The probe every page of the bench gets before its own scripts (Playwright add_init_script; it is not
# subject to the page's CSP): long tasks, long animation frames, the helper's states, the first answer.
PROBE_JS = r"""
(() => {
  if (window.__kbBench) return;
  const kb = window.__kbBench = { longtasks: [], loaf: [], states: [], answer: null, ready: null, expect: %s };
  // the bench awaits these (page.evaluate): the page's CSP forbids the eval behind wait_for_function
  let answered, readied;
  Object.defineProperty(kb, "answered", { value: new Promise((r) => { answered = r; }), enumerable: false });
  Object.defineProperty(kb, "readied", { value: new Promise((r) => { readied = r; }), enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kb.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { kb.longtasks = null; }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        kb.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName,
            invoker: s.invoker, duration: s.duration })) });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (e) { kb.loaf = null; }
  document.addEventListener("kb:ready", (e) => {
    kb.ready = { at: performance.now(), detail: e.detail ?? null };
  });
  const check = () => {
    const root = document.querySelector("[data-kb-widget=vat]");
    if (!root) return;
    const state = root.dataset.kbState;
    if (kb.states.length === 0 || kb.states[kb.states.length - 1].state !== state) {
      kb.states.push({ state, at: performance.now() });
      if (state === "ready") readied();
    }
    if (kb.answer === null && kb.expect) {
      const box = root.querySelector("[data-kb-result] .kb-result");
      if (box && box.textContent.replace(/\s+/g, "").includes(kb.expect)) {
        kb.answer = performance.now();
        answered();
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["data-kb-state"] });
})();
"""

# The floor: a bare loadPyodide() in a dedicated module worker, like the real helpers.
FLOOR_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench: bare loadPyodide()</title></head>
<body><p>Bare <code>loadPyodide()</code> in a worker.</p>
<script type="module" src="/__bench__/floor.js"></script></body></html>
"""
FLOOR_JS = """let done;
window.__floorDone = new Promise((resolve) => { done = resolve; });
const worker = new Worker("/__bench__/floor-worker.js", { type: "module" });
worker.onmessage = ({ data }) => {
  done({ ...data, at: data.epoch - performance.timeOrigin });
};
worker.onerror = (event) => done({ error: String(event.message || "worker error") });
"""
FLOOR_WORKER_JS = """import { loadPyodide } from "/assets/pyodide/pyodide.mjs";
const imported = performance.now();
try {
  const pyodide = await loadPyodide({ indexURL: "/assets/pyodide/" });
  pyodide.runPython("1 + 1");
  self.postMessage({ epoch: performance.timeOrigin + performance.now(), imported,
                     load_ms: performance.now() - imported });
} catch (error) {
  self.postMessage({ error: String(error) });
}
"""

# 200 inputs in the page, each awaited until the result region changes.
LATENCY_JS = """async (inputs) => {
  const root = document.querySelector("[data-kb-widget=vat]");
  const input = root.querySelector("[name=number]");
  const region = root.querySelector("[data-kb-result]");
  const times = [];
  for (const value of inputs) {
    let observer;
    const changed = new Promise((resolve) => {
      observer = new MutationObserver(() => resolve(performance.now()));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000));
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = await Promise.race([changed, timeout]);
    observer.disconnect();
    times.push(t1 === null ? null : t1 - t0);
  }
  return times;
}"""


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, text=True, capture_output=True, check=False, **kwargs)


# ---------------------------------------------------------------------------------------------------
# Figures


def median_range(values: list[float]) -> dict[str, float | int | None]:
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


def blocking(longtasks: list[dict[str, float]], until: float) -> tuple[int, float]:
    """Long tasks that started before `until`: their count and total blocking time (sum of duration - 50)."""
    tasks = [t for t in longtasks if t["start"] < until]
    return len(tasks), sum(max(0.0, t["duration"] - 50.0) for t in tasks)


def pyodide_blocking(loaf: list[dict[str, Any]] | None, until: float) -> float | None:
    """Blocking time of the long animation frames whose longest script is Pyodide's (assets/pyodide/)."""
    if loaf is None:
        return None
    total = 0.0
    for frame in loaf:
        if frame["start"] >= until or not frame["scripts"]:
            continue
        top = max(frame["scripts"], key=lambda s: s["duration"] or 0)
        if "/assets/pyodide/" in (top["url"] or ""):
            total += frame["blocking"] or 0.0
    return total


def loaf_sources(loaf: list[dict[str, Any]] | None, until: float) -> dict[str, float]:
    """Main-thread blocking by the script that dominated each long animation frame (for 'where it goes')."""
    out: dict[str, float] = {}
    for frame in loaf or []:
        if frame["start"] >= until:
            continue
        top = max(frame["scripts"], key=lambda s: s["duration"] or 0) if frame["scripts"] else None
        name = (top["url"] or top["invoker"] or "?").rsplit("/", 1)[-1] if top else "(no script: layout/paint)"
        out[name] = out.get(name, 0.0) + (frame["blocking"] or 0.0)
    return out


# ---------------------------------------------------------------------------------------------------
# Numbers for the latency run: French VAT numbers (FR + key + SIREN), valid and invalid, all different.


def _luhn_digit(partial: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:  # doubled: the check digit will sit to the right
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def vat_inputs(n: int) -> list[str]:
    out: list[str] = []
    for i in range(n):
        base = f"{40_000_000 + 7919 * i:08d}"
        siren = base + _luhn_digit(base)
        key = (12 + 3 * (int(siren) % 97)) % 97
        if i % 2 == 0:
            out.append(f"FR{key:02d}{siren}")  # valid
        else:
            out.append(f"FR{(key + 1) % 97:02d}{siren}")  # wrong key: invalid, a different number each time
    return out


# ---------------------------------------------------------------------------------------------------
# Machine facts


def snapshot_name(snapshot: Any) -> str | None:
    """manifest.json `snapshot`: a file name, or an object naming it (file, bytes, ...), or null."""
    if isinstance(snapshot, dict):
        name = snapshot.get("file") or snapshot.get("name")
        size = snapshot.get("bytes")
        return f"{name} ({size / 1e6:.1f} MB)" if isinstance(size, int | float) else str(name)
    return snapshot if isinstance(snapshot, str) else None


def machine_facts(site: Path) -> dict[str, Any]:
    cpu = "?"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    chromium = run([CHROMIUM, "--version"]).stdout.strip()
    nginx = run([NGINX, "-v"]).stderr.strip().removeprefix("nginx version: ")
    manifest = json.loads((site / "assets" / "pyodide" / "manifest.json").read_text())
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "chromium": chromium,
        "nginx": nginx,
        "pyodide": manifest.get("pyodide"),
        "snapshot": snapshot_name(manifest.get("snapshot")),
        "loadavg_start": os.getloadavg(),
        "python": platform.python_version(),
    }


# ---------------------------------------------------------------------------------------------------
# The site


def build_site(dest: Path) -> None:
    log(f"building the site into {dest} (mkdocs build --strict)…")
    started = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)], cwd=ROOT, env=env)
    if proc.returncode != 0:
        sys.exit(f"the build failed:\n{proc.stdout}\n{proc.stderr}")
    log(f"  built in {time.perf_counter() - started:.1f} s")


def readable_by(user: str, path: Path) -> bool:
    """Whether `user` can read `path`/index.html (we are root and nginx runs as `user`)."""
    probe = run(["setpriv", f"--reuid={user}", f"--regid={user_group(user)}", "--clear-groups",
                 "test", "-r", str(path / "assets" / "pyodide" / "manifest.json")])
    return probe.returncode == 0


def user_group(user: str) -> str:
    import grp
    import pwd

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name


# ---------------------------------------------------------------------------------------------------
# nginx


def ensure_brotli(install: bool) -> bool:
    """brotli_static needs Debian's module: installs it with apt-get when missing (as root), says so."""
    if BROTLI_MODULE.is_file():
        return True
    if not install:
        log(f"brotli_static: {BROTLI_MODULE} missing, --no-install: serving gzip only")
        return False
    if os.geteuid() != 0:
        log(f"brotli_static: {BROTLI_MODULE} missing and not root: serving gzip only "
            f"(apt-get install {BROTLI_PACKAGE} adds it)")
        return False

    def candidate() -> str:
        out = run(["apt-cache", "policy", BROTLI_PACKAGE]).stdout
        match = re.search(r"Candidate:\s*(\S+)", out)
        return match[1] if match and match[1] != "(none)" else ""

    if not candidate():
        print("installing: apt-get update (to find Debian package lists)", flush=True)
        run(["apt-get", "update", "-qq"])
    version = candidate()
    if not version:
        log(f"brotli_static: no Debian package {BROTLI_PACKAGE}: serving gzip only")
        return False
    print(f"installing Debian package {BROTLI_PACKAGE} {version} (apt-get install) for brotli_static", flush=True)
    proc = run(["apt-get", "install", "-y", "-q", "--no-install-recommends", BROTLI_PACKAGE],
               env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    installed = [line for line in proc.stdout.splitlines() if line.startswith(("Setting up", "Unpacking"))]
    for line in installed:
        print(f"  {line}", flush=True)
    if proc.returncode != 0 or not BROTLI_MODULE.is_file():
        log(f"brotli_static: install failed, serving gzip only\n{proc.stderr[-2000:]}")
        return False
    return True


def mime_types() -> dict[str, str]:
    """Debian's /etc/nginx/mime.types (extension -> type), with the types a module site needs."""
    types: dict[str, str] = {}
    with contextlib.suppress(OSError):
        text = Path("/etc/nginx/mime.types").read_text()
        body = text[text.index("{") + 1: text.rindex("}")]
        for statement in body.split(";"):
            words = statement.split()
            for ext in words[1:]:
                types[ext] = words[0]
    types.update({"js": "text/javascript", "mjs": "text/javascript", "wasm": "application/wasm",
                  "json": "application/json", "map": "application/json", "webmanifest": "application/manifest+json",
                  "whl": "application/zip", "zip": "application/zip", "pagefind": "application/octet-stream",
                  "pf_meta": "application/octet-stream", "pf_fragment": "application/octet-stream",
                  "pf_index": "application/octet-stream"})
    return types


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def nginx_config(site: Path, bench: Path, state: Path, port: int, brotli: bool, cache: str) -> str:
    by_type: dict[str, list[str]] = {}
    for ext, mime in sorted(mime_types().items()):
        by_type.setdefault(mime, []).append(ext)
    types = "\n".join(f"        {mime} {' '.join(exts)};" for mime, exts in sorted(by_type.items()))
    values = {
        "load_brotli": f"load_module {BROTLI_MODULE};" if brotli else "# brotli module not available",
        "brotli_static": "brotli_static on;" if brotli else "# brotli_static: module not available",
        "state": str(state), "site": str(site), "bench": str(bench), "port": str(port),
        "types": types, "runtime_cache": CACHE_POLICIES[cache], "cache_name": cache,
    }
    text = NGINX_TEMPLATE.read_text()
    return re.sub(r"@(\w+)@", lambda m: values.get(m[1], m[0]), text)


class Nginx:
    def __init__(self, site: Path, bench: Path, state: Path, brotli: bool, cache: str) -> None:
        self.state = state
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.conf = state / "nginx.conf"
        self.conf.write_text(nginx_config(site, bench, state, self.port, brotli, cache))
        self.log_path = state / "access.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.user: str | None = None

    def command(self, *args: str) -> list[str]:
        cmd = [NGINX, "-p", str(self.state), "-c", str(self.conf), "-e", str(self.state / "error.log"), *args]
        if self.user:  # root: drop to an unprivileged user for the whole process tree
            cmd = ["setpriv", f"--reuid={self.user}", f"--regid={user_group(self.user)}", "--clear-groups", *cmd]
        return cmd

    def start(self) -> None:
        if os.geteuid() == 0:
            self.user = "nobody"
            for path in [self.state, *self.state.iterdir()]:
                os.chown(path, *_ids(self.user))
        check = run(self.command("-t"))
        if check.returncode != 0:
            sys.exit(f"nginx -t failed:\n{check.stderr}")
        self.proc = subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                sys.exit(f"nginx exited: {self.proc.stderr.read().decode() if self.proc.stderr else ''}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                return
            time.sleep(0.05)
        sys.exit("nginx did not start listening")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM to the master we started (its workers follow)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def log_offset(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_since(self, offset: int) -> list[dict[str, Any]]:
        time.sleep(0.05)
        if not self.log_path.exists():
            return []
        with self.log_path.open("rb") as f:
            f.seek(offset)
            lines = f.read().decode().splitlines()
        out = []
        for line in lines:
            parts = line.split("\t")
            if len(parts) < 9:
                continue
            uri, status, sent, body, enc, ratio, ctype, cache, etag = parts[1:10]
            out.append({"uri": uri, "status": int(status), "bytes_sent": int(sent), "body": int(body),
                        "encoding": enc, "gzip_ratio": ratio, "type": ctype, "cache": cache, "etag": etag})
        return out


def _ids(user: str) -> tuple[int, int]:
    import pwd

    entry = pwd.getpwnam(user)
    return entry.pw_uid, entry.pw_gid


def served_as(entry: dict[str, Any]) -> str:
    if entry["encoding"] == "br":
        return "br (precompressed)"
    if entry["encoding"] == "gzip":
        return "gzip (on the fly)" if entry["gzip_ratio"] not in ("-", "") else "gzip (precompressed)"
    return "identity" if entry["status"] == 200 else f"{entry['status']}"


def check_server(base: str) -> list[dict[str, str]]:
    """MIME types and compression as a browser gets them; exits on a wrong MIME type."""
    expected = {"/assets/pyodide/pyodide.asm.wasm": "application/wasm",
                "/assets/pyodide/pyodide.mjs": "text/javascript",
                "/assets/pyodide/pyodide.asm.mjs": "text/javascript",
                "/assets/kb/worker.js": "text/javascript",
                "/assets/pyodide/python_stdlib.zip": "application/zip",
                "/assets/pyodide/manifest.json": "application/json",
                VAT_PAGE: "text/html"}
    out = []
    for path, mime in expected.items():
        req = urllib.request.Request(base + path, method="HEAD",
                                     headers={"Accept-Encoding": "gzip, deflate, br, zstd"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            ctype = resp.headers.get("Content-Type", "").split(";")[0].strip()
            out.append({"path": path, "type": ctype, "encoding": resp.headers.get("Content-Encoding") or "identity",
                        "cache": resp.headers.get("Cache-Control") or "", "etag": resp.headers.get("ETag") or ""})
            if ctype != mime:
                sys.exit(f"{path} served as {ctype!r}, expected {mime!r}")
    return out


# ---------------------------------------------------------------------------------------------------
# Chromium


class Visit:
    """One page visit in a browser context: every finished request of the context (workers' included)."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.requests: list[Any] = []
        self.failed: list[str] = []
        context.on("requestfinished", lambda r: self.requests.append(r))
        context.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page = context.pages[0] if context.pages else context.new_page()

    def wire(self, base: str) -> list[dict[str, Any]]:
        out = []
        for r in self.requests:
            sizes = r.sizes()
            timing = r.timing
            path = r.url.removeprefix(base)
            out.append({"path": path, "body": sizes["responseBodySize"],
                        "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                        "start": timing["startTime"], "end": timing["responseEnd"],
                        "worker": r.frame is None if _frame_safe(r) else True})
        return out


def _frame_safe(request: Any) -> bool:
    try:
        request.frame  # noqa: B018 - raises for a worker's request
        return True
    except Exception:
        return False


@contextlib.contextmanager
def browser(pw: Any, profile: Path, expect: str | None = FIRST_EXPECT) -> Iterator[Any]:
    context = pw.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
        viewport={"width": 1280, "height": 900}, locale="fr-FR")
    context.add_init_script(PROBE_JS % json.dumps(expect))
    try:
        yield context
    finally:
        context.close()


def sum_bytes(wire: list[dict[str, Any]], prefix: str = "") -> int:
    return sum(w["bytes"] for w in wire if w["path"].startswith(prefix))


def await_in_page(page: Any, promise: str) -> Any:
    """Awaits a promise of the page (a probe's), with a timeout."""
    return page.evaluate(
        f"""(ms) => Promise.race([{promise}, new Promise((_, reject) =>
             setTimeout(() => reject(new Error("timeout: {promise}")), ms))])""",
        VISIT_TIMEOUT_MS)


def first_answer_visit(context: Any, server: Nginx, linger: float = 0.0) -> dict[str, Any]:
    """Navigates to the VAT guide, fills the number once the helper is live, waits for the answer."""
    visit = Visit(context)
    offset = server.log_offset()
    page = visit.page
    page.goto(server.base + VAT_PAGE, wait_until="domcontentloaded", timeout=VISIT_TIMEOUT_MS)
    typed_at = page.evaluate("performance.now()")
    page.locator("[data-kb-widget=vat] [name=number]").fill(FIRST_NUMBER)
    await_in_page(page, "window.__kbBench.answered")
    probe = page.evaluate("window.__kbBench")
    origin = page.evaluate("performance.timeOrigin")
    answer = probe["answer"]
    wire = [dict(w, start=w["start"] - origin, end=w["start"] - origin + w["end"]) for w in visit.wire(server.base)]
    wire = [w for w in wire if w["start"] <= answer]
    if linger:
        time.sleep(linger)  # a reader stays on the page: let the caches be written
    tasks, tbt = blocking(probe["longtasks"] or [], answer)
    return {
        "answer_ms": answer, "typed_at_ms": typed_at, "states": probe["states"], "ready": probe["ready"],
        "longtasks": tasks, "tbt_ms": tbt, "tbt_pyodide_ms": pyodide_blocking(probe["loaf"], answer),
        "blocking_by_source": loaf_sources(probe["loaf"], answer), "longtask_api": probe["longtasks"] is not None,
        "bytes": sum_bytes(wire), "pyodide_bytes": sum_bytes(wire, "/assets/pyodide/"),
        "requests": wire, "failed": visit.failed, "nginx": server.log_since(offset),
    }


def floor_visit(context: Any, server: Nginx) -> dict[str, Any]:
    visit = Visit(context)
    offset = server.log_offset()
    page = visit.page
    page.goto(server.base + "/__bench__/floor.html", wait_until="domcontentloaded", timeout=VISIT_TIMEOUT_MS)
    floor = await_in_page(page, "window.__floorDone")
    if "error" in floor:
        sys.exit(f"floor page failed: {floor['error']}")
    origin = page.evaluate("performance.timeOrigin")
    wire = [dict(w, start=w["start"] - origin, end=w["start"] - origin + w["end"]) for w in visit.wire(server.base)]
    return {"ms": floor["at"], "worker_load_ms": floor["load_ms"], "requests": wire,
            "nginx": server.log_since(offset)}


def no_helper_visit(context: Any, server: Nginx, path: str) -> dict[str, Any]:
    visit = Visit(context)
    offset = server.log_offset()
    page = visit.page
    page.goto(server.base + path, wait_until="load", timeout=VISIT_TIMEOUT_MS)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.mouse.move(400, 400)
    page.keyboard.press("Tab")
    time.sleep(1.5)  # idle callbacks, lazy loads: anything that would start a worker has had its chance
    wire = visit.wire(server.base)
    return {"path": path, "bytes": sum_bytes(wire), "pyodide_bytes": sum_bytes(wire, "/assets/pyodide/"),
            "pyodide_requests": [w["path"] for w in wire if "/assets/pyodide/" in w["path"]],
            "kb_requests": [w["path"] for w in wire if w["path"].startswith("/assets/kb/")],
            "requests": len(wire), "nginx": server.log_since(offset)}


# ---------------------------------------------------------------------------------------------------
# Report


def fmt_s(ms: float | None) -> str:
    return "—" if ms is None else f"{ms / 1000:.2f} s"


def fmt_mb(n: float | None) -> str:
    return "—" if n is None else f"{n / 1e6:.2f} MB"


def mr(stats: dict[str, Any], fmt: Any) -> tuple[str, str]:
    if stats["median"] is None:
        return "—", ""
    return fmt(stats["median"]), f"{fmt(stats['min'])} - {fmt(stats['max'])}"


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "FAIL")


def print_report(res: dict[str, Any]) -> None:
    f = res["facts"]
    print()
    print("Helpers benchmark (tools/bench_helpers.py)")
    print(f"  date {f['date']}   nproc {f['nproc']}   cpu {f['cpu']}")
    print(f"  {f['chromium']}   nginx {f['nginx']}   pyodide {f['pyodide']}   "
          f"snapshot {f['snapshot'] or 'none'}   runs {res['runs']}")
    load = f"load average {f['loadavg_start'][0]:.2f} at start, {f['loadavg_end'][0]:.2f} at end (1 min)"
    busy = f["loadavg_start"][0] > 0.5 * (f["nproc"] or 1)  # at the end, the load is partly the bench's own
    print(f"  {load}" + ("  WARNING: the machine was busy before the bench started: timings are noisy"
                         if busy else ""))
    srv = res["server"]
    print(f"  served by nginx on 127.0.0.1 as {srv['user'] or 'the current user'}: gzip_static on, "
          f"brotli_static {'on' if srv['brotli'] else 'off (module missing)'}, gzip on the fly for the rest")
    print(f"  cache: assets/kb/*, assets/pyodide/* -> Cache-Control: {CACHE_POLICIES[srv['cache']]} + ETag "
          f"({srv['cache']}: not content-hashed); HTML no-cache; content-hashed assets immutable")
    print()
    rows: list[tuple[str, str, str, str, str]] = []
    t = res["targets"]
    floor_m, floor_r = mr(res["floor"], fmt_s)
    rows.append(("floor: bare loadPyodide(), cold", floor_m, floor_r, "", ""))
    cold_m, cold_r = mr(res["cold"], fmt_s)
    limit = res["floor"]["median"] * TARGET_COLD_VS_FLOOR if res["floor"]["median"] else None
    rows.append(("cold first answer", cold_m, cold_r, f"≤ {TARGET_COLD_VS_FLOOR} x floor = {fmt_s(limit)}",
                 verdict(t["cold_vs_floor"])))
    warm_m, warm_r = mr(res["warm"], fmt_s)
    rows.append(("warm first answer", warm_m, warm_r, f"≤ {TARGET_WARM_S:.2f} s", verdict(t["warm"])))
    lat = res["latency"]
    rows.append((f"answer latency p50 / p95 ({lat['n']} inputs)", f"{lat['p50']:.1f} / {lat['p95']:.1f} ms",
                 f"max {lat['max']:.1f} ms", f"p95 ≤ {TARGET_P95_MS:.0f} ms", verdict(t["latency_p95"])))
    mt = res["main_thread"]
    rows.append(("main-thread long tasks, nav→answer (cold)", f"{mt['longtasks']['median']:g}",
                 f"{mt['longtasks']['min']:g} - {mt['longtasks']['max']:g}", "", ""))
    rows.append(("total blocking time, nav→answer (cold)", f"{mt['tbt']['median']:.0f} ms",
                 f"{mt['tbt']['min']:.0f} - {mt['tbt']['max']:.0f} ms", "", ""))
    pyo = mt["tbt_pyodide"]
    rows.append(("  of which Pyodide (LoAF attribution)", "—" if pyo is None else f"{pyo:.0f} ms", "",
                 "= 0 ms", verdict(t["tbt_pyodide"])))
    b = res["bytes"]
    rows.append(("bytes on the wire: cold first answer", fmt_mb(b["first_answer"]["median"]),
                 f"pyodide/ {fmt_mb(b['first_answer_pyodide'])}", "", ""))
    rt = b["runtime"]
    rows.append(("bare runtime as served (wasm+asm.mjs+stdlib)", fmt_mb(rt["total"]),
                 " + ".join(fmt_mb(rt["files"].get(n)) for n in RUNTIME_FILES), "", ""))
    rows.append(("bytes first answer / bare runtime", f"{b['ratio']:.2f}", "", f"≤ {TARGET_BYTES_RATIO}",
                 verdict(t["bytes_ratio"])))
    for page in res["no_helpers"]:
        rows.append((f"page without helpers {page['path']}: pyodide bytes", str(page["pyodide_bytes"]),
                     f"page total {fmt_mb(page['bytes'])}", "= 0", verdict(page["pyodide_bytes"] == 0)))
    rows.append(("HEADLINE cold first answer / floor", f"{res['headline']:.2f}", "", f"≤ {TARGET_COLD_VS_FLOOR}",
                 verdict(t["cold_vs_floor"])))
    head = ("figure", "median", "min - max / detail", "target", "")
    widths = [max(len(r[i]) for r in [*rows, head]) for i in range(5)]
    line = "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    print()
    print(f"targets passed: {sum(1 for v in t.values() if v)} / {sum(1 for v in t.values() if v is not None)}"
          f"  (pages without helpers: {'all 0' if t['no_helper_bytes'] else 'FAIL'})")
    print()
    print("where the time goes, median floor run (ms from navigation start):")
    for label, value in res["floor_breakdown"]:
        print(f"  {label:<46} {value}")
    print("where the time goes, median cold first answer (ms from navigation start):")
    for label, value in res["cold_breakdown"]:
        print(f"  {label:<46} {value}")
    print("where the time goes, median warm first answer (ms from navigation start):")
    for label, value in res["warm_breakdown"]:
        print(f"  {label:<46} {value}")
    if res["ready_timings"]:
        print("kb:ready timings (phase -> ms, median over cold runs):")
        for phase, ms in res["ready_timings"].items():
            print(f"  {phase:<46} {ms:.0f}")
    else:
        print("kb:ready timings: none dispatched (widgets.js does not send them yet)")
    if mt["by_source"]:
        print("main-thread blocking by dominant script (median cold run, LoAF): "
              + ", ".join(f"{k} {v:.0f} ms" for k, v in sorted(mt["by_source"].items(), key=lambda kv: -kv[1])))
    print()
    print("runtime files as served in the median cold run (nginx access log):")
    for entry in res["served"]:
        print(f"  {entry['uri']:<48} {entry['type']:<22} {entry['served_as']:<22} "
              f"{entry['bytes_sent']:>10,d} B  ({entry['cache']})")
    print(f"warm visits: {b['warm_median']:,.0f} B on the wire per visit (median); nginx statuses over "
          f"{res['runs']} warm visits: {res['warm_statuses']}")
    print(f"cross-check, cold first answer bytes: Chromium {b['first_answer']['median']:,.0f} B, "
          f"nginx $bytes_sent {b['nginx_first_answer']:,.0f} B; worker's wasm counted: {b['wasm_counted']}")


# ---------------------------------------------------------------------------------------------------
# Main


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one into a temp dir)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (≥ 5 for the report)")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    parser.add_argument("--cache", choices=sorted(CACHE_POLICIES), default="revalidate",
                        help="Cache-Control of assets/kb and assets/pyodide (not content-hashed)")
    parser.add_argument("--no-install", action="store_true", help="do not apt-get install the brotli module")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    started = time.perf_counter()
    brotli = ensure_brotli(not args.no_install)
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp_name:
        tmp = Path(tmp_name)
        os.chmod(tmp, 0o755)
        if args.site:
            site = args.site.resolve()
            if not (site / "assets" / "pyodide" / "manifest.json").is_file():
                sys.exit(f"{site} is not a built site (no assets/pyodide/manifest.json)")
            if os.geteuid() == 0 and not readable_by("nobody", site):
                log(f"{site} is not readable by nobody: serving a copy")
                shutil.copytree(site, tmp / "site")
                site = tmp / "site"
        else:
            site = tmp / "site"
            build_site(site)
        if os.geteuid() == 0:
            for path in [site, *site.rglob("*")]:
                if path.is_relative_to(tmp):
                    os.chmod(path, 0o755 if path.is_dir() else 0o644)
        bench = tmp / "bench"
        bench.mkdir(mode=0o755)
        (bench / "floor.html").write_text(FLOOR_HTML)
        (bench / "floor.js").write_text(FLOOR_JS)
        (bench / "floor-worker.js").write_text(FLOOR_WORKER_JS)
        for p in bench.iterdir():
            p.chmod(0o644)
        state = tmp / "nginx"
        state.mkdir(mode=0o755)
        profiles = tmp / "profiles"
        profiles.mkdir()

        facts = machine_facts(site)
        server = Nginx(site, bench, state, brotli, args.cache)
        server.start()
        try:
            headers = check_server(server.base)
            print(f"nginx config: {server.conf} (from {NGINX_TEMPLATE.relative_to(ROOT)}), {server.base}, "
                  f"runs as {server.user or 'current user'}", flush=True)
            for h in headers:
                print(f"  {h['path']:<36} {h['type']:<18} {h['encoding']:<8} Cache-Control: {h['cache']}")
            results = measure(sync_playwright, server, profiles, args.runs)
        finally:
            server.stop()
        results.update({"facts": facts, "runs": args.runs, "headers": headers,
                        "server": {"brotli": brotli, "cache": args.cache, "user": server.user,
                                   "config": server.conf.read_text()}})
    results["elapsed_s"] = time.perf_counter() - started
    results["facts"]["loadavg_end"] = os.getloadavg()
    print_report(results)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(f"\n{results['elapsed_s']:.0f} s; results: {args.json}")
    return 0


def measure(sync_playwright: Any, server: Nginx, profiles: Path, runs: int) -> dict[str, Any]:
    with sync_playwright() as pw:
        floors: list[dict[str, Any]] = []
        colds: list[dict[str, Any]] = []
        for i in range(runs):  # interleaved: a drift of the machine's load hits both sides of the headline
            with browser(pw, profiles / f"floor-{i}", expect=None) as ctx:
                floors.append(floor_visit(ctx, server))
            log(f"floor {i + 1}/{runs}: {floors[-1]['ms']:.0f} ms")
            with browser(pw, profiles / f"cold-{i}") as ctx:
                colds.append(first_answer_visit(ctx, server))
            log(f"cold {i + 1}/{runs}: {colds[-1]['answer_ms']:.0f} ms, {colds[-1]['bytes']:,} B")
        warm_profile = profiles / "warm"
        with browser(pw, warm_profile) as ctx:
            warming = first_answer_visit(ctx, server, linger=2.0)
        log(f"warming visit: {warming['answer_ms']:.0f} ms")
        warms = []
        latency: list[float | None] = []
        for i in range(runs):
            with browser(pw, warm_profile) as ctx:
                warms.append(first_answer_visit(ctx, server, linger=1.0))
                log(f"warm {i + 1}/{runs}: {warms[-1]['answer_ms']:.0f} ms, {warms[-1]['bytes']:,} B")
                if i == runs - 1:
                    page = ctx.pages[0]
                    await_in_page(page, "window.__kbBench.readied")
                    latency = page.evaluate(LATENCY_JS, vat_inputs(LATENCY_INPUTS))
        log(f"latency: {len(latency)} inputs")
        no_helpers = []
        for i, path in enumerate(NO_HELPER_PAGES):
            with browser(pw, profiles / f"plain-{i}", expect=None) as ctx:
                no_helpers.append(no_helper_visit(ctx, server, path))
            log(f"{path}: {no_helpers[-1]['bytes']:,} B, pyodide {no_helpers[-1]['pyodide_bytes']} B")
    return summarize(floors, colds, warming, warms, latency, no_helpers)


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
        sizes = [w["bytes"] for f in floors for w in f["requests"] if w["path"] == f"/assets/pyodide/{name}"]
        if sizes:
            runtime_files[name] = int(statistics.median(sizes))
    runtime_total = sum(runtime_files.values())
    first_bytes = median_range([float(c["bytes"]) for c in colds])
    wasm_counted = all(any(w["path"].endswith("pyodide.asm.wasm") and w["body"] > 1_000_000 for w in c["requests"])
                       for c in colds)
    if not wasm_counted:
        log("WARNING: the worker's pyodide.asm.wasm request is missing from the counted bytes")
    nginx_first = statistics.median(
        sum(e["bytes_sent"] for e in c["nginx"] if not e["uri"].startswith("/favicon")) for c in colds)

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

    served = []
    for e in median_cold["nginx"]:
        if e["uri"].startswith(("/assets/pyodide/", "/assets/kb/")):
            served.append({**e, "served_as": served_as(e)})
    warm_statuses: dict[str, int] = {}
    for w in warms:
        for e in w["nginx"]:
            warm_statuses[str(e["status"])] = warm_statuses.get(str(e["status"]), 0) + 1

    headline = cold["median"] / floor["median"]
    ratio = first_bytes["median"] / runtime_total if runtime_total else float("nan")
    targets = {
        "cold_vs_floor": headline <= TARGET_COLD_VS_FLOOR,
        "warm": warm["median"] <= TARGET_WARM_S * 1000,
        "latency_p95": lat["p95"] <= TARGET_P95_MS and lat["missed"] == 0,
        "tbt_pyodide": None if tbt_pyodide_max is None else tbt_pyodide_max == 0,
        "no_helper_bytes": all(p["pyodide_bytes"] == 0 for p in no_helpers),
        "bytes_ratio": ratio <= TARGET_BYTES_RATIO,
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
            "ratio": ratio, "wasm_counted": wasm_counted, "nginx_first_answer": nginx_first,
            "warm_median": statistics.median(w["bytes"] for w in warms),
        },
        "cold_breakdown": cold_breakdown(median_cold), "warm_breakdown": cold_breakdown(median_warm),
        "floor_breakdown": floor_breakdown(median_floor), "ready_timings": ready_timings,
        "served": served, "warm_statuses": warm_statuses,
        "no_helpers": [{k: v for k, v in p.items() if k != "nginx"} for p in no_helpers],
        "raw": {"floor": floors, "cold": colds, "warming": warming, "warm": warms, "latency_ms": latency},
    }


if __name__ == "__main__":
    sys.exit(main())
