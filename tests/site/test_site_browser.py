"""Gates 6 and 7 in Chromium: every page of both languages loads with nothing from another origin, no
script error (the CSP included), and no axe-core violation. Each page is loaded once; the tests read
what that load recorded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import BrowserContext

from ..conftest import AxeChecker, ThirdPartyRecorder
from .site_helpers import LANGS, Page, pages

pytestmark = pytest.mark.browser
IDLE_TIMEOUT_MS = 20_000
RUNTIME_SETTLED = (
    "() => ![...document.querySelectorAll('[data-kb-widget]')].some((w) => w.dataset.kbState === 'loading')"
)


@dataclass
class Load:
    status: int | None = None
    third_party: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors (CSP refusals included), uncaught
    failed: list[str] = field(default_factory=list)  # requests answered >= 400 or not answered
    axe: list[dict[str, Any]] = field(default_factory=list)
    axe_error: str | None = None


def not_found(lang: str) -> Page:
    return Page(lang, "404", "404.html" if lang == "fr" else "en/404.html")


def all_pages(lang: str) -> list[Page]:
    return [*pages(lang), not_found(lang)]


@pytest.fixture(scope="module")
def loads(shared_context: BrowserContext, site_server: str, axe_check: AxeChecker,
          third_party_recorder: type[ThirdPartyRecorder]) -> dict[str, Load]:
    """Loads every page of both languages once; what each load did, by page path."""
    recorder = third_party_recorder(shared_context, site_server)
    page = shared_context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(f"console.error: {msg.text}")
            if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda exc: errors.append(f"uncaught: {exc}"))
    failed: list[str] = []
    page.on("requestfailed", lambda r: None if expected_failure(r.failure, r.url)
            else failed.append(f"failed ({r.failure}): {r.url}"))
    page.on("response", lambda r: failed.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    results: dict[str, Load] = {}
    for lang in LANGS:
        for p in all_pages(lang):
            load = results[p.path] = Load()
            response = page.goto(p.path, wait_until="load")
            load.status = response.status if response else None
            try:
                page.wait_for_load_state("networkidle", timeout=IDLE_TIMEOUT_MS)
                # a helper in view starts the Python runtime: its worker fetches in bursts (the network
                # is idle while WebAssembly compiles), so wait until no helper is still loading
                page.wait_for_function(RUNTIME_SETTLED, timeout=IDLE_TIMEOUT_MS)
                page.wait_for_load_state("networkidle", timeout=IDLE_TIMEOUT_MS)
            except Exception as exc:  # recorded; the page still gets checked
                errors.append(f"page not settled after {IDLE_TIMEOUT_MS} ms: {str(exc).splitlines()[0]}")
            load.third_party, load.errors, load.failed = recorder.take(), errors[:], failed[:]
            try:
                load.axe = axe_check(page)
            except Exception as exc:
                load.axe_error = str(exc)
            errors.clear()
            failed.clear()
    page.close()
    return results


@pytest.mark.parametrize("lang", LANGS)
def test_no_request_to_another_origin(loads: dict[str, Load], lang: str) -> None:
    offenders = {str(p): loads[p.path].third_party for p in all_pages(lang) if loads[p.path].third_party}
    assert not offenders, "requests to another origin:\n" + "\n".join(
        f"{page}: {url}" for page, urls in offenders.items() for url in urls
    )


def grouped(loads: dict[str, Load], lang: str, attr: str) -> str:
    """The page problems of one kind, each once with the pages where it happens ("" if none)."""
    by_problem: dict[str, list[str]] = {}
    for p in all_pages(lang):
        for problem in getattr(loads[p.path], attr):
            by_problem.setdefault(problem[:400], []).append(str(p))
    return "\n".join(
        f"{problem}\n    on {len(where)} page(s): {', '.join(where[:4])}{' …' if len(where) > 4 else ''}"
        for problem, where in by_problem.items()
    )


PROBED = re.compile(r"/assets/pyodide/(kb-snapshot\.[0-9a-f]+\.bin|pyodide\.asm\.[0-9a-f]+\.wasm)$")


def expected_failure(failure: str | None, url: str) -> bool:
    """A request cut by the next page load, or the worker asking the HTTP cache whether it already holds
    the snapshot or the wasm (`cache: "only-if-cached"`): on a first visit that probe fails by design."""
    return failure == "net::ERR_ABORTED" or (failure == "net::ERR_CACHE_MISS" and PROBED.search(url) is not None)


@pytest.mark.parametrize("lang", LANGS)
def test_pages_load_without_script_error(loads: dict[str, Load], lang: str) -> None:
    """Console errors include the Content-Security-Policy refusing a script of the theme."""
    problems = grouped(loads, lang, "errors")
    assert not problems, "errors in the console while loading:\n" + problems


@pytest.mark.parametrize("lang", LANGS)
def test_pages_make_no_failing_request(loads: dict[str, Load], lang: str) -> None:
    problems = grouped(loads, lang, "failed")
    assert not problems, "failing requests while loading:\n" + problems


@pytest.mark.parametrize("lang", LANGS)
def test_pages_are_served(loads: dict[str, Load], lang: str) -> None:
    statuses = {str(p): loads[p.path].status for p in pages(lang)}
    assert set(statuses.values()) == {200}, statuses


@pytest.mark.parametrize("page", [p for lang in LANGS for p in all_pages(lang)], ids=str)
def test_no_axe_violation(loads: dict[str, Load], axe_check: AxeChecker, page: Page) -> None:
    load = loads[page.path]
    assert load.axe_error is None, f"axe-core could not run: {load.axe_error}"
    assert not load.axe, f"{page}: axe-core violations\n" + axe_check.describe(load.axe)
