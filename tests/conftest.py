"""Shared fixtures of the browser and site tests.

- `site_build` / `built_site`: the site, built once per session with `mkdocs build --strict`
  (or the folder named by the KB_SITE_DIR environment variable, already built);
- `site_server`: that folder served on 127.0.0.1 by tools/kbdev/server.py (MIME types, precompressed files,
  per-language 404 pages; no-store, content-hashed names immutable as on a host);
- `browser_type_launch_args`: pytest-playwright drives Debian's Chromium (tools/kbdev/browser.py);
- `unavailable(reason)`: a missing tool skips, or fails when `CI` is set;
- `no_third_party`: fails the test if the page requested anything from another origin
  (`third_party_recorder` records the same for a context you made yourself);
- `axe_check`: runs axe-core (node_modules/axe-core) in a page and returns its violations.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
sys.path.insert(0, str(ROOT / "tools"))  # kbdev: the server and the Chromium launcher the benchmarks use too

from kbdev.browser import chromium_path, launch_options  # noqa: E402
from kbdev.server import StaticServer, cache_policy  # noqa: E402

# ---------- the built site ----------

@dataclass(frozen=True)
class SiteBuild:
    path: Path
    log: str | None  # mkdocs' output; None when KB_SITE_DIR named an already-built site


@pytest.fixture(scope="session")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    prebuilt = os.environ.get("KB_SITE_DIR")
    if prebuilt:
        path = Path(prebuilt).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"KB_SITE_DIR={prebuilt} is not a built site (no index.html)")
        return SiteBuild(path, None)
    path = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    log = done.stdout + done.stderr
    if done.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed ({done.returncode}):\n{log}", pytrace=False)
    return SiteBuild(path, log)


@pytest.fixture(scope="session")
def built_site(site_build: SiteBuild) -> Path:
    return site_build.path


# ---------- serving it, and the browser (one server and one launcher for tests and benchmarks) ----------

@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL ("http://127.0.0.1:PORT/") of the built site, served as a static host does (kbdev.server)."""
    with StaticServer(built_site, cache=cache_policy("no-store")) as server:
        yield server.base


def unavailable(reason: str) -> NoReturn:
    """A missing tool: a skip on a writer's machine, a failure when `CI` is set (CI must not stay green)."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: a missing tool is a failure)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if chromium_path() is None:
        unavailable("Debian's chromium is not installed (make setup installs it)")
    return {**browser_type_launch_args, **launch_options()}


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class ThirdPartyRecorder:
    """Records every request of a browser context whose origin is not the site's (data:/blob: are fine)."""

    def __init__(self, context: BrowserContext, base_url: str) -> None:
        self.allowed = origin(base_url)
        self.offenders: list[str] = []
        context.on("request", lambda request: self._check(request.url))
        # "websocket" is an event of a page, not of a context (the context never emitted it)
        for page in context.pages:
            self._watch(page)
        context.on("page", self._watch)

    def _watch(self, page: Page) -> None:
        page.on("websocket", lambda ws: self._check(ws.url))

    def _check(self, url: str) -> None:
        if url.startswith(("data:", "blob:", "about:")):
            return
        if origin(url) != self.allowed:
            self.offenders.append(url)

    def take(self) -> list[str]:
        found, self.offenders = self.offenders, []
        return found


@pytest.fixture(scope="session")
def third_party_recorder() -> type[ThirdPartyRecorder]:
    """For contexts other than pytest-playwright's: `third_party_recorder(context, base_url).take()`."""
    return ThirdPartyRecorder


@pytest.fixture
def no_third_party(page: Page, site_server: str) -> Iterator[ThirdPartyRecorder]:
    """Use with pytest-playwright's `page`: the test fails if the page fetched anything from another origin."""
    recorder = ThirdPartyRecorder(page.context, site_server)
    yield recorder
    offenders = recorder.take()
    assert not offenders, "requests to another origin:\n" + "\n".join(offenders)


class AxeChecker:
    """`axe_check(page)` -> axe-core's violations (list of dicts); `axe_check.describe(v)` for messages."""

    def __call__(self, page: Page, context: Any = None, options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if not self._loaded(page):
            # Not page.add_script_tag: the site's CSP refuses inline scripts (and logs an error that the
            # console checks would blame on the page). Evaluated through DevTools, no CSP applies.
            page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            "([context, options]) => axe.run(context || document, options || {})", [context, options]
        )
        return list(result["violations"])

    @staticmethod
    def _loaded(page: Page) -> bool:
        return bool(page.evaluate("() => typeof window.axe !== 'undefined'"))

    @staticmethod
    def describe(violations: list[dict[str, Any]]) -> str:
        lines = []
        for v in violations:
            lines.append(f"{v['id']} ({v.get('impact')}): {v.get('help')}")
            lines += [f"    {node.get('target')}  {node.get('failureSummary', '').splitlines()[-1:]}"
                      for node in v.get("nodes", [])]
        return "\n".join(lines)


@pytest.fixture(scope="session")
def axe_check() -> AxeChecker:
    if not AXE.is_file():
        pytest.fail("node_modules/axe-core/axe.min.js is missing: run `npm ci`")
    return AxeChecker()
