"""Helpers of the helper tests: open a guide, wait for a helper to be ready, fill its fields by name;
run `mkdocs serve` as a writer does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from kbdev import serve  # tools/ is on sys.path (tests/conftest.py)
from playwright.sync_api import Locator, Page, Route

# Keeps the worker's "ready" detail (its timings, the boot path) where a test can read it: window.__kbReady.
READY_DETAIL = "document.addEventListener('kb:ready', e => { window.__kbReady = e.detail; })"
READY_TIMEOUT_MS = 60_000  # a cold Pyodide boot on a loaded 2-core CI machine

PAGES = {
    "eligibility": "becoming-a-partner/reseller-programme/",
    "access": "working-with-a-partner/access-types/",
    "payment": "billing-and-vat/payment-methods/",
    "vat": "billing-and-vat/vat-number/",
    "onboarding": "working-with-a-partner/add-a-client/",
    "support_code": "support/support-and-vip-codes/",
}


def url(base: str, name: str, lang: str = "fr", fragment: str = "") -> str:
    prefix = "" if lang == "fr" else "en/"
    return f"{base}{prefix}{PAGES[name]}{'#' + fragment if fragment else ''}"


class Helper:
    def __init__(self, page: Page, name: str) -> None:
        self.page = page
        self.name = name
        self.root = page.locator(f"[data-kb-widget='{name}']")
        self.result = self.root.locator("[data-kb-result]")

    def field(self, name: str) -> Locator:
        return self.root.locator(f"[name='{name}']")

    def wait_state(self, state: str) -> None:
        """Waits for the helper's data-kb-state (idle, loading, ready, error)."""
        self.page.wait_for_function(
            "([name, state]) => document.querySelector(`[data-kb-widget='${name}']`).dataset.kbState === state",
            arg=[self.name, state], timeout=READY_TIMEOUT_MS,
        )

    def wait_ready(self) -> None:
        self.root.scroll_into_view_if_needed()
        self.wait_state("ready")

    def wait_result(self, contains: str) -> str:
        self.result.locator(".kb-result").filter(has_text=contains).first.wait_for(timeout=READY_TIMEOUT_MS)
        return self.result.inner_text()

    def wait_verdict(self, verdict: str) -> None:
        """Waits until the answer shown is `verdict` (ok, ko, not-covered, info)."""
        self.page.wait_for_function(
            "([name, verdict]) => document.querySelector(`[data-kb-widget='${name}'] .kb-result`)"
            "?.dataset.kbVerdict === verdict",
            arg=[self.name, verdict], timeout=READY_TIMEOUT_MS,
        )

    def verdict(self) -> str | None:
        return self.result.locator(".kb-result").first.get_attribute("data-kb-verdict")


def slow_link(page: Page) -> None:
    """The manifest says the snapshot is huge: on any link, fetching it would take longer than booting without it."""
    def patched(route: Route) -> None:
        manifest = route.fetch().json()
        manifest["sizes"][manifest["files"]["snapshot"]][1] = 10**13
        route.fulfill(json=manifest)
    page.route("**/assets/pyodide/manifest.json", patched)


OpenHelper = Callable[..., Helper]
"""`open_helper(name, lang="fr", fragment="", ready=True)`: opens a helper's guide, waits until it is ready."""


@pytest.fixture
def open_helper(page: Page, site_server: str) -> OpenHelper:
    def _open(name: str, lang: str = "fr", fragment: str = "", ready: bool = True) -> Helper:
        page.goto(url(site_server, name, lang, fragment))
        helper = Helper(page, name)
        if ready:
            helper.wait_ready()
        return helper

    return _open


# ---------- `mkdocs serve`, as a writer previews (test_serve_preview.py, test_dev_banner.py) ----------

SERVE_START_S = 180  # a first serve builds the runtime and both languages on a loaded 2-core machine


@contextmanager
def mkdocs_serve(project: Path, ready_path: str, *, livereload: bool, env: dict[str, str] | None = None,
                 ) -> Iterator[str]:
    """Runs `mkdocs serve` in `project` (kbdev.serve); yields its base URL once `ready_path` answers.

    Fails the test (with the server's output) when the server exits or is not ready in time; stops it after.
    """
    flags = ["--livereload" if livereload else "--no-livereload"]
    try:
        with serve.mkdocs_serve(project, ready_path, flags=flags, env=env, timeout_s=SERVE_START_S) as server:
            yield server.base
    except serve.ServeError as error:
        pytest.fail(str(error), pytrace=False)
