"""Writers preview with `mkdocs serve`: the helpers work there too (wheel and runtime built by the hook)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Helper
from kbdev.common import free_port  # tools/ is on sys.path (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def serve_url() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"mkdocs serve exited {proc.returncode}:\n{proc.stdout.read() if proc.stdout else ''}")
            try:
                with urllib.request.urlopen(base + "assets/pyodide/manifest.json", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("mkdocs serve did not serve the site within 180 s")
                time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_wasm_is_served_as_wasm(serve_url: str) -> None:
    with urllib.request.urlopen(serve_url + "assets/pyodide/manifest.json", timeout=10) as response:
        wasm = json.load(response)["files"]["pyodide.asm.wasm"]  # content-hashed name
    with urllib.request.urlopen(serve_url + "assets/pyodide/" + wasm, timeout=10) as response:
        assert response.headers["Content-Type"] == "application/wasm"


@pytest.mark.parametrize(("lang", "path", "expected"), [
    ("fr", "billing-and-vat/vat-number/", "Écriture valable"),
    ("en", "en/billing-and-vat/vat-number/", "Correctly written"),
])
def test_vat_helper_under_mkdocs_serve(page: Any, serve_url: str, lang: str, path: str, expected: str) -> None:
    page.goto(serve_url + path)
    vat = Helper(page, "vat")
    vat.wait_ready()
    vat.field("number").fill("CHE-116.281.710 TVA")
    assert "CHE116281710TVA" in vat.wait_result(expected)
