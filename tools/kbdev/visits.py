"""The helpers benchmark's visits in Chromium: floor, first answer (cold or warm), latency, pages without helpers.

Each visit runs in a browser context of `bench_context` (a persistent profile, the probe js/probe.js added
before the page's own scripts) against a `StaticServer` that serves the site and, under /__bench__/, the
floor page of js/. Every visit returns plain dicts (JSON-ready): times in ms from navigation start, the
requests the context saw (workers' included) and the server's own record of what it sent.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, Request
from stdnum import luhn
from stdnum.fr import siren as fr_siren

from kbdev.browser import persistent
from kbdev.server import Served, StaticServer

__all__ = ["BENCH_JS", "FIRST_EXPECT", "LIST_COPIES", "NO_HELPER_PAGES", "VAT_PAGE", "await_in_page",
           "await_local_copies", "bench_context", "first_answer_visit", "floor_visit", "latency_run",
           "no_helper_visit", "vat_inputs"]

BENCH_JS = Path(__file__).resolve().parent / "js"  # served at /__bench__/
VAT_PAGE = "billing-and-vat/vat-number/"
NO_HELPER_PAGES = ["", "glossary/", "en/glossary/"]
FIRST_NUMBER = "CHE-116.281.710 MWST"
FIRST_EXPECT = "CHE116281710MWST"  # in the answer's text (whitespace removed)
VISIT_TIMEOUT_MS = 120_000
COPIES_TIMEOUT_S = 30.0
# The worker's local copies (widgets/runtime/copies.js), listed from a page of the site (same origin):
# name -> size, -1 while a worker holds the file.
LIST_COPIES = """async () => {
  const root = await navigator.storage.getDirectory();
  let dir;
  try { dir = await root.getDirectoryHandle('kb-runtime'); } catch { return {}; }
  const out = {};
  for await (const [name, handle] of dir.entries()) {
    try { out[name] = (await handle.getFile()).size; } catch { out[name] = -1; }
  }
  return out;
}"""


def script(name: str) -> str:
    """A js/ file without its leading // comment lines (page.evaluate takes a bare function)."""
    lines = (BENCH_JS / name).read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines)


def vat_inputs(n: int) -> list[str]:
    """n French VAT numbers (FR + key + SIREN), alternately valid and invalid, all different (python-stdnum).

    >>> vat_inputs(2)
    ['FR32400000006', 'FR32400079190']
    >>> from stdnum.fr import tva
    >>> [tva.is_valid(v) for v in vat_inputs(4)]
    [True, False, True, False]
    """
    out: list[str] = []
    for i in range(n):
        base = f"{40_000_000 + 7919 * i:08d}"
        number = fr_siren.to_tva(base + luhn.calc_check_digit(base))  # key + SIREN
        if i % 2:  # a wrong key: invalid, and a different number each time
            number = f"{(int(number[:2]) + 1) % 97:02d}{number[2:]}"
        out.append("FR" + number)
    return out


@contextlib.contextmanager
def bench_context(pw: Playwright, profile: Path, expect: str | None = FIRST_EXPECT) -> Iterator[BrowserContext]:
    """Chromium with its profile in `profile` (a fresh folder: cold; the same folder again: warm)."""
    probe = script("probe.js").replace("__EXPECT__", json.dumps(expect))
    with persistent(pw, profile, viewport={"width": 1280, "height": 900}, locale="fr-FR") as context:
        context.add_init_script(probe)
        yield context


class Visit:
    """One page visit in a browser context: every finished request of the context (workers' included)."""

    def __init__(self, context: BrowserContext, server: StaticServer) -> None:
        self.server = server
        self.requests: list[Request] = []
        self.failed: list[str] = []
        # a lambda, not list.append: Playwright sets an attribute on every handler
        context.on("requestfinished", lambda r: self.requests.append(r))
        context.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page: Page = context.pages[0] if context.pages else context.new_page()
        self.mark = server.mark()

    def wire(self) -> list[dict[str, Any]]:
        """Requests as Chromium counted them (DevTools encodedDataLength): ms from navigation start."""
        origin = float(self.page.evaluate("performance.timeOrigin"))
        out = []
        for r in self.requests:
            sizes, timing = r.sizes(), r.timing
            start = timing["startTime"] - origin
            out.append({"path": "/" + r.url.removeprefix(self.server.base), "body": sizes["responseBodySize"],
                        "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                        "start": start, "end": start + timing["responseEnd"]})
        return out

    def served(self) -> list[dict[str, Any]]:
        """What the server sent meanwhile (its own count: headers + body)."""
        return [_as_dict(s) for s in self.server.since(self.mark)]


def _as_dict(served: Served) -> dict[str, Any]:
    return {**dataclasses.asdict(served), "served_as": served.served_as}


def sum_bytes(wire: list[dict[str, Any]], prefix: str = "/") -> int:
    return sum(w["bytes"] for w in wire if w["path"].startswith(prefix))


def await_in_page(page: Page, promise: str) -> Any:
    """Awaits a promise of the page (a probe's), with a timeout (the page's CSP forbids wait_for_function)."""
    return page.evaluate(
        f"""(ms) => Promise.race([{promise}, new Promise((_, reject) =>
             setTimeout(() => reject(new Error("timeout: {promise}")), ms))])""",
        VISIT_TIMEOUT_MS)


def blocking(longtasks: list[dict[str, float]], until: float) -> tuple[int, float]:
    """Long tasks that started before `until`: their count and total blocking time (sum of duration - 50)."""
    tasks = [t for t in longtasks if t["start"] < until]
    return len(tasks), sum(max(0.0, t["duration"] - 50.0) for t in tasks)


def _top_script(frame: dict[str, Any]) -> dict[str, Any] | None:
    return max(frame["scripts"], key=lambda s: s["duration"] or 0) if frame["scripts"] else None


def pyodide_blocking(loaf: list[dict[str, Any]] | None, until: float) -> float | None:
    """Blocking time of the long animation frames whose longest script is Pyodide's (assets/pyodide/)."""
    if loaf is None:
        return None
    return sum(frame["blocking"] or 0.0 for frame in loaf if frame["start"] < until
               and (top := _top_script(frame)) and "/assets/pyodide/" in (top["url"] or ""))


def loaf_sources(loaf: list[dict[str, Any]] | None, until: float) -> dict[str, float]:
    """Main-thread blocking by the script that dominated each long animation frame (for 'where it goes')."""
    out: dict[str, float] = {}
    for frame in loaf or []:
        if frame["start"] >= until:
            continue
        top = _top_script(frame)
        name = (top["url"] or top["invoker"] or "?").rsplit("/", 1)[-1] if top else "(no script: layout/paint)"
        out[name] = out.get(name, 0.0) + (frame["blocking"] or 0.0)
    return out


def await_local_copies(page: Page, count: int = 3) -> dict[str, int]:
    """Waits until the worker has written `count` local copies (wasm, lean zip, snapshot); returns them."""
    deadline = time.monotonic() + COPIES_TIMEOUT_S
    while True:
        found = {k: int(v) for k, v in page.evaluate(LIST_COPIES).items()}
        complete = [n for n, size in found.items() if size > 0 and not n.endswith(".part")]
        if len(complete) >= count or time.monotonic() > deadline:
            return found
        time.sleep(0.25)


def first_answer_visit(context: BrowserContext, server: StaticServer, linger: float = 0.0) -> dict[str, Any]:
    """Navigates to the VAT guide, fills the number once the helper is live, waits for the answer.

    With `linger` (s), the reader then stays: the HTTP cache is written, and the worker's local copies.
    """
    visit = Visit(context, server)
    page = visit.page
    page.goto(server.base + VAT_PAGE, wait_until="domcontentloaded", timeout=VISIT_TIMEOUT_MS)
    typed_at = float(page.evaluate("performance.now()"))
    page.locator("[data-kb-widget=vat] [name=number]").fill(FIRST_NUMBER)
    await_in_page(page, "window.__kbBench.answered")
    probe = page.evaluate("window.__kbBench")
    answer = float(probe["answer"])
    wire = [w for w in visit.wire() if w["start"] <= answer]
    if linger:
        time.sleep(linger)  # a reader stays on the page: let the caches be written
        await_local_copies(page)
    tasks, tbt = blocking(probe["longtasks"] or [], answer)
    return {
        "answer_ms": answer, "typed_at_ms": typed_at, "states": probe["states"], "ready": probe["ready"],
        "longtasks": tasks, "tbt_ms": tbt, "tbt_pyodide_ms": pyodide_blocking(probe["loaf"], answer),
        "blocking_by_source": loaf_sources(probe["loaf"], answer), "longtask_api": probe["longtasks"] is not None,
        "bytes": sum_bytes(wire), "pyodide_bytes": sum_bytes(wire, "/assets/pyodide/"),
        "requests": wire, "failed": visit.failed, "served": visit.served(),
    }


def floor_visit(context: BrowserContext, server: StaticServer) -> dict[str, Any]:
    """A bare loadPyodide() in a worker (js/floor.html): the time until it resolves."""
    visit = Visit(context, server)
    visit.page.goto(server.base + "__bench__/floor.html", wait_until="domcontentloaded", timeout=VISIT_TIMEOUT_MS)
    floor = await_in_page(visit.page, "window.__floorDone")
    if "error" in floor:
        raise RuntimeError(f"floor page failed: {floor['error']}")
    return {"ms": floor["at"], "worker_load_ms": floor["load_ms"], "requests": visit.wire(),
            "served": visit.served()}


def no_helper_visit(context: BrowserContext, server: StaticServer, path: str) -> dict[str, Any]:
    """A page without helpers, used a little (scroll, pointer, Tab): what it downloads."""
    visit = Visit(context, server)
    page = visit.page
    page.goto(server.base + path, wait_until="load", timeout=VISIT_TIMEOUT_MS)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.mouse.move(400, 400)
    page.keyboard.press("Tab")
    time.sleep(1.5)  # idle callbacks, lazy loads: anything that would start a worker has had its chance
    wire = visit.wire()
    return {"path": "/" + path, "bytes": sum_bytes(wire), "pyodide_bytes": sum_bytes(wire, "/assets/pyodide/"),
            "pyodide_requests": [w["path"] for w in wire if "/assets/pyodide/" in w["path"]],
            "kb_requests": [w["path"] for w in wire if w["path"].startswith("/assets/kb/")],
            "requests": len(wire)}


def latency_run(page: Page, n: int) -> list[float | None]:
    """n inputs typed into the ready VAT helper: ms until the result region changes (None: no change)."""
    await_in_page(page, "window.__kbBench.readied")
    return list(page.evaluate(script("latency.js"), vat_inputs(n)))
