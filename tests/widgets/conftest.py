"""Helpers of the helper tests: open a guide, wait for a helper to be ready, fill its fields by name;
run `mkdocs serve` as a writer does."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from kbdev.common import free_port  # tools/ is on sys.path (tests/conftest.py)
from playwright.sync_api import Locator, Page

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
    """Runs `mkdocs serve` in `project` on a free port; yields its base URL once `ready_path` answers.

    Fails the test (with the server's output) when the server exits or is not ready in time; stops it after.
    """
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}",
         "--livereload" if livereload else "--no-livereload"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + SERVE_START_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"mkdocs serve exited {proc.returncode}:\n{proc.stdout.read() if proc.stdout else ''}")
            try:
                with urllib.request.urlopen(base + ready_path, timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"mkdocs serve did not serve {ready_path} within {SERVE_START_S} s")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
