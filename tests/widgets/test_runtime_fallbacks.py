"""The worker's boot paths (widgets/runtime/worker.js) and the fallbacks between them, in Chromium.

- lean: chosen when the link would bring the snapshot more slowly than a boot without it computes;
- a module the snapshot lacks but the lean zip has: imported from the zip, no reboot;
- a module both lack: the answer comes from a reboot on the full stdlib and the wheels.
The other fallbacks (missing, corrupt, other-version snapshot) are in test_helpers_browser.py.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import READY_DETAIL, Helper, slow_link, url

ROOT = Path(__file__).resolve().parent.parent.parent
FRENCH_VAT = "FR40303265045"  # valid: its stdnum module is stdnum.fr.tva
MISSING = "stdnum/fr/tva.pyc"  # the lean zip holds bytecode


def _manifest(site: Path) -> dict[str, Any]:
    return dict(json.loads((site / "assets" / "pyodide" / "manifest.json").read_text()))


@pytest.fixture(scope="session")
def without_french_vat(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A lean zip without stdnum.fr.tva, and a snapshot made from it without the French warm-up."""
    node = shutil.which("node")
    if not node:
        pytest.fail("node is required to make a test snapshot (make setup installs it)")
    assets = built_site / "assets" / "pyodide"
    manifest = _manifest(built_site)
    work = tmp_path_factory.mktemp("runtime")
    # make_snapshot.mjs wants the runtime under Pyodide's own names: link them to the site's hashed files
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm"):
        (work / name).symlink_to(assets / manifest["files"][name])
    (work / "pyodide-lock.json").symlink_to(assets / "pyodide-lock.json")
    buffer = io.BytesIO()
    with zipfile.ZipFile(assets / manifest["files"]["lib"]) as full, zipfile.ZipFile(buffer, "w") as lean:
        assert MISSING in full.namelist()
        for info in full.infolist():
            if info.filename != MISSING:
                lean.writestr(info, full.read(info))
    (work / "lib.zip").write_bytes(buffer.getvalue())
    done = subprocess.run([node, "tools/make_snapshot.mjs", "snapshot", str(work), str(work / "lib.zip"),
                           str(work / "snapshot.bin"), "--skip-country", "FR"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return {"lib": buffer.getvalue(), "snapshot": (work / "snapshot.bin").read_bytes(),
            "full_lib": (assets / manifest["files"]["lib"]).read_bytes()}


def _serve(page: Any, pattern: str, body: bytes) -> None:
    page.route(pattern, lambda route: route.fulfill(status=200, body=body,
                                                    headers={"Content-Type": "application/octet-stream"}))


def _answer_french_vat(page: Any, site_server: str) -> tuple[dict[str, Any], list[str]]:
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else None)
    page.add_init_script(READY_DETAIL)
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.wait_ready()
    ready = dict(page.evaluate("window.__kbReady"))
    vat.field("number").fill(FRENCH_VAT)
    vat.wait_verdict("ok")
    assert FRENCH_VAT in vat.result.inner_text().replace(" ", "")
    return ready, warnings


def _rebooted(warnings: list[str]) -> bool:
    return any("rebooting from the wheels" in w for w in warnings)


def test_slow_link_boots_lean_without_the_snapshot(page: Any, site_server: str) -> None:
    fetched: list[str] = []  # responses only: the worker asks the disk cache first (only-if-cached)
    page.on("response", lambda response: fetched.append(response.url))
    slow_link(page)
    ready, warnings = _answer_french_vat(page, site_server)
    assert ready["timings"]["from"] == "lean" and "slow link" in ready["timings"]["path"]
    assert not [u for u in fetched if "kb-snapshot" in u], "the lean boot fetched the snapshot"
    assert not _rebooted(warnings)


def test_module_the_snapshot_lacks_is_imported_from_the_lean_zip(
        page: Any, site_server: str, without_french_vat: dict[str, bytes]) -> None:
    _serve(page, "**/kb-snapshot.*.bin", without_french_vat["snapshot"])
    _serve(page, "**/kb-lib.*.zip", without_french_vat["full_lib"])
    ready, warnings = _answer_french_vat(page, site_server)
    assert ready["timings"]["from"] == "snapshot"
    assert not _rebooted(warnings)


@pytest.mark.parametrize("boot", ["snapshot", "lean"])
def test_module_missing_from_the_fast_boots_reboots_from_the_wheels_and_answers(
        page: Any, site_server: str, without_french_vat: dict[str, bytes], boot: str) -> None:
    if boot == "lean":
        slow_link(page)
        page.route("**/kb-snapshot.*.bin", lambda route: route.abort())  # a routed one would look cached
    else:
        _serve(page, "**/kb-snapshot.*.bin", without_french_vat["snapshot"])
    _serve(page, "**/kb-lib.*.zip", without_french_vat["lib"])
    ready, warnings = _answer_french_vat(page, site_server)
    assert ready["timings"]["from"] == boot
    assert _rebooted(warnings), warnings


def test_missing_lean_zip_fails_with_the_retry_offered(page: Any, site_server: str) -> None:
    page.route("**/kb-lib.*.zip", lambda route: route.fulfill(status=404, body=b""))
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.root.scroll_into_view_if_needed()
    vat.field("number").fill(FRENCH_VAT)
    vat.wait_state("error")
    assert vat.root.locator("[data-kb-retry]").is_visible()




NO_WORKERS = """window.__kbWorkers = 0;
window.Worker = function () { window.__kbWorkers++; throw new TypeError('module workers are not supported'); }"""


def test_a_browser_without_module_workers_gets_the_error_with_the_retry(page: Any, site_server: str) -> None:
    page.add_init_script(NO_WORKERS)
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.wait_state("error")
    assert vat.root.locator("[data-kb-retry]").is_visible()
    vat.field("number").fill(FRENCH_VAT)  # typing into a helper whose runtime failed tries nothing again
    assert vat.root.get_attribute("data-kb-state") == "error"
    assert page.evaluate("window.__kbWorkers") == 1


SAVE_DATA = "Object.defineProperty(navigator.connection, 'saveData', {get: () => true})"


def test_save_data_starts_nothing_before_the_reader_asks(page: Any, site_server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.add_init_script(SAVE_DATA)
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.root.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # in view long enough for the in-view start, which is immediate
    assert vat.root.get_attribute("data-kb-state") == "idle"
    assert not [u for u in requested if "/assets/pyodide/" in u or "/assets/kb/worker." in u]
    vat.field("number").focus()  # the reader asks
    vat.wait_state("ready")
    vat.field("number").fill(FRENCH_VAT)
    vat.wait_verdict("ok")


def test_save_data_boots_from_the_fewest_bytes_once_asked(page: Any, site_server: str) -> None:
    """Under Save-Data the lean zip (4.15 MB), never the snapshot (7.60 MB in all), whatever the link."""
    fetched: list[str] = []  # responses only: the worker asks the HTTP cache first (only-if-cached)
    page.on("response", lambda response: fetched.append(response.url))
    page.add_init_script(SAVE_DATA)
    page.add_init_script(READY_DETAIL)
    page.goto(url(site_server, "vat", "en"))
    vat = Helper(page, "vat")
    vat.root.scroll_into_view_if_needed()
    vat.field("number").fill(FRENCH_VAT)
    vat.wait_verdict("ok")
    assert page.evaluate("window.__kbReady")["timings"]["path"] == "lean (save-data)"
    assert not [u for u in fetched if "kb-snapshot." in u], "the snapshot was fetched"
