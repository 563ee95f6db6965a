"""A returning reader's local copies of the runtime (widgets/runtime/copies.js), in Chromium.

The worker keeps copies of the wasm, the lean zip and the snapshot in the origin-private file system once
a boot has used them, read from the HTTP cache (never downloaded for this). A returning reader's worker
boots from them at once, without the network; a copy of the wrong size, a damaged one, or an earlier
deploy's is never used, and is deleted or replaced.

The site is served here as a host serves it (hashed names `immutable`, the rest revalidated): the
session's `site_server` sends `no-store`, under which nothing is ever cached, so nothing is ever copied.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from kbdev.server import PROFILES, StaticServer  # tools/ is on sys.path (tests/conftest.py)
from kbdev.visits import LIST_COPIES  # the folder copies.js keeps, listed from a page
from playwright.sync_api import Page

from .conftest import READY_DETAIL, Helper, url

NUMBER, EXPECT = "NO 995 525 828 MVA", "NO995525828MVA"
COPIES_TIMEOUT_S = 30.0

# Writes files of the given sizes, every byte `fill`, into that folder: name -> size.
WRITE_COPIES = """async ([files, fill]) => {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle('kb-runtime', { create: true });
  for (const [name, size] of Object.entries(files)) {
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(new Uint8Array(size).fill(fill));
    await writable.close();
  }
}"""


@pytest.fixture(scope="module")
def host(built_site: Path) -> Iterator[str]:
    with StaticServer(built_site) as server:
        yield server.base


@pytest.fixture(scope="module")
def slow_host(built_site: Path) -> Iterator[str]:
    """The same host behind a 10 Mbit/s link (paced by the server: Playwright's routing would turn the
    browser's HTTP cache off, and with it every copy)."""
    with StaticServer(built_site, pacing=PROFILES["10mbit"]) as server:
        yield server.base


@pytest.fixture(scope="module")
def copy_sizes(built_site: Path) -> dict[str, int]:
    """The files copies.js keeps, by hashed name, with the size a complete copy has."""
    manifest = json.loads((built_site / "assets" / "pyodide" / "manifest.json").read_text())
    names = [manifest["files"][n] for n in ("pyodide.asm.wasm", "lib", "snapshot")]
    return {name: manifest["sizes"][name][0] for name in names}


def answer_once(page: Page, host: str) -> dict[str, Any]:
    """Opens the VAT guide, answers one number; returns the worker's ready timings."""
    page.goto(url(host, "vat", "en"))
    vat = Helper(page, "vat")
    vat.wait_ready()
    vat.field("number").fill(NUMBER)
    assert EXPECT in vat.wait_result("Norway").replace(" ", "")
    return dict(page.evaluate("window.__kbReady")["timings"])


def wait_copies(page: Page, expected: dict[str, int]) -> dict[str, int]:
    """Waits until the folder holds exactly `expected` (names and sizes); returns what it holds."""
    deadline = time.monotonic() + COPIES_TIMEOUT_S
    while True:
        found = dict(page.evaluate(LIST_COPIES))
        if found == expected or time.monotonic() > deadline:
            return found
        page.wait_for_timeout(250)


def test_returning_reader_boots_from_local_copies_without_the_network(
        page: Page, host: str, copy_sizes: dict[str, int]) -> None:
    page.add_init_script(READY_DETAIL)
    first = answer_once(page, host)
    assert first["from"] == "snapshot" and first["copies"] == 0
    assert wait_copies(page, copy_sizes) == copy_sizes
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    again = answer_once(page, host)
    assert again["path"] == "snapshot (local copy)" and again["copies"] == 3
    assert not [u for u in requested if any(name in u for name in copy_sizes)], "a copied file was requested"


def test_copy_of_the_wrong_size_is_not_used_and_is_replaced(
        page: Page, host: str, copy_sizes: dict[str, int]) -> None:
    page.add_init_script(READY_DETAIL)
    page.goto(host)
    snapshot = next(name for name in copy_sizes if name.startswith("kb-snapshot."))
    page.evaluate(WRITE_COPIES, [{snapshot: 1000}, 0])  # a write cut short
    timings = answer_once(page, host)
    assert timings["from"] == "snapshot" and "local copy" not in timings["path"]
    assert wait_copies(page, copy_sizes) == copy_sizes


def test_damaged_copies_are_deleted_and_the_helper_still_answers(
        page: Page, host: str, copy_sizes: dict[str, int]) -> None:
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.add_init_script(READY_DETAIL)
    page.goto(host)
    page.evaluate(WRITE_COPIES, [copy_sizes, 7])  # the right sizes, the wrong bytes
    timings = answer_once(page, host)
    assert timings["snapshot_failed"] is True and timings["from"] == "wheels"
    assert any("local copy of the wasm unusable" in w for w in warnings), warnings
    assert any("memory snapshot unusable" in w for w in warnings), warnings
    page.wait_for_timeout(2500)  # past the worker's wait before it writes copies (COPY_AFTER_MS, 1 s)
    assert dict(page.evaluate(LIST_COPIES)) == {}  # a boot from copies that failed: none of them is kept


def test_an_earlier_deploys_copies_are_deleted(page: Page, host: str, copy_sizes: dict[str, int]) -> None:
    page.add_init_script(READY_DETAIL)
    page.goto(host)
    page.evaluate(WRITE_COPIES, [{"kb-snapshot.000000000000.bin": 4096, "pyodide.asm.000000000000.wasm.part": 64}, 0])
    answer_once(page, host)
    assert wait_copies(page, copy_sizes) == copy_sizes


def test_a_returning_reader_whose_link_was_slow_boots_lean_from_what_is_here(
        page: Page, slow_host: str, copy_sizes: dict[str, int]) -> None:
    """The first visit went lean (no snapshot downloaded): the next ones boot lean again, from the copies
    of the wasm and zip, or from the HTTP cache when there are none, and never fetch the snapshot."""
    page.add_init_script(READY_DETAIL)
    fetched: list[str] = []  # responses only: the worker asks the HTTP cache first (only-if-cached)
    page.on("response", lambda response: fetched.append(response.url))
    assert answer_once(page, slow_host)["path"] == "lean (slow link)"
    lean = {name: size for name, size in copy_sizes.items() if not name.startswith("kb-snapshot.")}
    assert wait_copies(page, lean) == lean
    again = answer_once(page, slow_host)
    assert again["path"] == "lean (wasm cached)" and again["copies"] == 2
    page.evaluate("async () => (await navigator.storage.getDirectory()).removeEntry('kb-runtime', {recursive: true})")
    from_cache = answer_once(page, slow_host)
    assert from_cache["path"] == "lean (wasm cached)" and from_cache["copies"] == 0
    assert not [u for u in fetched if "kb-snapshot." in u], "the snapshot was fetched"


def test_a_returning_readers_helper_out_of_view_is_ready_when_reached(
        page: Page, host: str, copy_sizes: dict[str, int]) -> None:
    """The worker booted by itself from the copies: reaching the helper must not put it back to "loading"."""
    page.add_init_script(READY_DETAIL)
    answer_once(page, host)
    assert wait_copies(page, copy_sizes) == copy_sizes
    page.goto(url(host, "payment", "en"))
    payment = Helper(page, "payment")
    page.wait_for_function("() => window.__kbReady !== undefined")  # before the reader comes near the helper
    assert payment.root.get_attribute("data-kb-state") == "ready"
    assert page.evaluate("window.__kbReady")["timings"]["path"] == "snapshot (local copy)"
    payment.root.scroll_into_view_if_needed()
    payment.root.locator("input, select").first.focus()
    page.wait_for_timeout(500)
    assert payment.root.get_attribute("data-kb-state") == "ready"
