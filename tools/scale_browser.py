"""The scale benchmark's Chromium parts: the bytes of a first search, and the edit-to-visible time of
`make serve` / `make write` (tools/bench_scale.py runs them; the modes are the Makefile's two targets)."""

from __future__ import annotations

import contextlib
import os
import statistics
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kbdev.browser import launch
from kbdev.common import log
from kbdev.serve import ServeError, mkdocs_serve
from playwright.sync_api import Page, Request, sync_playwright

__all__ = ["SERVE_MODES", "child_env", "first_search", "serve_check", "serve_command", "synthetic_url"]

QUERIES = {"fr": "partenaire", "en": "partner"}
# The Makefile's serve targets: (environment, flags after `mkdocs serve --dev-addr HOST:PORT --livereload`)
SERVE_MODES: dict[str, tuple[dict[str, str], list[str]]] = {
    "serve": ({}, []),
    "write": ({"KB_WRITER_LANG": "fr", "KB_SKIP_SEARCH": "1"}, ["--dirty", "--no-strict"]),
}
# Switches of the project's config, unset unless a mode sets them (so `serve` and builds cover both
# languages and the search index whatever the caller's environment holds)
SWITCHES = ("KB_WRITER_LANG", "KB_SKIP_SEARCH")


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in SWITCHES}
    return {**env, **(extra or {})}


def serve_command(mode: str, port: int, host: str = "127.0.0.1") -> tuple[dict[str, str], list[str]]:
    """The environment and `mkdocs …` arguments of the Makefile target `mode` (run from the tree)."""
    env_extra, flags = SERVE_MODES[mode]
    return dict(env_extra), ["mkdocs", "serve", "--dev-addr", f"{host}:{port}", "--livereload", *flags]



def first_search(base: str, site: Path, pages: dict[str, str]) -> dict[str, Any]:
    """Per language: the pagefind/ bytes a first search downloads (on the wire, and as files)."""
    out: dict[str, Any] = {}
    with sync_playwright() as pw, launch(pw) as browser:
        for lang, path in pages.items():
            context = browser.new_context()
            page = context.new_page()
            finished: list[Request] = []
            failed: list[Request] = []
            page.on("requestfinished", collector(finished))
            page.on("requestfailed", collector(failed))
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
                         "failed": [r.url for r in failed if "/pagefind/" in r.url]}
            context.close()
    return out


def collector(into: list[Request]) -> Callable[[Request], None]:
    """A request handler that keeps the requests (Playwright tags its handlers: no bound list.append)."""

    def collect(request: Request) -> None:
        into.append(request)

    return collect


def quiet(page: Page, finished: list[Request], idle: float = 1.0, limit: float = 30.0) -> None:
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


def _body(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return str(resp.read().decode("utf-8", "replace"))
    except Exception:
        return ""


def serve_check(tree: Path, rel: str, mode: str, edits: int) -> dict[str, Any]:
    """`make serve` / `make write` in the tree (its mkdocs.yml): how long an edit takes to show."""
    env_extra, args = serve_command(mode, 0)
    lang = env_extra.get("KB_WRITER_LANG", "fr")
    page_path = rel.removesuffix(".md") + "/"  # fr, the default language, is served at / in both modes
    logfile = tree / f"serve-{mode}.log"
    source = tree / "docs" / lang / rel
    original = source.read_text(encoding="utf-8")
    result: dict[str, Any] = {"mode": mode, "env": env_extra, "command": args, "page": page_path}
    flags = ["--livereload", *SERVE_MODES[mode][1]]
    started = time.perf_counter()
    with logfile.open("w") as out, contextlib.ExitStack() as serving:
        try:
            server = serving.enter_context(mkdocs_serve(
                tree, page_path, flags=flags, env=child_env(env_extra), inherit_env=False, timeout_s=600,
                output=out))
        except ServeError as error:
            raise SystemExit(str(error)) from None
        url = server.base + page_path
        try:
            result["first_build_seconds"] = round(time.perf_counter() - started, 1)
            visible: list[float | None] = []
            served: list[float] = []
            with sync_playwright() as pw, launch(pw) as browser:
                page = browser.new_page()
                console: list[str] = []
                page.on("console", lambda message: console.append(message.text))
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
            result["edit_to_served_seconds"] = served
            result["edit_to_visible_seconds"] = visible
            result["edit_to_served_median"] = statistics.median(served)
            shown = [v for v in visible if v is not None]
            result["edit_to_visible_median"] = statistics.median(shown) if len(shown) == len(visible) else None
            result["livereload_blocked_by_csp"] = any("Content Security Policy" in c for c in console)
        finally:
            source.write_text(original, encoding="utf-8")
    return result


